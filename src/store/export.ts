/**
 * Staff exports of stored submissions (npm run opinions:export,
 * applications:export): one table, written as CSV and XLSX by exceljs, in
 * two views that never share a file:
 *
 * - 脱敏 (masked, the default): names masked with maskPersonName, phone
 *   numbers with maskSpan, choices (radio, checkbox) shown, every other
 *   personal field withheld, each field's class read from the form schema
 *   (src/schema/submission.ts, which also gives the columns); personal
 *   data the sender typed into the text itself (a phone number in the
 *   opinion) masked with the privacy guard's findPersonalData.
 * - 含个人信息 (unmasked): everything as received, only on request.
 *
 * Every file says which it is in its name and in its first line. Cell text
 * stays text: HTML is never interpreted by a spreadsheet, and a cell that a
 * spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (OWASP's advice for CSV injection), in both formats,
 * so re-saving the XLSX as CSV keeps it inert.
 */
import ExcelJS from 'exceljs';
import { findPersonalData, maskPersonName, maskSpan } from '../lib/privacy.ts';
import { formFields, type FormField } from '../schema/submission.ts';
import type { StoredSubmission, SubmissionKind } from './types.ts';

export type ExportView = 'masked' | 'unmasked';

export const VIEW_LABEL: Readonly<Record<ExportView, string>> = { masked: '脱敏', unmasked: '含个人信息' };

export const VIEW_NOTICE: Readonly<Record<ExportView, string>> = {
  masked: '【脱敏版本】姓名、联系方式等个人信息已隐去或部分遮盖，正文中的电话、证件号码等亦已遮盖；仅供内部办理、统计使用，公开前仍须审核。',
  unmasked: '【含个人信息】本文件含提交人的姓名、联系方式等个人信息，仅限经办人员依职责使用，不得公开、转发或用于其他目的；办结后删除（个人信息保护法第三十四、三十五条）。',
};

/** How the masked view treats a personal field, from the form schema's own description of it. */
type FieldClass = 'name' | 'phone' | 'choice' | 'withheld';

function fieldClass(field: Pick<FormField, 'name' | 'input' | 'autocomplete'> | undefined, key: string): FieldClass {
  if (field?.input === 'radio' || field?.input === 'checkbox') return 'choice';
  if (field?.autocomplete === 'name' || /^(?:name|contactName|representative)$/.test(key)) return 'name';
  if (field?.input === 'tel') return 'phone';
  return 'withheld';
}

const WITHHELD = '（已隐去）';

/** A value as cell text: strings as they are, lists joined, objects as JSON, booleans as 是/否. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(text).join('；');
  return JSON.stringify(value);
}

/**
 * Text with every span the privacy guard finds replaced by its masked form,
 * and, first, every occurrence of the sender's own personal values (their
 * name in "我是王建国", which no pattern can know is a name).
 */
export function maskFreeText(raw: string, own: { kind: SubmissionKind; personal: Readonly<Record<string, unknown>> | null } | undefined = undefined): string {
  let value = raw;
  const mine = Object.entries(own?.personal ?? {})
    .filter(([, v]) => typeof v === 'string' && [...v.trim()].length >= 2)
    .map(([k, v]) => [(v as string).trim(), maskPersonalField(own!.kind, k, v)] as const)
    .filter(([secret, masked]) => secret !== masked)
    .sort((a, b) => b[0].length - a[0].length);
  for (const [secret, masked] of mine) value = value.split(secret).join(masked);
  let out = '';
  let at = 0;
  const normalised = value.normalize('NFKC');
  // findPersonalData reports offsets in the NFKC form; NFKC keeps the length for the characters it maps here.
  const source = normalised.length === value.length ? value : normalised;
  for (const f of findPersonalData(source)) {
    out += source.slice(at, f.index) + f.masked;
    at = f.index + f.match.length;
  }
  return out + source.slice(at);
}

/** A personal field as the masked view shows it: names and phone numbers masked, choices as they are, the rest withheld. */
export function maskPersonalField(kind: SubmissionKind, key: string, value: unknown): string {
  const v = text(value).trim();
  if (v === '') return '';
  switch (fieldClass(formFields(kind).find((f) => f.name === key), key)) {
    case 'choice':
      return v;
    case 'name':
      return maskPersonName(v);
    case 'phone': {
      const found = findPersonalData(v).filter((f) => f.kind === '手机号码' || f.kind === '座机号码');
      return found.length > 0 ? found.map((f) => maskSpan(f.kind, f.match)).join('；') : WITHHELD;
    }
    case 'withheld':
      return WITHHELD;
  }
}

// C0 controls other than tab, LF and CR cannot be stored in XLSX's XML; they carry no meaning in a submission.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A cell spreadsheets will not evaluate: a leading apostrophe before =, +, -, @, tab or CR. */
export function inertCell(value: string): string {
  const v = value.replace(CONTROL, '');
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export interface ExportTable {
  view: ExportView;
  /** First line of every file: which view this is and how it may be used. */
  notice: string;
  header: string[];
  rows: string[][];
}

const KIND_COLUMNS: Readonly<Record<SubmissionKind, readonly [string, (s: StoredSubmission) => string][]>> = {
  opinion: [
    ['回执号', (s) => s.receiptNo],
    ['收到时间', (s) => s.receivedAt],
    ['公示', (s) => s.noticeId ?? ''],
  ],
  application: [
    ['回执号', (s) => s.receiptNo],
    ['收到时间', (s) => s.receivedAt],
    ['法定答复期限', (s) => s.replyBy ?? ''],
  ],
};

/** The form's fields of one side (content or personal) in the schema's order, then keys the schema no longer has (older records). */
function columnsOf(kind: SubmissionKind, personal: boolean, records: readonly (Record<string, unknown> | null)[]): { key: string; title: string }[] {
  const fields = formFields(kind).filter((f) => f.personal === personal);
  const known = new Set(formFields(kind).map((f) => f.name));
  const extra = new Set<string>();
  for (const r of records) for (const k of Object.keys(r ?? {})) if (!known.has(k)) extra.add(k);
  return [...fields.map((f) => ({ key: f.name, title: f.title })), ...[...extra].map((k) => ({ key: k, title: k }))];
}

/** The table of one view; rows in the store's order (oldest first). */
export function exportTable(kind: SubmissionKind, submissions: readonly StoredSubmission[], view: ExportView): ExportTable {
  const contentColumns = columnsOf(kind, false, submissions.map((s) => s.content));
  const personalColumns = columnsOf(kind, true, submissions.map((s) => s.personal));
  const header = [...KIND_COLUMNS[kind].map(([h]) => h), ...contentColumns.map((c) => c.title), ...personalColumns.map((c) => c.title), '附件', '个人信息保存至', '个人信息状态'];
  const rows = submissions.map((s) => {
    const content = contentColumns.map(({ key }) => (view === 'masked' ? maskFreeText(text(s.content[key]), { kind, personal: s.personal }) : text(s.content[key])));
    const personal = personalColumns.map(({ key }) => {
      if (s.personal === null) return '';
      return view === 'masked' ? maskPersonalField(kind, key, s.personal[key]) : text(s.personal[key]);
    });
    const attachment = s.attachment ? (view === 'masked' ? `有（${Math.ceil(s.attachment.size / 1024)} KB）` : `${s.attachment.name}（${s.attachment.mediaType}，${Math.ceil(s.attachment.size / 1024)} KB）`) : '';
    const state = s.purgedAt ? `已于 ${s.purgedAt.slice(0, 10)} 删除` : '保存中';
    return [...KIND_COLUMNS[kind].map(([, get]) => get(s)), ...content, ...personal, attachment, s.retainUntil, state].map(inertCell);
  });
  return { view, notice: VIEW_NOTICE[view], header, rows };
}

function workbook(table: ExportTable, title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'geoportal';
  const ws = wb.addWorksheet(VIEW_LABEL[table.view]);
  ws.addRow([inertCell(`${title} ${table.notice}`)]);
  ws.addRow(table.header);
  for (const r of table.rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true, color: { argb: table.view === 'unmasked' ? 'FFC00000' : 'FF000000' } };
  ws.getRow(2).font = { bold: true };
  // Every cell is text: no value is ever read as a number, date or formula.
  ws.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  ws.columns.forEach((c) => (c.width = 18));
  return wb;
}

/** The XLSX file of a table. */
export async function toXlsx(table: ExportTable, title: string): Promise<Buffer> {
  return Buffer.from(await workbook(table, title).xlsx.writeBuffer());
}

/** The CSV file of a table: UTF-8 with a byte-order mark (so Excel reads the Chinese), every field quoted. */
export async function toCsv(table: ExportTable, title: string): Promise<Buffer> {
  const csv = await workbook(table, title).csv.writeBuffer({ formatterOptions: { quoteColumns: true, quoteHeaders: true } });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]);
}
