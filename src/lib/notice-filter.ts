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
import { isIsoDate } from './dates.ts';
import { listOf } from './query-list.ts';

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

/** Text as the text filter compares it: full-width forms folded (ＡＢＣ１２ → abc12), lower case. */
export const foldText = (s: string): string => s.normalize('NFKC').toLowerCase();

/** The words of a query; each must occur in the row (Chinese has no spaces: a word is any substring). */
export const queryWords = (q: string): string[] => foldText(q).split(/\s+/).filter(Boolean);

const haystacks = new WeakMap<NoticeRow, string>();
function haystack(r: NoticeRow): string {
  let h = haystacks.get(r);
  if (h === undefined) haystacks.set(r, (h = foldText(`${r.title}\n${r.docNo ?? ''}\n${r.sub}\n${r.id}`)));
  return h;
}

/** The facets a row fails, as a bit set: 1 kind, 2 sub-kind, 4 district, 8 status, 16 date, 32 text. */
function failures(r: NoticeRow, status: StatusValue, f: NoticeFilter, words: readonly string[]): number {
  let bits = 0;
  if (f.kinds.length > 0 && !f.kinds.includes(r.kind)) bits |= 1;
  if (f.subs.length > 0 && !f.subs.includes(r.sub)) bits |= 2;
  if (f.districts.length > 0 && !f.districts.includes(r.district)) bits |= 4;
  // Withdrawn notices are listed only when asked for.
  if (f.statuses.length > 0 ? !f.statuses.includes(status) : status === 'revoked') bits |= 8;
  if ((f.from && r.date < f.from) || (f.to && r.date > f.to)) bits |= 16;
  if (words.length > 0) {
    const h = haystack(r);
    if (!words.every((w) => h.includes(w))) bits |= 32;
  }
  return bits;
}

export function matches(r: NoticeRow, f: NoticeFilter, today: string): boolean {
  return failures(r, rowStatus(r, today), f, queryWords(f.q)) === 0;
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

const inc = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

/** Filters, counts and sorts in one pass over the rows. */
export function runFilter(rows: readonly NoticeRow[], f: NoticeFilter, today: string): FilterResult {
  const words = queryWords(f.q);
  const out: NoticeRow[] = [];
  const statusOfRow = new Map<NoticeRow, StatusValue>();
  const counts: FacetCounts = { kind: {}, sub: {}, district: {}, status: {} };
  for (const r of rows) {
    const status = rowStatus(r, today);
    const bits = failures(r, status, f, words);
    if (bits === 0) {
      out.push(r);
      statusOfRow.set(r, status);
    }
    // A row counts under a facet's value when every other facet lets it through; the status facet's own
    // rule (withdrawn only on request) keeps withdrawn rows out of the other facets' counts.
    if ((bits & ~1) === 0) inc(counts.kind, r.kind);
    if ((bits & ~2) === 0) inc(counts.sub, r.sub);
    if ((bits & ~4) === 0) inc(counts.district, r.district);
    if ((bits & ~8) === 0) inc(counts.status, status);
  }
  return { rows: sortRows(out, f.sort, today, statusOfRow), counts };
}

const RANK: Record<StatusValue, number> = { open: 0, upcoming: 1, ended: 2, published: 2, superseded: 2, revoked: 2 };

/** Sorts rows (a copy); ties fall back to the newer, then the id, so the order is total and stable across builds. */
export function sortRows(rows: readonly NoticeRow[], sort: SortValue, today: string, known?: ReadonlyMap<NoticeRow, StatusValue>): NoticeRow[] {
  const st = (r: NoticeRow) => known?.get(r) ?? rowStatus(r, today);
  const newer = (a: NoticeRow, b: NoticeRow) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date > b.date ? -1 : 1);
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
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const warnings: string[] = [];
  for (const key of new Set(q.keys())) {
    if (!(PARAMS as readonly string[]).includes(key)) warnings.push(`${key}：不是筛选参数，已忽略`);
    else if (q.getAll(key).length > 1) warnings.push(`${key} 出现了多次，只读第一个`);
  }
  const date = (name: 'from' | 'to') => {
    const v = q.get(name);
    if (v === null || v === '') return undefined;
    if (isIsoDate(v)) return v;
    warnings.push(`${name}=${v}：日期应写作 YYYY-MM-DD，已忽略`);
    return undefined;
  };
  let from = date('from');
  let to = date('to');
  if (from && to && from > to) {
    warnings.push(`from=${from} 晚于 to=${to}：已对调`);
    [from, to] = [to, from];
  }
  const sortRaw = q.get('sort');
  let sort: SortValue = 'status';
  if (sortRaw) {
    if ((SORT_VALUES as readonly string[]).includes(sortRaw)) sort = sortRaw as SortValue;
    else warnings.push(`sort=${sortRaw}：不认识的排序，已忽略`);
  }
  const pageRaw = q.get('page');
  let page = scope.page ?? 1;
  if (pageRaw) {
    if (/^[1-9]\d{0,5}$/.test(pageRaw)) page = Number(pageRaw);
    else warnings.push(`page=${pageRaw}：页码应是正整数，已忽略`);
  }
  const pick = <T extends string>(key: string, allowed: readonly T[], fixed: readonly T[] | undefined) => {
    const v = listOf(q.get(key), allowed, key, warnings);
    return v.length > 0 ? v : [...(fixed ?? [])];
  };
  const filter: NoticeFilter = {
    kinds: pick('kind', KIND_VALUES, scope.kinds),
    subs: pick('sub', vocabulary.subs, scope.subs),
    districts: pick('district', vocabulary.districts, scope.districts),
    statuses: pick('status', STATUS_VALUES, scope.statuses),
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
  const add = (key: string, values: readonly string[]) => values.length > 0 && parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
  if (kinds.length > 1) add('kind', kinds);
  add('sub', vocabulary.subs.filter((s) => f.subs.includes(s)));
  add('district', vocabulary.districts.filter((d) => f.districts.includes(d)));
  add('status', STATUS_VALUES.filter((s) => f.statuses.includes(s)));
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
