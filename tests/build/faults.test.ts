/**
 * Faults around the build and the server, each shown by a test:
 * - two builds of the same source give byte-identical client files, and the
 *   server bundle does not name the staging directory;
 * - a build killed midway, or one that runs out of disk, leaves the live
 *   output untouched, and the next build removes what the killed one left;
 * - the server killed in the middle of a response and started again serves
 *   the same bytes.
 * The disk-full case mounts a 4 MB tmpfs inside the project (root only).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { spawnSiteServer } from '../../scripts/lib/site-server.ts';
import { stopProcess, waitForServer } from '../../scripts/lib/wait-for-server.ts';

const ROOT = process.cwd();
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const scratch = mkdtempSync(path.join(ROOT, '.build-faults-'));
afterAll(() => {
  try {
    execFileSync('umount', [path.join(scratch, 'tiny')], { stdio: 'ignore' });
  } catch {
    // not mounted
  }
  rmSync(scratch, { recursive: true, force: true });
});

function startBuild(out: string, env: Record<string, string> = {}): ChildProcess & { output: () => string; done: Promise<number | null> } {
  const child = spawn(NODE, ['scripts/build.ts'], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GEOPORTAL_OUT_DIR: out, ...env } });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return Object.assign(child, { output: () => output, done });
}

/** Every file under dir with its SHA-256, by relative path. */
function digest(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const f = path.join(e.parentPath, e.name);
        return [path.relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

const liveMarker = (out: string) => {
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'LIVE'), 'the site that is being served');
};

describe('builds', () => {
  it('two builds of the same source give the same client files; the bundle names no staging directory', async () => {
    const a = path.join(scratch, 'a');
    const b = path.join(scratch, 'b');
    const first = startBuild(a);
    expect(await first.done, first.output()).toBe(0);
    const second = startBuild(b);
    expect(await second.done, second.output()).toBe(0);
    const da = digest(path.join(a, 'client'));
    const db = digest(path.join(b, 'client'));
    expect(da.size).toBeGreaterThan(100);
    expect([...da.keys()]).toEqual([...db.keys()]);
    expect([...da].filter(([f, h]) => db.get(f) !== h).map(([f]) => f)).toEqual([]);
    const serverText = [...digest(path.join(a, 'server')).keys()].filter((f) => /\.m?js$/.test(f)).map((f) => readFileSync(path.join(a, 'server', f), 'utf8')).join('\n');
    expect(serverText).not.toMatch(/staging-/);
    expect(serverText).toContain(a);
  });

  it('a build killed midway leaves the live output as it was; the next build removes the leftovers', async () => {
    const out = path.join(scratch, 'killed');
    const work = path.join(scratch, 'work-killed');
    liveMarker(out);
    const build = startBuild(out, { GEOPORTAL_BUILD_DIR: work });
    // Kill it once Astro has started writing into the staging directory.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(existsSync(work) && readdirSync(work).some((n) => n.startsWith('staging-') && existsSync(path.join(work, n, 'server'))))) await new Promise((r) => setTimeout(r, 20));
    build.kill('SIGKILL');
    await build.done;
    expect(readdirSync(out)).toEqual(['LIVE']);
    const left = readdirSync(work).filter((n) => n.startsWith('staging-'));
    expect(left.length, 'a killed build cannot clean up after itself').toBe(1);
    const next = startBuild(out, { GEOPORTAL_BUILD_DIR: work });
    expect(await next.done, next.output()).toBe(0);
    expect(next.output()).toContain('已清除中断构建的遗留目录');
    expect(readdirSync(work)).toEqual([]);
    expect(existsSync(path.join(out, 'client', 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'LIVE'))).toBe(false);
  });

  it('a build that runs out of disk fails, says so, and leaves the live output and no staging behind', async () => {
    expect(process.getuid?.(), 'mounting the test tmpfs needs root').toBe(0);
    const tiny = path.join(scratch, 'tiny');
    mkdirSync(tiny);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', tiny]);
    const out = path.join(tiny, 'dist');
    liveMarker(out);
    const build = startBuild(out, { GEOPORTAL_BUILD_DIR: path.join(tiny, 'work') });
    expect(await build.done).toBe(1);
    expect(build.output()).toMatch(/构建失败|磁盘空间不足|ENOSPC/);
    expect(readdirSync(out)).toEqual(['LIVE']);
    expect(readdirSync(path.join(tiny, 'work'))).toEqual([]);
  });
});

describe('the server', () => {
  it('picks up a new build swapped in under it, without a restart', async () => {
    const out = path.join(scratch, 'republish');
    const first = startBuild(out);
    expect(await first.done, first.output()).toBe(0);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawnSiteServer(out, port, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    server.stdout!.on('data', (d: Buffer) => (log += d));
    server.stderr!.on('data', (d: Buffer) => (log += d));
    try {
      await waitForServer(base, () => undefined, { exited: (w) => `server exited: ${w}`, timeout: 'server did not start' });
      const canonical = async () => /<link rel="canonical" href="([^"]+)"/.exec(await (await fetch(`${base}/about/`)).text())?.[1];
      expect(await canonical()).not.toContain('republished.example');
      // The same source with another canonical origin: every page changes.
      const second = startBuild(out, { SITE_URL: 'https://republished.example' });
      expect(await second.done, second.output()).toBe(0);
      await expect.poll(canonical, { timeout: 20_000, interval: 200 }).toBe('https://republished.example/about/');
      expect(log).toContain('已切换到新的构建');
      expect(log).not.toContain('无法加载');
    } finally {
      await stopProcess(server);
    }
  });


  it('killed in the middle of a response and started again, serves the same bytes', async () => {
    const dist = path.join(ROOT, 'dist');
    const file = '/geo/districts.geojson';
    const onDisk = readFileSync(path.join(dist, 'client', file));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const start = async () => {
      const child = spawnSiteServer(dist, port);
      let exited: string | undefined;
      child.on('exit', (c, s) => (exited = String(c ?? s)));
      await waitForServer(base, () => exited, { exited: (w) => `server exited: ${w}`, timeout: 'server did not start' });
      return child;
    };
    const fetchBytes = (onFirstChunk?: () => void) =>
      new Promise<{ complete: boolean; bytes: Buffer }>((resolve) => {
        const chunks: Buffer[] = [];
        const r = request(`${base}${file}`, { headers: { 'accept-encoding': 'identity' } }, (res) => {
          res.on('data', (c: Buffer) => {
            if (chunks.length === 0) onFirstChunk?.();
            chunks.push(c);
          });
          res.on('end', () => resolve({ complete: res.complete, bytes: Buffer.concat(chunks) }));
          res.on('error', () => resolve({ complete: false, bytes: Buffer.concat(chunks) }));
        });
        r.on('error', () => resolve({ complete: false, bytes: Buffer.concat(chunks) }));
        r.end();
      });
    let server = await start();
    const before = await fetchBytes();
    expect(before.complete).toBe(true);
    expect(before.bytes.equals(onDisk)).toBe(true);
    const cut = await fetchBytes(() => server.kill('SIGKILL'));
    expect(cut.bytes.equals(onDisk), 'the cut response is not passed off as whole').toBe(cut.complete);
    await stopProcess(server);
    server = await start();
    const after = await fetchBytes();
    await stopProcess(server);
    expect(after.complete).toBe(true);
    expect(after.bytes.equals(onDisk)).toBe(true);
  });
});
