/**
 * Every import fault of issue 15, on the record types staff keep 台账 of
 * (enforcement decisions, notices), each with the message a clerk reads:
 * a wrong or missing header, merged cells, Excel date serials and dates typed
 * as text, full-width digits, trailing spaces, a duplicate 文号 in the sheet
 * or on file, an unmasked name, a formula cell, an empty sheet.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/engine.ts';
import { kindNamed, type RecordKind } from '../../../src/import/kinds.ts';
import { formatProblem } from '../../../src/import/problems.ts';
import { specColumns } from '../../../src/import/spec.ts';
import { readTable, type Table } from '../../../src/import/table.ts';
import { dataset, redSheet, tableOf } from './support.ts';

const enforcement = kindNamed('enforcement')!;
const land = kindNamed('land')!;

/** A 事后公开 decision that passes, by column key, in the minimal fixture. */
const DECISION: Readonly<Record<string, unknown>> = {
  category: '行政处罚',
  title: '示例物流有限公司非法占用土地案行政处罚决定（导入测试）',
  docNo: '齐自然资罚〔2026〕21号',
  district: '龙沙区',
  publishDate: '2026-11-16',
  decisionDate: '2026-11-12',
  authority: '齐齐哈尔市自然资源和规划局',
  'party.type': '法人或其他组织',
  'party.name': '齐齐哈尔示例物流有限公司',
  violationType: '非法占用土地',
  facts: '当事人未经批准占用集体土地建设仓储用房（示例）。',
  basis: '《中华人民共和国土地管理法》第七十七条',
  result: '责令退还非法占用的土地，罚款',
  fineYuan: 12000,
  sample: '是',
};

async function run(kind: RecordKind, table: Table) {
  const r = await runImport(kind.importSpec({ dataset: await dataset() }), table);
  return { ...r, lines: r.problems.map(formatProblem) };
}
const decisions = (rows: Record<string, unknown>[]) => redSheet(rows.map((o) => ({ ...DECISION, ...o })), enforcement);

/** XLSX bytes of rows (1-based), with a change to the sheet (merges, formulas) before saving. */
async function xlsx(rows: unknown[][], change: (ws: ExcelJS.Worksheet) => void = () => {}): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('执法决定');
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  change(ws);
  const read = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()));
  if (!read.table) throw new Error(read.problems.map((p) => p.reason).join('\n'));
  return read.table;
}
const labelsOf = (t: Table) => t.rows[0]!.cells as string[];

describe('importing enforcement decisions', () => {
  it('imports a 台账 without a stage column as 事后公开, with ids by category and year', async () => {
    const r = await run(enforcement, decisions([{}, { docNo: '齐自然资罚〔2026〕22号', category: '行政检查', result: '责令整改' }]));
    expect(r.lines).toEqual([]);
    expect(r.records.map((x) => [x.record.id, x.record['stage']])).toEqual([['zf-2026-cf-001', '事后公开'], ['zf-2026-jc-001', '事后公开']]);
  });
  it('names a wrong header with the closest label, and a missing required column', async () => {
    const t = decisions([{}]);
    const header = labelsOf(t).map((l) => (l === '文号' ? '文号码' : l)).filter((l) => l !== '标题');
    const r = await run(enforcement, tableOf([header, ...t.rows.slice(1).map((row) => row.cells.filter((_, i) => labelsOf(t)[i] !== '标题'))]));
    expect(r.lines).toEqual([
      '错误 第 1 行：表头缺少必填列“标题”（字段 title）',
      '错误 第 1 行 B 列“文号码”：不认识这个列名（是不是“文号”？）；可用的列名见模板和 docs/data-format.md',
      '错误 第 2 行 列“标题”：必填，不能为空（表中没有这一列，请增加“标题”列）',
    ]);
    expect(r.ok).toBe(false);
  });
  it('reads Excel date serials (with a warning to check) and dates typed as text; refuses a date order it would have to guess', async () => {
    const r = await run(enforcement, decisions([{ decisionDate: 46338 }, { docNo: '齐自然资罚〔2026〕22号', decisionDate: '2026年11月12日', publishDate: '2026.11.16' }, { docNo: '齐自然资罚〔2026〕23号', decisionDate: '11/12/2026' }]));
    expect(r.lines).toEqual([
      '提醒 第 2 行 F 列“作出日期”：单元格是 Excel 日期序号 46338，已按 2026-11-12 导入：请核对，并把这一列的单元格格式设为“日期”或“文本”',
      '错误 第 4 行 F 列“作出日期”：不是有效日期，格式应为 YYYY-MM-DD',
    ]);
    expect(r.records.map((x) => [x.record['decisionDate'], x.record['publishDate']])).toEqual([['2026-11-12', '2026-11-16'], ['2026-11-12', '2026-11-16']]);
  });
  it('reads full-width digits and drops trailing spaces', async () => {
    const r = await run(enforcement, decisions([{ docNo: '齐自然资罚〔２０２６〕２１号 ', fineYuan: '１２，０００', category: '行政处罚\u3000', 'party.type': ' 法人或其他组织 ', title: `${String(DECISION['title'])}  ` }]));
    expect(r.lines).toEqual([]);
    expect(r.records[0]!.record).toMatchObject({ docNo: '齐自然资罚〔2026〕21号', fineYuan: 12000, category: '行政处罚', party: { type: '法人或其他组织' }, title: DECISION['title'] });
  });
  it('refuses a 文号 twice in the sheet, or one already on file (full-width or not)', async () => {
    const r = await run(enforcement, decisions([{}, {}, { docNo: '齐自然资罚〔２０２６〕８号' }]));
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual([
      '错误 第 3 行 C 列“文号”：文号“齐自然资罚〔2026〕21号”重复，已在 第 2 行 中使用',
      '错误 第 4 行 C 列“文号”：文号“齐自然资罚〔2026〕8号”重复，已在 enforcement/2026-penalty-01.yaml 中使用',
    ]);
    expect(r.records).toHaveLength(3); // each row passed its schema: only the cross-record check refuses them
  });
  it('refuses an unmasked natural person’s name, with the masked form to write', async () => {
    const r = await run(enforcement, decisions([{ 'party.type': '自然人', 'party.name': '王建国' }]));
    expect(r.lines).toEqual([expect.stringMatching(/^错误 第 2 行 [A-Z]+ 列“当事人名称”：自然人（含个体工商户经营者、法定代表人）姓名必须遮盖后发布，请改为“王某”/)]);
  });
  it('refuses a formula cell, with its current result', async () => {
    const t = decisions([{}]);
    const col = labelsOf(t).indexOf('金额（元）') + 1;
    const r = await run(enforcement, await xlsx(t.rows.map((x) => x.cells), (ws) => (ws.getCell(2, col).value = { formula: '1.2*10000', result: 12000 } as ExcelJS.CellValue)));
    expect(r.lines).toEqual([`错误 第 2 行 ${ws(col)} 列“金额（元）”：单元格是公式（=1.2*10000），只能导入数值：请复制这些单元格，再“选择性粘贴 → 数值”后重新导入（公式现在的结果为“12000”）`]);
  });
  it('fills a cell merged down a column into each row, with a warning; refuses a merge across columns', async () => {
    const t = decisions([{}, { docNo: '齐自然资罚〔2026〕22号' }, { docNo: '齐自然资罚〔2026〕23号' }]);
    const district = labelsOf(t).indexOf('所在区县') + 1;
    const down = await run(enforcement, await xlsx(t.rows.map((x) => x.cells), (s) => s.mergeCells(2, district, 4, district)));
    expect(down.lines).toEqual([`提醒 第 2 行 ${ws(district)} 列“所在区县”：第 2–4 行的 ${ws(district)} 列是合并单元格（${ws(district)}2:${ws(district)}4）：已把“龙沙区”填入这 3 行，请核对；最好取消合并，每行分别填写`]);
    expect(down.records.map((x) => x.record['district'])).toEqual(['龙沙区', '龙沙区', '龙沙区']);
    const across = await run(enforcement, await xlsx(t.rows.map((x) => x.cells), (s) => s.mergeCells(3, 1, 3, 2)));
    expect(across.ok).toBe(false);
    expect(across.lines[0]).toBe('错误 第 3 行 A 列“类别”：合并单元格 A3:B3 跨了 A–B 列：一个单元格只能对应一列。请取消合并（开始 → 合并后居中 → 取消单元格合并），每个单元格分别填写');
  });
  it('refuses an empty sheet, and a sheet with a header but no rows', async () => {
    expect((await run(enforcement, await xlsx([]))).lines).toEqual(['错误 文件：Excel 工作表“执法决定”是空的：没有表头，也没有数据。请用 npm run import -- --template enforcement 生成的模板填写']);
    expect((await run(enforcement, tableOf([labelsOf(decisions([{}]))]))).lines).toEqual(['错误 文件：表中没有可导入的数据行（表头在第 1 行）']);
  });
});

describe('importing notices', () => {
  const DEAL: Record<string, unknown> = {
    subKind: '成交公示',
    title: '示例国有建设用地使用权成交公示（导入测试）',
    docNo: '齐自然资告字〔2026〕9号',
    district: '铁锋区',
    publishDate: '2026-11-23',
    'parcels.1.code': '2026-G-015',
    'parcels.1.location': '铁锋区示例路以东',
    'parcels.1.areaM2': 20000,
    'parcels.1.use': '城镇住宅用地',
    'parcels.1.termYears': 70,
    'parcels.1.dealPriceWan': 1600,
    'parcels.1.winner': '齐齐哈尔示例置业有限公司',
    'parcels.1.dealDate': 46345,
    sample: '是',
  };
  const deals = (rows: Record<string, unknown>[]) => redSheet(rows.map((o) => ({ ...DEAL, ...o })), land);
  it('imports a land-market row with its parcel group; the kind comes from the command', async () => {
    const r = await run(land, deals([{}]));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.records[0]!.record).toMatchObject({ id: 'td-2026-001', kind: 'land', parcels: [{ code: '2026-G-015', dealDate: '2026-11-19', winner: '齐齐哈尔示例置业有限公司' }] });
  });
  it('refuses a 文号 on file, a bare name as 竞得人, and an unknown header', async () => {
    const t = deals([{ docNo: '齐自然资告字〔2026〕3号 ', 'parcels.1.winner': '吴建国' }]);
    t.rows[0]!.cells.push('竞得单位' as never);
    const r = await run(land, t);
    expect(r.lines).toEqual([
      expect.stringMatching(/^错误 第 1 行 [A-Z]+ 列“竞得单位”：不认识这个列名/),
      expect.stringMatching(/^错误 第 2 行 [A-Z]+ 列“文号”：文号“齐自然资告字〔2026〕3号”重复，已在 notices\/land\/2026-g-015\.yaml 中使用$/),
      expect.stringMatching(/^错误 第 2 行 [A-Z]+ 列“地块1竞得人”：这里应写单位全称；自然人姓名必须遮盖后发布，请改为“吴某”/),
      expect.stringMatching(/^提醒 第 2 行 [A-Z]+ 列“地块1成交日期”：单元格是 Excel 日期序号 46345/),
    ]);
  });
  it('has a labelled column for every field of every kind', () => {
    for (const k of ['enforcement', 'officers', 'planning', 'land', 'mining', 'surveying', 'red-routes', 'land-price', 'zoning'])
      expect(specColumns(kindNamed(k)!).columns.filter((c) => !/\p{Script=Han}/u.test(c.label)).map((c) => c.key), k).toEqual([]);
  });
});

function ws(n: number): string {
  return String.fromCharCode(64 + n);
}
