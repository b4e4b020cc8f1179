/**
 * The engine under the filtered lists (the notice lists, src/lib/notice-filter.ts;
 * the enforcement decisions, src/lib/decision-filter.ts): facets whose values
 * are alternatives (OR) and combine with AND, counts per facet value (how many
 * rows that value would give with the other facets as they are), the text
 * match, and the URL pieces every list grammar shares (dates, page, sort, the
 * list of values). Pure and browser-safe: the build and the browser run the
 * same code, so the prerendered pages and the instant filter agree.
 */
import { isIsoDate } from './dates.ts';
import { listOf } from './query-list.ts';

/** Text as the text filter compares it: full-width forms folded (ＡＢＣ１２ → abc12), lower case. */
export const foldText = (s: string): string => s.normalize('NFKC').toLowerCase();

/** The words of a query; each must occur in the row (Chinese has no spaces: a word is any substring). */
export const queryWords = (q: string): string[] => foldText(q).split(/\s+/).filter(Boolean);

/** A facet of a list: the one value a row has, the values chosen, and what passes when none is chosen. */
export type Facet<R> = {
  name: string;
  valueOf: (r: R) => string;
  selected: readonly string[];
  /** With nothing chosen: which values pass (default all). The notice lists list withdrawn notices only on request. */
  passesUnselected?: (value: string) => boolean;
};

/** The matching rows (in input order) and, per facet, the count of each value. */
export type FacetResult<R> = { rows: R[]; counts: Record<string, Record<string, number>> };

/**
 * Filters and counts in one pass. A row counts under a facet's value when
 * every other facet and every condition lets it through.
 */
export function runFacets<R>(rows: readonly R[], facets: readonly Facet<R>[], conditions: readonly ((r: R) => boolean)[]): FacetResult<R> {
  const counts: Record<string, Record<string, number>> = Object.fromEntries(facets.map((f) => [f.name, {}]));
  const out: R[] = [];
  const values: string[] = new Array(facets.length);
  for (const r of rows) {
    let failed = 0;
    let failedFacet = -1;
    for (let i = 0; i < facets.length; i++) {
      const f = facets[i]!;
      const v = (values[i] = f.valueOf(r));
      const pass = f.selected.length > 0 ? f.selected.includes(v) : (f.passesUnselected?.(v) ?? true);
      if (!pass) { failed++; failedFacet = i; }
    }
    const conditionsPass = conditions.every((c) => c(r));
    if (!conditionsPass) continue;
    if (failed === 0) out.push(r);
    if (failed > 1) continue;
    for (let i = 0; i < facets.length; i++) {
      if (failed === 1 && failedFacet !== i) continue;
      const m = counts[facets[i]!.name]!;
      m[values[i]!] = (m[values[i]!] ?? 0) + 1;
    }
  }
  return { rows: out, counts };
}

/** A condition: every word of `q` occurs in the row's text (memoised per row). */
export function textCondition<R extends object>(q: string, textOf: (r: R) => string): ((r: R) => boolean) | undefined {
  const words = queryWords(q);
  if (words.length === 0) return undefined;
  const cache = new WeakMap<R, string>();
  return (r) => {
    let h = cache.get(r);
    if (h === undefined) cache.set(r, (h = foldText(textOf(r))));
    return words.every((w) => h.includes(w));
  };
}

/** Newest first by date, then by id: a total order, stable across builds. */
export const newerFirst = <R extends { date: string; id: string }>(a: R, b: R): number =>
  a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date > b.date ? -1 : 1;

// ------------------------------------------------------------ URL pieces ---

/** A query string read once: unknown and repeated parameters are reported, never guessed. */
export function readQuery(search: string, params: readonly string[], warnings: string[]): URLSearchParams {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  for (const key of new Set(q.keys())) {
    if (!params.includes(key)) warnings.push(`${key}：不是筛选参数，已忽略`);
    else if (q.getAll(key).length > 1) warnings.push(`${key} 出现了多次，只读第一个`);
  }
  return q;
}

/** from/to as YYYY-MM-DD; a reversed range is swapped. */
export function readDateRange(q: URLSearchParams, warnings: string[]): { from?: string | undefined; to?: string | undefined } {
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
  return { from, to };
}

export function readPage(q: URLSearchParams, fallback: number, warnings: string[]): number {
  const raw = q.get('page');
  if (!raw) return fallback;
  if (/^[1-9]\d{0,5}$/.test(raw)) return Number(raw);
  warnings.push(`page=${raw}：页码应是正整数，已忽略`);
  return fallback;
}

export function readOne<T extends string>(q: URLSearchParams, name: string, allowed: readonly T[], fallback: T, warnings: string[]): T {
  const raw = q.get(name);
  if (!raw) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  warnings.push(`${name}=${raw}：不认识的取值，已忽略`);
  return fallback;
}

/** A list parameter's values, or the page's own scope when the query names none. */
export function readList<T extends string>(q: URLSearchParams, name: string, allowed: readonly T[], scope: readonly T[] | undefined, warnings: string[]): T[] {
  const v = listOf(q.get(name), allowed, name, warnings);
  return v.length > 0 ? v : [...(scope ?? [])];
}

/** Query parts in canonical form: values in vocabulary order, each once. */
export function listPart(name: string, vocabulary: readonly string[], chosen: readonly string[]): string | undefined {
  const values = vocabulary.filter((v) => chosen.includes(v));
  return values.length > 0 ? `${name}=${values.map(encodeURIComponent).join(',')}` : undefined;
}
