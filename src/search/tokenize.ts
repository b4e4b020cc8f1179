/**
 * Tokenisation shared by the build-time search index writer and the browser.
 * Pure and dependency-free (no DOM, no pinyin-pro) so it stays tiny on the
 * client. The scheme and why: docs/search.md, docs/decisions/0001-search-ngrams.md.
 *
 * Text is cut into segments (at whitespace and sentence punctuation, and at
 * any other punctuation between two Chinese characters), and each segment is
 * reduced to its key: letters, digits and Han only, NFKC and lower case
 * (`codeKey`), so 〔2026〕 = [2026] = (2026) and 2026-G-015 = 2026G015. One
 * character stream per segment, Han, digits and letters alike: a substring
 * that cuts a run of digits or letters (26年度国有, 规划局202, G-01) is as
 * much a substring of it as any other.
 *
 * Terms are overlapping n-grams of that stream:
 * - every 2-gram (`pairs`), indexed per document: a 2-character query is one
 *   exact lookup;
 * - every 3-gram, and every 4-gram that holds a letter or digit (`grams`),
 *   indexed per segment slot: a longer query is an AND of its grams that must
 *   hold within one segment, so grams from different segments (two codes of
 *   one record, a date in one sentence and a number in the next) never add up
 *   to a match, and 4-grams keep runs of digits from matching out of order.
 */

/** Queries longer than this (in code points, after cleaning) are cut. */
export const MAX_QUERY_LENGTH = 100;

export type QueryKind = 'empty' | 'single-han' | 'single' | 'code' | 'latin' | 'text';

export interface ClassifiedQuery {
  kind: QueryKind;
  /** NFKC, lower case, emoji and symbols dropped, spaces collapsed, ≤ 100 code points. */
  normalized: string;
  /**
   * The keys of the query's segments that can be searched (≥ 2 characters):
   * a document matches when each occurs within one of its segments.
   */
  parts: string[];
  /** `codeKey(normalized)`: what to compare against normalised 文号 / parcel codes. */
  code: string;
  /**
   * Set when the query is letters and digits split only by spaces or
   * sentence punctuation (`2025 G 037`, `FY2023，10`): read first as one code
   * typed with separators; its parts are searched only when `code` finds
   * nothing.
   */
  joined: boolean;
}

export type Range = [start: number, end: number];

/** Splits segments: whitespace and sentence punctuation (the bench truth uses the same set). */
const SEPARATOR = /[\s、，。；：！？,;:!?“”"‘’'《》「」『』]+/u;
/** Any run of non-key characters between two Han characters also splits: 土地市场·出让公告, 公告（齐…）. */
const HAN_GAP = /(?<=\p{Script=Han})[^\p{Script=Han}\p{L}\p{N}]+(?=\p{Script=Han})/gu;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const NOT_CODE = /[^\p{Script=Han}\p{L}\p{N}]+/gu;
const NOT_HAN = /[^\p{Script=Han}]/u;
const DIGIT = /\p{Nd}/u;
const ALNUM_KEY = /^[a-z0-9]+$/;
// Emoji (with their joiners, variation selectors, skin tones and keycaps) vanish;
// other symbols, controls, unassigned and lone surrogates act as separators.
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\u20e3\ufe0e\ufe0f]/gu;
const JUNK = /[\p{S}\p{C}]+/gu;
// Bound the work done on absurd input before normalising (NFKC can expand).
const RAW_LIMIT = MAX_QUERY_LENGTH * 8;

function str(s: unknown): string {
  return typeof s === 'string' ? s : s == null ? '' : String(s);
}

/** NFKC + lower case: full-width ２０２６－Ｇ－０１５ → 2026-g-015. */
export function normalize(s: string): string {
  return str(s).normalize('NFKC').toLowerCase();
}

/** Letters, digits and Han only: 〔2019〕 = [2019] = (2019); 2022-G-015 = 2022G015. */
export function codeKey(s: string): string {
  return normalize(s).replace(NOT_CODE, '');
}

/** Keys of the segments of already normalised text, empty ones dropped. */
function keysOf(normalized: string): string[] {
  return normalized
    .replace(HAN_GAP, '\n')
    .split(SEPARATOR)
    .map((s) => s.replace(NOT_CODE, ''))
    .filter((k) => k.length > 0);
}

/**
 * The segment keys of a text, in order: 江桥镇控制性详细规划（2026-G-015地块）、江桥镇
 * → [江桥镇控制性详细规划2026g015地块, 江桥镇].
 */
export function segmentKeys(text: string): string[] {
  return keysOf(normalize(text));
}

/** The 2-grams of a key (code points: CJK extension B is two UTF-16 units). */
export function pairsOf(key: string, out: Set<string> = new Set()): Set<string> {
  const c = Array.from(key);
  for (let i = 0; i + 1 < c.length; i++) out.add(c[i]! + c[i + 1]!);
  return out;
}

/** The 3-grams of a key, and its 4-grams that hold a letter or digit. */
export function gramsOf(key: string, out: Set<string> = new Set()): Set<string> {
  const c = Array.from(key);
  for (let i = 0; i + 2 < c.length; i++) {
    const tri = c[i]! + c[i + 1]! + c[i + 2]!;
    out.add(tri);
    if (i + 3 < c.length) {
      const four = tri + c[i + 3]!;
      if (NOT_HAN.test(four)) out.add(four);
    }
  }
  return out;
}

/**
 * The terms to look up for one query part (a key of ≥ 2 characters), in
 * order of position: the part itself when it has 2 or 3 characters (one
 * exact term); else a chain of grams starting every second character, each
 * the 4-gram there if that holds a letter or digit, else the 3-gram, plus
 * one ending on the last character. Consecutive grams overlap by one or two
 * characters and must all occur in one segment slot. Every one is a term of
 * any segment that contains the part, which is why recall on substrings is
 * exact.
 */
export function queryGrams(part: string): string[] {
  const c = Array.from(part);
  const n = c.length;
  if (n < 2) return [];
  if (n <= 3) return [c.join('')];
  const four = (i: number): string | undefined => {
    const g = i >= 0 && i + 4 <= n ? c.slice(i, i + 4).join('') : '';
    return g && NOT_HAN.test(g) ? g : undefined;
  };
  const out: string[] = [];
  for (let i = 0, end = -1; end < n - 1; i += 2) {
    // Past the last full 4-gram, the gram that ends on the last character, longest first.
    const g = i + 4 <= n ? (four(i) ?? c.slice(i, i + 3).join('')) : (four(n - 4) ?? c.slice(n - 3).join(''));
    out.push(g);
    end = i + 4 <= n ? i + Array.from(g).length - 1 : n - 1;
  }
  // A long part (a pinyin string, a long 文号) is specific enough with a few grams spread along it.
  const chain = [...new Set(out)];
  if (chain.length <= MAX_PART_GRAMS) return chain;
  return [...new Set(Array.from({ length: MAX_PART_GRAMS }, (_, k) => chain[Math.round((k * (chain.length - 1)) / (MAX_PART_GRAMS - 1))]!))];
}

/** At most this many grams are looked up for one query part. */
const MAX_PART_GRAMS = 6;

/**
 * Terms of the `code` field: each whole code key. A query whose key equals a
 * whole code (the full parcel code or 文号, typed any way) finds the records
 * that carry exactly that code with one term; they rank first.
 */
export function documentCodeTerms(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((c) => str(c).split(/\s+/)).map(codeKey).filter((key) => key.length > 0))];
}

/**
 * The term whose shard also holds a code key: its first query gram, so the
 * exact-code lookup costs no download of its own.
 */
export function codeShardTerm(key: string): string {
  return queryGrams(key)[0] ?? key;
}

/** Normalise a raw query: cleaned, spaces collapsed, capped at MAX_QUERY_LENGTH code points. */
function cleanQuery(q: string): string {
  const raw = str(q).slice(0, RAW_LIMIT);
  const cleaned = normalize(raw).replace(EMOJI, '').replace(JUNK, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned);
  return chars.length > MAX_QUERY_LENGTH ? chars.slice(0, MAX_QUERY_LENGTH).join('').trim() : cleaned;
}

/**
 * Decide how to run a query:
 * - `empty`: nothing searchable;
 * - `single-han`: only lone Han characters (江, 江 桥): ask for two or more together;
 * - `single`: only lone characters, not all Han (5, G 1): likewise;
 * - `latin`: letters a–z only, ≥ 2 of them (pinyin path);
 * - `code`: the code key has ≥ 4 characters and a digit (also looked up as a whole code);
 * - `text`: everything else.
 */
export function classifyQuery(q: string): ClassifiedQuery {
  const normalized = cleanQuery(q);
  const keys = keysOf(normalized);
  const code = codeKey(normalized);
  const codeLike = code.length >= 4 && DIGIT.test(code);
  const joined = keys.length > 1 && codeLike && keys.every((k) => ALNUM_KEY.test(k));
  const parts = [...new Set(keys.filter((k) => Array.from(k).length >= 2))];
  let kind: QueryKind;
  if (keys.length === 0) kind = 'empty';
  else if (parts.length === 0 && !joined) kind = keys.every((k) => HAN_ONLY.test(k)) ? 'single-han' : 'single';
  else if (/^[a-z]{2,}$/.test(code)) kind = 'latin';
  else if (codeLike) kind = 'code';
  else kind = 'text';
  return { kind, normalized, parts, code, joined };
}

/** The searchable parts of a text used as a query (a pinyin expansion): its segment keys of ≥ 2 characters. */
export function queryParts(text: string): string[] {
  return [...new Set(keysOf(cleanQuery(text)).filter((k) => Array.from(k).length >= 2))];
}

/** Highlight terms of a query: the keys of its segments of ≥ 2 characters, and the whole code when it was typed with separators. */
export function queryTerms(q: string): string[] {
  const c = classifyQuery(q);
  return c.joined ? [c.code, ...c.parts] : c.parts;
}

/**
 * [start, end) UTF-16 ranges of `text` to highlight for `query`: every
 * occurrence of every query term, matched the way the index matches, on the
 * segment keys of the text (so 2026G015 marks 2026-G-015 and 齐自然资规公[2026]15号
 * marks 齐自然资规公〔2026〕15号, brackets included), but returned as offsets into
 * the original text, sorted and merged (overlapping or touching ranges join).
 * Text is normalised one code point at a time, so a character whose NFKC
 * form has a different length maps back to itself whole, and a range never
 * splits a surrogate pair.
 */
export function highlightRanges(text: string, query: string): Range[] {
  const terms = queryTerms(query);
  const source = str(text);
  if (terms.length === 0 || source.length === 0) return [];

  // key[k] is the k-th UTF-16 unit of the text's key stream (segments joined
  // by \n, which no term contains); from/to give the original code point it came from.
  const cps = Array.from(source);
  const norms = cps.map((cp) => cp.normalize('NFKC').toLowerCase());
  let key = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  const isHan = (s: string | undefined) => s !== undefined && /^\p{Script=Han}/u.test(s);
  let lastKeyHan = false;
  let gap = false; // non-key characters since the last key character
  let gapSplits = false;
  for (let i = 0; i < cps.length; i++) {
    const n = norms[i]!;
    const end = offset + cps[i]!.length;
    for (const ch of n) {
      if (/[\p{Script=Han}\p{L}\p{N}]/u.test(ch)) {
        if (gap && (gapSplits || (lastKeyHan && isHan(ch)))) {
          key += '\n';
          from.push(offset);
          to.push(end);
        }
        gap = false;
        gapSplits = false;
        lastKeyHan = isHan(ch);
        for (let k = 0; k < ch.length; k++) {
          from.push(offset);
          to.push(end);
        }
        key += ch;
      } else {
        gap = true;
        if (SEPARATOR.test(ch)) gapSplits = true;
      }
    }
    offset = end;
  }

  const found: Range[] = [];
  for (const term of terms) {
    for (let i = key.indexOf(term); i !== -1; i = key.indexOf(term, i + 1)) {
      found.push([from[i]!, to[i + term.length - 1]!]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const merged: Range[] = [];
  for (const [s, e] of found) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
