/**
 * npm run bench:permalink: the permalink browser tests (tests/e2e/map.test.ts,
 * describe "permalink", and the map search's history test in
 * tests/e2e/search-ui.test.ts) run RUNS times in a row while the CPU is
 * loaded, and the script reports how many passed in a row. This is the
 * figure for issue 11's closing note; the tests themselves assert
 * behaviour only, never timings.
 *
 * Load: `stress-ng --cpu <cores>` when stress-ng is installed (apt-get install
 * stress-ng), otherwise one busy Node worker per core. Needs a build
 * (npm run build); starts the site's own server on a free port.
 *
 *   npm run bench:permalink                       # 20 runs, stress-ng on every core
 *   RUNS=5 STRESS_CPUS=2 npm run bench:permalink
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { freePort } from '../../scripts/lib/free-port.ts';
import { spawnSiteServer } from '../../scripts/lib/site-server.ts';
import { stopProcess, waitForServer } from '../../scripts/lib/wait-for-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env['RUNS'] ?? 20);
const CPUS = Number(process.env['STRESS_CPUS'] ?? availableParallelism());
const VITEST = path.join(ROOT, 'node_modules', '.bin', 'vitest');

if (!existsSync(path.join(ROOT, 'dist', 'server'))) {
  console.error('没有 dist/：请先运行 npm run build');
  process.exit(2);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let exitReason: string | undefined;
const server = spawnSiteServer(path.join(ROOT, 'dist'), port, { cwd: ROOT });
server.on('exit', (code) => (exitReason = `exit ${code}`));
await waitForServer(base, () => exitReason, { exited: (why) => `服务器退出：${why}`, timeout: '服务器未在时限内启动' });

let stress: ChildProcess | undefined;
const workers: Worker[] = [];
const hasStressNg = spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasStressNg) {
  stress = spawn('stress-ng', ['--cpu', String(CPUS), '--quiet'], { stdio: 'ignore' });
} else {
  for (let i = 0; i < CPUS; i++) workers.push(new Worker('for (;;) {}', { eval: true }));
}
// Ctrl-C or kill: stop the load and the server too.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    stress?.kill('SIGTERM');
    server.kill('SIGTERM');
    process.exit(130);
  });
const load = hasStressNg ? `stress-ng --cpu ${CPUS}` : `${CPUS} busy Node workers`;
console.log(`permalink tests × ${RUNS} under ${load} (${availableParallelism()} cores), server ${base}`);

const runOnce = () =>
  new Promise<boolean>((resolve) => {
    const child = spawn(
      process.execPath,
      [VITEST, 'run', '--config', 'tests/e2e/vitest.config.ts', 'tests/e2e/map.test.ts', 'tests/e2e/search-ui.test.ts', '-t', 'permalink|writes q to the URL'],
      { cwd: ROOT, env: { ...process.env, E2E_BASE_URL: base }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d));
    child.stderr!.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) console.log(out.slice(-4000));
      resolve(code === 0);
    });
  });

let passed = 0;
let streak = 0;
let best = 0;
const t0 = Date.now();
try {
  for (let i = 1; i <= RUNS; i++) {
    const started = Date.now();
    const ok = await runOnce();
    passed += ok ? 1 : 0;
    streak = ok ? streak + 1 : 0;
    best = Math.max(best, streak);
    console.log(`run ${String(i).padStart(2)}: ${ok ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  stress?.kill('SIGTERM');
  for (const w of workers) await w.terminate();
  await stopProcess(server);
}
console.log(`${passed}/${RUNS} passed, longest run of passes ${best}, under ${load}, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(passed === RUNS ? 0 : 1);
