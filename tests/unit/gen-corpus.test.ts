/**
 * scripts/gen-corpus.ts: deterministic output, a valid data directory,
 * atomic replacement, and clear refusals of bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, parseArgs, UsageError } from '../../scripts/gen-corpus.ts';
import { loadDataset } from '../../src/data/load.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const node24 = path.join(repo, 'node_modules', '.bin', 'node');

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

describe('gen-corpus', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gen-corpus-test-'));
  // A source with only the site identity and boundaries, so that records other
  // people are still writing in data/ cannot make this test fail.
  const source = path.join(tmp, 'source');
  mkdirSync(path.join(source, 'boundaries'), { recursive: true });
  cpSync(path.join(repo, 'data', 'site.yaml'), path.join(source, 'site.yaml'));
  cpSync(path.join(repo, 'data', 'boundaries', 'districts.geojson'), path.join(source, 'boundaries', 'districts.geojson'));
  const outA = path.join(tmp, 'a');
  const outB = path.join(tmp, 'b');

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives byte-identical files for the same N and seed', async () => {
    const a = await generateCorpus({ notices: 50, seed: 7, out: outA, source });
    const b = await generateCorpus({ notices: 50, seed: 7, out: outB, source });
    expect(a.counts).toEqual(b.counts);
    expect(Object.values(a.counts).reduce((s, n) => s + n, 0)).toBe(50);

    const files = listFiles(outA);
    expect(listFiles(outB)).toEqual(files);
    expect(files.filter((f) => f.startsWith('notices/'))).toHaveLength(50);
    for (const f of files) expect(readFileSync(path.join(outB, f)), f).toEqual(readFileSync(path.join(outA, f)));

    const other = path.join(tmp, 'other-seed');
    await generateCorpus({ notices: 50, seed: 8, out: other, source });
    const differs = files.some((f) => f.startsWith('notices/') && existsSync(path.join(other, f)) && !readFileSync(path.join(other, f)).equals(readFileSync(path.join(outA, f))));
    expect(differs).toBe(true);
  });

  it('writes a data directory that loadDataset accepts without errors or warnings', async () => {
    const { dataset, issues } = await loadDataset(outA);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues).toEqual([]);
    expect(dataset?.notices).toHaveLength(50);
    expect(dataset?.notices.every((n) => n.sample)).toBe(true);
    expect(new Set(dataset?.notices.map((n) => n.kind))).toEqual(new Set(['planning', 'land', 'mining', 'surveying']));
    for (const n of dataset?.notices ?? []) expect(n.body?.split('\n\n').length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('replaces an existing corpus without leaving temporary directories behind', async () => {
    const dir = path.join(tmp, 'replace');
    await generateCorpus({ notices: 30, out: dir, source });
    writeFileSync(path.join(dir, 'stale.txt'), 'from an older run');
    await generateCorpus({ notices: 12, out: dir, source });
    expect(existsSync(path.join(dir, 'stale.txt'))).toBe(false);
    expect(listFiles(dir).filter((f) => f.startsWith('notices/'))).toHaveLength(12);
    expect(readdirSync(tmp).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('copies red/ and enforcement/ from the source when they exist', async () => {
    const src = path.join(tmp, 'source-with-extras');
    cpSync(source, src, { recursive: true });
    const fixture = path.join(repo, 'tests', 'fixtures', 'minimal');
    for (const sub of ['red', 'enforcement', 'files']) cpSync(path.join(fixture, sub), path.join(src, sub), { recursive: true });
    // An enforcement record with an attachment and a red site's photo: the files come along, and nothing else under files/.
    const pdf = 'files/notices/land/2026-g-015/churang-wenjian.pdf';
    const penalty = path.join(src, 'enforcement', '2026-penalty-01.yaml');
    writeFileSync(penalty, `${readFileSync(penalty, 'utf8').trimEnd()}\nattachments:\n  - title: 决定书\n    href: /${pdf}\n`);
    cpSync(path.join(src, pdf), path.join(src, 'files', 'unlinked.pdf'));
    const out = path.join(tmp, 'extras');
    await generateCorpus({ notices: 10, out, source: src });
    expect(listFiles(path.join(out, 'files'))).toEqual(['notices/land/2026-g-015/churang-wenjian.pdf', 'red/sites/longsha-memorial/zhengmian.png']);
    for (const f of listFiles(path.join(fixture, 'red'))) expect(readFileSync(path.join(out, 'red', f), 'utf8')).toBe(readFileSync(path.join(fixture, 'red', f), 'utf8'));
    expect(listFiles(path.join(out, 'enforcement'))).toEqual(listFiles(path.join(fixture, 'enforcement')));
  });

  it('refuses a source that does not validate, naming the problem, and writes nothing', async () => {
    const src = path.join(tmp, 'source-broken');
    cpSync(source, src, { recursive: true });
    mkdirSync(path.join(src, 'red', 'sites'), { recursive: true });
    writeFileSync(path.join(src, 'red', 'sites', 'x.yaml'), 'id: x\n');
    const out = path.join(tmp, 'from-broken');
    await expect(generateCorpus({ notices: 10, out, source: src })).rejects.toThrow(/未通过校验[\s\S]*x\.yaml: name: 缺少必填字段/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a missing, zero, negative or non-numeric --notices', async () => {
    for (const argv of [['--notices', '0'], ['--notices', 'abc'], ['--notices', '-5'], ['--notices', '1.5'], ['--notices'], ['--out', 'x'], ['--notices', '10', '--bogus']])
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
    expect(() => parseArgs(['--notices', '0'])).toThrow(/--notices 应为 1 到 \d+ 之间的正整数/);
    expect(parseArgs(['--notices=25', '--seed', '3', '--out', 'x'])).toMatchObject({ notices: 25, seed: 3, out: 'x' });
    await expect(generateCorpus({ notices: 0, out: path.join(tmp, 'zero'), source })).rejects.toThrow(RangeError);
    expect(existsSync(path.join(tmp, 'zero'))).toBe(false);
  });

  it('exits non-zero with a clear message on the command line', () => {
    for (const value of ['0', 'many']) {
      const r = spawnSync(node24, ['scripts/gen-corpus.ts', '--notices', value, '--out', path.join(tmp, `cli-${value}`)], { cwd: repo, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`--notices 应为 1 到 1000000 之间的正整数，收到“${value}”`);
      expect(r.stderr).toContain('用法：npm run gen:corpus');
      expect(existsSync(path.join(tmp, `cli-${value}`))).toBe(false);
    }
  });
});
