/**
 * /enforcement/decisions/feed.xml: the newest listed 事后公开 decisions as
 * Atom 1.0 (./atom.ts), in the notice feeds' form (./notice-feed.ts): each
 * entry says what the decision is in words, its id is the decision's
 * permanent URL. Only what the published view lists: a decision past its
 * display period or withdrawn is not in the feed.
 */
import type { PublishedView } from '../data/published.ts';
import type { AtomFeed } from './atom.ts';
import { formatChineseDate } from './dates.ts';
import { num } from './format.ts';
import { FEED_ENTRIES } from './notice-feed.ts';
import { isDecision, partyLines } from './enforcement-pages.ts';
import { urls } from './urls.ts';

export function decisionFeed(view: PublishedView, origin: string): AtomFeed {
  const decisions = view.enforcementListed.filter(isDecision).slice(0, FEED_ENTRIES);
  const abs = (path: string) => new URL(path, origin).href;
  return {
    id: abs(urls.enforcementDecisionsFeed),
    title: `执法决定 - ${view.site.bureauName}`,
    subtitle: decisions.some((r) => r.sample) ? '示例数据：本订阅中的信息为演示用示例，不是真实执法决定。' : undefined,
    self: abs(urls.enforcementDecisionsFeed),
    alternate: abs(urls.enforcementDecisions),
    author: view.site.bureauName,
    fallbackUpdated: view.today,
    entries: decisions.map((r) => {
      const url = abs(urls.enforcementRecord(r));
      const parts = [`${r.category} · ${r.district}`, ...(r.docNo ? [`文号：${r.docNo}`] : []), ...(r.party ? [`当事人：${partyLines(r.party)[0]}`] : []), ...(r.decisionDate ? [`作出日期：${formatChineseDate(r.decisionDate)}`] : []), ...(r.result ? [r.result] : []), ...(r.fineYuan !== undefined ? [`罚款：${num(r.fineYuan, ' 元')}`] : [])];
      return { id: url, title: r.title, updated: view.supersession(r)?.date ?? r.publishDate, published: r.publishDate, link: url, summary: parts.join('\n'), categories: [{ term: r.category, label: r.category }, { term: `district:${r.district}`, label: r.district }] };
    }),
  };
}
