/**
 * The prerendered notice lists (docs/notice-lists.md, docs/decisions/0011-notice-lists.md):
 * the overall list, one per kind, per status and per district, each paged.
 * A list is computed once per build and scope (memoised on the view), not
 * once per page: at 50,000 notices there are thousands of list pages.
 */
import type { PublishedView } from '../data/published.ts';
import { todayInShanghai } from './dates.ts';
import { EMPTY_FILTER, rowStatus, runFilter, type FilterResult, type NoticeFilter, type NoticeRow } from './notice-filter.ts';
import { districtTable, noticeRows } from './notice-index.ts';

export type ListScope = Partial<Pick<NoticeFilter, 'kinds' | 'statuses' | 'districts'>>;

type ScopeList = FilterResult & { openCount: number };
type Lists = { rows: NoticeRow[]; today: string; byScope: Map<string, ScopeList> };
const memo = new WeakMap<PublishedView, Lists>();

function lists(view: PublishedView): Lists {
  let l = memo.get(view);
  // The build's "today", once: every page of one build shows the statuses of the same day.
  if (!l) memo.set(view, (l = { rows: noticeRows(view), today: todayInShanghai(), byScope: new Map() }));
  return l;
}

export const scopeFilter = (scope: ListScope): NoticeFilter => ({ ...EMPTY_FILTER, kinds: scope.kinds ?? [], statuses: scope.statuses ?? [], districts: scope.districts ?? [] });

/**
 * The rows of a scope, in the default order (公示中 first), with the counts
 * per facet and how many of its rows are 公示中. Everything here is per
 * scope, never per page: a page that scanned its scope's rows would make the
 * build quadratic in the number of notices.
 */
export function listOf(view: PublishedView, scope: ListScope): ScopeList & { today: string } {
  const l = lists(view);
  const key = JSON.stringify([scope.kinds ?? [], scope.statuses ?? [], scope.districts ?? []]);
  let r = l.byScope.get(key);
  if (!r) {
    const found = runFilter(l.rows, scopeFilter(scope), l.today);
    l.byScope.set(key, (r = { ...found, openCount: found.rows.filter((row) => rowStatus(row, l.today) === 'open').length }));
  }
  return { ...r, today: l.today };
}

export const districtNames = (view: PublishedView): Map<string, string> => new Map(districtTable(view));
