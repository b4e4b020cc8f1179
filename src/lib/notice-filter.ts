/**
 * The notice lists' filters (/notices/, /notices/<kind>/): a notice as the
 * filter sees it (a row of the compact index, ./notice-index.ts), the filter
 * state, its URL grammar (docs/notice-lists.md), the match, the sort orders
 * and the counts per facet. One pure module for the build (prerendered
 * facet pages) and the browser (the instant filter), so both agree.
 *
 * Within a facet the values are alternatives (OR); facets combine with AND.
 * A row's status is read for a given day (statusOf in src/data/status.ts),
 * because a 公示期 ends after the build.
 */
import { statusOf, type StatusKey } from '../data/status.ts';
import { foldText, listPart, newerFirst, queryWords, readDateRange, readList, readOne, readPage, readQuery, runFacets, textCondition, type Facet } from './facet-filter.ts';

export { foldText, queryWords };

export const KIND_VALUES = ['planning', 'land', 'mining', 'surveying'] as const;
export type KindValue = (typeof KIND_VALUES)[number];

/** Statuses a reader can ask for: the published ones plus 已撤回 (gone records, listed only on request). */
export const STATUS_VALUES = ['open', 'upcoming', 'ended', 'published', 'superseded', 'revoked'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

export const SORT_VALUES = ['status', 'newest', 'oldest', 'deadline'] as const;
export type SortValue = (typeof SORT_VALUES)[number];
export const SORT_LABELS: Record<SortValue, string> = {
  status: '公示中优先（默认）',
  newest: '发布日期从新到旧',
  oldest: '发布日期从旧到新',
  deadline: '公示截止日期临近优先',
};

/** The district value of notices that concern the whole city (全市 has no district code). */
export const CITY_WIDE = 'city';

/** A notice (or a withdrawn one) as the filter reads it. Dates are YYYY-MM-DD. */
export type NoticeRow = {
  id: string;
  kind: KindValue;
  sub: string;
  /** 6-digit district code, or CITY_WIDE. */
  district: string;
  /** 发布日期. */
  date: string;
  /** 公示期, where the notice has one. */
  start?: string | undefined;
  end?: string | undefined;
  superseded: boolean;
  /** 示例数据. */
  sample?: boolean | undefined;
  title: string;
  docNo?: string | undefined;
  /** Set for a withdrawn notice: when and why (its URL answers 410). */
  gone?: { date: string; reason: string } | undefined;
};

/** A row's status on `today` (Asia/Shanghai, YYYY-MM-DD). */
export function rowStatus(r: NoticeRow, today: string): StatusValue {
  if (r.gone) return 'revoked';
  const key: StatusKey = statusOf({ superseded: r.superseded, period: r.start && r.end ? { start: r.start, end: r.end } : undefined }, today);
  return key;
}

export type NoticeFilter = {
  kinds: KindValue[];
  subs: string[];
  districts: string[];
  /** Empty: every published notice (not the withdrawn ones). */
  statuses: StatusValue[];
  from?: string | undefined;
  to?: string | undefined;
  q: string;
  sort: SortValue;
  /** 1-based. */
  page: number;
};

export const EMPTY_FILTER: NoticeFilter = { kinds: [], subs: [], districts: [], statuses: [], q: '', sort: 'status', page: 1 };

/** True when the filter narrows nothing (sort and page aside). */
export const isEmptyFilter = (f: NoticeFilter): boolean =>
  f.kinds.length === 0 && f.subs.length === 0 && f.districts.length === 0 && f.statuses.length === 0 && !f.from && !f.to && f.q.trim() === '';

// ------------------------------------------------------------------ match ---

/** The facets and conditions of a filter over notice rows (./facet-filter.ts); the status of each row is kept for the sort. */
function facetsOf(f: NoticeFilter, today: string, statusOfRow: Map<NoticeRow, StatusValue>) {
  const facets: Facet<NoticeRow>[] = [
    { name: 'kind', valueOf: (r) => r.kind, selected: f.kinds },
    { name: 'sub', valueOf: (r) => r.sub, selected: f.subs },
    { name: 'district', valueOf: (r) => r.district, selected: f.districts },
    {
      name: 'status',
      valueOf: (r) => {
        let s = statusOfRow.get(r);
        if (s === undefined) statusOfRow.set(r, (s = rowStatus(r, today)));
        return s;
      },
      selected: f.statuses,
      // Withdrawn notices are listed only when asked for.
      passesUnselected: (s) => s !== 'revoked',
    },
  ];
  const conditions: ((r: NoticeRow) => boolean)[] = [];
  if (f.from || f.to) conditions.push((r) => !((f.from && r.date < f.from) || (f.to && r.date > f.to)));
  const text = textCondition<NoticeRow>(f.q, (r) => `${r.title}\n${r.docNo ?? ''}\n${r.sub}\n${r.id}`);
  if (text) conditions.push(text);
  return { facets, conditions };
}

export function matches(r: NoticeRow, f: NoticeFilter, today: string): boolean {
  const { facets, conditions } = facetsOf(f, today, new Map());
  return runFacets([r], facets, conditions).rows.length === 1;
}

export type FacetCounts = {
  kind: Record<string, number>;
  sub: Record<string, number>;
  district: Record<string, number>;
  status: Record<string, number>;
};

export type FilterResult = {
  /** The matching rows, sorted. */
  rows: NoticeRow[];
  /**
   * Per facet value, how many rows would match if that facet alone were set
   * to that value (the other facets as they are): the number beside each
   * control. Withdrawn rows count under status only.
   */
  counts: FacetCounts;
};

/** Filters, counts and sorts in one pass over the rows. */
export function runFilter(rows: readonly NoticeRow[], f: NoticeFilter, today: string): FilterResult {
  const statusOfRow = new Map<NoticeRow, StatusValue>();
  const { facets, conditions } = facetsOf(f, today, statusOfRow);
  const result = runFacets(rows, facets, conditions);
  return { rows: sortRows(result.rows, f.sort, today, statusOfRow), counts: result.counts as FacetCounts };
}

const RANK: Record<StatusValue, number> = { open: 0, upcoming: 1, ended: 2, published: 2, superseded: 2, revoked: 2 };

/** Sorts rows (a copy); ties fall back to the newer, then the id, so the order is total and stable across builds. */
export function sortRows(rows: readonly NoticeRow[], sort: SortValue, today: string, known?: ReadonlyMap<NoticeRow, StatusValue>): NoticeRow[] {
  const st = (r: NoticeRow) => known?.get(r) ?? rowStatus(r, today);
  const newer = newerFirst<NoticeRow>;
  const list = [...rows];
  if (sort === 'newest') return list.sort(newer);
  if (sort === 'oldest') return list.sort((a, b) => -newer(a, b));
  if (sort === 'deadline') {
    // Notices still to close (公示中, 未开始) by their end date, soonest first; the rest newest first.
    const pending = (r: NoticeRow) => { const s = st(r); return (s === 'open' || s === 'upcoming') && r.end ? r.end : undefined; };
    return list.sort((a, b) => {
      const [x, y] = [pending(a), pending(b)];
      if (x && y && x !== y) return x < y ? -1 : 1;
      if (x && !y) return -1;
      if (!x && y) return 1;
      return newer(a, b);
    });
  }
  const ranks = new Map(list.map((r) => [r, RANK[st(r)]]));
  return list.sort((a, b) => ranks.get(a)! - ranks.get(b)! || newer(a, b));
}

// ------------------------------------------------------------ URL grammar ---

/** Parameter names, in the canonical order the formatter writes them. */
export const PARAMS = ['kind', 'sub', 'district', 'status', 'from', 'to', 'q', 'sort', 'page'] as const;

export type ParsedFilter = { filter: NoticeFilter; warnings: string[] };

/** What the grammar accepts as values: the kinds and sub-kinds of the schema, the districts of the city. */
export type FilterVocabulary = { subs: readonly string[]; districts: readonly string[] };


/**
 * Reads a filter from a query string. What it does not understand is dropped
 * with a warning, never guessed. `scope` is what the page's path already says
 * (/notices/land/: kind land); the query adds to it.
 */
export function parseNoticeFilter(search: string, vocabulary: FilterVocabulary, scope: Partial<NoticeFilter> = {}): ParsedFilter {
  const warnings: string[] = [];
  const q = readQuery(search, PARAMS, warnings);
  const { from, to } = readDateRange(q, warnings);
  const sort = readOne(q, 'sort', SORT_VALUES, 'status', warnings);
  const page = readPage(q, scope.page ?? 1, warnings);
  const filter: NoticeFilter = {
    kinds: readList(q, 'kind', KIND_VALUES, scope.kinds, warnings),
    subs: readList(q, 'sub', vocabulary.subs, scope.subs, warnings),
    districts: readList(q, 'district', vocabulary.districts, scope.districts, warnings),
    statuses: readList(q, 'status', STATUS_VALUES, scope.statuses, warnings),
    from: from ?? scope.from,
    to: to ?? scope.to,
    q: (q.get('q') ?? scope.q ?? '').trim().slice(0, 100),
    sort,
    page,
  };
  return { filter, warnings };
}

/**
 * The canonical URL of a filter: /notices/<kind>/ when exactly one kind is
 * chosen (the kind's own list), else /notices/; then the query in the
 * order of PARAMS, values in vocabulary order, defaults left out. Parsing
 * it (with the path's scope) gives the filter back.
 */
export function formatNoticeFilter(f: NoticeFilter, vocabulary: FilterVocabulary): string {
  const kinds = KIND_VALUES.filter((k) => f.kinds.includes(k));
  const path = kinds.length === 1 ? `/notices/${kinds[0]}/` : '/notices/';
  const parts: string[] = [];
  for (const part of [kinds.length > 1 ? listPart('kind', KIND_VALUES, kinds) : undefined, listPart('sub', vocabulary.subs, f.subs), listPart('district', vocabulary.districts, f.districts), listPart('status', STATUS_VALUES, f.statuses)])
    if (part) parts.push(part);
  if (f.from) parts.push(`from=${f.from}`);
  if (f.to) parts.push(`to=${f.to}`);
  if (f.q.trim()) parts.push(`q=${encodeURIComponent(f.q.trim())}`);
  if (f.sort !== 'status') parts.push(`sort=${f.sort}`);
  if (f.page > 1) parts.push(`page=${f.page}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export const STATUS_LABELS: Record<StatusValue, string> = {
  open: '公示中',
  upcoming: '未开始',
  ended: '已结束',
  published: '已发布（无公示期）',
  superseded: '已被替代',
  revoked: '已撤回',
};

/** The filter in words, for the result line: 土地市场 · 龙沙区 · 公示中 · “出让”. */
export function describeFilter(f: NoticeFilter, names: { kind: (k: KindValue) => string; district: (code: string) => string }): string {
  const parts: string[] = [];
  if (f.kinds.length) parts.push(f.kinds.map(names.kind).join('或'));
  if (f.subs.length) parts.push(f.subs.join('或'));
  if (f.districts.length) parts.push(f.districts.map(names.district).join('或'));
  if (f.statuses.length) parts.push(f.statuses.map((s) => STATUS_LABELS[s]).join('或'));
  if (f.from || f.to) parts.push(`发布于${f.from ?? '…'}至${f.to ?? '…'}`);
  if (f.q.trim()) parts.push(`含“${f.q.trim()}”`);
  return parts.join(' · ');
}
