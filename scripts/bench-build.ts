/**
 * npm run bench:build [-- --notices N] [--runs 3] [--floor]
 *
 * Builds the site several times with /usr/bin/time -v and prints the median
 * wall time and peak resident memory. Without --notices it builds the sample
 * data in data/; with --notices N it builds corpus/notices-N (generated first
 * with gen:corpus when missing). Output goes to a temporary directory, so
 * dist/ is left alone.
 *
 * --floor also builds, the same number of times, a bare Astro project of as
 * many one-line pages as the site has (N notices → N pages, at least 1,000)
 * with the same Astro and the same Node adapter, and prints the site's build time as a multiple of it:
 * what the site's own work costs above Astro's per-page floor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { notices: { type: 'string' }, runs: { type: 'string', default: '3' }, floor: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const ROOT = process.cwd();

let dataDir = path.resolve('data');
if (values.notices !== undefined) {
  dataDir = path.resolve(`corpus/notices-${values.notices}`);
  if (!existsSync(dataDir)) {
    const gen = spawnSync(process.execPath, ['scripts/gen-corpus.ts', '--notices', values.notices], { stdio: 'inherit' });
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs a build `runs` times under /usr/bin/time -v; median wall seconds and peak RSS in MB. */
function timeRuns(label: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): { seconds: number; cpu: number; rssMb: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  const rssMb: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
    const result = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
      cwd,
      env: { ...process.env, ...env, GEOPORTAL_OUT_DIR: path.join(out, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    // dist/ as deployed: its files and bytes (the compressed twins included), before the output is removed.
    const du = spawnSync('du', ['-sb', path.join(out, 'dist')], { encoding: 'utf8' });
    const files = spawnSync('sh', ['-c', `find "${path.join(out, 'dist')}" -type f | wc -l`], { encoding: 'utf8' });
    const distMb = Number(du.stdout.split(/\s/)[0] ?? 0) / 1048576;
    rmSync(out, { recursive: true, force: true });
    if (result.status !== 0) {
      console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
      process.exit(1);
    }
    const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(result.stderr);
    if (!elapsed || !rss || !user || !sys) throw new Error('could not read /usr/bin/time output');
    const seconds = Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]);
    wall.push(seconds);
    // CPU seconds move less than wall time on a shared machine.
    cpu.push(Number(user[1]) + Number(sys[1]));
    rssMb.push(Number(rss[1]) / 1024);
    console.log(`${label} run ${i + 1}/${runs}: ${seconds.toFixed(1)} s, CPU ${cpu.at(-1)!.toFixed(1)} s, peak RSS ${(Number(rss[1]) / 1024).toFixed(0)} MB, dist ${distMb.toFixed(0)} MB in ${Number(files.stdout.trim()).toLocaleString('en')} files`);
  }
  return { seconds: median(wall), cpu: median(cpu), rssMb: median(rssMb) };
}

/** A bare Astro project of `pages` one-line pages, using this repository's Astro. */
function floorProject(pages: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-build-floor-'));
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  // The site's own deployment shape: static pages with the Node adapter.
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport node from '@astrojs/node';\nexport default defineConfig({ outDir: './dist', output: 'static', adapter: node({ mode: 'standalone' }), build: { format: 'directory' }, devToolbar: { enabled: false } });\n",
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', '[n].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } })); }\nconst { n } = Astro.params;\n---\n<p>第 {n} 页</p>\n`,
  );
  return dir;
}

const site = timeRuns('site', [path.join(ROOT, 'scripts', 'build.ts')], { GEOPORTAL_DATA_DIR: dataDir }, ROOT);
console.log(`build ${path.relative(ROOT, dataDir)}: median ${site.seconds.toFixed(1)} s (CPU ${site.cpu.toFixed(1)} s), median peak RSS ${site.rssMb.toFixed(0)} MB (${runs} runs; ${os.cpus().length} cores)`);

if (values.floor) {
  const pages = Math.max(1000, Number(values.notices ?? 0));
  const dir = floorProject(pages);
  try {
    const floor = timeRuns('floor', [path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {}, dir);
    console.log(`floor: bare Astro build of ${pages.toLocaleString('en')} one-line pages: median ${floor.seconds.toFixed(1)} s (CPU ${floor.cpu.toFixed(1)} s), median peak RSS ${floor.rssMb.toFixed(0)} MB`);
    console.log(`site build = ${(site.seconds / floor.seconds).toFixed(2)} × the floor (CPU ${(site.cpu / floor.cpu).toFixed(2)} ×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
