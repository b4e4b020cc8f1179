/**
 * npm run submissions:purge [-- --dry-run] [--today YYYY-MM-DD]
 *
 * Applies the retention (site.yaml submissions.retention, stored with each
 * submission as its retainUntil when it was received, src/lib/retention.ts):
 * removes the personal data and attachments of every submission whose
 * retainUntil is before today (Asia/Shanghai), in the store the environment
 * names (DATABASE_URL or GEOPORTAL_STORE_PATH, as the server). Logs one line
 * per purged submission: receipt number, kind, notice, dates; never the
 * personal data. --dry-run lists what would be purged and changes nothing.
 * --today is for a catch-up run and for tests. Exit 1 when the store cannot
 * be opened or written. Run daily (deploy/systemd/geoportal-purge.timer).
 */
import { parseArgs } from 'node:util';
import { isIsoDate, todayInShanghai } from '../src/lib/dates.ts';
import { describeTarget, openStore, storeTarget } from '../src/store/index.ts';
import type { PurgeResult } from '../src/store/types.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, today: { type: 'string' } } });
const today = values.today ?? todayInShanghai();
if (!isIsoDate(today)) {
  console.error(`--today 应为 YYYY-MM-DD 日期，而不是 ${today}`);
  process.exit(1);
}

const KIND = { opinion: '意见', application: '依申请公开' } as const;
const line = (p: PurgeResult['purged'][number]) => `${p.receiptNo}\t${KIND[p.kind]}${p.noticeId ? `\t公示 ${p.noticeId}` : ''}\t收到 ${p.receivedAt}\t保存至 ${p.retainUntil}`;

try {
  const target = storeTarget();
  const store = await openStore();
  try {
    if (values['dry-run']) {
      const due = (await Promise.all([store.list({ kind: 'opinion' }), store.list({ kind: 'application' })]))
        .flat()
        .filter((s) => s.personal !== null && s.retainUntil < today);
      for (const s of due) console.log(`将删除个人信息\t${line({ receiptNo: s.receiptNo, kind: s.kind, noticeId: s.noticeId, receivedAt: s.receivedAt, retainUntil: s.retainUntil })}`);
      console.log(`[submissions:purge] 试运行（${describeTarget(target)}，今天 ${today}）：${due.length} 条到期，未作任何修改`);
    } else {
      const { purged } = await store.purge(today);
      for (const p of purged) console.log(`已删除个人信息\t${line(p)}`);
      console.log(`[submissions:purge] ${describeTarget(target)}，今天 ${today}：删除了 ${purged.length} 条提交的个人信息和附件`);
    }
  } finally {
    await store.close();
  }
} catch (e) {
  console.error(`[submissions:purge] 失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
