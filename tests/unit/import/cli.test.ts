/**
 * The commands as a clerk runs them: npm run import -- --template and
 * npm run import -- red-sites (alias import:red) on copies of the minimal fixture. A sheet with any bad
 * row writes nothing; a good one writes one YAML file per row that
 * npm run check accepts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixtureCopies } from '../data/fixture-copies.ts';
import { RED_ROW, redSheet, ROOT, xlsxOf } from './support.ts';

const copies = fixtureCopies('import');
type Run = { code: number | null; stdout: string; stderr: string };

function run(script: string, args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, GEOPORTAL_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const sites = (dir: string) => readdirSync(path.join(dir, 'red/sites')).sort();
const row = (o: Record<string, unknown> = {}) => ({ ...RED_ROW, ...o });

async function sheetFile(dir: string, rows: Record<string, unknown>[], name = 'survey.xlsx'): Promise<string> {
  const file = path.join(dir, '..', `${path.basename(dir)}-${name}`);
  writeFileSync(file, await xlsxOf(redSheet(rows)));
  return file;
}

describe('npm run import -- --template', { timeout: 180_000 }, () => {
  it('writes a template that the import reads back as empty', async () => {
    const dir = copies.copy();
    const out = path.join(dir, '..', `${path.basename(dir)}-template.xlsx`);
    const made = await run('import.ts', ['--template', 'red-sites', '--out', out], dir);
    expect(made.stdout).toMatch(/^已生成 .*template\.xlsx：红色资源点，\d+ 列，示例行取自 /);
    expect(made.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['备注', '标识（id）', '名称']);
    const back = await run('import.ts', ['red-sites', out], dir);
    expect(back.code).toBe(1);
    expect(back.stdout).toContain('错误 文件：表中没有可导入的数据行');
  });
  it('refuses an unknown kind', async () => {
    const r = await run('import.ts', ['--template', 'notices'], copies.copy());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不认识的记录类型“notices”；可用：enforcement（执法信息）、officers（执法人员）、planning（规划公示）');
  });
});

describe('npm run import -- red-sites', { timeout: 180_000 }, () => {
  it('writes nothing when any row is bad, and lists every bad row', async () => {
    const dir = copies.copy();
    const before = sites(dir);
    const file = await sheetFile(dir, [
      row({ name: '好的一行' }),
      row({ name: '经纬度填反', 'location.lon': 47.3152, 'location.lat': 123.95 }),
      row({ name: '在城外', 'location.lon': 116.397, 'location.lat': 39.909 }),
      row({ name: '高德坐标', 'location.lon': 123.972478, 'location.lat': 47.317343 }),
      row({ name: '未知类别', categories: '红色景点' }),
      row({ name: '开放规则', 'hours.spec': 'Tu-Su 9:00-17:00, Mo off' }),
      row({ name: '好的一行' }),
    ]);
    const r = await run('import.ts', ['red-sites', file], dir);
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('错误'));
    expect(errors.map((l) => l.match(/^错误 第 (\d+) 行/)?.[1])).toEqual(['3', '4', '5', '6', '7', '8']);
    expect(errors.join('\n')).toMatch(/第 3 行.*填反[\s\S]*第 4 行.*不在齐齐哈尔市范围内[\s\S]*第 5 行.*GCJ-02[\s\S]*第 6 行.*红色景点[\s\S]*第 7 行.*开放规则”：开放时间规则有误[\s\S]*第 8 行.*与第 2 行同名/);
    expect(r.stderr).toContain('导入未完成：6 个错误（涉及 6 行），0 个提醒；没有写入任何文件');
    expect(sites(dir)).toEqual(before);
  });
  it('with --dry-run checks and writes nothing; without it writes one checked file per row; --from-gcj02 converts', async () => {
    const dir = copies.copy();
    const before = sites(dir);
    // The flag converts the rows whose 坐标系 is empty; a row that says CGCS2000 stays as written.
    const file = await sheetFile(dir, [row({ crs: 'CGCS2000' }), row({ name: '高德坐标（导入测试）', 'location.lon': 123.972478, 'location.lat': 47.317343 })]);
    const dry = await run('import.ts', ['red-sites', file, '--dry-run', '--from-gcj02'], dir);
    expect(dry.stdout).toContain('已将 1 行坐标换算为 CGCS2000（第 3 行，原为 GCJ-02（高德、腾讯地图））');
    expect(dry.stdout).toContain('检查通过（试运行，未写入）：2 条红色资源点可以导入');
    expect(dry.code).toBe(0);
    expect(sites(dir)).toEqual(before);
    const done = await run('import.ts', ['red-sites', file, '--from-gcj02'], dir);
    expect(done.stderr).toBe('');
    expect(done.stdout).toContain('已导入 2 条红色资源点');
    expect(done.stdout).toContain('数据校验通过（npm run check）');
    expect(sites(dir)).toEqual([...before, 'gaode-zuobiao-daoru-ceshi.yaml', 'shili-lieshi-jinianbei-daoru-ceshi.yaml'].sort());
    const yaml = readFileSync(path.join(dir, 'red/sites/gaode-zuobiao-daoru-ceshi.yaml'), 'utf8');
    expect(yaml).toContain('coordinates: [123.965829, 47.315233]');
    expect(yaml.startsWith('# 示例数据')).toBe(true);
    // Importing the same sheet again: every row is now a duplicate, nothing is written.
    const again = await run('import.ts', ['red-sites', file, '--from-gcj02'], dir);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('同名');
    expect(sites(dir)).toHaveLength(before.length + 2);
  });
  it('says what to do with a file it cannot use', async () => {
    const dir = copies.copy();
    expect((await run('import.ts', ['red-sites', path.join(dir, 'missing.xlsx')], dir)).stderr).toContain('找不到文件');
    expect((await run('import.ts', ['red-sites'], dir)).code).toBe(2);
    const csv = path.join(dir, '..', `${path.basename(dir)}-gbk.csv`);
    writeFileSync(csv, Uint8Array.from([0x81, 0x20, 0xff, 0xff]));
    const r = await run('import.ts', ['red-sites', csv], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('既不是 UTF-8 也不是 GB18030');
    expect(existsSync(path.join(dir, 'red/sites/.import'))).toBe(false);
  });
});

describe('npm run new and npm run import for enforcement decisions', { timeout: 180_000 }, () => {
  const decision = ['--set', '类别=行政处罚', '--set', '标题=示例非法占地案行政处罚决定（新建测试）', '--set', 'docNo=齐自然资罚〔2026〕30号', '--set', '所在区县=龙沙区', '--set', '发布日期=2026-11-16', '--set', '作出日期=2026-11-12', '--set', '执法机关=齐齐哈尔市自然资源和规划局', '--set', '当事人类型=自然人', '--set', '处罚内容=罚款', '--set', 'sample=是'];
  const files = (dir: string) => readdirSync(path.join(dir, 'enforcement')).sort();
  it('new: refuses an unmasked name and writes nothing; a valid record is written where it says', async () => {
    const dir = copies.copy();
    const before = files(dir);
    const refused = await run('new.ts', ['enforcement', ...decision, '--set', '当事人名称=王建国'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('错误 当事人名称（party.name）：自然人（含个体工商户经营者、法定代表人）姓名必须遮盖后发布，请改为“王某”');
    expect(refused.stderr).toContain('未写入：1 个错误');
    expect(files(dir)).toEqual(before);
    const missing = await run('new.ts', ['enforcement', '--set', '类别=行政处罚'], dir);
    expect(missing.stdout).toContain('错误 标题（title）：必填，不能为空');
    const made = await run('new.ts', ['执法', ...decision, '--set', '当事人名称=王某'], dir);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^已写入 .*enforcement\/zf-2026-cf-001\.yaml（页面地址 \/enforcement\/zf-2026-cf-001\/）/);
    expect(readFileSync(path.join(dir, 'enforcement/zf-2026-cf-001.yaml'), 'utf8')).toContain('stage: 事后公开\ncategory: 行政处罚\n');
  });
  it('import: a sheet of decisions from the template is written, one checked file per row', async () => {
    const dir = copies.copy();
    const out = path.join(dir, '..', `${path.basename(dir)}-enforcement.xlsx`);
    expect((await run('import.ts', ['--template', 'enforcement', '--out', out], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const values: Record<string, unknown> = { 类别: '行政检查', 标题: '示例矿山企业年度检查结果（导入测试）', 文号: '齐自然资检〔2026〕4号', 所在区县: '龙沙区', 发布日期: '2026-11-20', 作出日期: new Date(Date.UTC(2026, 10, 12)), 执法机关: '齐齐哈尔市自然资源和规划局', 当事人类型: '法人或其他组织', 当事人名称: '齐齐哈尔示例矿业有限公司', 处罚内容: '未发现违法行为', 示例数据: '是' };
    ws.getRow(4).values = header.map((h) => values[h] ?? null) as ExcelJS.CellValue[];
    await wb.xlsx.writeFile(out);
    const r = await run('import.ts', ['enforcement', out], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('已导入 1 条执法信息，写入');
    expect(files(dir)).toContain('zf-2026-jc-001.yaml');
  });
});
