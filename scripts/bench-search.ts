/**
 * npm run bench:search [-- --notices 10000,50000] [--quick] [--rebuild | --reuse-build] [--sample 21] [--sample-new 4]
 *
 * The site's own search (term-sharded FlexSearch parts under /search/) side by
 * side with Pagefind 1.x on the same built pages. For each corpus size:
 *
 *   1. builds corpus/notices-N (made with gen:corpus when missing) into
 *      .build/bench-search-N/ (git-ignored; reused while the build's inputs are
 *      unchanged, --rebuild forces a build, --reuse-build reuses an existing
 *      build even if src/ changed since); --quick builds the sample data in
 *      data/ into .build/bench-search-sample/ instead;
 *   2. runs Pagefind (Node API) on the built pages of every SearchDocument, with
 *      <main> as the root, into <out>/client/pagefind/, so one server serves both;
 *   3. derives a labelled set of queries (seeded, scripts/lib/search-queries.ts):
 *      2-, 4-, 8-character Han, mixed scripts, 文号, parcel codes, pinyin, and
 *      substrings that cut a digit or letter run (cut, codepart); 40 per class,
 *      truth = normalised substring match on SearchDocument text (codes: code
 *      key substring within one segment); the older truth, which did not let a
 *      match cut a digit or letter run, is reported beside it;
 *   4. starts the site's server (src/server/main.ts) on <out>/ on a free port and drives headless Chromium
 *      (CHROMIUM_PATH or /usr/bin/chromium, requests outside the server blocked):
 *      - recall and precision of every query, with every result of each engine
 *        (ours: geoportalSearch.ids(q); Pagefind: every result of search(q),
 *        ids mapped to URLs through the fragments on disk);
 *      - for a sample of queries (--sample from the seven original classes, the
 *        same sample as before cut and codepart existed, plus --sample-new from
 *        those two), each in a fresh context (empty cache) after
 *        /search/ has loaded: bytes downloaded and time from issuing the query
 *        to the first result (ours: query typed into #search-q, form submitted,
 *        first #search-results li a in the DOM; Pagefind: import pagefind.js,
 *        search(q), results[0].data() resolved);
 *      - warm latency over all queries in one page after a warm-up pass (ours:
 *        geoportalSearch.search(q, {limit: 20}); Pagefind: search(q) plus the
 *        first result's data());
 *   5. prints one table per corpus size, plus index sizes.
 *
 * Targets (ours): recall ≥ 0.98; bytes before the first result ≤ Pagefind's;
 * warm p95 ≤ 5 ms. A missed target prints MISSED; the bench does not assert and
 * exits 0. Exit 1 only when a measurement itself fails.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { loadPublishedView } from '../src/data/index.ts';
import { searchDocuments, type SearchDocument } from '../src/search/documents.ts';
import { buildStamp, readStamp, writeStamp } from './lib/build-stamp.ts';
import { freePort } from './lib/free-port.ts';
import { spawnSiteServer } from './lib/site-server.ts';
import { buildPagefind, dirBytes, pagefindSizes, pagefindUrls, type PagefindSizes } from './lib/pagefind-index.ts';
import {
  deriveQueries,
  originalClasses,
  queryClasses,
  queryClassNames,
  score,
  summarize,
  type ClassScore,
  type LabelledQuery,
  type QueryClass,
  type QueryScore,
} from './lib/search-queries.ts';
import { stopProcess, waitForServer } from './lib/wait-for-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SEED = 20261123;
const PER_CLASS = 40;
const RECALL_TARGET = 0.98;
const WARM_P95_TARGET_MS = 5;
const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;

const { values } = parseArgs({
  options: {
    notices: { type: 'string', default: '10000,50000' },
    quick: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    'reuse-build': { type: 'boolean', default: false },
    sample: { type: 'string' },
    'sample-new': { type: 'string' },
  },
});
const QUICK = values.quick;
const SAMPLE = Number(values.sample ?? (QUICK ? 8 : 21));
if (!Number.isInteger(SAMPLE) || SAMPLE < 1) throw new Error('--sample must be a positive integer');
const SAMPLE_NEW = Number(values['sample-new'] ?? (QUICK ? 2 : 4));
if (!Number.isInteger(SAMPLE_NEW) || SAMPLE_NEW < 0) throw new Error('--sample-new must be a whole number');

type Target = { name: string; dataDir: string; outDir: string };
const targets: Target[] = QUICK
  ? [{ name: 'sample data (data/)', dataDir: path.join(ROOT, 'data'), outDir: path.join(ROOT, '.build/bench-search-sample') }]
  : values.notices.split(',').map((s) => {
      const n = Number(s.trim());
      if (!Number.isInteger(n) || n < 1) throw new Error(`--notices: not a count: ${s}`);
      return { name: `corpus/notices-${n}`, dataDir: path.join(ROOT, `corpus/notices-${n}`), outDir: path.join(ROOT, `.build/bench-search-${n}`) };
    });

/** What the search page publishes on form#search-form when its client is ready. */
type GeoportalSearch = {
  ids(q: string): Promise<number[]>;
  search(q: string, opts?: { limit?: number }): Promise<{ total: number; hits: Array<{ id: number; url: string; title: string }> }>;
};
type SearchForm = HTMLFormElement & { geoportalSearch?: GeoportalSearch };
type PagefindResult = { id: string; data(): Promise<{ url: string }> };
type PagefindModule = { search(q: string): Promise<{ results: PagefindResult[] } | null> };
type BenchWindow = Window & { __firstResultAt?: number; __pf?: PagefindModule; __pfIds?: Record<string, number> };

// ------------------------------------------------------------------ processes

let server: ChildProcess | undefined;
let browser: Browser | undefined;

async function startServer(outDir: string): Promise<string> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawnSiteServer(outDir, port, { cwd: ROOT });
  server = child;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  await waitForServer(base, () => exited, {
    exited: (why) => `the server stopped (${why}): ${stderr}`,
    timeout: `the server did not answer within 30 s (${base})`,
  });
  return base;
}

async function stopAll(): Promise<void> {
  const b = browser;
  browser = undefined;
  await b?.close().catch(() => undefined);
  const child = server;
  server = undefined;
  await stopProcess(child);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    server?.kill('SIGKILL');
    process.exit(130);
  });
}
process.on('exit', () => server?.kill('SIGKILL'));

// ------------------------------------------------------------------ build

const T0 = performance.now();
function log(msg: string): void {
  process.stderr.write(`[bench:search ${((performance.now() - T0) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
}

type Prepared = { buildSeconds?: number; staleBuild?: boolean; pagefindSeconds?: number; pagefindPages: number; pagefindMissing: string[] };

async function prepare(t: Target, docs: SearchDocument[]): Promise<Prepared> {
  const stamp = buildStamp(ROOT, t.dataDir);
  const prepared: Prepared = { pagefindPages: 0, pagefindMissing: [] };
  const entry = path.join(t.outDir, 'server', 'entry.mjs');
  const reuseStale = values['reuse-build'] && !values.rebuild && existsSync(entry) && readStamp(t.outDir, 'build') !== undefined;
  if (reuseStale && readStamp(t.outDir, 'build') !== stamp) {
    prepared.staleBuild = true;
    log(`--reuse-build: reusing ${path.relative(ROOT, t.outDir)}/ although its inputs changed`);
  } else if (values.rebuild || !existsSync(entry) || readStamp(t.outDir, 'build') !== stamp) {
    log(`building ${path.relative(ROOT, t.dataDir)} → ${path.relative(ROOT, t.outDir)}/ …`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      env: { ...process.env, GEOPORTAL_DATA_DIR: t.dataDir, GEOPORTAL_OUT_DIR: t.outDir },
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`build failed (${r.status ?? r.signal}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
    prepared.buildSeconds = (performance.now() - t0) / 1000;
    writeStamp(t.outDir, 'build', stamp);
    log(`built in ${prepared.buildSeconds.toFixed(1)} s`);
  } else log(`reusing the build in ${path.relative(ROOT, t.outDir)}/ (inputs unchanged)`);

  const client = path.join(t.outDir, 'client');
  const pfStamp = `${readStamp(t.outDir, 'build')} pagefind ${PAGEFIND_VERSION} ${docs.length}`;
  if (!existsSync(path.join(client, 'pagefind', 'pagefind.js')) || readStamp(t.outDir, 'pagefind') !== pfStamp) {
    log(`running Pagefind ${PAGEFIND_VERSION} on ${docs.length} pages …`);
    const r = await buildPagefind(client, docs.map((d) => d.url));
    prepared.pagefindSeconds = r.ms / 1000;
    prepared.pagefindPages = r.pages;
    prepared.pagefindMissing = r.missing;
    writeStamp(t.outDir, 'pagefind', pfStamp);
    log(`Pagefind indexed ${r.pages} pages in ${prepared.pagefindSeconds.toFixed(1)} s`);
  } else {
    prepared.pagefindPages = pagefindUrls(path.join(client, 'pagefind')).size;
    log('reusing the Pagefind bundle');
  }
  return prepared;
}

// ------------------------------------------------------------------ browser

let BASE = '';

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions', '--lang=zh-CN'],
  });
}

/** Records when the first result link appears, on every document the context loads. */
function initScript(): void {
  const w = window as unknown as BenchWindow;
  const mark = () => {
    if (w.__firstResultAt === undefined && document.querySelector('#search-results li a')) w.__firstResultAt = performance.timeOrigin + performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
}

/**
 * A fresh context whose pages reach the server only. `isolated` serves every
 * response with COOP/COEP (through Playwright, so only for the warm-latency
 * pages): a cross-origin isolated page gets a 5 µs performance.now() instead
 * of 100 µs.
 */
async function newContext(b: Browser, isolated = false): Promise<BrowserContext> {
  const context = await b.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  await context.route('**/*', async (route) => {
    if (!route.request().url().startsWith(`${BASE}/`)) return route.abort('blockedbyclient');
    if (!isolated) return route.continue();
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } });
  });
  await context.addInitScript(initScript);
  return context;
}

/** Opens /search/ and waits until the page and everything it loads by itself have settled. */
async function openSearch(page: Page): Promise<void> {
  await page.goto(`${BASE}/search/`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
}

/** Waits for form#search-form.geoportalSearch (focusing the box first, in case the client loads on focus). */
async function oursReady(page: Page, timeout = 60_000): Promise<boolean> {
  const has = () => page.evaluate(() => !!(document.getElementById('search-form') as SearchForm | null)?.geoportalSearch);
  if (await has()) return true;
  await page.focus('#search-q').catch(() => undefined);
  try {
    await page.waitForFunction(() => !!(document.getElementById('search-form') as SearchForm | null)?.geoportalSearch, undefined, { timeout, polling: 50 });
    return true;
  } catch {
    return false;
  }
}

/** One response: `order` is how many requests the context had issued before it (Node-side event order). */
type Transfer = { url: string; order: number; start: number; end: number; bytes: number; kind: 'js' | 'wasm' | 'html' | 'data' };

/**
 * Every request of a context that finished, with its issue order, its
 * browser wall-clock start/end (Playwright timing) and its bytes on the wire
 * (headers + body as sent).
 */
function recordTransfers(context: BrowserContext): { done: Transfer[]; issued(): number; settle(): Promise<void> } {
  const done: Transfer[] = [];
  const pending = new Set<Request>();
  const order = new Map<Request, number>();
  const jobs: Promise<void>[] = [];
  context.on('request', (r) => {
    order.set(r, order.size);
    pending.add(r);
  });
  const finish = (r: Request, ok: boolean) => {
    jobs.push(
      (async () => {
        pending.delete(r);
        if (!ok) return;
        const timing = r.timing();
        const sizes = await r.sizes().catch(() => undefined);
        const resp = await r.response().catch(() => null);
        let body = sizes?.responseBodySize ?? 0;
        if (body <= 0 && resp) body = Number((await resp.headerValue('content-length').catch(() => null)) ?? 0);
        const url = r.url();
        const p = new URL(url).pathname;
        const kind: Transfer['kind'] = /\.m?js$/.test(p) ? 'js' : /wasm|\.pagefind$/.test(p) ? 'wasm' : r.resourceType() === 'document' ? 'html' : 'data';
        const start = timing.startTime > 0 ? timing.startTime : NaN;
        done.push({ url, order: order.get(r) ?? -1, start, end: start + Math.max(timing.responseEnd, 0), bytes: body + (sizes?.responseHeadersSize ?? 0), kind });
      })(),
    );
  };
  context.on('requestfinished', (r) => finish(r, true));
  context.on('requestfailed', (r) => finish(r, false));
  return {
    done,
    issued: () => order.size,
    async settle() {
      const until = Date.now() + 5000;
      while (pending.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 150));
      await Promise.all(jobs);
    },
  };
}

type FirstQuery = { q: string; cls: QueryClass; ms: number; bytes: number; js: number; requests: number; found: boolean };

/**
 * The responses that belong to a query: issued after `mark` (the page had
 * settled, so anything later is the query's doing) and finished before the
 * first result `t1` (browser wall clock; 1 ms of slack between the page's
 * clock and network timestamps; kept when the browser gave no timing).
 */
function windowed(transfers: Transfer[], mark: number, t1: number): { bytes: number; js: number; requests: number } {
  const inWin = transfers.filter((x) => x.order >= mark && (!Number.isFinite(x.end) || x.end <= t1 + 1));
  return { bytes: inWin.reduce((n, x) => n + x.bytes, 0), js: inWin.filter((x) => x.kind === 'js').reduce((n, x) => n + x.bytes, 0), requests: inWin.length };
}

/** Ours, fresh context: type the query, submit, wait for the first result link. */
async function firstQueryOurs(b: Browser, q: LabelledQuery): Promise<FirstQuery> {
  const context = await newContext(b);
  const net = recordTransfers(context);
  const page = await context.newPage();
  await openSearch(page);
  await net.settle();
  const mark = net.issued();
  const t0 = await page.evaluate((query) => {
    const form = document.getElementById('search-form') as HTMLFormElement;
    const input = document.getElementById('search-q') as HTMLInputElement;
    const t = performance.timeOrigin + performance.now();
    input.focus();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    form.requestSubmit();
    return t;
  }, q.q);
  let found = true;
  try {
    await page.waitForSelector('#search-results li a', { timeout: 30_000, state: 'attached' });
  } catch {
    found = false;
  }
  const t1 = found ? ((await page.evaluate(() => (window as unknown as BenchWindow).__firstResultAt)) ?? NaN) : NaN;
  await net.settle();
  await context.close();
  return { q: q.q, cls: q.cls, ms: t1 - t0, ...windowed(net.done, mark, Number.isFinite(t1) ? t1 : Infinity), found };
}

/** Pagefind, fresh context: import pagefind.js, search, load the first result's data. */
async function firstQueryPagefind(b: Browser, q: LabelledQuery): Promise<FirstQuery> {
  const context = await newContext(b);
  const net = recordTransfers(context);
  const page = await context.newPage();
  await openSearch(page);
  await net.settle();
  const mark = net.issued();
  const r = await page.evaluate(async (query) => {
    const t0 = performance.timeOrigin + performance.now();
    const src = '/pagefind/pagefind.js';
    const pf = (await import(src)) as PagefindModule;
    const res = await pf.search(query);
    const first = res?.results[0];
    if (first) await first.data();
    return { t0, t1: performance.timeOrigin + performance.now(), n: res?.results.length ?? 0 };
  }, q.q);
  await net.settle();
  await context.close();
  return { q: q.q, cls: q.cls, ms: r.t1 - r.t0, ...windowed(net.done, mark, r.t1), found: r.n > 0 };
}

/** Every result of every query, as SearchDocument ids. */
async function allResultsOurs(page: Page, queries: LabelledQuery[]): Promise<number[][]> {
  const out: number[][] = [];
  const CHUNK = 20;
  for (let i = 0; i < queries.length; i += CHUNK) {
    const qs = queries.slice(i, i + CHUNK).map((q) => q.q);
    out.push(
      ...(await page.evaluate(async (list) => {
        const s = (document.getElementById('search-form') as SearchForm).geoportalSearch!;
        const res: number[][] = [];
        for (const q of list) res.push(await s.ids(q));
        return res;
      }, qs)),
    );
  }
  return out;
}

async function allResultsPagefind(page: Page, queries: LabelledQuery[], idOf: Record<string, number>): Promise<number[][]> {
  await page.evaluate(async (ids) => {
    const w = window as unknown as BenchWindow;
    w.__pfIds = ids;
    const src = '/pagefind/pagefind.js';
    w.__pf = (await import(src)) as PagefindModule;
  }, idOf);
  const out: number[][] = [];
  const CHUNK = 20;
  for (let i = 0; i < queries.length; i += CHUNK) {
    const qs = queries.slice(i, i + CHUNK).map((q) => q.q);
    out.push(
      ...(await page.evaluate(async (list) => {
        const w = window as unknown as BenchWindow;
        const res: number[][] = [];
        for (const q of list) {
          const r = await w.__pf!.search(q);
          res.push((r?.results ?? []).map((x) => w.__pfIds![x.id] ?? -1));
        }
        return res;
      }, qs)),
    );
  }
  return out;
}

type Warm = { times: number[]; requests: number };

/** Counts the requests the page's context makes while `run` runs. */
async function countingRequests<T>(page: Page, run: () => Promise<T>): Promise<{ value: T; requests: number }> {
  let requests = 0;
  const on = () => requests++;
  page.context().on('request', on);
  try {
    return { value: await run(), requests };
  } finally {
    page.context().off('request', on);
  }
}

/** Warm latency: one untimed pass over all queries, then one timed pass, in the same page. */
async function warmOurs(page: Page, queries: string[]): Promise<Warm> {
  const pass = (timed: boolean) =>
    page.evaluate(
      async ([list, t]) => {
        const s = (document.getElementById('search-form') as SearchForm).geoportalSearch!;
        const times: number[] = [];
        for (const q of list) {
          const t0 = performance.now();
          await s.search(q, { limit: 20 });
          if (t) times.push(performance.now() - t0);
        }
        return times;
      },
      [queries, timed] as const,
    );
  await pass(false);
  const { value, requests } = await countingRequests(page, () => pass(true));
  return { times: value, requests };
}

async function warmPagefind(page: Page, queries: string[]): Promise<Warm> {
  const pass = (timed: boolean) =>
    page.evaluate(
      async ([list, t]) => {
        const pf = (window as unknown as BenchWindow).__pf!;
        const times: number[] = [];
        for (const q of list) {
          const t0 = performance.now();
          const r = await pf.search(q);
          const first = r?.results[0];
          if (first) await first.data();
          if (t) times.push(performance.now() - t0);
        }
        return times;
      },
      [queries, timed] as const,
    );
  await pass(false);
  const { value, requests } = await countingRequests(page, () => pass(true));
  return { times: value, requests };
}

/** Scripts /search/ downloads by itself, before any query (fresh context). */
async function searchPageScripts(b: Browser, waitOurs: boolean): Promise<{ bytes: number; files: number }> {
  const context = await newContext(b);
  const net = recordTransfers(context);
  const page = await context.newPage();
  await openSearch(page);
  if (waitOurs) await oursReady(page, 30_000);
  await net.settle();
  await context.close();
  const js = net.done.filter((x) => x.kind === 'js');
  return { bytes: js.reduce((n, x) => n + x.bytes, 0), files: js.length };
}

// ------------------------------------------------------------------ report

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
}
const kb = (n: number) => (Number.isFinite(n) ? `${(n / 1024).toFixed(1)} KB` : 'n/a');
const mb = (n: number) => (Number.isFinite(n) ? `${(n / 1024 / 1024).toFixed(2)} MB` : 'n/a');
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(0)} ms`) : 'n/a');
const f3 = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : 'n/a');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Evenly spaced picks from each of `classes`, round-robin, `n` in all. */
function sampleQueries(queries: LabelledQuery[], n: number, usable: (q: LabelledQuery) => boolean, classes: readonly QueryClass[]): LabelledQuery[] {
  if (n === 0) return [];
  const byClass = classes.map((c) => queries.filter((q) => q.cls === c && usable(q)));
  const per = Math.ceil(n / byClass.filter((x) => x.length).length);
  const picks = byClass.map((xs) => Array.from({ length: Math.min(per, xs.length) }, (_, i) => xs[Math.floor(((i + 0.5) * xs.length) / per)]!));
  const out: LabelledQuery[] = [];
  for (let i = 0; out.length < n && i < per; i++) for (const p of picks) if (p[i] && out.length < n) out.push(p[i]!);
  return out;
}

const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

const newClasses = queryClasses.filter((c) => !originalClasses.includes(c));
const isOriginal = (q: LabelledQuery): boolean => originalClasses.includes(q.cls);

/**
 * The first-query sample: SAMPLE queries from the seven original classes
 * (the same queries as before cut and codepart were added, so medians compare
 * with older runs), then SAMPLE_NEW from the new classes.
 */
function firstSample(queries: LabelledQuery[], usable: (q: LabelledQuery) => boolean): LabelledQuery[] {
  return [...sampleQueries(queries, SAMPLE, usable, originalClasses), ...sampleQueries(queries, SAMPLE_NEW, usable, newClasses)];
}

/**
 * One bench per output directory at a time: a second run would rebuild or
 * re-run Pagefind under the first (and two Pagefind runs on 50,000 pages do
 * not fit in memory together).
 */
const locks: string[] = [];
function lockOutDir(outDir: string): void {
  // Beside the directory, not in it: the build replaces the directory whole.
  mkdirSync(path.dirname(outDir), { recursive: true });
  const lock = `${outDir}.lock`;
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`${path.relative(ROOT, outDir)}/ is in use by another bench:search (pid ${pid}); wait for it or use another --notices`);
    writeFileSync(lock, String(process.pid));
  }
  locks.push(lock);
}
process.on('exit', () => {
  for (const l of locks) rmSync(l, { force: true });
});

async function benchOne(t: Target): Promise<void> {
  if (!existsSync(t.dataDir)) {
    const n = /notices-(\d+)$/.exec(t.dataDir)?.[1];
    if (!n) throw new Error(`no data directory ${t.dataDir}`);
    log(`generating ${path.relative(ROOT, t.dataDir)} …`);
    const gen = spawnSync(process.execPath, ['scripts/gen-corpus.ts', '--notices', n], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (gen.status !== 0) throw new Error('gen:corpus failed');
  }
  log(`loading ${path.relative(ROOT, t.dataDir)} …`);
  const { view, issues } = await loadPublishedView(t.dataDir);
  if (!view) throw new Error(`the dataset in ${t.dataDir} did not load: ${issues.length} issues`);
  const docs = searchDocuments(view);
  const queries = deriveQueries(docs, { seed: SEED, perClass: PER_CLASS });
  log(`${docs.length} documents, ${queries.length} queries`);

  lockOutDir(t.outDir);
  const prep = await prepare(t, docs);
  const client = path.join(t.outDir, 'client');
  const pfDir = path.join(client, 'pagefind');
  const idByUrl = new Map(docs.map((d) => [d.url, d.id]));
  const pfUrls = pagefindUrls(pfDir);
  const pfIdOf: Record<string, number> = {};
  for (const [hash, url] of pfUrls) pfIdOf[hash] = idByUrl.get(url) ?? idByUrl.get(`${url.replace(/\/?$/, '/')}`) ?? -1;
  const unmapped = Object.values(pfIdOf).filter((x) => x < 0).length;

  const manifest = path.join(client, 'search', 'manifest.json');
  const oursBuilt = existsSync(manifest);
  const oursParts = readdirSync(path.join(client, 'search'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('v-'))
    .map((e) => dirBytes(path.join(client, 'search', e.name)));
  const oursIndex = { files: oursParts.reduce((n, p) => n + p.files, 0), bytes: oursParts.reduce((n, p) => n + p.bytes, 0), raw: oursParts.reduce((n, p) => n + p.raw, 0), manifest: oursBuilt ? statSync(manifest).size : 0 };
  const pfSizes: PagefindSizes = pagefindSizes(pfDir);

  BASE = await startServer(t.outDir);
  browser = await launch();
  const b = browser;
  log(`server ${BASE}, Chromium ${b.version()}`);

  // Recall and precision: one page per engine, every result of every query.
  let ours: { results: number[][]; warm: Warm; first: FirstQuery[]; scripts: { bytes: number; files: number } } | undefined;
  let oursProblem = '';
  let isolatedClock = false;
  if (!oursBuilt) oursProblem = `the build has no /search/manifest.json`;
  else {
    const context = await newContext(b, true);
    const page = await context.newPage();
    await openSearch(page);
    isolatedClock ||= await page.evaluate(() => crossOriginIsolated);
    if (!(await oursReady(page))) oursProblem = 'form#search-form.geoportalSearch did not appear within 60 s';
    else {
      log('ours: all results of every query …');
      const results = await allResultsOurs(page, queries);
      log('ours: warm latency …');
      const warm = await warmOurs(page, queries.map((q) => q.q));
      await context.close();
      const scripts = await searchPageScripts(b, true);
      const usable = (q: LabelledQuery) => (results[queries.indexOf(q)]?.length ?? 0) > 0;
      const first: FirstQuery[] = [];
      log('ours: first queries in fresh contexts …');
      for (const q of firstSample(queries, usable)) first.push(await firstQueryOurs(b, q));
      ours = { results, warm, first, scripts };
    }
    if (!ours) await context.close().catch(() => undefined);
  }

  log('Pagefind: all results of every query …');
  const pfContext = await newContext(b, true);
  const pfPage = await pfContext.newPage();
  await openSearch(pfPage);
  isolatedClock ||= await pfPage.evaluate(() => crossOriginIsolated);
  const pfResults = await allResultsPagefind(pfPage, queries, pfIdOf);
  log('Pagefind: warm latency …');
  const pfWarm = await warmPagefind(pfPage, queries.map((q) => q.q));
  await pfContext.close();
  log('Pagefind: first queries in fresh contexts …');
  // The same sample as ours where there is one, so the two columns compare like with like.
  const sample = ours ? ours.first.map((f) => queries.find((q) => q.q === f.q)!) : firstSample(queries, () => true);
  const pfFirst: FirstQuery[] = [];
  for (const q of sample) pfFirst.push(await firstQueryPagefind(b, q));
  await stopAll();

  // ---------------------------------------------------------------- print
  const oursScores: QueryScore[] | undefined = ours && queries.map((q, i) => score(q.truth, ours!.results[i]!));
  const pfScores: QueryScore[] = queries.map((q, i) => score(q.truth, pfResults[i]!));
  const cell = (s: ClassScore | undefined) => (s ? [f3(s.recall), f3(s.precision), String(s.empty)] : ['n/a', 'n/a', 'n/a']);
  const sel = <T>(xs: T[] | undefined, keep: (q: LabelledQuery) => boolean) => xs && xs.filter((_, i) => keep(queries[i]!));

  const out: string[] = [];
  out.push(`\n=== bench:search — ${t.name}: ${docs.length.toLocaleString('en')} documents, ${queries.length} queries (seed ${SEED}) ===`);
  out.push(
    `build: ${prep.buildSeconds !== undefined ? `${prep.buildSeconds.toFixed(1)} s` : prep.staleBuild ? 'reused although src/ or data changed since (--reuse-build)' : 'reused (inputs unchanged)'}; ` +
      `Pagefind ${PAGEFIND_VERSION}: ${prep.pagefindSeconds !== undefined ? `${prep.pagefindSeconds.toFixed(1)} s` : 'reused'}, ${prep.pagefindPages} pages` +
      (prep.pagefindMissing.length ? ` (${prep.pagefindMissing.length} pages not found: ${prep.pagefindMissing.slice(0, 3).join(', ')}…)` : '') +
      (unmapped ? `; ${unmapped} Pagefind pages not mapped to a document` : '') +
      `; Chromium ${b.version()}, ${os.cpus().length} cores`,
  );
  if (oursProblem) out.push(`OURS NOT MEASURED: ${oursProblem}.`);

  out.push('\nRecall / precision (mean per query; precision over queries that returned ≥ 1 result; ∅ = queries with no result)');
  const rows: string[][] = [['class', 'n', 'ours R', 'ours P', 'ours ∅', 'Pagefind R', 'Pagefind P', 'Pagefind ∅']];
  const variants = (c: QueryClass) => [...new Set(queries.filter((q) => q.cls === c).map((q) => q.variant))];
  for (const c of queryClasses) {
    const keep = (q: LabelledQuery) => q.cls === c;
    const n = queries.filter(keep).length;
    if (n === 0) continue;
    rows.push([queryClassNames[c], String(n), ...cell(oursScores && summarize(sel(oursScores, keep)!)), ...cell(summarize(sel(pfScores, keep)!))]);
    const vs = variants(c);
    if (vs.length > 1)
      for (const v of vs) {
        const kv = (q: LabelledQuery) => q.cls === c && q.variant === v;
        rows.push([`  ${v}`, String(queries.filter(kv).length), ...cell(oursScores && summarize(sel(oursScores, kv)!)), ...cell(summarize(sel(pfScores, kv)!))]);
      }
  }
  const noPinyin = (q: LabelledQuery) => q.cls !== 'pinyin';
  const origNoPinyin = (q: LabelledQuery) => isOriginal(q) && noPinyin(q);
  rows.push(['all', String(queries.length), ...cell(oursScores && summarize(oursScores)), ...cell(summarize(pfScores))]);
  rows.push(['all but pinyin', String(queries.filter(noPinyin).length), ...cell(oursScores && summarize(sel(oursScores, noPinyin)!)), ...cell(summarize(sel(pfScores, noPinyin)!))]);
  rows.push(['original 7 classes', String(queries.filter(isOriginal).length), ...cell(oursScores && summarize(sel(oursScores, isOriginal)!)), ...cell(summarize(sel(pfScores, isOriginal)!))]);
  rows.push(['  but pinyin', String(queries.filter(origNoPinyin).length), ...cell(oursScores && summarize(sel(oursScores, origNoPinyin)!)), ...cell(summarize(sel(pfScores, origNoPinyin)!))]);
  out.push(table(rows));

  // The same results against the older truth, which did not let a match cut a run of digits or letters.
  out.push('\nThe seven original classes against the older truth (a match may not cut a digit or letter run: 13号 ≠ 113号), beside the current one');
  const oldScores = ours && queries.map((q, i) => score(q.truthBounded, ours!.results[i]!));
  const pfOld = queries.map((q, i) => score(q.truthBounded, pfResults[i]!));
  const oldRows: string[][] = [['class', 'n', 'truth grew', 'ours R', 'ours P', 'ours R (old truth)', 'ours P (old truth)', 'Pagefind P (old truth)']];
  const rp = (s: ClassScore | undefined) => (s ? [f3(s.recall), f3(s.precision)] : ['n/a', 'n/a']);
  const oldRow = (name: string, keep: (q: LabelledQuery) => boolean) => {
    const qs = queries.filter(keep);
    oldRows.push([
      name,
      String(qs.length),
      String(qs.filter((q) => q.truth.length !== q.truthBounded.length).length),
      ...rp(oursScores && summarize(sel(oursScores, keep)!)),
      ...rp(oldScores && summarize(sel(oldScores, keep)!)),
      f3(summarize(sel(pfOld, keep)!).precision),
    ]);
  };
  for (const c of originalClasses) oldRow(queryClassNames[c], (q) => q.cls === c);
  oldRow('original 7 classes', isOriginal);
  out.push(table(oldRows));

  // Browser measurements.
  const o = ours;
  const bytesOf = (xs: FirstQuery[] | undefined) => (xs ? xs.map((x) => x.bytes) : []);
  const msOf = (xs: FirstQuery[] | undefined) => (xs ? xs.map((x) => x.ms) : []);
  const inMain = (x: FirstQuery) => originalClasses.includes(x.cls);
  const oursFirstBytes = median(bytesOf(o?.first.filter(inMain)));
  const pfFirstBytes = median(bytesOf(pfFirst.filter(inMain)));
  const mainCount = sample.filter(isOriginal).length;
  const oursRecall = oursScores ? summarize(oursScores).recall : NaN;
  const oursWarmP95 = o ? quantile(o.warm.times, 0.95) : NaN;
  out.push(
    `\nBrowser (headless Chromium; first query: ${mainCount} queries of the original classes${sample.length > mainCount ? ` (+ ${sample.length - mainCount} of cut/codepart, counted only in the rows that say so)` : ''}, ` +
      `each in a fresh context with an empty cache after /search/ loaded; warm: ${queries.length} queries)`,
  );
  const br: string[][] = [['measure', 'ours', 'Pagefind', 'target (ours)', '']];
  br.push(['recall, all classes', f3(oursRecall), f3(summarize(pfScores).recall), `≥ ${RECALL_TARGET}`, o ? verdict(oursRecall >= RECALL_TARGET) : '']);
  br.push(['bytes before first result, median', kb(oursFirstBytes), kb(pfFirstBytes), '≤ Pagefind', o ? verdict(oursFirstBytes <= pfFirstBytes) : '']);
  const main = (xs: FirstQuery[] | undefined) => xs?.filter(inMain);
  br.push(['bytes before first result, max', kb(Math.max(...bytesOf(main(o?.first)))), kb(Math.max(...bytesOf(main(pfFirst)))), '', '']);
  br.push(['  of which JS, median', kb(median(main(o?.first)?.map((x) => x.js) ?? [])), kb(median(main(pfFirst)!.map((x) => x.js))), '', '']);
  br.push(['  requests, median', o ? String(median(main(o.first)!.map((x) => x.requests))) : 'n/a', String(median(main(pfFirst)!.map((x) => x.requests))), '', '']);
  br.push(['first query, issue → first result, median', ms(median(msOf(main(o?.first)))), ms(median(msOf(main(pfFirst)))), '', '']);
  br.push(['first query, issue → first result, max', ms(Math.max(...msOf(main(o?.first)))), ms(Math.max(...msOf(main(pfFirst)))), '', '']);
  if (sample.length > mainCount) {
    br.push([`bytes before first result, median, incl. cut/codepart (${sample.length})`, kb(median(bytesOf(o?.first))), kb(median(bytesOf(pfFirst))), '', '']);
    br.push([`bytes before first result, max, incl. cut/codepart`, kb(Math.max(...bytesOf(o?.first))), kb(Math.max(...bytesOf(pfFirst))), '', '']);
  }
  br.push(['warm query, median', ms(median(o?.warm.times ?? [])), ms(median(pfWarm.times)), '', '']);
  br.push(['warm query, p95', ms(oursWarmP95), ms(quantile(pfWarm.times, 0.95)), `≤ ${WARM_P95_TARGET_MS} ms`, o ? verdict(oursWarmP95 <= WARM_P95_TARGET_MS) : '']);
  br.push(['warm query, max', ms(Math.max(...(o?.warm.times ?? [NaN]))), ms(Math.max(...pfWarm.times)), '', '']);
  br.push(['  requests during the timed warm pass', o ? String(o.warm.requests) : 'n/a', String(pfWarm.requests), '', '']);
  out.push(table(br));
  const noResult = (xs: FirstQuery[] | undefined) => (xs ?? []).filter((x) => !x.found).map((x) => x.q);
  if (noResult(pfFirst).length) out.push(`Pagefind found nothing for ${noResult(pfFirst).length} sampled queries (${noResult(pfFirst).join(', ')}): their time and bytes run to the end of search().`);
  if (o && noResult(o.first).length) out.push(`ours showed no result within 30 s for: ${noResult(o.first).join(', ')} (left out of the medians).`);
  if (o) {
    const excluded = queries.length - queries.filter((_, i) => (o.results[i]?.length ?? 0) > 0).length;
    if (excluded) out.push(`The first-query sample skips the ${excluded} queries for which ours returns nothing (no first result to wait for).`);
  }

  out.push('\nFirst query per sampled query (bytes on the wire: headers + body as served; time: issue → first result)');
  const fq: string[][] = [['query', 'class', 'ours bytes', 'ours ms', 'Pagefind bytes', 'Pagefind ms', 'Pagefind hits']];
  sample.forEach((q, i) => {
    const a = o?.first[i];
    const p = pfFirst[i]!;
    const pi = queries.indexOf(q);
    fq.push([q.q, `${q.cls}/${q.variant}`, a ? kb(a.bytes) : 'n/a', a ? ms(a.ms) : 'n/a', kb(p.bytes), ms(p.ms), String(pfResults[pi]?.length ?? 0)]);
  });
  out.push(table(fq));

  out.push('\nWarm latency per class (median / p95 / max)');
  const wc: string[][] = [['class', 'n', 'ours', 'Pagefind']];
  const trio = (xs: number[]) => (xs.length ? `${ms(median(xs))} / ${ms(quantile(xs, 0.95))} / ${ms(Math.max(...xs))}` : 'n/a');
  for (const c of queryClasses) {
    const idx = queries.map((q, i) => (q.cls === c ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    wc.push([queryClassNames[c], String(idx.length), o ? trio(idx.map((i) => o.warm.times[i]!)) : 'n/a', trio(idx.map((i) => pfWarm.times[i]!))]);
  }
  out.push(table(wc));

  out.push('\nIndex sizes (bytes on disk = bytes served: the Node server does not compress responses)');
  const sz: string[][] = [['part', 'ours (served)', 'ours uncompressed', 'Pagefind (served)', 'Pagefind uncompressed']];
  sz.push([
    'index (ours: /search/v-*/ parts, gzip; Pagefind: index/*.pf_index, gzip)',
    oursBuilt ? `${mb(oursIndex.bytes)} (${oursIndex.files} files)` : 'n/a',
    oursBuilt ? mb(oursIndex.raw) : 'n/a',
    `${mb(pfSizes.index.bytes)} (${pfSizes.index.files} files)`,
    mb(pfSizes.index.raw),
  ]);
  sz.push(['manifest (ours) / pf_meta + entry (Pagefind)', oursBuilt ? kb(oursIndex.manifest) : 'n/a', oursBuilt ? kb(oursIndex.manifest) : 'n/a', kb(pfSizes.meta.bytes), kb(pfSizes.meta.raw)]);
  sz.push(['fragments (Pagefind: one per page, gzip)', '', '', `${mb(pfSizes.fragments.bytes)} (${pfSizes.fragments.files} files)`, mb(pfSizes.fragments.raw)]);
  sz.push([
    'total index data',
    oursBuilt ? mb(oursIndex.bytes + oursIndex.manifest) : 'n/a',
    oursBuilt ? mb(oursIndex.raw + oursIndex.manifest) : 'n/a',
    mb(pfSizes.index.bytes + pfSizes.meta.bytes + pfSizes.fragments.bytes + pfSizes.filter.bytes),
    mb(pfSizes.index.raw + pfSizes.meta.raw + pfSizes.fragments.raw),
  ]);
  sz.push(['wasm (Pagefind, gzip)', '', '', kb(pfSizes.wasm.bytes), kb(pfSizes.wasm.raw)]);
  sz.push([
    'JS (ours: what /search/ loads until the client is ready; Pagefind: pagefind.js + worker), served uncompressed',
    o ? `${kb(o.scripts.bytes)} (${o.scripts.files} files)` : 'n/a',
    '',
    kb(pfSizes.js.bytes),
    `gzip -9: ${kb(pfSizes.js.gzip)}`,
  ]);
  out.push(table(sz));

  if (oursScores) {
    const worst = queries
      .map((q, i) => ({ q, s: oursScores[i]! }))
      .filter((x) => x.s.recall < 1)
      .sort((a, b) => a.s.recall - b.s.recall)
      .slice(0, 12);
    if (worst.length) {
      out.push(`\nours: queries with recall < 1 (${queries.filter((_, i) => oursScores[i]!.recall < 1).length}; worst first)`);
      for (const w of worst) out.push(`  ${w.q.q}  [${w.q.cls}/${w.q.variant}, from ${w.q.source}]  recall ${f3(w.s.recall)} (${Math.round(w.s.recall * w.q.truth.length)}/${w.q.truth.length}), returned ${w.s.returned}`);
    }
    const loose = queries
      .map((q, i) => ({ q, s: oursScores[i]! }))
      .filter((x) => x.s.precision < 1 && x.q.cls !== 'pinyin')
      .sort((a, b) => a.s.precision - b.s.precision)
      .slice(0, 8);
    if (loose.length) {
      out.push(`\nours: non-pinyin queries with precision < 1 (${queries.filter((q, i) => q.cls !== 'pinyin' && oursScores[i]!.precision < 1).length}; worst first)`);
      for (const w of loose) out.push(`  ${w.q.q}  [${w.q.cls}/${w.q.variant}]  precision ${f3(w.s.precision)}: returned ${w.s.returned}, truth ${w.q.truth.length}`);
    }
  }
  out.push(
    '\nNotes: truth is normalised (NFKC, lower case) substring match on SearchDocument text, any substring, also one that cuts a run of digits or letters; ' +
      'code classes (文号, parcel code, part of a code): the code key (letters, digits, Han) is a substring of the code key of one segment of the text ' +
      '(scripts/lib/search-queries.ts); pinyin truth is the documents that contain the ' +
      'Chinese name the pinyin came from. Pagefind indexes the same built pages with <main> as the root and has no pinyin. Bytes before the first result ' +
      'count every response (headers + body as served) requested after the query was issued (the page had settled) and finished before the first result: ours includes ' +
      'whatever the page fetches after submit (manifest, index parts, metadata, lazily loaded JS); Pagefind includes pagefind.js, its worker, wasm, ' +
      'meta, index chunks and the first fragment. JS that /search/ loads before the query is listed under index sizes, not counted. ' +
      'Warm: ours = geoportalSearch.search(q, {limit: 20}) (ids, ranking and the first 20 hits with title and URL); Pagefind = search(q) through its ' +
      'web worker plus the first result\'s data(); both after a full untimed pass over the same queries. ' +
      (isolatedClock ? 'Warm pages are cross-origin isolated (COOP/COEP added by the bench), so performance.now() has 5 µs resolution.' : 'performance.now() is coarsened to 0.1 ms (the warm pages were not cross-origin isolated).'),
  );
  console.log(out.join('\n'));
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(`找不到 Chromium：${CHROMIUM}（可用 CHROMIUM_PATH 指定）。`);
    return 1;
  }
  for (const t of targets) await benchOne(t);
  return 0;
}

let finished = false;
// A child that dies (e.g. the Pagefind service killed for memory) can leave a promise that never settles; say so instead of exiting 0 silently.
process.on('beforeExit', () => {
  if (finished) return;
  console.error('bench:search stopped before it finished (a child process, e.g. the Pagefind service, went away without answering).');
  process.exit(1);
});
main().then(
  (code) => {
    finished = true;
    process.exit(code);
  },
  async (e: unknown) => {
    finished = true;
    console.error(e);
    await stopAll();
    process.exit(1);
  },
);
