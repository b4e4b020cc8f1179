/**
 * Staff exports of stored submissions (npm run opinions:export,
 * applications:export): one table, written as CSV and XLSX by exceljs, in
 * two views that never share a file:
 *
 * - 脱敏 (masked, the default): names masked with maskPersonName, phone
 *   numbers with maskSpan, every other personal field withheld; personal
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
import type { StoredSubmission, SubmissionKind } from './types.ts';

export type ExportView = 'masked' | 'unmasked';

export const VIEW_LABEL: Readonly<Record<ExportView, string>> = { masked: '脱敏', unmasked: '含个人信息' };

export const VIEW_NOTICE: Readonly<Record<ExportView, string>> = {
  masked: '【脱敏版本】姓名、联系方式等个人信息已隐去或部分遮盖，正文中的电话、证件号码等亦已遮盖；仅供内部办理、统计使用，公开前仍须审核。',
  unmasked: '【含个人信息】本文件含提交人的姓名、联系方式等个人信息，仅限经办人员依职责使用，不得公开、转发或用于其他目的；办结后删除（个人信息保护法第三十四、三十五条）。',
};

/** Labels of fields the forms use; a field without one is shown by its key. */
const LABELS: Readonly<Record<string, string>> = {
  name: '姓名',
  anonymous: '匿名',
  applicantType: '申请人类型',
  organisation: '单位名称',
  organization: '单位名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  contactName: '联系人',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  mobile: '手机',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  opinion: '意见',
  text: '内容',
  subject: '主题',
  description: '所需信息的内容描述',
  purpose: '用途',
  delivery: '获取方式',
  format: '载体形式',
  noticeTitle: '公示名称',
};

const NAME_KEY = /^(?:name|contactName|legalRepresentative|applicantName|姓名|联系人)$/i;
const PHONE_KEY = /phone|mobile|tel|电话|手机/i;
/** Personal fields whose value is a choice, not an identifier: shown in the masked view too. */
const HARMLESS_KEY = /^(?:anonymous|applicantType|idType|delivery)$/;

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
export function maskFreeText(raw: string, personal: Readonly<Record<string, unknown>> | null = null): string {
  let value = raw;
  const own = Object.entries(personal ?? {})
    .filter(([k, v]) => typeof v === 'string' && [...v.trim()].length >= 2 && !HARMLESS_KEY.test(k))
    .map(([k, v]) => [(v as string).trim(), maskPersonalField(k, v)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  for (const [secret, masked] of own) value = value.split(secret).join(masked);
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

/** A personal field as the masked view shows it. */
export function maskPersonalField(key: string, value: unknown): string {
  const v = text(value).trim();
  if (v === '') return '';
  if (HARMLESS_KEY.test(key)) return v;
  if (NAME_KEY.test(key)) return maskPersonName(v);
  if (PHONE_KEY.test(key)) {
    const found = findPersonalData(v, { mode: 'text' }).filter((f) => f.kind === '手机号码' || f.kind === '座机号码');
    return found.length > 0 ? found.map((f) => maskSpan(f.kind, f.match)).join('；') : WITHHELD;
  }
  return WITHHELD;
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

/** Keys in order of first appearance across the records. */
function keysOf(records: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** The table of one view; rows in the store's order (oldest first). */
export function exportTable(kind: SubmissionKind, submissions: readonly StoredSubmission[], view: ExportView): ExportTable {
  const contentKeys = keysOf(submissions.map((s) => s.content));
  const personalKeys = keysOf(submissions.map((s) => s.personal ?? {}));
  const label = (k: string) => LABELS[k] ?? k;
  const header = [...KIND_COLUMNS[kind].map(([h]) => h), ...contentKeys.map(label), ...personalKeys.map(label), '附件', '个人信息保存至', '个人信息状态'];
  const rows = submissions.map((s) => {
    const content = contentKeys.map((k) => (view === 'masked' ? maskFreeText(text(s.content[k]), s.personal) : text(s.content[k])));
    const personal = personalKeys.map((k) => {
      if (s.personal === null) return '';
      return view === 'masked' ? maskPersonalField(k, s.personal[k]) : text(s.personal[k]);
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
