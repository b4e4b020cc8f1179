/**
 * The Tianditu key never reaches the JavaScript bundle or the pages: two
 * builds of the data into temp out dirs with a sentinel key in TIANDITU_KEY,
 * one with GEOPORTAL_STATIC_CONFIG=1 and one without. Every file of the
 * output (client/_astro, every HTML page, all other client files and the
 * server bundle) is searched for the sentinel: it may appear only in
 * client/config/map.json, and only in the static build. The planner's
 * server key (TIANDITU_SERVER_KEY, read by the routing route at request
 * time) appears in no output file of either build.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeMapConfig } from '../../src/map/types.ts';

const ROOT = process.cwd();
const BIN = path.join(ROOT, 'node_modules', '.bin');
/** 32 lowercase hex characters, as a real key; chosen to occur nowhere by chance. */
const SENTINEL = 'c0ffee5e471e1c0ffee5e471e1d00d42';
const SERVER_SENTINEL = '5e7e75e7e75e7e75e7e75e7e75e7e75e';
const STATIC_FILE = path.join('client', 'config', 'map.json');

type Run = { code: number | null; output: string };

function build(outDir: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, 'node'), ['scripts/build.ts'], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${BIN}${path.delimiter}${process.env['PATH'] ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', GEOPORTAL_OUT_DIR: outDir, TIANDITU_KEY: SENTINEL, TIANDITU_SERVER_KEY: SERVER_SENTINEL, TIANDITU_MATRIX_SET: '', ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Every output file and whether it holds the sentinel (as bytes, so binary files count too). */
function scan(outDir: string, sentinel = SENTINEL) {
  const all = files(outDir);
  const needle = Buffer.from(sentinel);
  return { all, hits: all.filter((f) => readFileSync(path.join(outDir, f)).includes(needle)) };
}

let tmp = '';
const out = { static: '', node: '' };
const runs: Partial<Record<keyof typeof out, Run>> = {};

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'geoportal-runtime-config-'));
  out.static = path.join(tmp, 'static');
  out.node = path.join(tmp, 'node');
  // One after the other: both share .astro/ and node_modules/.vite.
  runs.static = await build(out.static, { GEOPORTAL_STATIC_CONFIG: '1' });
  runs.node = await build(out.node, { GEOPORTAL_STATIC_CONFIG: '' });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the Tianditu key stays out of the bundle', () => {
  it('GEOPORTAL_STATIC_CONFIG=1: the key is in client/config/map.json and nowhere else', () => {
    expect(runs.static?.code, runs.static?.output).toBe(0);
    const { all, hits } = scan(out.static);
    expect(all.filter((f) => f.startsWith(path.join('client', '_astro') + path.sep)).length, 'client/_astro files searched').toBeGreaterThan(0);
    expect(all.filter((f) => f.endsWith('.html')).length, 'HTML pages searched').toBeGreaterThan(10);
    expect(all.filter((f) => f.startsWith(`server${path.sep}`)).length, 'server bundle searched').toBeGreaterThan(0);
    expect(hits).toEqual([STATIC_FILE]);
    const config = JSON.parse(readFileSync(path.join(out.static, STATIC_FILE), 'utf8')) as RuntimeMapConfig;
    expect(config.tiandituKey).toBe(SENTINEL);
    expect(Object.keys(config).sort()).toEqual(['attribution', 'basemap', 'homeExtent', 'matrixSet', 'qualificationNo', 'reviewNo', 'termsUrl', 'tiandituKey']);
    expect(runs.static!.output).not.toContain(SENTINEL);
  });

  it('without it: no static config file (the request-time route answers) and the key appears nowhere', () => {
    expect(runs.node?.code, runs.node?.output).toBe(0);
    expect(existsSync(path.join(out.node, STATIC_FILE))).toBe(false);
    const { all, hits } = scan(out.node);
    expect(all.some((f) => f.endsWith('.html'))).toBe(true);
    expect(hits).toEqual([]);
    expect(runs.node!.output).not.toContain(SENTINEL);
  });

  it('the server key (TIANDITU_SERVER_KEY) is in no output file of either build', () => {
    expect(scan(out.static, SERVER_SENTINEL).hits).toEqual([]);
    expect(scan(out.node, SERVER_SENTINEL).hits).toEqual([]);
    expect(runs.static!.output + runs.node!.output).not.toContain(SERVER_SENTINEL);
  });
});
