/**
 * Staff exports (src/store/export.ts) and the commands around them
 * (opinions:export, applications:export, submissions:purge) on a real
 * SQLite store in a temporary directory.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTable, inertCell, maskFreeText, maskPersonalField, toCsv, toXlsx } from '../../../src/store/export.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import type { StoredSubmission } from '../../../src/store/types.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'geoportal-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hostile: StoredSubmission = {
  receiptNo: 'YJ-20261201-0001',
  kind: 'opinion',
  noticeId: 'gh-2026-041',
  content: { anonymous: false, opinion: '<img src=x onerror=alert(1)> 我是王建国，电话 13912345678，住在建华区文化大街12号3单元501室', subject: '=HYPERLINK("http://evil","点我")' },
  personal: { name: '王建国', phone: '13912345678', email: 'wang@example.com', address: '-1+1' },
  attachment: { name: '王建国身份证.jpg', mediaType: 'image/jpeg', size: 2048 },
  receivedAt: '2026-12-01T10:00:00+08:00',
  retainUntil: '2027-12-31',
};

describe('cells a spreadsheet will not run', () => {
  it('prefixes an apostrophe to text starting with =, +, -, @, tab or CR, and leaves other text alone', () => {
    for (const v of ['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx']) expect(inertCell(v)).toBe(`'${v}`);
    for (const v of ['意见', '1+1', "'already", '<script>alert(1)</script>']) expect(inertCell(v)).toBe(v);
    expect(inertCell('a\u0000b\u001fc\n')).toBe('abc\n');
  });
});

describe('masking of the 脱敏 view (the privacy helpers)', () => {
  it('masks names and phones, withholds other personal fields, keeps choices', () => {
    expect(maskPersonalField('opinion', 'name', '王建国')).toBe('王某某');
    expect(maskPersonalField('opinion', 'phone', '13912345678')).toBe('139****5678');
    expect(maskPersonalField('application', 'phone', '0452-2345678')).toBe('0452-****678');
    expect(maskPersonalField('opinion', 'email', 'wang@example.com')).toBe('（已隐去）');
    expect(maskPersonalField('opinion', 'address', '建华区文化大街12号')).toBe('（已隐去）');
    expect(maskPersonalField('application', 'idNumber', '110101199003071234')).toBe('（已隐去）');
    expect(maskPersonalField('application', 'contactName', '欧阳建国')).toBe('欧阳某某');
    // A choice identifies no one: shown as it is.
    expect(maskPersonalField('application', 'idType', '居民身份证')).toBe('居民身份证');
    expect(maskPersonalField('opinion', 'phone', '')).toBe('');
  });
  it('masks personal data the sender typed into the text', () => {
    const masked = maskFreeText('我的电话 13912345678，身份证 110101199003071234');
    expect(masked).not.toContain('13912345678');
    expect(masked).toContain('139****5678');
    expect(maskFreeText('建议增加绿地')).toBe('建议增加绿地');
    // The sender's own name, which no pattern recognises in free text.
    expect(maskFreeText('我是王建国，反对', { kind: 'opinion', personal: { name: '王建国', email: 'w@example.com' } })).toBe('我是王某某，反对');
  });
});

describe('exportTable, toCsv, toXlsx', () => {
  it('keeps the views apart: the masked one carries no personal data, the unmasked one all of it', () => {
    const masked = exportTable('opinion', [hostile], 'masked');
    const flat = JSON.stringify(masked);
    for (const secret of ['王建国', '13912345678', 'wang@example.com', '身份证.jpg', '3单元501室']) expect(flat).not.toContain(secret);
    expect(masked.notice).toMatch(/^【脱敏版本】/);
    const unmasked = exportTable('opinion', [hostile], 'unmasked');
    expect(unmasked.notice).toMatch(/^【含个人信息】/);
    expect(JSON.stringify(unmasked)).toContain('wang@example.com');
    expect(unmasked.header.slice(0, 3)).toEqual(['回执号', '收到时间', '公示']);
    // Columns and labels come from the form schema; a key it does not know still gets a column.
    expect(unmasked.header).toEqual(expect.arrayContaining(['意见内容', '姓名', '联系电话', '电子邮箱', '通信地址', 'subject']));
  });

  it('writes an XLSX whose cells are all text: HTML as typed, formulas neutralised', async () => {
    const table = exportTable('opinion', [hostile], 'unmasked');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(table, '对公示 gh-2026-041 的意见')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('含个人信息')!;
    expect(String(ws.getCell('A1').value)).toContain('【含个人信息】');
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    const values = cells.map((c) => String(c.value));
    expect(values).toContain(`'=HYPERLINK("http://evil","点我")`);
    expect(values).toContain("'-1+1");
    expect(values.some((v) => v.startsWith('<img src=x onerror=alert(1)>'))).toBe(true);
  });

  it('writes a CSV with a BOM, the view line first, every formula cell neutralised', async () => {
    const table = exportTable('opinion', [hostile], 'masked');
    const bytes = await toCsv(table, '对公示 gh-2026-041 的意见');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8'), { relax_column_count: true }) as string[][];
    expect(rows[0]![0]).toContain('【脱敏版本】');
    expect(rows[1]).toEqual(table.header);
    expect(rows[2]).toEqual(table.rows[0]);
    expect(rows.flat().filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });
});

describe('the staff commands on a store', () => {
  const file = path.join(tmp, 'store', 'submissions.sqlite');
  const env = { ...process.env, GEOPORTAL_STORE_PATH: file, DATABASE_URL: '' };
  const node = (script: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}) => run(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: options.env ?? env });

  beforeAll(async () => {
    const store = await openSqliteStore({ path: file });
    const base = { content: { opinion: '建议增加停车位' }, personal: { name: '王建国', phone: '13912345678' }, receivedAt: new Date('2026-12-01T02:00:00Z') };
    await store.add({ ...base, kind: 'opinion', noticeId: 'gh-2026-041', retainUntil: '2027-01-31', idempotencyKey: 'a' });
    await store.add({ ...base, kind: 'opinion', noticeId: 'gh-2026-041', retainUntil: '2027-12-31', idempotencyKey: 'b' });
    await store.add({ ...base, kind: 'opinion', noticeId: 'gh-2026-099', retainUntil: '2027-12-31', idempotencyKey: 'c' });
    await store.add({ ...base, kind: 'application', content: { description: '规划条件' }, retainUntil: '2027-01-15', replyBy: '2026-12-29', idempotencyKey: 'd' });
    await store.close();
  });

  it('opinions:export writes only the masked files unless asked, then both, the unmasked ones private', async () => {
    const out = path.join(tmp, 'out1');
    const { stdout } = await node('opinions-export.ts', ['--notice', 'gh-2026-041', '--out', out]);
    expect(stdout).toContain('共 2 条');
    expect(readdirSync(out).sort()).toEqual([expect.stringMatching(/^意见-gh-2026-041-脱敏-\d{4}-\d{2}-\d{2}\.csv$/), expect.stringMatching(/^意见-gh-2026-041-脱敏-.*\.xlsx$/)]);
    expect(readFileSync(path.join(out, readdirSync(out).find((f) => f.endsWith('.csv'))!), 'utf8')).not.toContain('王建国');
    const out2 = path.join(tmp, 'out2');
    await node('opinions-export.ts', ['--notice', 'gh-2026-041', '--out', out2, '--with-personal-data']);
    const files = readdirSync(out2).sort();
    expect(files).toHaveLength(4);
    const full = files.find((f) => f.includes('含个人信息') && f.endsWith('.csv'))!;
    expect(readFileSync(path.join(out2, full), 'utf8')).toContain('王建国');
    expect(statSync(path.join(out2, full)).mode & 0o077).toBe(0);
  });

  it('opinions:export refuses a missing or odd notice id', async () => {
    await expect(node('opinions-export.ts', [])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('用法') });
    await expect(node('opinions-export.ts', ['--notice', '../x'])).rejects.toMatchObject({ code: 1 });
  });

  it('applications:export writes the applications', async () => {
    const out = path.join(tmp, 'out3');
    const { stdout } = await node('applications-export.ts', ['--out', out]);
    expect(stdout).toContain('共 1 条');
    expect(readdirSync(out).every((f) => f.startsWith('依申请公开-脱敏-'))).toBe(true);
  });

  it('submissions:purge: a dry run changes nothing; the run purges what is due and logs receipts and dates, never the personal data', async () => {
    const dry = await node('submissions-purge.ts', ['--dry-run', '--today', '2027-02-01']);
    expect(dry.stdout).toContain('2 条到期');
    const first = await node('submissions-purge.ts', ['--today', '2027-02-01']);
    expect(first.stdout).toMatch(/已删除个人信息\tYJ-20261201-0001\t意见\t公示 gh-2026-041\t收到 2026-12-01T10:00:00\+08:00\t保存至 2027-01-31/);
    expect(first.stdout).toContain('SQ-20261201-0001');
    expect(first.stdout).toContain('删除了 2 条');
    expect(first.stdout + first.stderr).not.toMatch(/王建国|13912345678|停车位/);
    const again = await node('submissions-purge.ts', ['--today', '2027-02-01']);
    expect(again.stdout).toContain('删除了 0 条');
    const store = await openSqliteStore({ path: file });
    expect((await store.list({ kind: 'opinion' })).map((s) => s.personal === null)).toEqual([true, false, false]);
    await store.close();
  });

  it('submissions:purge fails with one line when the store cannot be opened', async () => {
    await expect(node('submissions-purge.ts', [], { env: { ...env, DATABASE_URL: 'postgres://x@127.0.0.1:1/x' } })).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^\[submissions:purge\] 失败：提交存储不可用.*\n$/) });
    await expect(node('submissions-purge.ts', ['--today', '2027-13-01'])).rejects.toMatchObject({ code: 1 });
  });

  it('submissions:backup copies the store while it is open, readable by its owner only', async () => {
    const live = await openSqliteStore({ path: file });
    const copy = path.join(tmp, 'backup', 'copy.sqlite');
    mkdirSync(path.dirname(copy), { recursive: true });
    const { stdout } = await node('submissions-backup.ts', ['--to', copy]);
    expect(stdout).toContain(copy);
    expect(statSync(copy).mode & 0o077).toBe(0);
    const restored = await openSqliteStore({ path: copy });
    expect(await restored.list({ kind: 'opinion' })).toEqual(await live.list({ kind: 'opinion' }));
    await Promise.all([restored.close(), live.close()]);
    await expect(node('submissions-backup.ts', [])).rejects.toMatchObject({ code: 1 });
  });
});
