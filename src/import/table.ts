/**
 * A spreadsheet read into rows of cells, whatever the file was: XLSX through
 * exceljs, CSV through csv-parse. Rows keep the numbers the spreadsheet
 * shows (header row included), so every message points at the row a clerk
 * sees in Excel or WPS.
 *
 * The bytes come from the caller: this module does no file I/O, so it stays
 * pure and testable, and only the command (scripts/) touches the disk.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { fromExcel, type CellValue } from './cells.ts';
import { decodeText } from './decode.ts';
import type { ImportProblem } from './problems.ts';

export type TableRow = { row: number; cells: (CellValue | undefined)[] };
/** A merged range of an XLSX sheet, 1-based and inclusive: A2:A4 is { top: 2, left: 1, bottom: 4, right: 1 }. */
export type MergedRange = { ref: string; top: number; left: number; bottom: number; right: number };
/**
 * cells[0] is column A. `source` says what was read, for the summary.
 * `merged`: the sheet's merged ranges (exceljs gives every cell of a range
 * the top-left cell's value; the engine decides what a merge in the data means).
 */
export type Table = { source: string; rows: TableRow[]; merged?: MergedRange[] };
export type ReadTableResult = { table: Table; problems: [] } | { table: undefined; problems: ImportProblem[] };

const fileProblem = (reason: string): ReadTableResult => ({ table: undefined, problems: [{ reason, severity: 'error' }] });

type Format = 'xlsx' | 'xls' | 'csv';

/** The format by content (magic bytes), not by the name a file happens to have. */
function formatOf(bytes: Uint8Array): Format {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

export type ReadTableOptions = { sheet?: string | undefined };

export async function readTable(bytes: Uint8Array, options: ReadTableOptions = {}): Promise<ReadTableResult> {
  if (bytes.length === 0) return fileProblem('文件是空的');
  const format = formatOf(bytes);
  if (format === 'xls') return fileProblem('这是旧版 Excel 97–2003（.xls）文件，无法读取：请在 Excel 中另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”后重新导入');
  if (format === 'xlsx') return readXlsx(bytes, options.sheet);
  if (options.sheet !== undefined) return fileProblem(`CSV 文件没有工作表，不能指定工作表“${options.sheet}”`);
  return readCsv(bytes);
}

async function readXlsx(bytes: Uint8Array, sheetName: string | undefined): Promise<ReadTableResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fileProblem('无法读取这个 Excel 文件（文件可能已损坏、被加密或不是 .xlsx）：请在 Excel 中打开并另存为 .xlsx 后重新导入');
  }
  const names = workbook.worksheets.map((w) => w.name);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) return fileProblem(sheetName === undefined ? '文件中没有工作表' : `没有名为“${sheetName}”的工作表；文件中的工作表：${names.join('、')}`);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based (index 0 unused) and sparse.
    const values = row.values as unknown[];
    const cells: (CellValue | undefined)[] = [];
    for (let c = 1; c < values.length; c++) cells.push(fromExcel(values[c]));
    rows.push({ row: rowNumber, cells });
  });
  const merged = mergedRanges(sheet);
  return { table: { source: `Excel 工作表“${sheet.name}”`, rows, ...(merged.length > 0 ? { merged } : {}) }, problems: [] };
}

/** The sheet's merged ranges from exceljs's model (“A2:A4”). */
function mergedRanges(sheet: ExcelJS.Worksheet): MergedRange[] {
  const refs = (sheet.model as { merges?: string[] }).merges ?? [];
  return refs.flatMap((ref) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) return [];
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [{ ref, top: Number(m[2]), left: col(m[1]!), bottom: Number(m[4]), right: col(m[3]!) }];
  });
}

/** The delimiter the header line uses most: comma, tab (Excel's “Unicode 文本”) or semicolon. */
function delimiterOf(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (d: string) => line.split(d).length - 1;
  return ['\t', ';'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有配对：某个单元格以英文双引号 " 开始，却没有结束的 "',
  CSV_INVALID_CLOSING_QUOTE: '引号用法不对：单元格中的英文双引号要写成两个（""），或整个单元格用引号括起来',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号用法不对：结束的双引号后面紧跟了其他字符',
};

function readCsv(bytes: Uint8Array): ReadTableResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fileProblem(decoded.reason);
  let records: string[][];
  try {
    records = parse(decoded.text, { bom: true, delimiter: delimiterOf(decoded.text), relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string };
    const reason = CSV_REASONS[err.code ?? ''] ?? `CSV 格式错误（${err.message}）`;
    return { table: undefined, problems: [{ row: err.lines, reason, severity: 'error' }] };
  }
  // One record is one spreadsheet row, also when a quoted cell spans lines.
  const rows = records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c.trim() === '' ? undefined : c)) })).filter((r) => r.cells.some((c) => c !== undefined));
  return { table: { source: `CSV（${decoded.encoding}）`, rows }, problems: [] };
}
