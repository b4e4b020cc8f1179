/**
 * The 执法人员 roster from a sheet (kind officers): two officers become one
 * zfry-<执法证号>.yaml each in the roster folder, which the loader accepts; a
 * duplicate 执法证号 (in the sheet or on file, full-width or not), a missing
 * required column or a bad date fails its row and cell, and nothing is
 * written. Runs on copies of the minimal fixture.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRows } from '../../../scripts/lib/import-records.ts';
import { loadDataset } from '../../../src/data/load.ts';
import { runImport } from '../../../src/import/engine.ts';
import { choicesOf, kindNamed } from '../../../src/import/kinds.ts';
import { formatProblem } from '../../../src/import/problems.ts';
import { readTable, type Table } from '../../../src/import/table.ts';
import { buildTemplate, TEMPLATE_ROWS } from '../../../src/import/template.ts';
import { fixtureCopies } from '../data/fixture-copies.ts';
import { dataset, redSheet, SAMPLE_DATA, tableOf, xlsxOf } from './support.ts';

const officers = kindNamed('officers')!;
const copies = fixtureCopies('officers');

/** An officer that passes in the minimal fixture, by column key. */
const OFFICER: Readonly<Record<string, unknown>> = {
  name: '测试甲',
  certificateNo: '23020020260099',
  enforcementCategory: '土地管理',
  unit: '齐齐哈尔市自然资源综合行政执法支队（示例）',
  district: '全市',
  validFrom: '2026-01-05',
  validUntil: '2032-01-04',
  sample: '是',
};
const sheet = (rows: Record<string, unknown>[]) => redSheet(rows.map((o) => ({ ...OFFICER, ...o })), officers);
const dirOf = (dir: string) => path.join(dir, 'enforcement/officers');
const filesIn = (dir: string) => readdirSync(dirOf(dir)).filter((f) => f.endsWith('.yaml')).sort();

/** An officer on file in a copy of the fixture. */
function withOfficerOnFile(dir: string): void {
  mkdirSync(dirOf(dir), { recursive: true });
  writeFileSync(
    path.join(dirOf(dir), 'zfry-23020020200001.yaml'),
    ['id: zfry-23020020200001', 'name: 王建军', 'certificateNo: "23020020200001"', 'enforcementCategory: 土地管理', 'unit: 齐齐哈尔市自然资源综合行政执法支队（示例）', 'district: 全市', 'validFrom: 2020-01-15', 'validUntil: 2030-01-14', 'sample: true', ''].join('\n'),
  );
}

async function check(table: Table, dir?: string) {
  const r = await runImport(officers.importSpec({ dataset: await dataset(dir) }), table);
  return { ...r, lines: r.problems.map(formatProblem) };
}

/** Through an XLSX file, as a clerk's roster arrives. */
async function viaXlsx(table: Table): Promise<Table> {
  const read = await readTable(await xlsxOf(table, '执法人员'));
  if (!read.table) throw new Error(read.problems.map((p) => p.reason).join('\n'));
  return read.table;
}

describe('importing the 执法人员 roster', () => {
  it('writes two officers as zfry-<执法证号>.yaml that the loader accepts, with 执法门类 / 证件有效期 headers and full-width digits', async () => {
    const dir = copies.copy();
    const t = sheet([{ certificateNo: '２３０２００２０２６００９９ ' }, { name: '测试乙', certificateNo: '23020020260100', district: '龙沙区', enforcementCategory: '城乡规划', 'credential.state': '有效' }]);
    // A clerk's own headers: the aliases of the template's labels.
    t.rows[0]!.cells = t.rows[0]!.cells.map((c) => (c === '执法类别' ? '执法门类' : c === '有效期至' ? '证件有效期' : c === '证件状态' ? '状态' : c));
    const { dataset: onFile } = await loadDataset(dir);
    const outcome = await importRows(officers, await viaXlsx(t), { dataDir: dir, dataset: onFile! });
    expect(outcome.result.problems.map(formatProblem)).toEqual([]);
    expect(outcome.written.map((f) => path.basename(f)).sort()).toEqual(['zfry-23020020260099.yaml', 'zfry-23020020260100.yaml']);
    const after = await loadDataset(dir);
    expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(after.dataset!.officers.map((o) => [o.id, o.name, o.certificateNo, o.enforcementCategory, o.district, o.validUntil, o.credential.state])).toEqual([
      ['zfry-23020020260099', '测试甲', '23020020260099', '土地管理', '全市', '2032-01-04', '有效'],
      ['zfry-23020020260100', '测试乙', '23020020260100', '城乡规划', '龙沙区', '2032-01-04', '有效'],
    ]);
  });

  it('refuses a 执法证号 twice in the sheet, full-width or not, at the second row’s cell', async () => {
    const r = await check(sheet([{}, { name: '测试乙', certificateNo: '２３０２００２０２６００９９' }]));
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual(['错误 第 3 行 B 列“执法证号”：执法证号“23020020260099”重复，已在 第 2 行 中使用：一个执法证号只属于一名执法人员']);
  });

  it('refuses an officer already on file (no update mode: the import only adds), and writes nothing', async () => {
    const dir = copies.copy(withOfficerOnFile);
    const before = filesIn(dir);
    const { dataset: onFile } = await loadDataset(dir);
    const outcome = await importRows(officers, sheet([{ certificateNo: '23020020260100' }, { name: '王建军', certificateNo: '２３０２００２０２０００01' }]), { dataDir: dir, dataset: onFile! });
    expect(outcome.result.ok).toBe(false);
    expect(outcome.result.problems.map(formatProblem)).toEqual(['错误 第 3 行 B 列“执法证号”：执法证号“23020020200001”重复，已在 enforcement/officers/zfry-23020020200001.yaml 中使用：一个执法证号只属于一名执法人员']);
    expect(outcome.written).toEqual([]);
    expect(filesIn(dir)).toEqual(before);
  });

  it('names a missing required column in the header and in each row', async () => {
    const t = sheet([{}]);
    const drop = t.rows[0]!.cells.indexOf('执法证号' as never);
    const r = await check(tableOf(t.rows.map((row) => row.cells.filter((_, i) => i !== drop))));
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual(['错误 第 1 行：表头缺少必填列“执法证号”（字段 certificateNo）', '错误 第 2 行 列“执法证号”：必填，不能为空（表中没有这一列，请增加“执法证号”列）']);
  });

  it('refuses a date that does not exist and a validity that ends before it begins, by row and column', async () => {
    const r = await check(sheet([{ validFrom: '2026-02-30' }, { certificateNo: '23020020260100', validFrom: '2026-03-01', validUntil: '2025-03-01' }]));
    expect(r.ok).toBe(false);
    expect(r.lines).toEqual(['错误 第 2 行 F 列“发证日期”：不是有效日期，格式应为 YYYY-MM-DD', '错误 第 3 行 G 列“有效期至”：有效期至早于发证日期']);
  });

  it('reads back the sample roster typed into the generated template (every credential state, dates as Excel dates)', async () => {
    const d = await dataset(SAMPLE_DATA);
    const template = buildTemplate({ ...officers, choices: choicesOf(officers, d) }, { example: d.officers[0], rows: d.officers });
    const ws = template.worksheets[0]!;
    const headers = (ws.getRow(TEMPLATE_ROWS.header).values as unknown[]).slice(1);
    expect(headers).toEqual(['备注', '标识（id）', '姓名', '执法证号', '执法类别', '执法单位', '执法区域', '发证日期', '有效期至', '证件状态', '暂扣或注销日期', '暂扣或注销原因', '示例数据']);
    // A clerk's sheet: the validity typed as real Excel dates.
    const from = headers.indexOf('发证日期') + 1;
    d.officers.forEach((o, i) => (ws.getCell(TEMPLATE_ROWS.firstData + i, from).value = new Date(`${o.validFrom}T00:00:00Z`)));
    const read = await readTable(new Uint8Array(await template.xlsx.writeBuffer()));
    const r = await runImport(officers.importSpec({ dataset: { ...d, officers: [] } }), read.table!);
    expect(r.problems.map(formatProblem).filter((l) => l.startsWith('错误'))).toEqual([]);
    expect(new Set(d.officers.map((o) => o.credential.state))).toEqual(new Set(['有效', '暂扣', '注销']));
    expect(r.records.map((x) => x.record)).toEqual(d.officers);
  });
});
