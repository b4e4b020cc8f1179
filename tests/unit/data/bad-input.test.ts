/**
 * The “Bad input” list: each test copies the minimal fixture, breaks exactly
 * one thing and checks that the loader names the file, the field and the
 * problem. The last block runs `npm run check`'s script for real.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit, FIXTURE, fixtureCopies, LAND, MINING, PENALTY, PLANNING, RED_SITE, ROOT } from './fixture-copies.ts';
import { parse } from 'yaml';
import { loadDataset } from '../../../src/data/load.ts';
import type { DataIssue } from '../../../src/schema/index.ts';

// Tests run concurrently (each load waits on the disk, the CLI on a child
// process), so every test gets its own copy under one temp root.
const copies = fixtureCopies('bad');

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `npm run check`'s script on a data dir, as npm would. */
function runCheck(dataDir: string): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), ['scripts/check.ts'], {
      cwd: ROOT,
      env: { ...process.env, GEOPORTAL_DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh copy of the minimal fixture in a temp dir. */
const copyFixture = (): string => copies.copy();

/** Replaces exactly one line matching `line` (which must exist once). */
function replaceLine(dir: string, rel: string, line: RegExp, replacement: string | null): void {
  edit(dir, rel, (text) => {
    const lines = text.split('\n');
    const hits = lines.flatMap((l, i) => (line.test(l) ? [i] : []));
    expect(hits, `${line} in ${rel}`).toHaveLength(1);
    if (replacement === null) lines.splice(hits[0]!, 1);
    else lines[hits[0]!] = replacement;
    return lines.join('\n');
  });
}

// The two CLI runs start before any test, so they overlap the loader tests
// instead of adding to the suite's time; their tests are at the end.
const cli = {} as { valid: Promise<Run>; broken: Promise<Run> };
beforeAll(() => {
  cli.valid = runCheck(FIXTURE);
  const dir = copyFixture();
  replaceLine(dir, RED_SITE, /^district:/, 'district: 龙沙县');
  cli.broken = runCheck(dir);
});

const errorsOf = (issues: DataIssue[]) => issues.filter((i) => i.severity === 'error');

/**
 * Loads the broken copy and returns its only error, after checking that it
 * names the file (the loader reports paths relative to the working
 * directory, so only the ending is fixed) and the field.
 */
async function onlyError(dir: string, rel: string, field: string): Promise<DataIssue> {
  const { dataset, issues } = await loadDataset(dir);
  expect(dataset).toBeUndefined();
  const errors = errorsOf(issues);
  expect(errors, JSON.stringify(errors, null, 1)).toHaveLength(1);
  const [error] = errors;
  expect(error!.file.split(path.sep).join('/').endsWith(rel), `${error!.file} should end in ${rel}`).toBe(true);
  expect(error!.field).toBe(field);
  return error!;
}

describe('the minimal fixture', () => {
  it('loads with no issue at all', async () => {
    const { dataset, issues } = await loadDataset(FIXTURE);
    expect(issues).toEqual([]);
    expect(dataset?.notices.map((n) => n.kind).sort()).toEqual(['land', 'mining', 'planning', 'surveying']);
    expect(dataset?.enforcement).toHaveLength(2);
    expect(dataset?.redSites).toHaveLength(2);
    expect(dataset?.redRoutes).toHaveLength(1);
  });
});

describe.concurrent('bad input', () => {
  it('(a) a missing required field: notice without title', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^title:/, null);
    const e = await onlyError(dir, PLANNING, 'title');
    expect(e.reason).toBe('缺少必填字段');
  });

  // YAML errors carry their line number (yaml's LineCounter).
  it('(b) a YAML syntax error, with its line number', async () => {
    const dir = copyFixture();
    const lineNo = readFileSync(path.join(dir, PLANNING), 'utf8').split('\n').findIndex((l) => l.startsWith('district:')) + 1;
    replaceLine(dir, PLANNING, /^district:/, 'district: [建华区');
    const { issues } = await loadDataset(dir);
    const errors = errorsOf(issues);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.file.endsWith(path.join('notices', 'planning', '2026-jianhua-school-pre.yaml'))).toBe(true);
      expect(e.field).toBe('(YAML 语法)');
    }
    expect(errors[0]!.reason).toMatch(/^第 \d+ 行第 \d+ 列：前面的方括号“\[”没有闭合/);
    // The error is reported at or right after the broken line.
    const reported = Number(/第 (\d+) 行/.exec(errors[0]!.reason)![1]);
    expect(reported).toBeGreaterThanOrEqual(lineNo);
    expect(reported).toBeLessThanOrEqual(lineNo + 1);
  });

  // A duplicated key is reported with the line it is on.
  it('(b) a duplicated key is a YAML error, with its line number', async () => {
    const dir = copyFixture();
    const lineNo = readFileSync(path.join(dir, MINING), 'utf8').split('\n').findIndex((l) => l.startsWith('district:')) + 2;
    edit(dir, MINING, (t) => t.replace('district: 富拉尔基区\n', 'district: 富拉尔基区\ndistrict: 龙沙区\n'));
    const e = await onlyError(dir, MINING, '(YAML 语法)');
    expect(e.reason).toMatch(/字段重复出现：“district”/);
    expect(e.reason).toContain(`第 ${lineNo} 行`);
  });

  it('(c) dates in the wrong order: period end before start', async () => {
    const dir = copyFixture();
    replaceLine(dir, LAND, /^ {2}end: 2026-11-09$/, '  end: 2026-10-09');
    const e = await onlyError(dir, LAND, 'period.end');
    expect(e.reason).toMatch(/结束日期早于开始日期/);
  });

  it('(c) dates in the wrong order: listing end before start', async () => {
    const dir = copyFixture();
    replaceLine(dir, LAND, /^ {2}end: 2026-11-20 10:00$/, '  end: 2026-11-09 10:00');
    const e = await onlyError(dir, LAND, 'listing.end');
    expect(e.reason).toMatch(/结束时间早于开始时间/);
  });

  it('(d) an unknown district', async () => {
    const dir = copyFixture();
    replaceLine(dir, RED_SITE, /^district:/, 'district: 龙沙县');
    const e = await onlyError(dir, RED_SITE, 'district');
    expect(e.reason).toMatch(/未知的行政区“龙沙县”/);
  });

  it('(e) a geometry outside the city: a point in 北京', async () => {
    const dir = copyFixture();
    replaceLine(dir, RED_SITE, /^ {2}coordinates:/, '  coordinates: [116.397, 39.909]');
    const e = await onlyError(dir, RED_SITE, 'location');
    expect(e.reason).toMatch(/齐齐哈尔市范围之外.*116\.397, 39\.909/);
  });

  it("(f) invalid GeoJSON: type 'Polygonn'", async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^ {2}type: Point$/, '  type: Polygonn');
    const e = await onlyError(dir, PLANNING, 'geometry.type');
    expect(e.reason).toMatch(/不是有效的 GeoJSON 几何/);
  });

  it('(f) invalid GeoJSON: an unclosed polygon ring', async () => {
    const dir = copyFixture();
    edit(dir, LAND, (t) => t.replace(', [123.970, 47.339], [123.970, 47.337]]', ', [123.970, 47.339]]'));
    const e = await onlyError(dir, LAND, 'parcels[0].geometry.coordinates[0]');
    expect(e.reason).toMatch(/多边形的环未闭合/);
  });

  // A present value of the wrong type is reported as such, not as missing.
  it('(f) invalid GeoJSON: a string for coordinates', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^ {2}coordinates:/, '  coordinates: "123.948861, 47.352282"');
    const e = await onlyError(dir, PLANNING, 'geometry.coordinates');
    expect(e.reason).toMatch(/坐标应为 \[经度, 纬度\]/);
  });

  it('(f) invalid JSON in districts.geojson stops the load', async () => {
    const dir = copyFixture();
    edit(dir, 'boundaries/districts.geojson', (t) => t.slice(0, -2));
    const e = await onlyError(dir, 'boundaries/districts.geojson', '(JSON 语法)');
    expect(e.reason).toMatch(/^第 \d+ 行第 \d+ 列：JSON 语法错误/);
  });

  it('(g) a duplicate id: the same record as .yaml and .json', async () => {
    const dir = copyFixture();
    const original = parse(readFileSync(path.join(dir, PLANNING), 'utf8')) as Record<string, unknown>;
    // Same id, no 文号 (so only the id clashes); the .json sorts before the .yaml.
    delete original['docNo'];
    writeFileSync(path.join(dir, 'notices/planning/2026-jianhua-school-pre.json'), JSON.stringify(original));
    const e = await onlyError(dir, PLANNING, 'id');
    expect(e.reason).toMatch(/id“2026-jianhua-school-pre”重复，已在 .*2026-jianhua-school-pre\.json 中使用/);
  });

  it('(g) a file whose name is not its id', async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'notices/planning/renamed.yaml'), readFileSync(path.join(dir, PLANNING), 'utf8').replace(/^docNo:.*\n/m, '').replace(/^id:.*$/m, 'id: 2026-other-id').replace(/^projectName:.*$/m, 'projectName: 另一项目'));
    // Another project: the same project's 批前公示 twice at once would be a second error (src/schema/periods.ts).
    const e = await onlyError(dir, 'notices/planning/renamed.yaml', 'id');
    expect(e.reason).toMatch(/文件名应与 id 一致/);
  });

  it('(h) a duplicate 文号: two notices', async () => {
    const dir = copyFixture();
    replaceLine(dir, MINING, /^docNo:/, 'docNo: 齐自然资规公〔2026〕15号');
    const e = await onlyError(dir, MINING, 'docNo');
    expect(e.reason).toMatch(/文号“齐自然资规公〔2026〕15号”重复，已在 .*2026-jianhua-school-pre\.yaml 中使用/);
  });

  it('(h) a duplicate 文号: a notice and an enforcement record', async () => {
    const dir = copyFixture();
    replaceLine(dir, PENALTY, /^docNo:/, 'docNo: 齐自然资告字〔2026〕3号');
    const e = await onlyError(dir, PENALTY, 'docNo');
    expect(e.reason).toMatch(/文号“齐自然资告字〔2026〕3号”重复，已在 .*2026-g-015\.yaml 中使用/);
  });

  it('(i) personal data: a mobile number in a body', async () => {
    const dir = copyFixture();
    edit(dir, PLANNING, (t) => t.replace('利害关系人可在公示期内提出意见。', '利害关系人可在公示期内提出意见，联系人手机 139 1234 5678。'));
    const e = await onlyError(dir, PLANNING, 'body');
    // The message masks the number (logs must not leak it); more cases in bad-input-privacy.test.ts.
    expect(e.reason).toMatch(/含有手机号码“139 \*\*\*\* 5678”/);
  });

  it('(j) a notice file under the wrong kind folder', async () => {
    const dir = copyFixture();
    renameSync(path.join(dir, PLANNING), path.join(dir, 'notices/land/2026-jianhua-school-pre.yaml'));
    const e = await onlyError(dir, 'notices/land/2026-jianhua-school-pre.yaml', 'kind');
    expect(e.reason).toBe('文件在 notices/land/ 下，但 kind 为 planning');
  });
});

/** Every error of a load, as `file-ending: field: reason` lines, for readable assertions. */
async function errorLines(dir: string): Promise<string[]> {
  const { dataset, issues } = await loadDataset(dir);
  expect(dataset).toBeUndefined();
  return errorsOf(issues).map((i) => `${path.relative(dir, path.resolve(i.file)).split(path.sep).join('/')}: ${i.field}: ${i.reason}`);
}

describe.concurrent('every problem in one run', () => {
  it('a schema error does not hide a cross-record error in the same file', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^title:/, null);
    replaceLine(dir, PLANNING, /^district:/, 'district: 建华县');
    replaceLine(dir, MINING, /^docNo:/, 'docNo: 齐自然资规公〔2026〕15号');
    const lines = await errorLines(dir);
    expect(lines).toContain(`${PLANNING}: title: 缺少必填字段`);
    expect(lines.some((l) => l.startsWith(`${PLANNING}: district: 未知的行政区“建华县”`))).toBe(true);
    // The invalid planning notice still holds its 文号: the mining notice's copy of it is caught.
    expect(lines.some((l) => l.startsWith(`${MINING}: docNo: 文号“齐自然资规公〔2026〕15号”重复`))).toBe(true);
    expect(lines).toHaveLength(3);
  });

  it('a schema error does not hide personal data in the same file', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^title:/, null);
    edit(dir, PLANNING, (t) => t.replace('利害关系人可在公示期内提出意见。', '利害关系人可在公示期内提出意见，联系人手机 139 1234 5678。'));
    const lines = await errorLines(dir);
    expect(lines.some((l) => l.startsWith(`${PLANNING}: body: 含有手机号码“139 **** 5678”`))).toBe(true);
    expect(lines).toContain(`${PLANNING}: title: 缺少必填字段`);
  });

  it('a broken site.yaml does not stop the records from being checked', async () => {
    const dir = copyFixture();
    replaceLine(dir, 'site.yaml', /^siteIdCode:/, 'siteIdCode: "12345"');
    replaceLine(dir, RED_SITE, /^district:/, 'district: 龙沙县');
    const lines = await errorLines(dir);
    expect(lines.some((l) => l.startsWith('site.yaml: siteIdCode: '))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${RED_SITE}: district: 未知的行政区“龙沙县”`))).toBe(true);
  });

  it('a date written 2026年11月26日 gets one clear error, not a second, misleading one', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^ {2}start:/, '  start: 2026年11月2日');
    const e = await onlyError(dir, PLANNING, 'period.start');
    expect(e.reason).toBe('日期应写作 YYYY-MM-DD，如“2026-11-02”，不能写成“2026年11月2日”');
  });

  it('a publication time written in Chinese: one error with the rewrite', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^publishDate:/, 'publishDate: 2026年11月2日 9:00');
    const e = await onlyError(dir, PLANNING, 'publishDate');
    expect(e.reason).toBe('日期应写作 YYYY-MM-DD 或 YYYY-MM-DD HH:MM，如“2026-11-02 09:00”，不能写成“2026年11月2日 9:00”');
  });

  it('an impossible date in the right format gets the plain message, not a rewrite', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^ {2}start:/, '  start: 2026-02-30');
    const e = await onlyError(dir, PLANNING, 'period.start');
    expect(e.reason).toBe('不是有效日期，格式应为 YYYY-MM-DD');
  });
});

describe.concurrent('syntax and file problems in Chinese, with line and column', () => {
  it('a full-width colon after a key: one error at its line, and the rest of the file is still checked', async () => {
    const dir = copyFixture();
    const lineNo = readFileSync(path.join(dir, PLANNING), 'utf8').split('\n').findIndex((l) => l.startsWith('summary:')) + 1;
    replaceLine(dir, PLANNING, /^summary:/, 'summary：示例项目，测试用。');
    replaceLine(dir, PLANNING, /^district:/, 'district: 建华县');
    const lines = await errorLines(dir);
    expect(lines).toContain(`${PLANNING}: (YAML 语法): 第 ${lineNo} 行第 8 列：“summary”后面用了全角冒号“：”，应改为半角冒号“:”再加一个空格，如“summary: …”`);
    expect(lines.some((l) => l.startsWith(`${PLANNING}: district: 未知的行政区“建华县”`))).toBe(true);
    expect(lines).toHaveLength(2);
  });

  it('a colon with no space after it', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^summary:/, 'summary:示例项目，测试用。');
    const e = await onlyError(dir, PLANNING, '(YAML 语法)');
    expect(e.reason).toMatch(/^第 \d+ 行第 8 列：“summary:”后面缺少空格/);
  });

  it('a full-width colon inside a block of body text is text, not a slip', async () => {
    const dir = copyFixture();
    edit(dir, PLANNING, (t) => t.replace('  利害关系人可在公示期内提出意见。', '  note：利害关系人可在公示期内提出意见。'));
    expect(errorsOf((await loadDataset(dir)).issues)).toEqual([]);
  });

  it('a tab used for indentation', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^ {2}start:/, '\tstart: 2026-11-02');
    const { issues } = await loadDataset(dir);
    expect(errorsOf(issues).some((i) => i.field === '(YAML 语法)' && /制表符（Tab）/.test(i.reason))).toBe(true);
  });

  it('a value beginning with a reserved character', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^summary:/, 'summary: @示例项目');
    const e = await onlyError(dir, PLANNING, '(YAML 语法)');
    expect(e.reason).toMatch(/^第 \d+ 行第 10 列：这里的值以 YAML 的特殊符号开头.*请给整个值加上引号/);
  });

  it('a value beginning with * (an alias without its anchor) is an error, not a crash', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^summary:/, 'summary: *重点项目');
    const e = await onlyError(dir, PLANNING, '(YAML 语法)');
    expect(e.reason).toMatch(/值以“\*”开头/);
  });

  it('a value with “: ” in it that is not quoted', async () => {
    const dir = copyFixture();
    replaceLine(dir, PLANNING, /^summary:/, 'summary: 说明: 示例项目');
    const e = await onlyError(dir, PLANNING, '(YAML 语法)');
    expect(e.reason).toMatch(/值里含有“: ”.*请给整个值加上引号/);
  });

  it('an empty file, and a file with only comments', async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, PLANNING), '');
    writeFileSync(path.join(dir, MINING), '# 待填写\n');
    const lines = await errorLines(dir);
    expect(lines.sort()).toEqual([`${MINING}: (文件): 文件里只有注释，没有任何字段`, `${PLANNING}: (文件): 文件是空的：没有任何内容`].sort());
  });

  it('a file that is not UTF-8 (GBK)', async () => {
    const dir = copyFixture();
    // “标题” in GBK.
    writeFileSync(path.join(dir, PLANNING), Buffer.concat([Buffer.from('title: '), Buffer.from([0xb1, 0xea, 0xcc, 0xe2]), Buffer.from('\n')]));
    const e = await onlyError(dir, PLANNING, '(文件)');
    expect(e.reason).toMatch(/不是 UTF-8 编码/);
  });

  it('a folder named like a record file, and a broken link', async () => {
    const dir = copyFixture();
    mkdirSync(path.join(dir, 'notices/land/folder.yaml'));
    symlinkSync(path.join(dir, 'no-such-file.yaml'), path.join(dir, 'notices/land/dangling.yaml'));
    const lines = await errorLines(dir);
    expect(lines.sort()).toEqual(['notices/land/dangling.yaml: (文件): 文件不存在', 'notices/land/folder.yaml: (文件): 这是一个文件夹，不是数据文件']);
  });

  it('a list where the record should be', async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, PLANNING), '- 示例\n- 项目\n');
    const e = await onlyError(dir, PLANNING, '(整个文件)');
    expect(e.reason).toBe('文件内容应为“字段: 值”的形式，现在是一个列表');
  });

  it('a byte-order mark is not an error', async () => {
    const dir = copyFixture();
    edit(dir, PLANNING, (t) => `\uFEFF${t}`);
    expect(errorsOf((await loadDataset(dir)).issues)).toEqual([]);
  });
});

// Working days past chinese-days' last year: a warning until data/holidays.yaml adds the year.
describe.concurrent('holiday calendar (data/holidays.yaml)', () => {
  /** The planning notice's 10 working days moved to span 2026-12-28…2027-01-09 (a 调休 Saturday in the test year). */
  const into2027 = (dir: string) => {
    replaceLine(dir, PLANNING, /^  start:/, '  start: 2026-12-28');
    replaceLine(dir, PLANNING, /^  end:/, '  end: 2027-01-09');
  };
  // A test year, not the official arrangement.
  const HOLIDAYS = ['# 测试用，非国务院办公厅正式安排', 'years:', '  - year: 2027', '    source: 测试用假期安排', '    holidays: [2027-01-01, 2027-01-02, 2027-01-03]', '    workdays: [2027-01-09]', ''].join('\n');

  it('warns, naming the file to fill in, when the calendar ends before the period', async () => {
    const dir = copyFixture();
    into2027(dir);
    const { dataset, issues } = await loadDataset(dir);
    expect(dataset).toBeDefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', field: 'period.days' });
    expect(issues[0]!.reason).toMatch(/data\/holidays\.yaml.*2027 年/);
  });
  it('counts the added year: 12-28…01-09 is 10 working days with the 调休 Saturday', async () => {
    const dir = copyFixture();
    into2027(dir);
    writeFileSync(path.join(dir, 'holidays.yaml'), HOLIDAYS);
    const { dataset, issues } = await loadDataset(dir);
    expect(issues).toEqual([]);
    expect(dataset).toBeDefined();
    // Without the 调休 day the same dates are 9 working days: the stated 10 is then wrong.
    writeFileSync(path.join(dir, 'holidays.yaml'), HOLIDAYS.replace('[2027-01-09]', '[]'));
    const e = await onlyError(dir, PLANNING, 'period.days');
    expect(e.reason).toContain('实际为 9 个');
  });
  it('rejects a 调休 day that is not a weekend day, naming the file and the field', async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'holidays.yaml'), HOLIDAYS.replace('[2027-01-09]', '[2027-01-08]'));
    const e = await onlyError(dir, 'holidays.yaml', 'years[0].workdays[0]');
    expect(e.reason).toContain('不是周六或周日');
  });
});

describe('npm run check (scripts/check.ts)', () => {
  it('exits 0 on the valid fixture', async () => {
    const { code, stdout, stderr } = await cli.valid;
    expect(code, stderr).toBe(0);
    // From 1 November the check reminds that next year's holiday calendar is missing (the fixture has none): that one line only.
    const { nextYearCalendarReason } = await import('../../../src/schema/holidays.ts');
    const { WorkingDayCalendar } = await import('../../../src/lib/workdays.ts');
    const { todayInShanghai } = await import('../../../src/lib/dates.ts');
    const calendarReminder = nextYearCalendarReason(new WorkingDayCalendar(), todayInShanghai()) !== undefined;
    expect(stdout).toMatch(new RegExp(`^数据校验通过：4 条公告，2 条执法信息，2 个红色资源点，1 条线路，16 个区县，0 个地名；${calendarReminder ? 1 : 0} 个提醒`, 'm'));
    expect(stdout).not.toMatch(/^错误 /m);
    expect(stdout.split('\n').filter((l) => l.startsWith('提醒 ')).map((l) => l.slice(0, 33))).toEqual(calendarReminder ? ['提醒 holidays.yaml: years: 工作日历尚未收录'] : []);
  });

  it('exits 1 and prints “错误 <file>: <field>: <reason>” on a broken copy', async () => {
    const { code, stdout, stderr } = await cli.broken;
    expect(code).toBe(1);
    expect(stdout).toMatch(/^错误 \S*red\/sites\/longsha-memorial\.yaml: district: 未知的行政区“龙沙县”/m);
    expect(stderr).toMatch(/数据校验未通过：1 个错误/);
  });
});
