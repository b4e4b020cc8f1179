/**
 * npm run publish (scripts/publish.ts): the data check, then the project's
 * build into a staging directory swapped in for the live output. Bad data or
 * a failed build leaves the live output exactly as it was; a good build
 * replaces it whole. The live directory is a scratch one inside the project
 * (the swap is a rename, and the served bundle finds node_modules from it).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'minimal');
const scratch = mkdtempSync(path.join(ROOT, '.build-publish-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function publish(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['scripts/publish.ts'], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A live directory holding one file, as the site being served. */
function live(name: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'LIVE'), `live ${name}`);
  return dir;
}
const untouched = (dir: string, name: string) => {
  expect(readdirSync(dir)).toEqual(['LIVE']);
  expect(readFileSync(path.join(dir, 'LIVE'), 'utf8')).toBe(`live ${name}`);
};

describe('npm run publish', { timeout: 240_000 }, () => {
  it('on bad data says so and leaves the live site untouched', async () => {
    const data = path.join(scratch, 'bad-data');
    cpSync(FIXTURE, data, { recursive: true });
    const file = path.join(data, 'enforcement/2026-penalty-01.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: 张某', 'name: 张建国'));
    const out = live('bad');
    const r = await publish({ GEOPORTAL_DATA_DIR: data, GEOPORTAL_OUT_DIR: out });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/错误 .*enforcement\/2026-penalty-01\.yaml: party\.name: 自然人.*姓名必须遮盖后发布/);
    expect(r.output).toContain('未发布：数据校验未通过（1 个错误）。网站仍是上一次发布的版本');
    untouched(out, 'bad');
  });
  it('when the build fails leaves the live site untouched', async () => {
    const out = live('failed');
    // The build's work directory cannot be made (a file is in the way): the build fails after the check passed.
    const blocked = path.join(scratch, 'not-a-directory');
    writeFileSync(blocked, 'x');
    const r = await publish({ GEOPORTAL_DATA_DIR: FIXTURE, GEOPORTAL_OUT_DIR: out, GEOPORTAL_BUILD_DIR: blocked });
    expect(r.code).toBe(1);
    expect(r.output).toContain('数据校验通过');
    expect(r.output).toContain('未发布：构建失败');
    untouched(out, 'failed');
  });
  it('on good data swaps the new build in whole, never marked as a preview', async () => {
    const out = live('good');
    // A preview flag left in the shell (src/lib/preview-build.ts) must not reach the live site.
    const r = await publish({ GEOPORTAL_DATA_DIR: FIXTURE, GEOPORTAL_OUT_DIR: out, GEOPORTAL_PREVIEW: '1' });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/已发布：.*已换成新版本/);
    expect(existsSync(path.join(out, 'LIVE'))).toBe(false);
    const page = readFileSync(path.join(out, 'client', 'enforcement', '2026-penalty-01', 'index.html'), 'utf8');
    expect(page).toContain('示例非法占地行政处罚决定（测试）');
    expect(page).not.toContain('data-preview-banner');
    expect(page).not.toContain('预览：尚未发布');
    expect(readdirSync(path.join(ROOT, '.build')).filter((n) => n.includes(`-${path.basename(out)}-`))).toEqual([]);
  });
});
