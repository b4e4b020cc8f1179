/**
 * The notice feeds: Atom 1.0 (./atom.ts) of the newest notices overall,
 * per kind and per district. Each entry states the notice's period and its
 * status on the build day, in words and as categories, because a feed
 * reader shows what the entry says and does not recompute it; the entry's
 * id is the notice's permanent URL (URLs are a public API, ./urls.ts).
 */
import type { Notice } from '../schema/index.ts';
import { noticeKindNames } from '../schema/index.ts';
import { statusOf, type StatusRule } from '../data/status.ts';
import { formatChineseDate } from './dates.ts';
import { STATUS_LABELS } from './notice-filter.ts';
import type { AtomEntry, AtomFeed } from './atom.ts';
import type { GoneRecord } from '../data/published.ts';
import { urls } from './urls.ts';

/** Entries per feed: the newest by 发布日期. A reader that polls daily misses nothing. */
export const FEED_ENTRIES = 50;

export type FeedScope = { title: string; self: string; alternate: string };

export function noticeEntry(n: Notice, rule: StatusRule, origin: string, today: string, supersededOn?: string): AtomEntry {
  const status = statusOf(rule, today);
  const period = n.period ? `公示期：${formatChineseDate(n.period.start)}至${formatChineseDate(n.period.end)}` : '无公示期';
  const parts = [`${noticeKindNames[n.kind]} · ${n.subKind} · ${n.district}`, ...(n.docNo ? [`文号：${n.docNo}`] : []), period, `状态（截至${formatChineseDate(today)}）：${STATUS_LABELS[status]}`, ...(n.summary ? [n.summary] : [])];
  const url = new URL(urls.notice(n), origin).href;
  return {
    id: url,
    title: n.title,
    // A superseded notice changed when it was superseded; otherwise on publication.
    updated: supersededOn ?? n.publishDate,
    published: n.publishDate,
    link: url,
    summary: parts.join('\n'),
    categories: [
      { term: n.kind, label: noticeKindNames[n.kind] },
      { term: `sub:${n.subKind}`, label: n.subKind },
      { term: `status:${status}`, label: STATUS_LABELS[status] },
      { term: `district:${n.district}`, label: n.district },
      ...(n.period ? [{ term: `period:${n.period.start}/${n.period.end}`, label: period }] : []),
    ],
  };
}

/**
 * A withdrawn notice stays in its feeds as an update of the same entry (same
 * id, updated on the withdrawal day) saying so and why: a subscriber who saw
 * the notice learns it was withdrawn, instead of the entry silently ageing out.
 */
export function withdrawalEntry(g: GoneRecord & { notice: NonNullable<GoneRecord['notice']> }, origin: string): AtomEntry {
  const url = new URL(g.page, origin).href;
  const label = STATUS_LABELS.revoked;
  return {
    id: url,
    title: `（${label}）${g.title}`,
    updated: g.date,
    published: g.notice.publishDate,
    link: url,
    summary: [`${noticeKindNames[g.notice.kind]} · ${g.notice.subKind} · ${g.notice.district}`, ...(g.docNo ? [`文号：${g.docNo}`] : []), `本公告已于${formatChineseDate(g.date)}撤回，原页面不再提供。`, `理由：${g.reason}`].join('\n'),
    categories: [
      { term: g.notice.kind, label: noticeKindNames[g.notice.kind] },
      { term: `sub:${g.notice.subKind}`, label: g.notice.subKind },
      { term: 'status:revoked', label },
      { term: `district:${g.notice.district}`, label: g.notice.district },
    ],
  };
}

/**
 * A feed of the newest notices of a list, and of the notices of that list
 * withdrawn lately: each by the day it last changed (published, superseded or
 * withdrawn), newest first.
 */
export function noticeFeed(
  scope: FeedScope,
  notices: readonly Notice[],
  ruleOf: (n: Notice) => StatusRule,
  o: { origin: string; today: string; author: string; sample: boolean; supersededOn?: (n: Notice) => string | undefined; withdrawn?: readonly GoneRecord[] },
): AtomFeed {
  const items = [
    ...notices.map((n) => ({ key: n.publishDate, id: n.id, entry: () => noticeEntry(n, ruleOf(n), o.origin, o.today, o.supersededOn?.(n)) })),
    ...(o.withdrawn ?? []).flatMap((g) => (g.notice ? [{ key: g.date, id: g.notice.id, entry: () => withdrawalEntry({ ...g, notice: g.notice! }, o.origin) }] : [])),
  ];
  // Dates as YYYY-MM-DD[ HH:MM] compare as strings; ties by id keep two builds identical.
  const newest = items.sort((a, b) => (a.key === b.key ? (a.id < b.id ? -1 : 1) : a.key > b.key ? -1 : 1)).slice(0, FEED_ENTRIES);
  return {
    id: new URL(scope.self, o.origin).href,
    title: `${scope.title} - ${o.author}`,
    subtitle: o.sample ? '示例数据：本订阅中的信息为演示用示例，不是真实公告。' : undefined,
    self: new URL(scope.self, o.origin).href,
    alternate: new URL(scope.alternate, o.origin).href,
    author: o.author,
    fallbackUpdated: o.today,
    entries: newest.map((e) => e.entry()),
  };
}
