/**
 * npm run bench:build [-- --notices N] [--runs 3]
 *
 * Builds the site several times with /usr/bin/time -v and prints the median
 * wall time and peak resident memory. Without --notices it builds the sample
 * data in data/; with --notices N it builds corpus/notices-N (generated first
 * with gen:corpus when missing). Output goes to a temporary directory, so
 * dist/ is left alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { notices: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

let dataDir = path.resolve('data');
if (values.notices !== undefined) {
  dataDir = path.resolve(`corpus/notices-${values.notices}`);
  if (!existsSync(dataDir)) {
    const gen = spawnSync(process.execPath, ['scripts/gen-corpus.ts', '--notices', values.notices], { stdio: 'inherit' });
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall: number[] = [];
const rssMb: number[] = [];
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, 'scripts/build.ts'], {
    env: { ...process.env, GEOPORTAL_DATA_DIR: dataDir, GEOPORTAL_OUT_DIR: path.join(out, 'dist') },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  rmSync(out, { recursive: true, force: true });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    process.exit(1);
  }
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (!elapsed || !rss) throw new Error('could not read /usr/bin/time output');
  const seconds = Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]);
  wall.push(seconds);
  rssMb.push(Number(rss[1]) / 1024);
  console.log(`run ${i + 1}/${runs}: ${seconds.toFixed(1)} s, peak RSS ${(Number(rss[1]) / 1024).toFixed(0)} MB`);
}
console.log(
  `build ${path.relative(process.cwd(), dataDir)}: median ${median(wall).toFixed(1)} s, median peak RSS ${median(rssMb).toFixed(0)} MB (${runs} runs; ${os.cpus().length} cores)`,
);
