/**
 * The 事后公开 decision lists' filters (/enforcement/decisions/, one list per
 * category): a decision as the filter sees it (a row of the compact index,
 * /enforcement/decisions/index.json), the filter state, its URL grammar
 * (docs/enforcement.md §事后公开), match, counts and sort, on the same engine
 * as the notice lists (./facet-filter.ts). Pure and browser-safe: the build
 * prerenders with it and src/client/decision-filters.ts filters with it.
 */
import { listPart, newerFirst, readDateRange, readList, readOne, readPage, readQuery, runFacets, textCondition, type Facet } from './facet-filter.ts';

/** The categories in the URL (slugs: paths are ASCII), in the order of the schema's 事后公开 categories. */
export const DECISION_CATEGORIES = { permit: '行政许可', penalty: '行政处罚', inspection: '行政检查', coercion: '行政强制' } as const;
export type CategoryValue = keyof typeof DECISION_CATEGORIES;
export const CATEGORY_VALUES = Object.keys(DECISION_CATEGORIES) as CategoryValue[];
export const categoryValueOf = (category: string): CategoryValue | undefined => CATEGORY_VALUES.find((k) => DECISION_CATEGORIES[k] === category);

export const PARTY_TYPES = { org: '法人或其他组织', business: '个体工商户', person: '自然人' } as const;
export type PartyValue = keyof typeof PARTY_TYPES;
export const PARTY_VALUES = Object.keys(PARTY_TYPES) as PartyValue[];
export const partyValueOf = (type: string): PartyValue | undefined => PARTY_VALUES.find((k) => PARTY_TYPES[k] === type);

export const DECISION_SORTS = { newest: '作出日期从新到旧（默认）', oldest: '作出日期从旧到新', amount: '罚款金额从高到低' } as const;
export type DecisionSort = keyof typeof DECISION_SORTS;
export const DECISION_SORT_VALUES = Object.keys(DECISION_SORTS) as DecisionSort[];

/** The district value of decisions that concern the whole city. */
export const CITY_WIDE = 'city';

/** A decision as the filter reads it; dates YYYY-MM-DD. */
export type DecisionRow = {
  id: string;
  category: CategoryValue;
  /** 6-digit district code or CITY_WIDE. */
  district: string;
  party: PartyValue;
  /** 作出日期: the lists' date. */
  date: string;
  title: string;
  docNo?: string | undefined;
  /** The party as published (masked per type). */
  partyName: string;
  fineYuan?: number | undefined;
  superseded: boolean;
  sample?: boolean | undefined;
};

export type DecisionFilter = {
  categories: CategoryValue[];
  districts: string[];
  parties: PartyValue[];
  from?: string | undefined;
  to?: string | undefined;
  q: string;
  sort: DecisionSort;
  page: number;
};

export const EMPTY_DECISION_FILTER: DecisionFilter = { categories: [], districts: [], parties: [], q: '', sort: 'newest', page: 1 };

export type DecisionCounts = { category: Record<string, number>; district: Record<string, number>; party: Record<string, number> };
export type DecisionResult = { rows: DecisionRow[]; counts: DecisionCounts };

export function runDecisionFilter(rows: readonly DecisionRow[], f: DecisionFilter): DecisionResult {
  const facets: Facet<DecisionRow>[] = [
    { name: 'category', valueOf: (r) => r.category, selected: f.categories },
    { name: 'district', valueOf: (r) => r.district, selected: f.districts },
    { name: 'party', valueOf: (r) => r.party, selected: f.parties },
  ];
  const conditions: ((r: DecisionRow) => boolean)[] = [];
  if (f.from || f.to) conditions.push((r) => !((f.from && r.date < f.from) || (f.to && r.date > f.to)));
  const text = textCondition<DecisionRow>(f.q, (r) => `${r.title}\n${r.docNo ?? ''}\n${r.partyName}\n${r.id}`);
  if (text) conditions.push(text);
  const result = runFacets(rows, facets, conditions);
  return { rows: sortDecisions(result.rows, f.sort), counts: result.counts as DecisionCounts };
}

export function sortDecisions(rows: readonly DecisionRow[], sort: DecisionSort): DecisionRow[] {
  const list = [...rows];
  if (sort === 'oldest') return list.sort((a, b) => -newerFirst(a, b));
  if (sort === 'amount') return list.sort((a, b) => (b.fineYuan ?? -1) - (a.fineYuan ?? -1) || newerFirst(a, b));
  return list.sort(newerFirst);
}

// ------------------------------------------------------------ URL grammar ---

export const DECISION_PARAMS = ['category', 'district', 'party', 'from', 'to', 'q', 'sort', 'page'] as const;

/** Reads a filter from a query string; what it does not understand is dropped with a warning. `scope`: what the path says. */
export function parseDecisionFilter(search: string, districts: readonly string[], scope: Partial<DecisionFilter> = {}): { filter: DecisionFilter; warnings: string[] } {
  const warnings: string[] = [];
  const q = readQuery(search, DECISION_PARAMS, warnings);
  const { from, to } = readDateRange(q, warnings);
  const filter: DecisionFilter = {
    categories: readList(q, 'category', CATEGORY_VALUES, scope.categories, warnings),
    districts: readList(q, 'district', districts, scope.districts, warnings),
    parties: readList(q, 'party', PARTY_VALUES, scope.parties, warnings),
    from: from ?? scope.from,
    to: to ?? scope.to,
    q: (q.get('q') ?? scope.q ?? '').trim().slice(0, 100),
    sort: readOne(q, 'sort', DECISION_SORT_VALUES, 'newest', warnings),
    page: readPage(q, scope.page ?? 1, warnings),
  };
  return { filter, warnings };
}

/** The canonical URL: /enforcement/decisions/<category>/ for exactly one category, parameters in DECISION_PARAMS order, defaults left out. */
export function formatDecisionFilter(f: DecisionFilter, districts: readonly string[]): string {
  const categories = CATEGORY_VALUES.filter((c) => f.categories.includes(c));
  const path = categories.length === 1 ? `/enforcement/decisions/${categories[0]}/` : '/enforcement/decisions/';
  const parts = [categories.length > 1 ? listPart('category', CATEGORY_VALUES, categories) : undefined, listPart('district', districts, f.districts), listPart('party', PARTY_VALUES, f.parties)].filter((p): p is string => p !== undefined);
  if (f.from) parts.push(`from=${f.from}`);
  if (f.to) parts.push(`to=${f.to}`);
  if (f.q.trim()) parts.push(`q=${encodeURIComponent(f.q.trim())}`);
  if (f.sort !== 'newest') parts.push(`sort=${f.sort}`);
  if (f.page > 1) parts.push(`page=${f.page}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** The filter in words, for the result line. */
export function describeDecisionFilter(f: DecisionFilter, districtName: (code: string) => string): string {
  const parts: string[] = [];
  if (f.categories.length) parts.push(f.categories.map((c) => DECISION_CATEGORIES[c]).join('或'));
  if (f.districts.length) parts.push(f.districts.map(districtName).join('或'));
  if (f.parties.length) parts.push(`当事人为${f.parties.map((p) => PARTY_TYPES[p]).join('或')}`);
  if (f.from || f.to) parts.push(`作出于${f.from ?? '…'}至${f.to ?? '…'}`);
  if (f.q.trim()) parts.push(`含“${f.q.trim()}”`);
  return parts.join(' · ');
}

// --------------------------------------------------------- compact index ---

export const DECISION_INDEX_VERSION = 1;

/** rows[i] = [id, category, district, party, date, title, docNo, partyName, fineYuan, flags (1 superseded, 2 sample)]; category, district, party as indexes. */
export type DecisionIndex = { v: typeof DECISION_INDEX_VERSION; built: string; districts: [string, string][]; rows: (string | number)[][] };

export function encodeDecisionIndex(rows: readonly DecisionRow[], districts: [string, string][], built: string): DecisionIndex {
  const at = new Map(districts.map(([c], i) => [c, i]));
  return {
    v: DECISION_INDEX_VERSION,
    built,
    districts,
    rows: rows.map((r) => [r.id, CATEGORY_VALUES.indexOf(r.category), at.get(r.district) ?? 0, PARTY_VALUES.indexOf(r.party), r.date, r.title, r.docNo ?? '', r.partyName, r.fineYuan ?? -1, (r.superseded ? 1 : 0) | (r.sample ? 2 : 0)]),
  };
}

/** Reads the index back; throws on a shape it does not know (the page then keeps its prerendered list). */
export function decodeDecisionIndex(data: unknown): { rows: DecisionRow[]; districts: [string, string][]; built: string } {
  const d = data as Partial<DecisionIndex> | null;
  if (!d || d.v !== DECISION_INDEX_VERSION || !Array.isArray(d.rows) || !Array.isArray(d.districts)) throw new Error('执法决定索引的格式不认识');
  const districts = d.districts;
  const rows = d.rows.map((c): DecisionRow => {
    const category = CATEGORY_VALUES[Number(c[1])];
    const party = PARTY_VALUES[Number(c[3])];
    if (typeof c[0] !== 'string' || !category || !party || typeof c[4] !== 'string' || typeof c[5] !== 'string') throw new Error('执法决定索引的行不完整');
    const fine = Number(c[8]);
    return {
      id: c[0],
      category,
      district: districts[Number(c[2])]?.[0] ?? CITY_WIDE,
      party,
      date: c[4],
      title: c[5],
      docNo: typeof c[6] === 'string' && c[6] !== '' ? c[6] : undefined,
      partyName: String(c[7] ?? ''),
      fineYuan: fine >= 0 ? fine : undefined,
      superseded: (Number(c[9]) & 1) === 1,
      sample: (Number(c[9]) & 2) === 2,
    };
  });
  return { rows, districts, built: String(d.built ?? '') };
}
