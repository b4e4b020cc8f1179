/**
 * npm run bench:submit [-- --duration S] [--connections C] [--route opinion|application]
 *
 * The submission POST routes under load, on each store adapter: requests/s
 * and p99 latency of POST /submit/opinion (and /submit/application) with
 * autocannon on loopback, C=20 connections for 10 s by default after a 1 s
 * warm-up, against the built site (dist/, or GEOPORTAL_OUT_DIR; builds
 * nothing).
 *
 *   - The store: SQLite in a temporary directory (WAL, synchronous=FULL: one
 *     fsync per submission), or a throwaway PostgreSQL (Debian's, started on a
 *     free port by scripts/lib/postgres.ts; fsync on, synchronous_commit on).
 *   - Every request is a new, valid form post (urlencoded, as a form without
 *     JavaScript sends it, Accept: application/json) with its own signed
 *     token, so each is a new record, never a duplicate answer. The server is
 *     given the token key (GEOPORTAL_FORM_KEY) and no rate limit.
 *   - After each run the bench counts the records in the store: every 200
 *     must be a record ("records kept"; the loss test, npm run bench:loss,
 *     checks it receipt by receipt).
 *
 * Printed per adapter and route: requests/s, p50 and p99 latency, 200s,
 * other statuses, connection errors and time-outs, records kept. Exit 1 only
 * when the measurement cannot run (no build, no PostgreSQL, a server that
 * does not start, no open 批前公示 for the opinion route).
 */
import autocannon from 'autocannon';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from './lib/free-port.ts';
import { startNodeServer } from './lib/node-server.ts';
import { POSTGRES_DEP } from './lib/postgres.ts';
import { SAMPLE_DAY } from '../tests/sample-day.ts';
import { ADAPTERS, LOAD_SERVER_ENV, openOpinionNoticeId, routePath, startStoreBackend, submissionBody, submissionHeaders, type LoadRoute } from './lib/submit-load.ts';
import { ensurePackages } from './lib/system-deps.ts';
import { formatTable } from './lib/table.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.resolve(ROOT, process.env['GEOPORTAL_OUT_DIR'] ?? 'dist');

const { values: args } = parseArgs({ options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' }, route: { type: 'string' } } });
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
if (!(DURATION > 0) || !(CONNECTIONS >= 1)) {
  console.error('--duration 与 --connections 须为正数');
  process.exit(1);
}
if (args.route !== undefined && args.route !== 'opinion' && args.route !== 'application') {
  console.error('--route 须为 opinion 或 application');
  process.exit(1);
}
if (!existsSync(path.join(DIST, 'server', 'entry.mjs'))) {
  console.error(`没有构建：${DIST}。请先运行 npm run build。`);
  process.exit(1);
}
ensurePackages([POSTGRES_DEP]);

const notice = await openOpinionNoticeId();
const routes: LoadRoute[] = args.route ? [args.route as LoadRoute] : ['opinion', 'application'];
if (routes.includes('opinion') && !notice) {
  if (args.route === 'opinion') {
    console.error(`今天没有处于意见征求期的批前公示：无法测 /submit/opinion（按示例数据的日期测：GEOPORTAL_TODAY=${SAMPLE_DAY}）`);
    process.exit(1);
  }
  routes.splice(routes.indexOf('opinion'), 1);
  console.log(`（今天没有处于意见征求期的批前公示：只测 /submit/application；按示例数据的日期测：GEOPORTAL_TODAY=${SAMPLE_DAY}）`);
}

type Row = { adapter: string; route: string; rps: number; p50: number; p99: number; ok: number; other: string; errors: number; timeouts: number; kept: number };
const rows: Row[] = [];
const settle = () => new Promise((r) => setTimeout(r, 1000));

async function load(base: string, route: LoadRoute, seconds: number): Promise<autocannon.Result & { statuses: Map<number, number> }> {
  let n = 0;
  const statuses = new Map<number, number>();
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: routePath(route),
        headers: submissionHeaders(base),
        setupRequest: (req) => ({ ...req, body: submissionBody(route, notice, ++n) }),
        onResponse: (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1),
      },
    ],
  } as autocannon.Options);
  return Object.assign(result, { statuses });
}

for (const adapter of ADAPTERS) {
  const backend = await startStoreBackend(adapter);
  const server = await startNodeServer({ dist: DIST, port: await freePort(), env: { ...LOAD_SERVER_ENV, ...backend.env } });
  try {
    for (const route of routes) {
      await load(server.base, route, 1);
      // Posts still in flight when a run ends are answered after it: let them land before counting.
      await settle();
      const store = await backend.open();
      const before = (await store.list({ kind: route })).length;
      const r = await load(server.base, route, DURATION);
      await settle();
      const kept = (await store.list({ kind: route })).length - before;
      await store.close();
      const ok = r.statuses.get(200) ?? 0;
      const other = [...r.statuses].filter(([s]) => s !== 200).map(([s, c]) => `${s}×${c}`).join(' ') || '0';
      rows.push({ adapter, route: `POST ${routePath(route)}`, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, ok, other, errors: r.errors, timeouts: r.timeouts, kept });
    }
  } finally {
    await server.stop();
    await backend.stop();
  }
}

console.log(`\nnpm run bench:submit: ${CONNECTIONS} connections, ${DURATION} s per adapter and route, after a 1 s warm-up; loopback, one Node server process`);
console.log(
  formatTable(
    [
      ['adapter', 'route', 'req/s', 'p50 ms', 'p99 ms', '200', 'other', 'conn. errors', 'time-outs', 'records kept'],
      ...rows.map((r) => [r.adapter, r.route, String(r.rps), String(r.p50), String(r.p99), String(r.ok), r.other, String(r.errors), String(r.timeouts), String(r.kept)]),
    ],
    'llrrrrlrrr',
  ),
);
console.log('records kept ≥ 200s: posts still in flight when autocannon stops are stored and answered after it stops counting (at most one per connection).');
const lost = rows.filter((r) => r.kept < r.ok);
if (lost.length > 0) console.log(`警告：${lost.map((r) => `${r.adapter} ${r.route}: ${r.ok} 个 200，存储中只有 ${r.kept} 条`).join('；')}`);
