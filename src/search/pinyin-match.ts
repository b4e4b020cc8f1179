/**
 * Browser side of pinyin search (search-notes.md §5): a latin query such as
 * `jiangqiao`, `jq` or `jiangq` is expanded to at most five Chinese keywords
 * from one shard of the build-time dictionary (pinyin-dict.ts); the caller
 * then searches each keyword with the ordinary bigram index and unions the
 * results. Dependency-free on purpose: pinyin-pro never reaches the client.
 */
import type { PinyinEntry } from './pinyin-dict.ts';

export type { PinyinEntry };

/** Longer latin input cannot be a name of ≤ 16 syllables: nothing matches. */
const MAX_PINYIN_LENGTH = 100;
const MAX_LIMIT = 100;
const LATIN = /^[a-z]+$/;
const IGNORED = /[\s'’‘·-]+/g;

/**
 * NFKC, lower case, spaces and syllable apostrophes removed (`Jiang Qiao`,
 * `xi'an`), ü → v; '' unless the result is 2 or more letters a–z.
 */
export function normalizePinyinQuery(query: unknown): string {
  if (typeof query !== 'string' || query.length > MAX_PINYIN_LENGTH * 4) return '';
  const q = query.normalize('NFKC').toLowerCase().replace(IGNORED, '').replaceAll('ü', 'v');
  return q.length >= 2 && q.length <= MAX_PINYIN_LENGTH && LATIN.test(q) ? q : '';
}

/** The shard ('a'–'z') a latin query needs: `JiangQiao ` → 'j'; undefined when the query is not 2+ latin letters. */
export function pinyinShardKey(query: string): string | undefined {
  return normalizePinyinQuery(query)[0];
}

type Candidate = { zh: string; rank: number; df: number };

/**
 * Every key of every entry (full, initials, alias full, alias initials),
 * sorted, so a prefix is one binary search and one contiguous run. Built once
 * per entry list on first use (a few ms for a 20,000-entry shard).
 */
type KeyIndex = { size: number; keys: string[]; refs: Int32Array; maxFull: Int32Array; maxInitials: Int32Array };
const indexes = new WeakMap<readonly PinyinEntry[], KeyIndex>();

/** Bits 0–1 of a ref: which key of the entry (ref >>> 2). */
const FULL = 0;
const INITIALS = 1;
const ALIAS_FULL = 2;
const ALIAS_INITIALS = 3;
/** Keys per block; a block whose best df cannot enter the top is skipped whole. */
const BLOCK = 32;

const dfOf = (e: PinyinEntry): number => (typeof e[3] === 'number' && e[3] > 0 ? Math.min(e[3], 0x7fffffff) : 0);

function buildIndex(entries: readonly PinyinEntry[]): KeyIndex {
  // One kind after the other: a shard sorted by full pinyin gives long sorted runs.
  const rawKeys: string[] = [];
  const rawRefs: number[] = [];
  for (const kind of [FULL, ALIAS_FULL, INITIALS, ALIAS_INITIALS]) {
    const field = kind === FULL ? 1 : kind === INITIALS ? 2 : kind + 2;
    entries.forEach((e, i) => {
      const key = e == null || typeof e[0] !== 'string' ? undefined : e[field];
      if (typeof key === 'string' && LATIN.test(key)) {
        rawKeys.push(key);
        rawRefs.push(i * 4 + kind);
      }
    });
  }
  const order = rawKeys.map((_, i) => i).sort((a, b) => (rawKeys[a]! < rawKeys[b]! ? -1 : rawKeys[a]! > rawKeys[b]! ? 1 : a - b));
  const keys = order.map((i) => rawKeys[i]!);
  const refs = Int32Array.from(order, (i) => rawRefs[i]!);
  const blocks = Math.ceil(keys.length / BLOCK);
  const maxFull = new Int32Array(blocks).fill(-1);
  const maxInitials = new Int32Array(blocks).fill(-1);
  refs.forEach((ref, at) => {
    const df = dfOf(entries[ref >>> 2]!);
    const max = (ref & 1) === 0 ? maxFull : maxInitials; // FULL and ALIAS_FULL are even
    const b = (at / BLOCK) | 0;
    if (df > max[b]!) max[b] = df;
  });
  return { size: entries.length, keys, refs, maxFull, maxInitials };
}

function indexOf(entries: readonly PinyinEntry[]): KeyIndex {
  let index = indexes.get(entries);
  if (!index || index.size !== entries.length) {
    index = buildIndex(entries);
    indexes.set(entries, index);
  }
  return index;
}

/** First position whose key is ≥ q. */
function lowerBound(keys: readonly string[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const codePoints = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
};

/** Negative when a ranks before b: rank, then higher df, then shorter zh, then zh order. */
function compare(a: Candidate, b: Candidate): number {
  return a.rank - b.rank || b.df - a.df || codePoints(a.zh) - codePoints(b.zh) || (a.zh < b.zh ? -1 : a.zh > b.zh ? 1 : 0);
}

/**
 * Up to `limit` distinct Chinese keywords whose full pinyin, initials or
 * alias starts with the normalised query, best first: exact full (or alias
 * full) match, exact initials (or alias initials), prefix of full, prefix of
 * initials; ties by document frequency (higher first), then shorter keyword,
 * then keyword order. `entries` is the query's shard (any entry list works;
 * it is indexed on first use, so do not mutate it afterwards). Never throws.
 */
export function expandPinyin(query: string, entries: readonly PinyinEntry[], limit = 5): string[] {
  const q = normalizePinyinQuery(query);
  const k = Math.min(Math.floor(Number(limit)), MAX_LIMIT);
  if (!q || !(k >= 1) || !Array.isArray(entries)) return [];
  const { keys, refs, maxFull, maxInitials } = indexOf(entries);
  const top: Candidate[] = [];
  for (let at = lowerBound(keys, q); at < keys.length && keys[at]!.startsWith(q); at++) {
    const worst = top.length === k ? top[k - 1]! : undefined;
    if (worst && at % BLOCK === 0 && keys[at]!.length > q.length) {
      // Past the exact matches every key here ranks 2 (full) or 3 (initials).
      const b = at / BLOCK;
      const full = maxFull[b]!;
      if (worst.rank < 2 || (worst.rank === 2 && full < worst.df) || (full < 0 && maxInitials[b]! < worst.df)) {
        at += BLOCK - 1;
        continue;
      }
    }
    const ref = refs[at]!;
    const e = entries[ref >>> 2]!;
    const rank = (ref & 1) + (keys[at]!.length === q.length ? 0 : 2);
    const df = dfOf(e);
    if (worst && (rank > worst.rank || (rank === worst.rank && df < worst.df))) continue;
    const c: Candidate = { zh: e[0], rank, df };
    const dup = top.findIndex((t) => t.zh === c.zh);
    if (dup >= 0) {
      if (compare(c, top[dup]!) >= 0) continue;
      top.splice(dup, 1);
    }
    if (top.length === k && compare(c, top[k - 1]!) >= 0) continue;
    let i = top.length;
    while (i > 0 && compare(c, top[i - 1]!) < 0) i--;
    top.splice(i, 0, c);
    if (top.length > k) top.pop();
  }
  return top.map((t) => t.zh);
}
