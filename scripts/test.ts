/**
 * npm test: everything, in order, with one closing line `N passed, N failed`.
 *
 *   0. Debian's chromium, fonts-noto-cjk, gdal-bin and postgresql (installed
 *      with apt-get if missing and allowed; otherwise one line says what to
 *      install; the store's contract tests start their own PostgreSQL)
 *   1. type check (astro check)            — counts as one check
 *   2. unit tests (vitest, tests/unit)
 *   3. build into dist/ (scripts/build.ts)  — counts as one check
 *   4. the real server (src/server/main.ts on dist/) on a free port on 127.0.0.1
 *   5. browser tests (tests/e2e) against it, with E2E_BASE_URL
 *   6. build-output tests (tests/build) against dist/
 *   7. the quality gates (npm run audit: HTML validity, links, budgets,
 *      Lighthouse) on dist/, after the test server has stopped: Lighthouse
 *      wants a quiet CPU            — counts as one check
 *
 * Every stage runs on the sample data's day (GEOPORTAL_TODAY, tests/sample-day.ts).
 * The server is always stopped, also on failure and on Ctrl-C. The exit code
 * is non-zero if anything failed.
 */
import { freePort } from './lib/free-port.ts';
import { spawnSiteServer } from './lib/site-server.ts';
import { stopProcess, waitForServer } from './lib/wait-for-server.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { POSTGRES_DEP } from './lib/postgres.ts';
import { ensureSystemDeps } from './lib/system-deps.ts';
import { TODAY_VARIABLE } from '../src/lib/dates.ts';
import { testDay } from '../tests/sample-day.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
// Every stage (build, server, tests, audit) takes the same day as today: the sample data's (tests/sample-day.ts).
process.env[TODAY_VARIABLE] = testDay();
process.chdir(ROOT);
const BIN = path.join(ROOT, 'node_modules', '.bin');
const RESULTS = path.join(ROOT, 'test-results');
const NODE = process.execPath;

type Stage = { name: string; passed: number; failed: number; skipped: number; seconds: number; note?: string };
const stages: Stage[] = [];
const children = new Set<ChildProcess>();
let server: ChildProcess | undefined;
const started = Date.now();

const say = (line: string) => console.log(`\n▶ ${line}`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    children.add(child);
    child.on('error', (e) => {
      console.error(`无法启动 ${cmd}：${e.message}`);
      children.delete(child);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** A stage that is one check: passes when the command exits 0. */
async function checkStage(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  say(name);
  const t0 = Date.now();
  const code = await run(cmd, args, env);
  const ok = code === 0;
  stages.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: (Date.now() - t0) / 1000, ...(ok ? {} : { note: `exit ${code}` }) });
  return ok;
}

type VitestJson = { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number };

/** A vitest run; counts come from its JSON reporter. */
async function vitestStage(name: string, slug: string, configArgs: string[], env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  say(name);
  const t0 = Date.now();
  const json = path.join(RESULTS, `${slug}.json`);
  rmSync(json, { force: true });
  const code = await run(NODE, [path.join(BIN, 'vitest'), 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], env);
  let r: VitestJson = {};
  try {
    r = JSON.parse(readFileSync(json, 'utf8')) as VitestJson;
  } catch {
    // No report: the run itself failed (config error, crash).
  }
  const passed = r.numPassedTests ?? 0;
  let failed = r.numFailedTests ?? 0;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  let note: string | undefined;
  // A non-zero exit with no failed test (no test found, an unhandled error) still fails the stage.
  if (code !== 0 && failed === 0) {
    failed = 1;
    note = `vitest exited ${code} without a failed test (see its output above)`;
  }
  stages.push({ name, passed, failed, skipped, seconds: (Date.now() - t0) / 1000, ...(note ? { note } : {}) });
  return code === 0;
}

function skipStage(name: string, why: string): void {
  stages.push({ name, passed: 0, failed: 0, skipped: 0, seconds: 0, note: `not run: ${why}` });
}


/** Starts the site's server (src/server/main.ts) on dist/ and waits until it answers; returns its base URL. */
async function startServer(): Promise<string> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = createWriteStream(path.join(RESULTS, 'server.log'));
  // A fresh submission store per run, never the developer's own (src/store/index.ts).
  const store = path.join(RESULTS, 'server-store');
  rmSync(store, { recursive: true, force: true });
  const child = spawnSiteServer(path.join(ROOT, 'dist'), port, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { GEOPORTAL_STORE_PATH: path.join(store, 'submissions.sqlite'), DATABASE_URL: '' } });
  server = child;
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
    if (server === child) server = undefined;
  });
  await waitForServer(base, () => exited, {
    exited: (why) => `服务器已退出（${why}），见 test-results/server.log`,
    timeout: `服务器 30 秒内没有应答（${base}），见 test-results/server.log`,
  });
  return base;
}

async function stopServer(): Promise<void> {
  await stopProcess(server);
  server = undefined;
}

function killAllNow(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const c of children) c.kill(signal);
  server?.kill('SIGTERM');
}

function summary(): number {
  const total = { passed: 0, failed: 0, skipped: 0 };
  console.log('\n──────── npm test ────────');
  for (const s of stages) {
    total.passed += s.passed;
    total.failed += s.failed;
    total.skipped += s.skipped;
    const counts = `${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`;
    console.log(`${s.failed > 0 ? '✗' : '✓'} ${s.name.padEnd(22)} ${counts.padEnd(30)} ${s.seconds.toFixed(1).padStart(6)} s${s.note ? `  (${s.note})` : ''}`);
  }
  console.log(`  total wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed > 0 || stages.some((s) => s.note?.startsWith('not run')) ? 1 : 0;
}

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n收到 ${sig}，正在停止……`);
    killAllNow('SIGTERM');
    void stopServer().finally(() => process.exit(130));
  });
}
// Last resort: never leave the server behind.
process.on('exit', () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
});

async function main(): Promise<number> {
  // PostgreSQL: the unit tests run the store's contract on a throwaway server too (tests/unit/store/).
  ensureSystemDeps(console.log, [POSTGRES_DEP]);
  mkdirSync(RESULTS, { recursive: true });
  console.log(`今天按 ${process.env[TODAY_VARIABLE]} 计（${TODAY_VARIABLE}；示例数据的日期，见 tests/sample-day.ts）`);

  await checkStage('type check', NODE, [path.join(BIN, 'astro'), 'check']);
  await vitestStage('unit tests', 'unit', []);
  const built = await checkStage('build', NODE, ['scripts/build.ts']);
  if (!built || !existsSync(path.join(ROOT, 'dist', 'server', 'entry.mjs'))) {
    skipStage('browser tests', 'the build failed');
    skipStage('build-output tests', 'the build failed');
    skipStage('audit', 'the build failed');
    return summary();
  }

  say('starting the server');
  let base: string;
  try {
    base = await startServer();
    console.log(`server: ${base}`);
  } catch (e) {
    console.error((e as Error).message);
    stages.push({ name: 'server start', passed: 0, failed: 1, skipped: 0, seconds: 0, note: (e as Error).message });
    await stopServer();
    skipStage('browser tests', 'the server did not start');
    await vitestStage('build-output tests', 'build', ['--config', 'tests/build/vitest.config.ts']);
    skipStage('audit', 'the server did not start');
    return summary();
  }
  try {
    await vitestStage('browser tests', 'e2e', ['--config', 'tests/e2e/vitest.config.ts'], { E2E_BASE_URL: base });
    await vitestStage('build-output tests', 'build', ['--config', 'tests/build/vitest.config.ts']);
  } finally {
    await stopServer();
  }
  await checkStage('audit', NODE, ['scripts/audit.ts']);
  return summary();
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    console.error(e);
    killAllNow();
    await stopServer();
    stages.push({ name: 'npm test', passed: 0, failed: 1, skipped: 0, seconds: 0, note: String(e) });
    summary();
    process.exit(1);
  },
);
