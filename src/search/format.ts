/**
 * The static search index on disk: shared by the build-time writer and the
 * browser client, so both sides agree on names, shapes and the shard hash.
 * Documented for outside readers in docs/search.md.
 *
 * /search/manifest.json                 SearchManifest (small, revalidated)
 * /search/v-<version>/t-<n>.gz          term shard n: ShardFile, gzip (fields title, pairs, grams, code)
 * /search/v-<version>/m-<n>.gz          metadata rows of ids [n·metaChunk, (n+1)·metaChunk)
 * /search/v-<version>/facets.gz         FacetTable for every id
 * /search/v-<version>/py-<a–z>.gz       pinyin dictionary entries by first letter
 *
 * Files under v-<version>/ never change (the version is a hash of their
 * content), so they can be cached for a year.
 */

/** 2: segment n-grams with slot ids (docs/decisions/0001-search-ngrams.md); 1 was bigrams and whole runs. */
export const SEARCH_FORMAT = 2;

/** Collections in display order; meta rows and facets refer to them by index. */
export const collections = ['page', 'red-site', 'red-route', 'notice', 'enforcement', 'land-price', 'zoning'] as const;
export type Collection = (typeof collections)[number];

export const collectionNames: Record<Collection, string> = {
  page: '栏目页面',
  'red-site': '红色资源点',
  'red-route': '研学线路',
  notice: '公示公告',
  enforcement: '执法严起来',
  'land-price': '基准地价',
  zoning: '控制性详细规划',
};

/** [west, south, east, north] in CGCS2000/WGS84 degrees. */
export type BBox = [number, number, number, number];

export interface SearchManifest {
  format: typeof SEARCH_FORMAT;
  /** Hash of every part: the directory name is `v-${version}`. */
  version: string;
  /** Number of documents; ids are 0 … docs − 1. */
  docs: number;
  /** Number of term shards, a power of two. */
  shards: number;
  /**
   * Segment slots per document, a power of two: ids in the `grams` field are
   * document id · slots + (segment number mod slots).
   */
  slots: number;
  /** Rows per metadata file. */
  metaChunk: number;
  /** First letters that have a pinyin dictionary file. */
  pinyin: string[];
  /** Whether the data are 示例数据. */
  sample: boolean;
}

/**
 * One field of one shard: FlexSearch 0.8's `map` export for an index with
 * `resolution: 1` ([term, [ids]]), except that ids are delta-encoded
 * (first id, then differences), which gzip packs far better.
 */
export type PostingList = [term: string, deltaIds: number[]];

/**
 * The fields every shard holds:
 * - `title`: every 2-, 3- and 4-gram of the title (document ids), for ranking;
 * - `pairs`: the 2-grams of the text (document ids);
 * - `grams`: the 3-grams and 4-grams of the text (slot ids, see `slots`);
 * - `code`: whole code keys (document ids), stored in the shard of
 *   `codeShardTerm(key)` rather than of the key itself.
 */
export const searchFields = ['title', 'pairs', 'grams', 'code'] as const;
export type SearchField = (typeof searchFields)[number];
export type ShardFile = Record<SearchField, PostingList[]>;

/** [url, title, collection index, kind, district, date, bbox or 0]. */
export type MetaRow = [url: string, title: string, collection: number, kind: string, district: string, date: string, bbox: BBox | 0];

/**
 * Facet values of every id, column by column (index = id). Strings are
 * dictionary-coded; dates are days since 1970-01-01 (0 = none).
 */
export interface FacetTable {
  collections: Collection[];
  kinds: string[];
  districts: string[];
  collection: number[];
  kind: number[];
  district: number[];
  /** Publication year, 0 for none. */
  year: number[];
  /** 0 active, 1 superseded. */
  superseded: number[];
  periodStart: number[];
  periodEnd: number[];
}

/** [zh, full pinyin, initials, document frequency, alias full, alias initials]. */
export type { PinyinEntry } from './pinyin-dict.ts';

export const shardFileName = (n: number): string => `t-${n}.gz`;
export const metaFileName = (n: number): string => `m-${n}.gz`;
export const FACETS_FILE = 'facets.gz';
export const pinyinFileName = (letter: string): string => `py-${letter}.gz`;
/** The manifest's path below the site root. */
export const MANIFEST_PATH = 'search/manifest.json';
export const versionDir = (version: string): string => `v-${version}`;

/** FNV-1a over UTF-16 units: the shard of a term. `shards` is a power of two. */
export function shardOf(term: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (shards - 1);
}

export function deltaEncode(ids: readonly number[]): number[] {
  const out = new Array<number>(ids.length);
  let prev = 0;
  for (let i = 0; i < ids.length; i++) {
    out[i] = ids[i]! - prev;
    prev = ids[i]!;
  }
  return out;
}

export function deltaDecode(deltas: readonly number[]): number[] {
  // Pushed, not preallocated: a packed array is faster to intersect than a holey one.
  const out: number[] = [];
  let acc = 0;
  for (let i = 0; i < deltas.length; i++) {
    acc += deltas[i]!;
    out.push(acc);
  }
  return out;
}

/** Facet dates are day numbers (src/lib/dates.ts). */
export { dayNumber, isoFromDay } from '../lib/dates.ts';
