/**
 * Build time: SearchDocuments → the static index files (src/search/format.ts).
 *
 * Terms (src/search/tokenize.ts) are spread over shards by hash, so a query
 * downloads only the shards of its own terms, never the whole index. Each
 * shard field is FlexSearch 0.8's own `map` export for a `tokenize: 'strict',
 * resolution: 1` index, written directly from the postings
 * (tests/unit/search/index.test.ts checks it equals what FlexSearch exports
 * for the same terms), with delta-encoded ids. Ids are document ids, except
 * in the `grams` field, where they are document id · slots + segment slot.
 * Output is deterministic: same documents, same bytes.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { SearchDocument } from './documents.ts';
import {
  FACETS_FILE,
  collections,
  SEARCH_FORMAT,
  dayNumber,
  deltaEncode,
  metaFileName,
  pinyinFileName,
  searchFields,
  shardFileName,
  shardOf,
  type FacetTable,
  type MetaRow,
  type PostingList,
  type SearchField,
  type SearchManifest,
  type ShardFile,
} from './format.ts';
import { buildPinyinDictionary, shardPinyinDictionary } from './pinyin-dict.ts';
import { codeShardTerm, documentCodeTerms, gramsOf, pairsOf, segmentKeys } from './tokenize.ts';

export interface SearchIndexFile {
  /** Name inside the version directory, e.g. t-17.gz. */
  name: string;
  bytes: Uint8Array;
}

export interface SearchIndex {
  manifest: SearchManifest;
  files: SearchIndexFile[];
  /** Postings written, for the build log. */
  postings: number;
}

export interface SearchIndexOptions {
  /** Rows per metadata file: small, so the first page of results costs little. */
  metaChunk?: number;
  /** Target postings per shard; the shard count is the power of two that gets closest. */
  postingsPerShard?: number;
  /**
   * Segment slots per document (a power of two): segment n of a text has slot
   * n mod slots. Default: enough for the longest text (every segment its own
   * slot), at most MAX_SLOTS.
   */
  slots?: number;
  minShards?: number;
  maxShards?: number;
}

/** The most segment slots per document (ids stay below 2^31 up to 2 million documents). */
export const MAX_SLOTS = 1024;

/** The terms of a document, per field; `grams` pairs each term with the numbers of the segments it occurs in, ascending. */
export interface DocumentTerms {
  title: string[];
  pairs: string[];
  grams: Array<[term: string, segments: number[]]>;
  code: string[];
  /** Number of segments of the text. */
  segments: number;
}

/** The terms of each field of a document (src/search/tokenize.ts). */
export function documentTerms(doc: Pick<SearchDocument, 'title' | 'text' | 'codes'>): DocumentTerms {
  const title = new Set<string>();
  for (const key of segmentKeys(doc.title)) gramsOf(key, pairsOf(key, title));
  const pairs = new Set<string>();
  const grams = new Map<string, number[]>();
  const keys = segmentKeys(doc.text);
  keys.forEach((key, n) => {
    pairsOf(key, pairs);
    for (const g of gramsOf(key)) {
      const at = grams.get(g);
      if (!at) grams.set(g, [n]);
      else if (at[at.length - 1] !== n) at.push(n);
    }
  });
  return { title: [...title], pairs: [...pairs], grams: [...grams], code: documentCodeTerms(doc.codes), segments: keys.length };
}

/** Slot ids of a document's segments: id · slots + (segment mod slots), ascending and distinct. */
export function slotIds(id: number, segments: readonly number[], slots: number): number[] {
  // The common case: every segment has its own slot, and segments come ascending and distinct.
  if (segments.length === 0 || segments[segments.length - 1]! < slots) {
    let ascending = true;
    for (let i = 1; i < segments.length && ascending; i++) ascending = segments[i]! > segments[i - 1]!;
    if (ascending) return segments.map((n) => id * slots + n);
  }
  const at = [...new Set(segments.map((n) => n & (slots - 1)))].sort((a, b) => a - b);
  return at.map((slot) => id * slots + slot);
}

// zlib's default level: level 9 took twice the time for 0.3 % fewer bytes (10k notices, 735 files).
const gzip = (value: unknown): Uint8Array => gzipSync(Buffer.from(JSON.stringify(value)), { level: 6 });

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

export function buildSearchIndex(docs: readonly SearchDocument[], options: SearchIndexOptions = {}): SearchIndex {
  const { metaChunk = 50, postingsPerShard = 40_000, minShards = 8, maxShards = 4096 } = options;
  if (options.slots !== undefined && (!Number.isInteger(options.slots) || options.slots < 1 || options.slots > MAX_SLOTS || (options.slots & (options.slots - 1)) !== 0)) {
    throw new Error(`search slots must be a power of two up to ${MAX_SLOTS}: ${options.slots}`);
  }
  docs.forEach((d, i) => {
    if (d.id !== i) throw new Error(`search documents must have dense ids in order: #${i} has id ${d.id}`);
  });

  // Postings per field, ascending (documents are visited in id order, segments ascending within one).
  // Grams are posted as id · MAX_SLOTS + segment first; the slot count is known only at the end.
  const postings: Record<SearchField, Map<string, number[]>> = { title: new Map(), pairs: new Map(), grams: new Map(), code: new Map() };
  let total = 0;
  let longest = 0;
  const post = (field: SearchField, term: string, id: number): void => {
    const map = postings[field];
    const ids = map.get(term);
    if (ids) ids.push(id);
    else map.set(term, [id]);
    total++;
  };
  for (const doc of docs) {
    const terms = documentTerms(doc);
    longest = Math.max(longest, terms.segments);
    for (const t of terms.title) post('title', t, doc.id);
    for (const t of terms.pairs) post('pairs', t, doc.id);
    for (const [t, at] of terms.grams) for (const id of slotIds(doc.id, at, MAX_SLOTS)) post('grams', t, id);
    for (const t of terms.code) post('code', t, doc.id);
  }
  const slots = options.slots ?? Math.min(MAX_SLOTS, nextPow2(longest));
  if (slots !== MAX_SLOTS) {
    // Fewer slots than segments (only when asked for): segments share slots, so lists may need sorting again.
    const wraps = slots < longest;
    total = 0;
    for (const [term, ids] of postings.grams) {
      for (let i = 0; i < ids.length; i++) ids[i] = Math.floor(ids[i]! / MAX_SLOTS) * slots + (ids[i]! & (slots - 1));
      if (wraps) postings.grams.set(term, [...new Set(ids)].sort((x, y) => x - y));
    }
    for (const field of searchFields) for (const ids of postings[field].values()) total += ids.length;
  }

  const shards = Math.min(maxShards, Math.max(minShards, nextPow2(Math.ceil(total / postingsPerShard))));
  const shardFiles: ShardFile[] = Array.from({ length: shards }, () => ({ title: [], pairs: [], grams: [], code: [] }));
  for (const field of searchFields) {
    const terms = [...postings[field].keys()].sort();
    for (const term of terms) {
      const home = field === 'code' ? codeShardTerm(term) : term;
      shardFiles[shardOf(home, shards)]![field].push([term, deltaEncode(postings[field].get(term)!)] satisfies PostingList);
    }
    postings[field].clear();
  }

  const files: SearchIndexFile[] = shardFiles.map((shard, n) => ({ name: shardFileName(n), bytes: gzip(shard) }));

  for (let start = 0, n = 0; start < docs.length; start += metaChunk, n++) {
    const rows: MetaRow[] = docs
      .slice(start, start + metaChunk)
      .map((d) => [d.url, d.title, collections.indexOf(d.collection), d.kind, d.district, d.date, d.bbox ?? 0]);
    files.push({ name: metaFileName(n), bytes: gzip(rows) });
  }

  const dictionary = (values: string[]): string[] => [...new Set(values.filter(Boolean))].sort();
  const kinds = dictionary(docs.map((d) => d.kind));
  const districts = dictionary(docs.map((d) => d.district));
  const facets: FacetTable = {
    collections: [...collections],
    kinds,
    districts,
    collection: docs.map((d) => collections.indexOf(d.collection)),
    kind: docs.map((d) => (d.kind ? kinds.indexOf(d.kind) : -1)),
    district: docs.map((d) => (d.district ? districts.indexOf(d.district) : -1)),
    year: docs.map((d) => (d.date ? Number(d.date.slice(0, 4)) : 0)),
    superseded: docs.map((d) => (d.state === 'superseded' ? 1 : 0)),
    periodStart: docs.map((d) => dayNumber(d.period?.start)),
    periodEnd: docs.map((d) => dayNumber(d.period?.end)),
  };
  files.push({ name: FACETS_FILE, bytes: gzip(facets) });

  const pinyin = shardPinyinDictionary(buildPinyinDictionary(docs));
  const letters = Object.keys(pinyin).sort();
  for (const letter of letters) files.push({ name: pinyinFileName(letter), bytes: gzip(pinyin[letter]) });

  const hash = createHash('sha256');
  for (const f of files) hash.update(f.name).update(f.bytes);
  const manifest: SearchManifest = {
    format: SEARCH_FORMAT,
    version: hash.digest('hex').slice(0, 12),
    docs: docs.length,
    shards,
    slots,
    metaChunk,
    pinyin: letters,
    sample: docs.some((d) => d.sample),
  };
  return { manifest, files, postings: total };
}
