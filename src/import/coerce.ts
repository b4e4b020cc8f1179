/**
 * One cell → the value its column's schema expects, or a reason a clerk can
 * act on. Only unambiguous rewrites are made (full-width digits, 2026/11/2
 * for 2026-11-02, 是/否 for true/false, 度分秒 for decimal degrees); anything
 * else is refused with the form the column wants. zod then checks the value
 * itself (ranges, enum members, formats), so a rule lives in one place.
 */
import { isCellError, type CellValue } from './cells.ts';
import type { Column } from './columns.ts';

/** A value, with a note when the cell was rewritten in a way the clerk should check (an Excel date serial). */
export type Coerced = { ok: true; value: unknown; note?: string } | { ok: false; reason: string };

const ok = (value: unknown, note?: string): Coerced => (note === undefined ? { ok: true, value } : { ok: true, value, note });
const fail = (reason: string): Coerced => ({ ok: false, reason });

/** Separators of a list cell: 、 and ；, and for codes and dates also commas; a line break always. */
const LIST_SEPARATORS = /[、;；\n]+/;
const LIST_SEPARATORS_WITH_COMMAS = /[、;；,，\n]+/;

const nfkc = (s: string) => s.normalize('NFKC').trim();

const TRUE = new Set(['是', '需要', '有', 'true', 'yes', 'y', '1', '√', '✓', '✔']);
const FALSE = new Set(['否', '不需要', '无', '没有', 'false', 'no', 'n', '0', '×', '✗', '✘']);

const pad = (n: number) => String(n).padStart(2, '0');
/** An Excel date is a UTC instant at the cell's calendar date (exceljs): read its UTC fields. */
const dateOfExcel = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const timeOfExcel = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** 2026/11/2, 2026.11.2, 2026年11月2日, 2026-11-2 → 2026-11-02; with an optional 9:00. Day–month orders are never guessed. */
const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2})[:：](\d{2}))?$/;

/** Excel's day 0 (serial 1 is 1900-01-01; the serials count the 1900 leap day Excel invented, so day 0 is 1899-12-30 for every date after February 1900). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials of 1950-01-01 and 2099-12-31: a number outside is not a date someone meant. */
const SERIAL_RANGE = [18264, 73050] as const;

function fromSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH + Math.round(serial * 86400) * 1000);
}

function coerceDate(v: CellValue, withTime: boolean): Coerced {
  if (v instanceof Date) {
    const time = timeOfExcel(v);
    return ok(withTime && time !== '00:00' ? `${dateOfExcel(v)} ${time}` : dateOfExcel(v));
  }
  // A date cell formatted 常规 (or pasted from another sheet) shows Excel's day number: 46328 is 2026-11-02.
  if (typeof v === 'number' && v >= SERIAL_RANGE[0] && v <= SERIAL_RANGE[1]) {
    const r = coerceDate(fromSerial(v), withTime);
    if (!r.ok) return r;
    return ok(r.value, `单元格是 Excel 日期序号 ${v}，已按 ${String(r.value)} 导入：请核对，并把这一列的单元格格式设为“日期”或“文本”`);
  }
  if (typeof v !== 'string') return fail(`应为日期，写作 YYYY-MM-DD，如 2026-11-02（单元格是${typeof v === 'number' ? `数字 ${v}，不是 Excel 日期序号` : '是/否'}）`);
  const s = nfkc(v);
  // The same day number as text: a CSV saved from a sheet whose date column was formatted 常规.
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return coerceDate(Number(s), withTime);
  const m = YMD.exec(s);
  if (!m) return ok(s); // zod's date message shows the right form
  const date = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return ok(withTime && m[4] !== undefined ? `${date} ${pad(Number(m[4]))}:${m[5]}` : date);
}

/** 123°59′7.8″, 123度59分7.8秒, 123°59.13′ → decimal degrees. */
const DMS = /^(\d{1,3})\s*[°度]\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′’分]\s*)?(?:(\d{1,2}(?:\.\d+)?)\s*(?:["″”]|''|′′|秒)\s*)?([EWNS东西南北])?$/i;

function coerceCoordinate(v: CellValue, column: Column): Coerced {
  if (typeof v === 'number') return ok(v);
  const name = column.axis === 'lat' ? '纬度' : '经度';
  if (typeof v !== 'string') return fail(`应为${name}，十进制度，如 ${column.axis === 'lat' ? '47.3682' : '123.9855'}`);
  const s = nfkc(v);
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return ok(Number(s));
  const m = DMS.exec(s);
  if (m) {
    const value = Number(m[1]) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
    const negative = m[4] !== undefined && /[WS西南]/i.test(m[4]);
    return ok(Math.round((negative ? -value : value) * 1e7) / 1e7);
  }
  return fail(`“${v}”不是${name}：应为十进制度（如 ${column.axis === 'lat' ? '47.3682' : '123.9855'}）或度分秒（如 ${column.axis === 'lat' ? '47°22′05.5″' : '123°59′07.8″'}）`);
}

function coerceNumber(v: CellValue, integer: boolean): Coerced {
  const example = integer ? '30' : '12.5';
  if (typeof v === 'number') return ok(v);
  if (typeof v !== 'string') return fail(`应为${integer ? '整数' : '数字'}，如 ${example}`);
  const s = nfkc(v).replace(/(?<=\d),(?=\d{3}\b)/g, '');
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return ok(Number(s));
  if (/^-?\d+(?:\.\d+)?\s*\S+$/.test(s)) return fail(`“${v}”应只填${integer ? '整数' : '数字'}，不带单位或文字，如 ${example}`);
  return fail(`“${v}”不是${integer ? '整数' : '数字'}，应填如 ${example}`);
}

function coerceBoolean(v: CellValue): Coerced {
  if (typeof v === 'boolean') return ok(v);
  const s = nfkc(String(v instanceof Date ? '' : v)).toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return fail(`“${String(v)}”应填“是”或“否”`);
}

/** Full-width digits and Latin letters (１２号, ＡＢ) as ASCII; other characters (〔〕, Han) as written. */
const asciiAlnum = (s: string) => s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function coerceText(v: CellValue, column: Column): Coerced {
  if (typeof v === 'string') {
    if (column.kind === 'enum' || column.format !== undefined) return ok(nfkc(v));
    // Codes (文号, 许可证号, 信用代码) are matched and checked as ASCII: ２０２６ and 2026 are one 文号.
    return ok(column.code ? asciiAlnum(v.trim()) : v.trim());
  }
  if (v instanceof Date) return fail('单元格被 Excel 设成了日期格式，这一列应为文字：请把单元格格式设为“文本”后重新填写');
  // A number typed in a text column (a code, a year in a title) is its digits.
  return ok(String(v));
}

/** A polygon cell: “经度,纬度；经度,纬度；…” (one ring; rings separated by |), or GeoJSON coordinates as JSON. */
function coercePolygon(v: CellValue): Coerced {
  if (typeof v !== 'string') return fail('应为多边形顶点“经度,纬度；经度,纬度；…”');
  const s = nfkc(v);
  if (s.startsWith('[') || s.startsWith('{')) {
    try {
      const parsed = JSON.parse(s) as unknown;
      return ok(Array.isArray(parsed) ? { type: 'Polygon', coordinates: parsed } : parsed);
    } catch {
      return fail('以 [ 或 { 开头的多边形应为 GeoJSON（JSON 格式有误）');
    }
  }
  const rings: number[][][] = [];
  for (const ringText of s.split('|')) {
    const ring: number[][] = [];
    for (const pair of ringText.split(/[;；\n]+/).map((p) => p.trim()).filter(Boolean)) {
      const parts = pair.split(/\s*[,，\s]\s*/).map(Number);
      if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return fail(`多边形顶点“${pair}”应写作“经度,纬度”，顶点之间用分号分隔`);
      ring.push(parts);
    }
    // Closing the ring is implied: the last vertex repeats the first.
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
    rings.push(ring);
  }
  return ok({ type: 'Polygon', coordinates: rings });
}

function coerceJson(v: CellValue): Coerced {
  if (typeof v !== 'string') return ok(v);
  try {
    return ok(JSON.parse(v) as unknown);
  } catch {
    return fail('这一列应为 JSON（格式有误）');
  }
}

/** One value of a column (for a list column: one item). */
function coerceOne(v: CellValue, column: Column): Coerced {
  switch (column.kind) {
    case 'date':
      return coerceDate(v, false);
    case 'datetime':
      return coerceDate(v, true);
    case 'integer':
    case 'number':
      return coerceNumber(v, column.kind === 'integer');
    case 'boolean':
      return coerceBoolean(v);
    case 'coordinate':
      return coerceCoordinate(v, column);
    case 'polygon':
      return coercePolygon(v);
    case 'json':
      return coerceJson(v);
    case 'text':
    case 'enum':
      return coerceText(v, column);
  }
}

/** The cell's value for its column; an empty cell never gets here. */
export function coerceCell(v: CellValue, column: Column): Coerced {
  if (isCellError(v)) return fail(v.error);
  if (!column.list) return coerceOne(v, column);
  if (typeof v !== 'string') {
    const r = coerceOne(v, column);
    return r.ok ? ok([r.value]) : r;
  }
  const separators = column.kind === 'text' ? LIST_SEPARATORS : LIST_SEPARATORS_WITH_COMMAS;
  const items: unknown[] = [];
  for (const part of v.split(separators).map((p) => p.trim()).filter(Boolean)) {
    const r = coerceOne(part, column);
    if (!r.ok) return fail(`“${part}”：${r.reason}`);
    items.push(r.value);
  }
  return ok(items);
}

/** The separator a list cell is written with (template, export). */
export const LIST_JOIN = '、';
