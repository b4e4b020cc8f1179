/**
 * Attachments that exist: a local attachment is a file under data/files/,
 * checked for existence and content, measured, and published only with its
 * record; an https link is allowed and marked external.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load.ts';
import { copyPublishedFiles } from '../../../src/data/files.ts';
import { publishedView } from '../../../src/data/published.ts';
import { attachment } from '../../../src/schema/index.ts';
import { edit, FIXTURE, fixtureCopies, LAND } from './fixture-copies.ts';

const PDF = 'files/notices/land/2026-g-015/churang-wenjian.pdf';
const { copy } = fixtureCopies('files');
const editLand = (dir: string, f: (t: string) => string) => edit(dir, LAND, f);
const sites = mkdtempSync(path.join(tmpdir(), 'geoportal-files-site-'));
afterAll(() => rmSync(sites, { recursive: true, force: true }));
const errors = async (dir: string) => (await loadDataset(dir)).issues.filter((i) => i.severity === 'error').map((i) => ({ file: path.basename(i.file), field: i.field, reason: i.reason }));

describe('local attachments', () => {
  it('are measured from the file and shown with format and size; https links are external', async () => {
    const { dataset, issues } = await loadDataset(FIXTURE);
    expect(issues).toEqual([]);
    const v = publishedView(dataset!);
    const land = v.notices.find((n) => n.id === '2026-g-015')!;
    const bytes = readFileSync(path.join(FIXTURE, PDF)).length;
    expect(v.attachmentsOf(land.attachments)).toEqual([
      { title: '出让文件', href: '/files/notices/land/2026-g-015/churang-wenjian.pdf', external: false, format: 'PDF', bytes },
      { title: '中国土地市场网公告', href: 'https://www.landchina.com/', external: true, format: 'PDF', bytes: undefined },
    ]);
    expect([...v.files.keys()].sort()).toEqual(['/files/notices/land/2026-g-015/churang-wenjian.pdf', '/files/red/sites/longsha-memorial/zhengmian.png']);
    // A red site's photo is a checked local file like any attachment.
    expect(v.files.get('/files/red/sites/longsha-memorial/zhengmian.png')?.format).toBe('PNG');
  });
  it('a missing file fails the check, naming the record, the field and where the file should be', async () => {
    const dir = copy((d) => rmSync(path.join(d, PDF)));
    const e = await errors(dir);
    expect(e).toEqual([{ file: '2026-g-015.yaml', field: 'attachments[0].href', reason: expect.stringMatching(/^附件文件不存在：应放在 .*files\/notices\/land\/2026-g-015\/churang-wenjian\.pdf$/) }]);
  });
  it('a file whose content is not what its extension says fails', async () => {
    const dir = copy((d) => writeFileSync(path.join(d, PDF), 'not a pdf at all, just text'));
    expect((await errors(dir))[0]).toMatchObject({ field: 'attachments[0].href', reason: expect.stringMatching(/的内容不是 PDF/) });
  });
  it('an empty file fails', async () => {
    const dir = copy((d) => writeFileSync(path.join(d, PDF), ''));
    expect((await errors(dir))[0]?.reason).toMatch(/是空的/);
  });
  it('a declared format that disagrees with the file fails at the format field', async () => {
    const dir = copy((d) => editLand(d, (t) => t.replace('    href: /files/notices/land/2026-g-015/churang-wenjian.pdf', '    href: /files/notices/land/2026-g-015/churang-wenjian.pdf\n    format: XLSX')));
    expect(await errors(dir)).toEqual([{ file: '2026-g-015.yaml', field: 'attachments[0].format', reason: expect.stringMatching(/写明的格式 XLSX 与文件实际格式 PDF 不符/) }]);
  });
  it('an extension that is not allowed fails', async () => {
    const dir = copy((d) => {
      editLand(d, (t) => t.replace('churang-wenjian.pdf', 'setup.exe'));
      cpSync(path.join(d, PDF), path.join(d, 'files/notices/land/2026-g-015/setup.exe'));
    });
    expect((await errors(dir))[0]?.reason).toMatch(/附件格式“\.exe”不在允许之列/);
  });
});

describe('attachment addresses', () => {
  const ok = (href: string) => attachment.safeParse({ title: 't', href }).success;
  it('accept /files/ paths (Han included) and https links', () => {
    for (const href of ['/files/a.pdf', '/files/notices/land/x_1/宗地图-2026.pdf', 'https://www.landchina.com/x?y=1']) expect(ok(href), href).toBe(true);
  });
  it('refuse paths that leave data/files/, other schemes and odd characters', () => {
    for (const href of ['/files/../site.yaml', '/files/a/../../site.yaml', '/files/./a.pdf', '/files/a b.pdf', '/files/a%2e%2e/x.pdf', '/files/a', 'http://example.com/a.pdf', 'javascript:alert(1)', '/notices/a.pdf', 'files/a.pdf'])
      expect(ok(href), href).toBe(false);
  });
});

describe('publishing attachments', () => {
  it('copies the files of published records, and not those of a withdrawn one', async () => {
    const { dataset } = await loadDataset(FIXTURE);
    const out = mkdtempSync(path.join(sites, 'site-'));
    expect(await copyPublishedFiles(publishedView(dataset!).files, out)).toBe(2);
    expect(readFileSync(path.join(out, PDF))).toEqual(readFileSync(path.join(FIXTURE, PDF)));

    const withdrawn = { ...dataset!, redSites: [], notices: dataset!.notices.map((n) => (n.id === '2026-g-015' ? { ...n, status: { state: 'withdrawn' as const, date: '2026-11-20', reason: '终止出让' } } : n)) };
    const empty = mkdtempSync(path.join(sites, 'site-'));
    expect(await copyPublishedFiles(publishedView(withdrawn).files, empty)).toBe(0);
    expect(existsSync(path.join(empty, 'files'))).toBe(false);
    expect(readdirSync(empty)).toEqual([]);
  });
});
