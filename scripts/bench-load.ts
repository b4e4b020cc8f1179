/**
 * npm run bench:load [-- --duration S] [--connections C] [--soak S]
 *
 * Requests per second, p99 latency and errors of the Node server and of
 * nginx with the shipped site (deploy/nginx/geoportal.conf) in front of it,
 * route by route, with autocannon on loopback. Builds nothing: it uses the
 * existing build (dist/, or GEOPORTAL_OUT_DIR) and stops with one line when
 * there is none.
 *
 *   - The Node server (src/server/main.ts, started by scripts/lib/node-server.ts)
 *     runs with GEOPORTAL_RATE_LIMIT_PER_MINUTE set high, since it
 *     rate-limits request-time routes per client and every request here
 *     comes from 127.0.0.1.
 *   - nginx is Debian's (installed with apt-get if missing and allowed,
 *     otherwise one line says what to install), run as the current user from
 *     a temporary directory, the shipped site with only listen, root and the
 *     upstream port changed (scripts/lib/nginx.ts); plain HTTP like Node.
 *     Both serve the same dist/client; nginx passes what has no file to the
 *     same Node server.
 *   - Routes: /, a notice page, the hashed JS asset the home page loads,
 *     a /geo/ GeoJSON collection, /config/map.json, a 404 and a 410 (a
 *     withdrawn record from the published view). Each route runs on Node and
 *     on nginx in turn (the order alternates from route to route), C=50
 *     connections for 20 s each by default, with Accept-Encoding: br, gzip
 *     as a browser sends it, after a 2 s warm-up per server.
 *   - Printed per route and server: requests/s, p99 latency, bytes per
 *     response, wrong statuses (any status other than the route's: a 5xx,
 *     a 429, a 200 where a 410 belongs), connection errors and time-outs;
 *     then Node/nginx per route, and the 404 rate as a fraction of the home
 *     page's 200 rate.
 *
 * --soak S: the Node server alone for S seconds on all routes mixed,
 * sampling its resident memory (VmRSS of /proc/<pid>/status) every 10 s;
 * prints the series and the spread (max − min) / min.
 *
 * Exit 1 only when the measurement cannot run (no build, no nginx, a server
 * that does not start).
 */
import autocannon from 'autocannon';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getPublishedView } from '../src/data/index.ts';
import { freePort } from './lib/free-port.ts';
import { BROTLI_PACKAGES, brotliModules, NGINX_PACKAGES, nginxBinary, startNginx, type RunningNginx } from './lib/nginx.ts';
import { startNodeServer, type RunningServer } from './lib/node-server.ts';
import { ensurePackages } from './lib/system-deps.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.resolve(ROOT, process.env['GEOPORTAL_OUT_DIR'] ?? 'dist');
const CLIENT = path.join(DIST, 'client');
const RATE_LIMIT = '1000000000';
const WARMUP_S = 2;
const RSS_EVERY_S = 10;
const HEADERS = { 'accept-encoding': 'br, gzip' };

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    soak: { type: 'string' },
  },
});
const positive = (v: string | undefined, name: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number of ${name === 'connections' ? 'connections' : 'seconds'}, not ${v}`);
    process.exit(1);
  }
  return n;
};
const DURATION = positive(args.duration, 'duration');
const CONNECTIONS = Math.round(positive(args.connections, 'connections'));
const SOAK = args.soak === undefined ? undefined : positive(args.soak, 'soak');

// ------------------------------------------------------------------ routes

type Route = { name: string; path: string; status: number };

/** A path relative to the repository when it is inside it. */
const shown = (p: string) => (p.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, p) : p);

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

/** The routes, picked from the build (and the 410 from the published view). */
async function pickRoutes(): Promise<{ routes: Route[]; notes: string[] }> {
  const notes: string[] = [];
  const routes: Route[] = [{ name: 'home', path: '/', status: 200 }];
  const kinds = existsSync(path.join(CLIENT, 'notices')) ? readdirSync(path.join(CLIENT, 'notices')).sort() : [];
  let kind: string | undefined;
  for (const k of kinds) {
    const dir = path.join(CLIENT, 'notices', k);
    if (!statSync(dir).isDirectory()) continue;
    const id = readdirSync(dir)
      .sort()
      .find((d) => d !== 'page' && existsSync(path.join(dir, d, 'index.html')));
    if (id) {
      routes.push({ name: 'notice page', path: `/notices/${k}/${id}/`, status: 200 });
      kind = k;
      break;
    }
  }
  if (!kind) notes.push('no notice page in the build: route left out');

  const home = readFileSync(path.join(CLIENT, 'index.html'), 'utf8');
  const script = /<script\b[^>]*\bsrc="(\/_astro\/[^"]+\.js)"/.exec(home)?.[1] ?? /<link\b[^>]*rel="modulepreload"[^>]*href="(\/_astro\/[^"]+\.js)"/.exec(home)?.[1];
  const asset = script ?? readdirSync(path.join(CLIENT, '_astro')).filter((f) => f.endsWith('.js')).sort().map((f) => `/_astro/${f}`)[0];
  if (asset) routes.push({ name: 'hashed JS', path: asset, status: 200 });
  else notes.push('no JS under /_astro/: route left out');

  const geo = existsSync(path.join(CLIENT, 'geo')) ? readdirSync(path.join(CLIENT, 'geo')).filter((f) => f.endsWith('.geojson')).sort() : [];
  const collection = geo.find((f) => f === `notices-${kind}.geojson`) ?? geo[0];
  if (collection) routes.push({ name: 'geojson', path: `/geo/${collection}`, status: 200 });
  else notes.push('no /geo/*.geojson in the build: route left out');

  routes.push({ name: 'config/map.json', path: '/config/map.json', status: 200 });
  routes.push({ name: '404', path: '/bench-load/no-such-page/', status: 404 });

  const view = await getPublishedView();
  const gone = view.gone[0];
  if (gone) routes.push({ name: '410', path: gone.page, status: 410 });
  else notes.push('no withdrawn record in the published view: 410 left out');
  return { routes, notes };
}

// ------------------------------------------------------------------ measurement

type Row = { route: Route; server: 'node' | 'nginx'; rps: number; p99: number; bytes: number; wrong: number; codes: string; errors: number; timeouts: number };

async function measure(base: string, route: Route, server: Row['server']): Promise<Row> {
  const r = await autocannon({ url: `${base}${route.path}`, connections: CONNECTIONS, duration: DURATION, headers: HEADERS, timeout: 10 });
  const stats = (r.statusCodeStats ?? {}) as Record<string, { count?: number }>;
  const answered = Object.values(stats).reduce((n, s) => n + (s.count ?? 0), 0);
  const right = stats[String(route.status)]?.count ?? 0;
  const codes = Object.entries(stats)
    .filter(([code]) => Number(code) !== route.status)
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(' ');
  return {
    route,
    server,
    rps: r.requests.average,
    p99: r.latency.p99,
    bytes: r.requests.total > 0 ? r.throughput.total / r.requests.total : 0,
    wrong: answered - right,
    codes,
    errors: r.errors - r.timeouts,
    timeouts: r.timeouts,
  };
}

/** All routes mixed, not counted: lets the servers' caches and V8's JIT settle. */
async function warmUp(base: string, routes: Route[], seconds: number): Promise<void> {
  await autocannon({ url: base, connections: CONNECTIONS, duration: seconds, headers: HEADERS, requests: routes.map((r) => ({ method: 'GET', path: r.path })) });
}

/** One request per route and server before the runs: a wrong status shows at once, with the encoding sent. */
async function probe(base: string, route: Route): Promise<{ status: number; encoding: string }> {
  const res = await fetch(`${base}${route.path}`, { headers: HEADERS, signal: AbortSignal.timeout(5000) });
  await res.arrayBuffer();
  return { status: res.status, encoding: res.headers.get('content-encoding') ?? 'identity' };
}

// ------------------------------------------------------------------ output

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

function rssKb(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(m[1]);
}

// ------------------------------------------------------------------ main

async function ensureNginx(): Promise<void> {
  const present = (name: string) => () => (name === 'nginx' ? nginxBinary() !== undefined : brotliModules() !== undefined);
  ensurePackages(
    NGINX_PACKAGES.map((name) => ({ name, present: present(name) })),
    console.log,
    BROTLI_PACKAGES.map((name) => ({ name, present: present(name) })),
  );
}

async function soak(node: RunningServer, routes: Route[], seconds: number): Promise<void> {
  console.log(`\nSoak: the Node server alone, ${fmt(seconds)} s, all ${routes.length} routes mixed, ${CONNECTIONS} connections; VmRSS every ${RSS_EVERY_S} s`);
  const samples: { t: number; kb: number }[] = [{ t: 0, kb: rssKb(node.pid) }];
  const t0 = Date.now();
  const timer = setInterval(() => samples.push({ t: Math.round((Date.now() - t0) / 1000), kb: rssKb(node.pid) }), RSS_EVERY_S * 1000);
  let wrong = 0;
  const r = await autocannon({
    url: node.base,
    connections: CONNECTIONS,
    duration: seconds,
    headers: HEADERS,
    timeout: 10,
    requests: routes.map((route) => ({
      method: 'GET' as const,
      path: route.path,
      onResponse: (status: number) => {
        if (status !== route.status) wrong++;
      },
    })),
  });
  clearInterval(timer);
  samples.push({ t: Math.round((Date.now() - t0) / 1000), kb: rssKb(node.pid) });
  table([['t (s)', 'VmRSS (MB)'], ...samples.map((s) => [String(s.t), fmt(s.kb / 1024, 1)])]);
  const kbs = samples.map((s) => s.kb);
  const min = Math.min(...kbs);
  const max = Math.max(...kbs);
  const spread = (xs: number[]) => `${fmt(((Math.max(...xs) - Math.min(...xs)) / Math.min(...xs)) * 100, 1)} %`;
  console.log(`\nRSS min ${fmt(min / 1024, 1)} MB, max ${fmt(max / 1024, 1)} MB, spread (max − min) / min = ${spread(kbs)}`);
  // The first minute includes the heap growing to its working size; a leak shows in what follows.
  const later = samples.filter((s) => s.t >= 60).map((s) => s.kb);
  if (later.length >= 3) console.log(`from 60 s on: spread ${spread(later)} over ${later.length} samples`);
  console.log(`${fmt(r.requests.average)} requests/s, p99 ${fmt(r.latency.p99)} ms, ${fmt(r.requests.total)} requests, wrong status ${wrong}, errors ${r.errors - r.timeouts}, time-outs ${r.timeouts}`);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(CLIENT, 'index.html')) || !existsSync(path.join(DIST, 'server', 'static-files.json'))) {
    fail(`No build in ${shown(DIST)}/: run npm run build first (bench:load builds nothing).`);
  }
  const built = statSync(path.join(CLIENT, 'index.html')).mtime;
  console.log(`Build: ${shown(DIST)}/ of ${built.toISOString().slice(0, 16).replace('T', ' ')} (used as it is; bench:load builds nothing)`);
  const { routes, notes } = await pickRoutes();
  for (const n of notes) console.log(`note: ${n}`);

  if (SOAK === undefined) await ensureNginx();

  const node = await startNodeServer({ dist: DIST, port: await freePort(), env: { GEOPORTAL_RATE_LIMIT_PER_MINUTE: RATE_LIMIT } });
  let nginx: RunningNginx | undefined;
  try {
    console.log(`Node server: src/server/main.ts (pid ${node.pid}) at ${node.base}, GEOPORTAL_RATE_LIMIT_PER_MINUTE=${RATE_LIMIT} (the server rate-limits request-time routes per client; all requests here come from one)`);
    if (SOAK !== undefined) {
      await warmUp(node.base, routes, WARMUP_S);
      await soak(node, routes, SOAK);
      return;
    }
    nginx = await startNginx({ port: await freePort(), redirectPort: await freePort(), root: CLIENT, upstreamPort: Number(new URL(node.base).port) });
    console.log(`nginx: ${nginxBinary()} with deploy/nginx/geoportal.conf at ${nginx.base} (plain HTTP; brotli ${nginx.brotli ? 'on' : `off: apt-get install ${BROTLI_PACKAGES.join(' ')}`}), worker_processes auto on ${cpus().length} CPUs`);
    console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per route and server, Accept-Encoding: ${HEADERS['accept-encoding']}; about ${fmt((routes.length * 2 * DURATION + 2 * WARMUP_S) / 60, 1)} min`);

    const probes: string[][] = [['route', 'path', 'expected', 'node', 'nginx']];
    for (const r of routes) {
      const [a, b] = [await probe(node.base, r), await probe(nginx.base, r)];
      probes.push([r.name, r.path, String(r.status), `${a.status} ${a.encoding}`, `${b.status} ${b.encoding}`]);
    }
    console.log('\nOne request each (status, Content-Encoding):');
    table(probes);

    console.log(`\nWarm-up (${WARMUP_S} s per server, all routes, not counted), then the runs:`);
    await warmUp(node.base, routes, WARMUP_S);
    await warmUp(nginx.base, routes, WARMUP_S);
    const rows: Row[] = [];
    for (const [i, r] of routes.entries()) {
      const order: Row['server'][] = i % 2 === 0 ? ['node', 'nginx'] : ['nginx', 'node'];
      for (const s of order) {
        const row = await measure(s === 'node' ? node.base : nginx.base, r, s);
        rows.push(row);
        console.log(`  ${r.name} on ${s}: ${fmt(row.rps)} req/s`);
      }
    }

    const of = (r: Route, s: Row['server']) => rows.find((x) => x.route === r && x.server === s)!;
    console.log(`\nResults (${CONNECTIONS} connections, ${DURATION} s each):`);
    const out: string[][] = [['route', 'server', 'req/s', 'p99 ms', 'bytes/resp', 'wrong status', 'errors', 'time-outs', 'Node/nginx']];
    for (const r of routes) {
      for (const s of ['node', 'nginx'] as const) {
        const x = of(r, s);
        const ratio = s === 'node' ? `${fmt(x.rps / of(r, 'nginx').rps, 2)}` : '';
        out.push([s === 'node' ? `${r.name} (${r.status})` : '', s, fmt(x.rps), fmt(x.p99), fmt(x.bytes), x.wrong ? `${x.wrong} (${x.codes})` : '0', String(x.errors), String(x.timeouts), ratio]);
      }
    }
    table(out);
    const home = routes.find((r) => r.name === 'home')!;
    const missing = routes.find((r) => r.name === '404')!;
    console.log(`\n404 rate / home 200 rate: node ${fmt(of(missing, 'node').rps / of(home, 'node').rps, 2)}, nginx ${fmt(of(missing, 'nginx').rps / of(home, 'nginx').rps, 2)}`);
    console.log('wrong status: answers with any status other than the route’s; errors: connection errors; bytes/resp: headers and body as sent (nginx compresses only 200/403/404 answers).');
    console.log(`The load generator runs on the same ${cpus().length} CPUs as both servers; on loopback the fastest server may be limited by autocannon itself.`);
  } finally {
    await nginx?.stop();
    await node.stop();
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
