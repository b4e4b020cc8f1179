/**
 * Bad data never replaces the output: a broken copy of the minimal fixture
 * is built into a temp out dir holding only a sentinel file, once with
 * `npm run build`'s script and once with `astro build` directly (the
 * integration checks the data first). Both must fail, name the file, field
 * and reason, and leave the out dir exactly as it was.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const BIN = path.join(ROOT, 'node_modules', '.bin');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'minimal');
const SENTINEL = 'SENTINEL.txt';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'geoportal-badbuild-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Run = { code: number | null; output: string };

function run(cmd: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    // node_modules/.bin first, as under npm: `astro`'s shebang then finds the pinned Node.
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, PATH: `${BIN}${path.delimiter}${process.env['PATH'] ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A copy of the fixture with one change, and an out dir holding only the sentinel. */
function setup(name: string, breakIt: (dataDir: string) => void) {
  const dataDir = path.join(tmp, name, 'data');
  const outDir = path.join(tmp, name, 'out');
  cpSync(FIXTURE, dataDir, { recursive: true });
  breakIt(dataDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, SENTINEL), `sentinel ${name}\n`);
  return { dataDir, outDir };
}

/** The mining notice becomes a second record with the land notice's id (file named after it, so only the id clashes). */
function duplicateId(dataDir: string) {
  const from = path.join(dataDir, 'notices/mining/2026-sand-01.yaml');
  const text = readFileSync(from, 'utf8').replace(/^id: .*$/m, 'id: 2026-g-015').replace(/^docNo: .*$/m, 'docNo: 齐自然资矿告〔2026〕99号');
  rmSync(from);
  writeFileSync(path.join(dataDir, 'notices/mining/2026-g-015.yaml'), text);
}

function missingTitle(dataDir: string) {
  const file = path.join(dataDir, 'notices/land/2026-g-015.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*\n/m, ''));
}

function expectUntouched(outDir: string, name: string) {
  expect(readdirSync(outDir), 'the out dir holds only the sentinel').toEqual([SENTINEL]);
  expect(readFileSync(path.join(outDir, SENTINEL), 'utf8')).toBe(`sentinel ${name}\n`);
}

const BUILD_SCRIPT = (env: Record<string, string>) => run(path.join(BIN, 'node'), ['scripts/build.ts'], env);
const ASTRO_BUILD = (env: Record<string, string>) => run(path.join(BIN, 'astro'), ['build'], env);

describe('a build on bad data fails and writes nothing', () => {
  for (const [tool, build] of [
    ['scripts/build.ts', BUILD_SCRIPT],
    ['astro build', ASTRO_BUILD],
  ] as const) {
    it(`${tool}: duplicate id → names file, field and reason; out dir untouched`, async () => {
      const name = `dup-${tool.replace(/\W+/g, '-')}`;
      const { dataDir, outDir } = setup(name, duplicateId);
      const r = await build({ GEOPORTAL_DATA_DIR: dataDir, GEOPORTAL_OUT_DIR: outDir });
      expect(r.code, r.output).not.toBe(0);
      expect(r.output).toMatch(/notices\/(land|mining)\/2026-g-015\.yaml: id: id“2026-g-015”重复/);
      expectUntouched(outDir, name);
    });
  }

  it('scripts/build.ts: missing required field → names file, field and reason; out dir untouched', async () => {
    const { dataDir, outDir } = setup('missing-title', missingTitle);
    const r = await BUILD_SCRIPT({ GEOPORTAL_DATA_DIR: dataDir, GEOPORTAL_OUT_DIR: outDir });
    expect(r.code, r.output).not.toBe(0);
    expect(r.output).toMatch(/notices\/land\/2026-g-015\.yaml: title: 缺少必填字段/);
    expect(r.output).toContain('构建已停止');
    expectUntouched(outDir, 'missing-title');
  });
});
