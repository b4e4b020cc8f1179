/**
 * The browser side of search: loads only the index parts a query needs
 * (the shards of its terms, then the metadata rows of the results shown)
 * and runs the query on FlexSearch indexes imported from them.
 *
 * A document matches when every part of the query occurs within one of its
 * segments (src/search/tokenize.ts): a 2-character part is one 2-gram lookup;
 * a longer part is the AND of its 3- and 4-grams at the level of segment
 * slots, so grams from different segments never add up to a match.
 *
 * Ranking, without scores: records that carry exactly the typed 文号/地块编号
 * first, then matches in titles, then in the text; inside each group,
 * display order (newest first), which is the id order (src/search/documents.ts).
 */
import { Index } from 'flexsearch-compact';
import {
  FACETS_FILE,
  collections,
  type BBox,
  type Collection,
  SEARCH_FORMAT,
  deltaDecode,
  metaFileName,
  pinyinFileName,
  searchFields,
  shardFileName,
  shardOf,
  versionDir,
  type FacetTable,
  type MetaRow,
  type PinyinEntry,
  type SearchField,
  type SearchManifest,
  type ShardFile,
} from './format.ts';
import { expandPinyin, pinyinShardKey } from './pinyin-match.ts';
import { classifyQuery, codeShardTerm, queryGrams, queryParts, queryTerms, type ClassifiedQuery } from './tokenize.ts';
import { dayNumber, todayInShanghai } from '../lib/dates.ts';
import { statusOf, type StatusKey } from '../data/status.ts';

export type { StatusKey };

export interface SearchFilters {
  collection?: Collection | undefined;
  kind?: string | undefined;
  district?: string | undefined;
  year?: number | undefined;
  status?: StatusKey | undefined;
}
export type FacetName = keyof SearchFilters;
export const facetNames: readonly FacetName[] = ['collection', 'kind', 'district', 'year', 'status'];

export interface SearchOptions {
  filters?: SearchFilters;
  offset?: number;
  limit?: number;
}

export interface SearchHit {
  id: number;
  url: string;
  title: string;
  collection: Collection;
  kind: string;
  district: string;
  date: string;
  bbox?: BBox;
}

export interface SearchResponse {
  query: ClassifiedQuery;
  /** Why nothing was searched (empty or one-character query), in Chinese. */
  hint?: string;
  /** Matches after filters. */
  total: number;
  /** Matches before filters. */
  unfiltered: number;
  offset: number;
  hits: SearchHit[];
  /** Chinese keywords a pinyin query was expanded to. */
  expanded: string[];
  /** Terms to highlight in titles. */
  terms: string[];
  /** Every matching id before filters, in display order (for facet counts and the map). */
  ids: number[];
}

export interface FacetValue {
  value: string;
  count: number;
}
export type FacetCounts = Record<FacetName, FacetValue[]>;

export interface SearchClientOptions {
  /** Where manifest.json lives; default /search/. */
  base?: string;
  fetch?: typeof fetch;
  /** Today in Asia/Shanghai as YYYY-MM-DD, for 公示中/已结束. */
  today?: () => string;
}

export interface LoadStats {
  files: number;
  /** Bytes as received (compressed parts count compressed). */
  bytes: number;
}

export const HINT_EMPTY = '请输入地名、文号、地块编号或标题中的词语。';
export const HINT_SINGLE = '请至少输入两个相连的汉字，如“江桥”；单个汉字无法检索。';
export const HINT_SHORT = '请至少输入两个相连的字，如“江桥”“G1”；单个汉字、字母或数字无法检索。';
const PINYIN_EXPANSIONS = 5;

type FieldIndexes = Record<SearchField, Index>;

const splitTerms = (s: string): string[] => s.split(' ').filter(Boolean);

/** Intersection of ascending id lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** Union of ascending id lists, ascending (the result may be the one list given: never modify it). */
function union(lists: readonly (readonly number[])[]): readonly number[] {
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/** Document ids (ascending, distinct) of ascending slot ids. */
function documentsOf(slotIds: readonly number[], slots: number): number[] {
  const out: number[] = [];
  let last = -1;
  for (const id of slotIds) {
    const doc = Math.floor(id / slots);
    if (doc !== last) out.push((last = doc));
  }
  return out;
}

/** Intersection of ascending id lists, shortest first (the result may be one of the lists: never modify it). */
function intersectAll(lists: (readonly number[])[]): readonly number[] {
  if (lists.length === 0) return [];
  lists.sort((a, b) => a.length - b.length);
  let out = lists[0]!;
  for (let i = 1; i < lists.length && out.length > 0; i++) out = intersect(out, lists[i]!);
  return out;
}

async function gunzipJson(response: Response): Promise<unknown> {
  const buffer = new Uint8Array(await response.arrayBuffer());
  // A server may already have removed the gzip layer (Content-Encoding).
  if (buffer[0] === 0x1f && buffer[1] === 0x8b) {
    const stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }
  return JSON.parse(new TextDecoder().decode(buffer));
}

/** A document's status on `today` (days since 1970): the published view's status rule, read from the facet table. */
export function statusAt(facets: FacetTable, id: number, today: number): StatusKey {
  const start = facets.periodStart[id]!;
  return statusOf({ superseded: facets.superseded[id] === 1, period: start ? { start, end: facets.periodEnd[id]! } : undefined }, today);
}

export class SearchClient {
  private readonly base: string;
  private readonly fetcher: typeof fetch;
  private readonly today: () => string;
  private manifestPromise: Promise<SearchManifest> | undefined;
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly shards = new Map<number, Promise<FieldIndexes>>();
  private readonly stats: LoadStats = { files: 0, bytes: 0 };

  constructor(options: SearchClientOptions = {}) {
    this.base = options.base ?? '/search/';
    this.fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.today = options.today ?? todayInShanghai;
  }

  /** What has been downloaded so far. */
  loadStats(): LoadStats {
    return { ...this.stats };
  }

  manifest(): Promise<SearchManifest> {
    this.manifestPromise ??= this.fetcher(`${this.base}manifest.json`, { cache: 'no-cache' }).then(async (r) => {
      if (!r.ok) throw new Error(`搜索索引清单加载失败（HTTP ${r.status}）`);
      const text = await r.text();
      this.count(text.length);
      const m = JSON.parse(text) as SearchManifest;
      if (m.format !== SEARCH_FORMAT) throw new Error(`搜索索引格式 ${m.format} 不受支持`);
      return m;
    });
    this.manifestPromise.catch(() => (this.manifestPromise = undefined));
    return this.manifestPromise;
  }

  private count(bytes: number): void {
    this.stats.files++;
    this.stats.bytes += bytes;
  }

  private file<T>(name: string): Promise<T> {
    let p = this.files.get(name);
    if (!p) {
      p = this.manifest().then(async (m) => {
        const r = await this.fetcher(`${this.base}${versionDir(m.version)}/${name}`);
        if (!r.ok) throw new Error(`搜索索引文件 ${name} 加载失败（HTTP ${r.status}）`);
        const len = Number(r.headers.get('content-length'));
        const clone = Number.isFinite(len) && len > 0 ? undefined : r.clone();
        const value = await gunzipJson(r);
        this.count(clone ? (await clone.arrayBuffer()).byteLength : len);
        return value;
      });
      p.catch(() => this.files.delete(name));
      this.files.set(name, p);
    }
    return p as Promise<T>;
  }

  private shard(n: number): Promise<FieldIndexes> {
    let p = this.shards.get(n);
    if (!p) {
      p = this.file<ShardFile>(shardFileName(n)).then((file) => {
        const out = {} as FieldIndexes;
        for (const field of searchFields) {
          const index = new Index({ tokenize: 'strict', resolution: 1, encode: splitTerms });
          const map = file[field].map(([term, deltas]) => [term, [deltaDecode(deltas)]]);
          // FlexSearch accepts the parsed export as well as its JSON string.
          index.import('1.map', map as unknown as string);
          out[field] = index;
        }
        return out;
      });
      p.catch(() => this.shards.delete(n));
      this.shards.set(n, p);
    }
    return p;
  }

  /**
   * Ids under `term` in `field`: document ids, or slot ids in `grams`. Ascending,
   * as written (a one-term search returns the stored list itself, uncopied):
   * never modify it.
   */
  private async lookup(field: SearchField, term: string, m: SearchManifest): Promise<readonly number[]> {
    const n = shardOf(field === 'code' ? codeShardTerm(term) : term, m.shards);
    return (await this.shard(n))[field].search(term, { limit: m.docs * (field === 'grams' ? m.slots : 1) }) as number[];
  }

  /** Documents (ascending) in which `part` occurs within one segment of the text. */
  private async inText(part: string, m: SearchManifest): Promise<readonly number[]> {
    if (Array.from(part).length === 2) return this.lookup('pairs', part, m);
    const lists = await Promise.all(queryGrams(part).map((g) => this.lookup('grams', g, m)));
    return documentsOf(intersectAll(lists), m.slots);
  }

  /** Documents (ascending) with every part in the text (`title` false) or with every gram of every part in the title. */
  private async every(parts: readonly string[], m: SearchManifest, title = false): Promise<readonly number[]> {
    if (parts.length === 0) return [];
    const lists = await Promise.all(
      title ? parts.flatMap((p) => queryGrams(p)).map((g) => this.lookup('title', g, m)) : parts.map((p) => this.inText(p, m)),
    );
    return intersectAll(lists);
  }

  /** Starts the downloads of the shards of these parts' grams, all at once. */
  private prefetch(parts: readonly string[], m: SearchManifest): void {
    for (const p of parts) for (const g of queryGrams(p)) void this.shard(shardOf(g, m.shards)).catch(() => undefined);
  }

  /** Every matching id in display order, and the pinyin expansions used. */
  async match(query: ClassifiedQuery): Promise<{ ids: number[]; expanded: string[] }> {
    if (query.kind === 'empty' || query.kind === 'single-han' || query.kind === 'single') return { ids: [], expanded: [] };
    const m = await this.manifest();
    let expanded: string[] = [];
    if (query.kind === 'latin') {
      const letter = pinyinShardKey(query.normalized);
      if (letter && m.pinyin.includes(letter)) {
        // A keyword containing one already chosen (龙沙区 → 龙沙区政府路) adds no results: skip it.
        for (const zh of expandPinyin(query.normalized, await this.file<PinyinEntry[]>(pinyinFileName(letter)), PINYIN_EXPANSIONS * 3)) {
          if (expanded.length < PINYIN_EXPANSIONS && !expanded.some((k) => zh.includes(k))) expanded.push(zh);
        }
      }
    }
    // Each reading is a list of parts that must all match; the results of the readings are united.
    let readings = [query.joined ? [query.code] : query.parts, ...expanded.map(queryParts)].filter((r) => r.length > 0);
    this.prefetch(readings.flat(), m);
    // The whole key finds records with exactly this code (documentCodeTerms): they rank first.
    // Its shard is that of the key's first gram (codeShardTerm), already asked for.
    const exactP = query.kind === 'code' ? this.lookup('code', query.code, m) : Promise.resolve([]);
    exactP.catch(() => undefined); // awaited below; a failure then is reported once, not also as unhandled

    let texts = await Promise.all(readings.map((r) => this.every(r, m)));
    if (query.joined && texts[0]!.length === 0 && query.parts.length > 0) {
      // 2025 G 037 is no code anywhere: search its parts separately.
      readings = [query.parts, ...readings.slice(1)];
      this.prefetch(query.parts, m);
      texts = [await this.every(query.parts, m), ...texts.slice(1)];
    }
    const text = union(texts);
    // Title matches that are text matches too: the title grams alone may stand in different segments.
    const titles = intersect(union(await Promise.all(readings.map((r) => this.every(r, m, true)))), text);
    const exact = await exactP;
    const seen = new Uint8Array(m.docs);
    const ids: number[] = [];
    for (const list of [exact, titles, text]) {
      for (const id of list) {
        if (!seen[id]) {
          seen[id] = 1;
          ids.push(id);
        }
      }
    }
    return { ids, expanded };
  }

  /** All matching ids, unfiltered, in display order. */
  async ids(q: string): Promise<number[]> {
    return (await this.match(classifyQuery(q))).ids;
  }

  facetTable(): Promise<FacetTable> {
    return this.file<FacetTable>(FACETS_FILE);
  }

  private keep(facets: FacetTable, filters: SearchFilters, today: number, skip?: FacetName): (id: number) => boolean {
    // An unknown value matches nothing (-1 would match records without a value).
    const code = (values: readonly string[], v: string | undefined, name: FacetName) =>
      v === undefined || skip === name ? undefined : values.includes(v) ? values.indexOf(v) : -2;
    const want = {
      collection: code(facets.collections, filters.collection, 'collection'),
      kind: code(facets.kinds, filters.kind, 'kind'),
      district: code(facets.districts, filters.district, 'district'),
      year: skip !== 'year' ? filters.year : undefined,
      status: skip !== 'status' ? filters.status : undefined,
    };
    return (id) =>
      (want.collection === undefined || facets.collection[id] === want.collection) &&
      (want.kind === undefined || facets.kind[id] === want.kind) &&
      (want.district === undefined || facets.district[id] === want.district) &&
      (want.year === undefined || facets.year[id] === want.year) &&
      (want.status === undefined || statusAt(facets, id, today) === want.status);
  }

  private hasFilters(f: SearchFilters | undefined): f is SearchFilters {
    return !!f && facetNames.some((k) => f[k] !== undefined);
  }

  async search(q: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const query = classifyQuery(q);
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const limit = Math.max(0, Math.floor(options.limit ?? 20));
    const base = { query, offset, terms: queryTerms(query.normalized) };
    if (query.kind === 'empty' || query.kind === 'single-han' || query.kind === 'single') {
      const hint = query.kind === 'empty' ? HINT_EMPTY : query.kind === 'single-han' ? HINT_SINGLE : HINT_SHORT;
      return { ...base, hint, total: 0, unfiltered: 0, hits: [], expanded: [], ids: [] };
    }
    const { ids, expanded } = await this.match(query);
    let filtered = ids;
    if (this.hasFilters(options.filters)) {
      const facets = await this.facetTable();
      filtered = ids.filter(this.keep(facets, options.filters, dayNumber(this.today())));
    }
    const hits = await this.rows(filtered.slice(offset, offset + limit));
    const terms = [...new Set([...base.terms, ...expanded])];
    return { ...base, terms, total: filtered.length, unfiltered: ids.length, hits, expanded, ids };
  }

  /** Metadata of the given ids, in the same order. */
  async rows(ids: readonly number[]): Promise<SearchHit[]> {
    if (ids.length === 0) return [];
    const m = await this.manifest();
    const chunks = new Map<number, Promise<MetaRow[]>>();
    for (const id of ids) {
      const n = Math.floor(id / m.metaChunk);
      if (!chunks.has(n)) chunks.set(n, this.file<MetaRow[]>(metaFileName(n)));
    }
    const loaded = new Map(await Promise.all([...chunks].map(async ([n, p]) => [n, await p] as const)));
    return ids.map((id) => {
      const [url, title, collection, kind, district, date, bbox] = loaded.get(Math.floor(id / m.metaChunk))![id % m.metaChunk]!;
      return { id, url, title, collection: collectionOf(collection), kind, district, date, ...(bbox ? { bbox } : {}) };
    });
  }

  /** Each id's status today (公示中, 已结束 …). */
  async statuses(ids: readonly number[]): Promise<StatusKey[]> {
    const facets = await this.facetTable();
    const today = dayNumber(this.today());
    return ids.map((id) => statusAt(facets, id, today));
  }

  /**
   * Counts per facet value among `ids`, each facet counted with the other
   * facets' filters applied (so choosing a district still shows every year).
   */
  async facetCounts(ids: readonly number[], filters: SearchFilters = {}): Promise<FacetCounts> {
    const facets = await this.facetTable();
    const today = dayNumber(this.today());
    const label: Record<FacetName, (id: number) => string | undefined> = {
      collection: (id) => facets.collections[facets.collection[id]!],
      kind: (id) => facets.kinds[facets.kind[id]!],
      district: (id) => facets.districts[facets.district[id]!],
      year: (id) => (facets.year[id] ? String(facets.year[id]) : undefined),
      status: (id) => {
        const s = statusAt(facets, id, today);
        return s === 'published' ? undefined : s;
      },
    };
    const out = {} as FacetCounts;
    for (const name of facetNames) {
      const keep = this.keep(facets, filters, today, name);
      const counts = new Map<string, number>();
      for (const id of ids) {
        if (!keep(id)) continue;
        const v = label[name](id);
        if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      out[name] = [...counts].map(([value, count]) => ({ value, count }));
      out[name].sort(name === 'year' ? (a, b) => Number(b.value) - Number(a.value) : (a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    }
    return out;
  }
}

function collectionOf(n: number): Collection {
  return collections[n] ?? 'page';
}

export function createSearchClient(options?: SearchClientOptions): SearchClient {
  return new SearchClient(options);
}
