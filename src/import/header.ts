/**
 * The header row: which column of the sheet is which field. A header may be
 * the template's Chinese label (名称), the field key (name), or a label of
 * the label table's aliases; spaces, full-width forms, “·” and “（必填）”
 * do not matter. Clerks often put a title row above the table, so the header
 * is the first of the first rows that names known columns.
 */
import { cellText, columnLetter } from './cells.ts';
import type { Column, ColumnSet } from './columns.ts';
import type { ImportProblem } from './problems.ts';
import type { Table } from './table.ts';

/** A column that is not a schema field: 备注 (notes and the 示例 marker), 坐标系. */
export type ExtraColumn = {
  key: string;
  label: string;
  help: string;
  aliases?: readonly string[];
  values?: readonly string[];
  /** Rows whose cell here starts with one of these words are not records (the template's 填写说明 and 示例 rows). */
  skipRowsMarked?: readonly string[];
};

export type MappedColumn = { index: number; letter: string; header: string; column: Column };
export type MappedExtra = { index: number; letter: string; header: string; extra: ExtraColumn };
export type HeaderMap = { row: number; fields: MappedColumn[]; extras: MappedExtra[] };

/** Rows searched for the header. */
const HEADER_SEARCH_ROWS = 10;

/** A header as compared: NFKC, lower case, no spaces or separators, no 必填/选填 marks. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（]\s*(?:必填|选填|可选|必选)\s*[)）]|[*＊]/g, '')
    .toLowerCase()
    .replace(/[\s·・•.\-_:：]/g, '');
}

type Candidate = { column: Column; extra?: undefined } | { extra: ExtraColumn; column?: undefined };

function candidates(set: ColumnSet, extras: readonly ExtraColumn[]): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  const add = (name: string, c: Candidate) => {
    const n = normalizeHeader(name);
    if (n !== '' && !out.has(n)) out.set(n, c);
  };
  for (const column of set.columns) {
    add(column.label, { column });
    add(column.key, { column });
    for (const a of column.aliases) add(a, { column });
  }
  for (const extra of extras) {
    add(extra.label, { extra });
    add(extra.key, { extra });
    for (const a of extra.aliases ?? []) add(a, { extra });
  }
  return out;
}

/** Edit distance, for “did you mean” on a mistyped header. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

function suggestion(header: string, set: ColumnSet, extras: readonly ExtraColumn[]): string {
  const n = normalizeHeader(header);
  const labels = [...set.columns.filter((c) => c.group === undefined || c.group.index === 1).map((c) => c.label), ...extras.map((e) => e.label)];
  const close = labels.filter((l) => distance(n, normalizeHeader(l)) <= Math.max(1, Math.floor([...n].length / 3)));
  return close.length > 0 ? `（是不是“${close.slice(0, 3).join('”或“')}”？）` : '';
}

export function mapHeader(table: Table, set: ColumnSet, extras: readonly ExtraColumn[]): { header: HeaderMap | undefined; problems: ImportProblem[] } {
  const known = candidates(set, extras);
  const problems: ImportProblem[] = [];
  const matches = (cells: readonly unknown[]) => cells.filter((c) => known.has(normalizeHeader(cellText(c as never)))).length;
  const headerRow = table.rows.slice(0, HEADER_SEARCH_ROWS).find((r) => {
    const filled = r.cells.filter((c) => cellText(c) !== '').length;
    const m = matches(r.cells);
    return m >= 2 || (m >= 1 && m === filled);
  });
  if (!headerRow) {
    const firstLabels = set.columns.filter((c) => c.headerRequired).slice(0, 4).map((c) => c.label).join('、');
    problems.push({ reason: `找不到表头：前 ${HEADER_SEARCH_ROWS} 行中没有可识别的列名（应有“${firstLabels}”等列）。请用 npm run import -- --template <类型> 生成的模板填写`, severity: 'error' });
    return { header: undefined, problems };
  }
  const header: HeaderMap = { row: headerRow.row, fields: [], extras: [] };
  const seen = new Map<Column | ExtraColumn, string>();
  headerRow.cells.forEach((cell, index) => {
    const text = cellText(cell);
    const letter = columnLetter(index + 1);
    if (text === '') {
      const filled = table.rows.find((r) => r.row > headerRow.row && cellText(r.cells[index]) !== '');
      if (filled) problems.push({ row: headerRow.row, column: letter, reason: `这一列没有列名，第 ${filled.row} 行起的内容不会导入`, severity: 'warning' });
      return;
    }
    const c = known.get(normalizeHeader(text));
    if (!c) {
      problems.push({ row: headerRow.row, column: letter, label: text, reason: `不认识这个列名${suggestion(text, set, extras)}；可用的列名见模板和 docs/data-format.md`, severity: 'error' });
      return;
    }
    const key = c.column ?? c.extra;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ row: headerRow.row, column: letter, label: text, reason: `与 ${first} 列重复：同一字段只能有一列`, severity: 'error' });
      return;
    }
    seen.set(key, letter);
    if (c.column) header.fields.push({ index, letter, header: text, column: c.column });
    else header.extras.push({ index, letter, header: text, extra: c.extra });
  });
  for (const column of set.columns)
    if (column.headerRequired && !seen.has(column))
      problems.push({ row: headerRow.row, field: column.key, reason: `表头缺少必填列“${column.label}”（字段 ${column.key}）`, severity: 'error' });
  return { header, problems };
}
