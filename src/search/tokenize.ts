/**
 * Tokenisation shared by the build-time search index writer and the browser.
 * Pure and dependency-free (no DOM, no pinyin-pro) so it stays tiny on the
 * client. See /work/shared/reference/search-notes.md §4 and §7.
 *
 * - `tokenize` gives the terms of the text fields, for the index AND the
 *   query: Han runs become overlapping bigrams, so any Chinese substring of
 *   ≥ 2 characters matches as an AND of its bigrams; latin and digit runs are
 *   kept whole.
 * - `codeTokens` gives the terms of the code field (trigrams of code keys).
 * - `codeKey` strips everything but letters, digits and Han, so 文号 and
 *   parcel codes written with any brackets, hyphens or widths compare equal.
 */

/** Queries longer than this (in code points, after cleaning) are cut. */
export const MAX_QUERY_LENGTH = 100;

export type QueryKind = 'empty' | 'single-han' | 'code' | 'latin' | 'text';

export interface ClassifiedQuery {
  kind: QueryKind;
  /** NFKC, lower case, emoji and symbols dropped, spaces collapsed, ≤ 100 code points. */
  normalized: string;
  /** `tokenize(normalized)`: what to pass to the index. */
  tokens: string[];
  /** `codeKey(normalized)`: what to compare against normalised 文号 / parcel codes. */
  code: string;
}

export type Range = [start: number, end: number];

const RUN = /\p{Script=Han}+|[a-z]+|[0-9]+/gu;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const NOT_CODE = /[^\p{Script=Han}\p{L}\p{N}]+/gu;
const DIGIT = /\p{Nd}/u;
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

/** Han runs, [a-z]+ runs and [0-9]+ runs of normalised text, with where each starts. */
function runs(normalized: string): RegExpMatchArray[] {
  return [...normalized.matchAll(RUN)];
}

/**
 * The index and query encoder:
 * - Han runs → overlapping bigrams, so any Chinese substring of ≥ 2 characters
 *   matches as an AND of its bigrams;
 * - latin and digit runs are kept whole;
 * - where a Han run touches a latin or digit run with nothing between them,
 *   a boundary token of the two touching characters (2019年1月 → 9年, 年1, 1月;
 *   003号地块 → 3号). A lone Han character is never a token of its own: in the
 *   document it may be the edge of a longer run (003号 vs 003号地块), and the
 *   boundary token carries it instead;
 * - everything else separates. De-duplicated in order of first appearance.
 *
 * A query's tokens are always a subset of the tokens of any text containing
 * it (up to separators), which is what makes recall exact.
 */
export function tokenize(s: string): string[] {
  const seen = new Set<string>();
  let prev: { text: string; end: number; han: boolean } | undefined;
  for (const m of runs(normalize(s))) {
    const run = m[0];
    const start = m.index!;
    const han = HAN_ONLY.test(run);
    const chars = Array.from(run); // code points: CJK extension B is two units
    if (prev && prev.end === start && (prev.han || han)) seen.add(Array.from(prev.text).at(-1)! + chars[0]!);
    if (!han) seen.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) seen.add(chars[i]! + chars[i + 1]!);
    prev = { text: run, end: start + run.length, han };
  }
  return [...seen];
}

/** The code key of each whitespace-separated code, empty ones dropped. */
function codeKeysOf(codes: string): string[] {
  return str(codes).split(/\s+/).map(codeKey).filter((key) => key.length > 0);
}

/** Adds the overlapping trigrams of a code key to `terms` (a key shorter than 3 stays whole). */
function addTrigrams(key: string, terms: Set<string>): void {
  const chars = Array.from(key);
  if (chars.length < 3) terms.add(key);
  else for (let i = 0; i + 2 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
}

/**
 * Tokens of the `code` field: overlapping trigrams of each code's `codeKey`
 * (a key shorter than 3 stays whole). A query's code key matches a code when
 * all its trigrams do, whatever brackets, hyphens or widths either side used.
 */
export function codeTokens(codes: string): string[] {
  const terms = new Set<string>();
  for (const key of codeKeysOf(codes)) addTrigrams(key, terms);
  return [...terms];
}

/**
 * Terms of a document's `code` field: the trigrams of `codeTokens` plus each
 * whole code key. A query whose key equals a whole code (the full parcel code
 * or 文号 typed) finds it with one term, and such exact hits rank first: the
 * trigram AND alone also finds records whose trigrams come from several codes
 * (FY2023-1… and 〔2023〕101号 both give 231 and 310).
 */
export function documentCodeTerms(codes: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const key of codeKeysOf(codes.join(' '))) {
    addTrigrams(key, terms);
    terms.add(key);
  }
  return [...terms];
}

/** Letters, digits and Han only: 〔2019〕 = [2019] = (2019); 2022-G-015 = 2022G015. */
export function codeKey(s: string): string {
  return normalize(s).replace(NOT_CODE, '');
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
 * - `latin`: letters a–z only, ≥ 2 of them (pinyin path);
 * - `code`: the code key has ≥ 4 characters and a digit (scan codes, and also run text search);
 * - `text`: everything else.
 */
export function classifyQuery(q: string): ClassifiedQuery {
  const normalized = cleanQuery(q);
  const tokens = tokenize(normalized);
  const code = codeKey(normalized);
  let kind: QueryKind;
  if (tokens.length === 0 && !(code.length >= 4 && DIGIT.test(code))) kind = code && HAN_ONLY.test(code) ? 'single-han' : 'empty';
  else if (/^[a-z]{2,}$/.test(code) && tokens.every((t) => /^[a-z]+$/.test(t))) kind = 'latin';
  else if (code.length >= 4 && DIGIT.test(code)) kind = 'code';
  else kind = 'text';
  return { kind, normalized, tokens, code };
}

/** Highlight terms of a query: Han runs of ≥ 2 characters, latin and digit runs. */
export function queryTerms(q: string): string[] {
  const terms = new Set<string>();
  for (const [run] of runs(cleanQuery(q))) {
    if (HAN_ONLY.test(run) && Array.from(run).length < 2) continue;
    terms.add(run);
  }
  return [...terms];
}

/**
 * [start, end) UTF-16 ranges of `text` to highlight for `query`: every
 * occurrence of every query term, matched on normalised text but returned
 * as offsets into the original text, sorted and merged (overlapping or
 * touching ranges join). Text is normalised one code point at a time, so a
 * character whose NFKC form has a different length maps back to itself
 * whole, and a range never splits a surrogate pair.
 */
export function highlightRanges(text: string, query: string): Range[] {
  const terms = queryTerms(query);
  const source = str(text);
  if (terms.length === 0 || source.length === 0) return [];

  // norm[k] is the k-th UTF-16 unit of the normalised text; from/to give the
  // original code point it came from.
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const cp of source) {
    const n = cp.normalize('NFKC').toLowerCase();
    const end = offset + cp.length;
    for (let k = 0; k < n.length; k++) {
      from.push(offset);
      to.push(end);
    }
    norm += n;
    offset = end;
  }

  const found: Range[] = [];
  for (const term of terms) {
    for (let i = norm.indexOf(term); i !== -1; i = norm.indexOf(term, i + 1)) {
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
