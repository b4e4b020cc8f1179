/**
 * The XLSX template of an import, generated from the same columns the import
 * reads, so it cannot drift from the schema:
 *
 * - sheet 1 (the spec's title): the header row (labels, with a note per
 *   header naming the field and what it takes), a 填写说明 row, an example
 *   row marked 示例 in 备注 (the import skips both), then the rows to fill;
 *   dropdowns (data validation) for enums, 是/否, districts and 坐标系;
 *   text columns formatted as text so Excel keeps 0452-… and 2026-11-02 as typed;
 * - sheet 2 可选值: the dropdowns' lists;
 * - sheet 3 说明: every column with its field, whether required, what it takes.
 */
import ExcelJS from 'exceljs';
import { templateColumns, type Column } from './columns.ts';
import { cellsOf, groupsNeeded, type CellOut } from './export.ts';
import type { ExtraColumn } from './header.ts';
import { describeColumn } from './messages.ts';
import { specColumns, type ColumnsSpec } from './spec.ts';

type TemplateSpec = ColumnsSpec;

export type TemplateOptions = {
  /** A record shown as the 示例 row. */
  example?: unknown;
  /** Records written as data rows below it (tests; exports). */
  rows?: readonly unknown[];
  /** Rows that get the dropdowns. */
  validatedRows?: number;
};

/** Layout of the data sheet: the header, the 填写说明 and 示例 rows. */
export const TEMPLATE_ROWS = { header: 1, help: 2, example: 3, firstData: 4 } as const;

type SheetColumn = { kind: 'field'; column: Column } | { kind: 'extra'; extra: ExtraColumn };

/** 备注 first (it marks the 填写说明 and 示例 rows), the fields, then the other extras after the field they explain. */
function sheetColumns(spec: TemplateSpec, columns: Column[]): SheetColumn[] {
  const note = spec.extras.find((e) => e.skipRowsMarked);
  const out: SheetColumn[] = note ? [{ kind: 'extra', extra: note }] : [];
  const rest = spec.extras.filter((e) => e !== note);
  for (const column of columns) {
    out.push({ kind: 'field', column });
    // 坐标系 belongs next to 纬度.
    if (column.kind === 'coordinate' && column.axis === 'lat') for (const e of rest.splice(0)) out.push({ kind: 'extra', extra: e });
  }
  for (const e of rest) out.push({ kind: 'extra', extra: e });
  return out;
}

const headerOf = (c: SheetColumn) => (c.kind === 'field' ? c.column.label : c.extra.label);
const keyOf = (c: SheetColumn) => (c.kind === 'field' ? c.column.key : c.extra.key);

function helpOf(spec: TemplateSpec, c: SheetColumn): string {
  if (c.kind === 'extra') return `不是数据字段。${c.extra.help}${c.extra.values ? `；可填：${c.extra.values.join('、')}` : ''}`;
  const choices = spec.choices?.[c.column.key];
  return [describeColumn(c.column, choices), c.column.help].filter(Boolean).join('。');
}

/** The dropdown values of a column, if it has a fixed list. */
function listOf(spec: TemplateSpec, c: SheetColumn): readonly string[] | undefined {
  if (c.kind === 'extra') return c.extra.values;
  if (c.column.list) return undefined; // several values in one cell: a dropdown would refuse them
  if (c.column.kind === 'enum') return c.column.values;
  if (c.column.kind === 'boolean') return ['是', '否'];
  return spec.choices?.[c.column.key];
}

/** exceljs keeps range validations in this model (the typings leave it out). */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

const TEXT_KINDS = new Set<Column['kind']>(['text', 'enum', 'date', 'datetime', 'polygon', 'json']);

export function buildTemplate(spec: TemplateSpec, options: TemplateOptions = {}): ExcelJS.Workbook {
  const set = specColumns(spec);
  const records = [...(options.example === undefined ? [] : [options.example]), ...(options.rows ?? [])];
  const needed = groupsNeeded(set, records);
  const columns = sheetColumns(spec, templateColumns(set, (g) => Math.max(spec.templateGroups?.[g] ?? 2, needed.get(g) ?? 0)));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'geoportal npm run import -- --template';
  const ws = wb.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: TEMPLATE_ROWS.header, xSplit: 1 }] });
  const lists = wb.addWorksheet('可选值');
  const guide = wb.addWorksheet('说明');
  const validated = options.validatedRows ?? 500;

  let listColumn = 0;
  columns.forEach((c, i) => {
    const n = i + 1;
    const col = ws.getColumn(n);
    col.width = Math.min(40, Math.max(10, [...headerOf(c)].length * 2 + 2));
    const isText = c.kind === 'extra' || TEXT_KINDS.has(c.column.kind);
    if (isText) col.numFmt = '@';
    const head = ws.getCell(TEMPLATE_ROWS.header, n);
    head.value = headerOf(c);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.kind === 'field' && c.column.headerRequired ? 'FFFDE9D9' : 'FFEFEFEF' } };
    const help = helpOf(spec, c);
    head.note = `字段：${keyOf(c)}\n${help}`;
    const helpCell = ws.getCell(TEMPLATE_ROWS.help, n);
    helpCell.value = c.kind === 'extra' && c.extra.skipRowsMarked ? '填写说明' : help;
    helpCell.font = { italic: true, color: { argb: 'FF666666' } };
    helpCell.alignment = { wrapText: true, vertical: 'top' };
    const values = listOf(spec, c);
    if (values && values.length > 0) {
      listColumn++;
      lists.getCell(1, listColumn).value = headerOf(c);
      lists.getCell(1, listColumn).font = { bold: true };
      values.forEach((v, j) => (lists.getCell(j + 2, listColumn).value = v));
      const letter = lists.getColumn(listColumn).letter;
      const validation: ExcelJS.DataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'可选值'!$${letter}$2:$${letter}$${values.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: headerOf(c),
        error: `请从下拉列表中选择：${values.join('、')}`.slice(0, 255),
      };
      // One validation per column range. (Per-cell validations get merged by exceljs into
      // overlapping ranges when sorted as text — F10:F503 and F3:F503 — which Excel reports as damage.)
      const letterHere = ws.getColumn(n).letter;
      validations(ws).add(`${letterHere}${TEMPLATE_ROWS.example}:${letterHere}${TEMPLATE_ROWS.firstData + validated - 1}`, validation);
    }
  });
  ws.getRow(TEMPLATE_ROWS.help).height = 90;

  const write = (rowNumber: number, record: unknown, note: string | undefined) => {
    const cells = cellsOf(set, record);
    columns.forEach((c, i) => {
      const v: CellOut | undefined = c.kind === 'field' ? cells.get(c.column.key) : c.extra.skipRowsMarked ? note : undefined;
      if (v !== undefined) ws.getCell(rowNumber, i + 1).value = v;
    });
  };
  if (options.example !== undefined) {
    write(TEMPLATE_ROWS.example, options.example, '示例');
    ws.getRow(TEMPLATE_ROWS.example).font = { color: { argb: 'FF808080' } };
  }
  (options.rows ?? []).forEach((r, i) => write(TEMPLATE_ROWS.firstData + i, r, undefined));

  guide.columns = [
    { header: '列名', width: 22 },
    { header: '字段', width: 32 },
    { header: '填写要求', width: 60 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of columns) guide.addRow([headerOf(c), keyOf(c), helpOf(spec, c)]);
  guide.addRow([]);
  guide.addRow(['说明', '', '第 2 行（填写说明）和备注为“示例”的行不会导入；从第 4 行起每行一条记录。多项内容用“、”分隔。任何一行有错误时不导入任何记录，错误按“第 N 行 X 列”列出。']);
  return wb;
}
