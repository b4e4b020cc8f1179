/**
 * npm run bench:loss [-- --connections C] [--kill-after MS] [--route opinion|application]
 *
 * The loss test (scripts/lib/loss-test.ts) on each store adapter: C=20
 * clients post submissions to the real server, which is killed with SIGKILL
 * after 5 s (default), started again on the same store; then every receipt a
 * client was given is looked up. Prints acknowledged receipts, missing ones
 * (target 0), records that differ from what was sent, requests cut off, and
 * records stored. Exit 1 when a receipt is missing or wrong, or the test
 * cannot run. tests/build/submission-loss.test.ts runs a short version.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runLossTest, type LossTestResult } from './lib/loss-test.ts';
import { POSTGRES_DEP } from './lib/postgres.ts';
import { SAMPLE_DAY } from '../tests/sample-day.ts';
import { ADAPTERS, openOpinionNoticeId, type LoadRoute } from './lib/submit-load.ts';
import { ensurePackages } from './lib/system-deps.ts';
import { formatTable } from './lib/table.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.resolve(ROOT, process.env['GEOPORTAL_OUT_DIR'] ?? 'dist');
const { values: args } = parseArgs({ options: { connections: { type: 'string', default: '20' }, 'kill-after': { type: 'string', default: '5000' }, route: { type: 'string', default: 'opinion' } } });
const connections = Number(args.connections);
const killAfterMs = Number(args['kill-after']);
if (!(connections >= 1) || !(killAfterMs > 0) || (args.route !== 'opinion' && args.route !== 'application')) {
  console.error('用法：npm run bench:loss -- [--connections 20] [--kill-after 5000] [--route opinion|application]');
  process.exit(1);
}
if (!existsSync(path.join(DIST, 'server', 'entry.mjs'))) {
  console.error(`没有构建：${DIST}。请先运行 npm run build。`);
  process.exit(1);
}
ensurePackages([POSTGRES_DEP]);
let route = args.route as LoadRoute;
const noticeId = route === 'opinion' ? await openOpinionNoticeId() : undefined;
if (route === 'opinion' && !noticeId) {
  console.log(`（今天没有处于意见征求期的批前公示：改测 /submit/application；按示例数据的日期测：GEOPORTAL_TODAY=${SAMPLE_DAY}）`);
  route = 'application';
}

const results: LossTestResult[] = [];
for (const adapter of ADAPTERS) results.push(await runLossTest({ adapter, dist: DIST, route, noticeId, connections, killAfterMs, log: console.log }));

console.log(`\nnpm run bench:loss: ${connections} clients posting to POST /submit/${route}, SIGKILL after ${killAfterMs} ms, restart on the same store`);
console.log(
  formatTable(
    [
      ['adapter', 'acknowledged', 'missing', 'wrong', 'cut off', 'stored', 'restart answers'],
      ...results.map((r) => [r.adapter, String(r.acknowledged), String(r.missing.length), String(r.wrong.length), String(r.unacknowledged), String(r.stored), r.restartedOk ? 'yes' : 'NO']),
    ],
    'lrrrrrl',
  ),
);
for (const r of results) if (r.missing.length + r.wrong.length > 0) console.log(`${r.adapter}: missing ${r.missing.slice(0, 10).join(' ')} wrong ${r.wrong.slice(0, 10).join(' ')}`);
process.exit(results.some((r) => r.missing.length + r.wrong.length > 0 || !r.restartedOk) ? 1 : 0);
