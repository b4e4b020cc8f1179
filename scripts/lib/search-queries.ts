/**
 * A labelled query set for search benchmarks, derived deterministically
 * (seeded) from the SearchDocuments themselves, with the ground truth of
 * every query: the ids of the documents that should match.
 *
 * Classes (see /work/shared/reference/search-notes.md §6 for how truth was
 * defined there):
 *
 * - han2 / han4 / han8: random 2-, 4- and 8-character substrings of Han runs
 *   of a document's text (title, fields and body);
 * - mixed: Han next to digits or latin (GNG2026-14号地块, 2019年1月): a
 *   substring of a run of Han, ASCII letters, digits and - . that holds both
 *   scripts, starting and ending on a script boundary or inside a Han run of
 *   ≥ 2 characters, never inside a number or a latin word;
 * - docno: 文号 (codes with 〔〕 or （）), exactly as written and as variants
 *   ([], (), full width, spaces);
 * - parcel: parcel codes (2026-G-015, GNG2026-14), exact and variants
 *   (dashes removed, dashes as spaces, full width);
 * - pinyin: full pinyin and initials of place names taken from `names`
 *   (江桥 → jiangqiao / jq);
 * - cut: substrings of a Han/letter/digit run that cut a run of digits or
 *   letters at one end or both (26年度国有, 规划局202, 0年11月2);
 * - codepart: parts of a 文号 or parcel code that cut a digit or letter run
 *   (G-01 of 2026-G-015, 资规公〔2026〕1).
 *
 * The first seven classes are drawn exactly as before (same seed, same
 * draws); cut and codepart come from a PRNG of their own, so adding them
 * changed none of the older queries.
 *
 * Truth:
 * - text classes (han*, mixed, cut, pinyin): every whitespace-separated
 *   part of textKey(query) is a substring of textKey(document text), where
 *   textKey = NFKC + lower case (brackets stay: removing them would join
 *   出让公告（齐… into 出让公告齐…);
 * - code classes (docno, parcel, codepart): codeKey(query) (letters, digits
 *   and Han only) is a substring of the codeKey of one segment of the
 *   document text (segments are split at whitespace and sentence punctuation
 *   such as 、，。；：, so 2026-G-015、2026-G-016 are two);
 * - any substring counts, including one that cuts a run of digits or
 *   letters: 13号 matches 113号, 2026-G-01 matches 2026-G-015. Until the
 *   search accuracy work (docs/decisions/0001-search-ngrams.md) the truth
 *   forbade such cuts (`containsBounded`); that older truth is still
 *   computed as `truthBounded`, so figures can be set beside the old ones;
 * - pinyin: the document text contains the Chinese name the pinyin was made
 *   from. Other names with the same pinyin are not in the truth, so an engine
 *   that expands pinyin to every matching name gets precision < 1 by design.
 */
import { pinyin } from 'pinyin-pro';
import type { SearchDocument } from '../../src/search/documents.ts';
import { codeKey, normalize } from '../../src/search/tokenize.ts';
import { syllables } from '../../src/search/pinyin-dict.ts';
import { mulberry32 } from './prng.ts';

export const queryClasses = ['han2', 'han4', 'han8', 'mixed', 'docno', 'parcel', 'pinyin', 'cut', 'codepart'] as const;
export type QueryClass = (typeof queryClasses)[number];
/** The classes of the query set before cut and codepart were added (same seed, same queries). */
export const originalClasses: readonly QueryClass[] = ['han2', 'han4', 'han8', 'mixed', 'docno', 'parcel', 'pinyin'];

export const queryClassNames: Record<QueryClass, string> = {
  han2: '2-char Han',
  han4: '4-char Han',
  han8: '8-char Han',
  mixed: 'mixed scripts',
  docno: '文号',
  parcel: 'parcel code',
  pinyin: 'pinyin',
  cut: 'cut digit/letter run',
  codepart: 'part of a code',
};

export interface LabelledQuery {
  q: string;
  cls: QueryClass;
  /** exact / brackets / parens / fullwidth / spaces / nodash / full / initials / substring / start / end / both */
  variant: string;
  /** Where it came from: the substring, code or Chinese name. */
  source: string;
  /** Ids of the documents that should match, ascending. */
  truth: number[];
  /** The older truth, which did not let a match cut a run of digits or letters (containsBounded). */
  truthBounded: number[];
}

export interface QuerySetOptions {
  seed?: number;
  /** Queries per class (pinyin: half full, half initials; codes: a third exact). */
  perClass?: number;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
const ALNUM = /[A-Za-z0-9]/;
const MIXED_RUN = /[\p{Script=Han}A-Za-z0-9][\p{Script=Han}A-Za-z0-9.-]*[\p{Script=Han}A-Za-z0-9]/gu;

/** NFKC + lower case: the text-class truth key. */
export function textKey(s: string): string {
  return normalize(s);
}

/** ASCII → full width (U+FF01…), 〔〕 → （）: what a user with a full-width IME types. */
export function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/〔/g, '（').replace(/〕/g, '）');
}

const isDocNo = (c: string) => /[〔（(]/.test(c) && /\d/.test(c);
const isParcel = (c: string) => /^[A-Za-z]*\d{4}-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/.test(c);
/** Names a person would type in pinyin: Han only, 2–8 characters, not a generated “…项目 / …区位图”. */
const isPinyinName = (n: string) => /^\p{Script=Han}{2,8}$/u.test(n) && !/(项目|区位图|分布图)$/.test(n);

type Keys = { text: string[]; code: string[] };

const SEGMENT = /[\s、，。；：！？,;:!?“”"‘’'《》]+/u;

/** Per-document truth keys, computed once. */
export function documentKeys(docs: readonly SearchDocument[]): Keys {
  return {
    text: docs.map((d) => textKey(d.text)),
    code: docs.map((d) => d.text.split(SEGMENT).map(codeKey).join('\n')),
  };
}

const charClass = (c: string | undefined) => (c === undefined ? '' : c >= '0' && c <= '9' ? 'd' : c >= 'a' && c <= 'z' ? 'l' : 'o');

/** `needle` occurs in `hay` without a digit (letter) edge running on into more digits (letters). */
export function containsBounded(hay: string, needle: string): boolean {
  if (!needle) return false;
  const first = charClass(needle[0]);
  const last = charClass(needle[needle.length - 1]);
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    if (first !== 'o' && charClass(hay[i - 1]) === first) continue;
    if (last !== 'o' && charClass(hay[i + needle.length]) === last) continue;
    return true;
  }
  return false;
}

type Contains = (hay: string, needle: string) => boolean;
const contains: Contains = (hay, needle) => needle.length > 0 && hay.includes(needle);

function truthText(keys: Keys, q: string, has: Contains = contains): number[] {
  const parts = textKey(q).split(/\s+/).filter(Boolean);
  const out: number[] = [];
  if (parts.length === 0) return out;
  keys.text.forEach((t, id) => {
    if (parts.every((p) => has(t, p))) out.push(id);
  });
  return out;
}

function truthCode(keys: Keys, q: string, has: Contains = contains): number[] {
  const k = codeKey(q);
  const out: number[] = [];
  if (!k) return out;
  keys.code.forEach((c, id) => {
    if (has(c, k)) out.push(id);
  });
  return out;
}

/** Both truths of a text-class query. */
const textTruths = (keys: Keys, q: string) => ({ truth: truthText(keys, q), truthBounded: truthText(keys, q, containsBounded) });
const codeTruths = (keys: Keys, q: string) => ({ truth: truthCode(keys, q), truthBounded: truthCode(keys, q, containsBounded) });

/**
 * The labelled query set: `perClass` queries in each class
 * (fewer when the corpus has too few distinct candidates), no duplicates,
 * every query with at least one true document (under the older, bounded
 * truth for the first seven classes, so that they are the queries they
 * always were).
 */
export function deriveQueries(docs: readonly SearchDocument[], opts: QuerySetOptions = {}): LabelledQuery[] {
  const rnd = mulberry32(opts.seed ?? 20261123);
  const perClass = opts.perClass ?? 40;
  const keys = documentKeys(docs);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: LabelledQuery[] = [];
  const seen = new Set<string>();
  const add = (q: LabelledQuery | undefined): boolean => {
    if (!q || seen.has(q.q) || q.truth.length === 0 || (originalClasses.includes(q.cls) && q.truthBounded.length === 0)) return false;
    seen.add(q.q);
    out.push(q);
    return true;
  };
  /** Calls make() until n queries were added or too many attempts failed. */
  const fill = (n: number, make: () => LabelledQuery | undefined): void => {
    let added = 0;
    for (let attempts = 0; added < n && attempts < n * 200; attempts++) if (add(make())) added++;
  };

  // Han substrings: a random document, a random Han run long enough, a random offset.
  for (const [cls, len] of [['han2', 2], ['han4', 4], ['han8', 8]] as const) {
    fill(perClass, () => {
      const d = pick(docs);
      const runs = (d.text.match(HAN_RUN) ?? []).map((r) => Array.from(r)).filter((r) => r.length >= len);
      if (runs.length === 0) return undefined;
      // Weighted by length, so every position of the text is equally likely.
      const total = runs.reduce((n, r) => n + r.length - len + 1, 0);
      let x = Math.floor(rnd() * total);
      for (const r of runs) {
        const slots = r.length - len + 1;
        if (x < slots) {
          const q = r.slice(x, x + len).join('');
          return { q, cls, variant: 'substring', source: q, ...textTruths(keys, q) };
        }
        x -= slots;
      }
      return undefined;
    });
  }

  // Mixed scripts: a substring of a Han/alnum run holding both, cut on script boundaries.
  fill(perClass, () => {
    const d = pick(docs);
    const runs = (d.text.match(MIXED_RUN) ?? []).filter((r) => HAN.test(r) && ALNUM.test(r));
    if (runs.length === 0) return undefined;
    const chars = Array.from(pick(runs));
    const isHan = (i: number) => i >= 0 && i < chars.length && HAN.test(chars[i]!);
    const isAl = (i: number) => i >= 0 && i < chars.length && ALNUM.test(chars[i]!);
    // A cut before position i is allowed between scripts, or inside a Han run with ≥ 2 Han on the kept side.
    const okStart = (i: number) => (isHan(i) ? !isHan(i - 1) || isHan(i + 1) : isAl(i) && !isAl(i - 1));
    const okEnd = (j: number) => (isHan(j - 1) ? !isHan(j) || isHan(j - 2) : isAl(j - 1) && !isAl(j));
    const len = 4 + Math.floor(rnd() * 9); // 4–12 characters
    const starts = chars.map((_, i) => i).filter(okStart);
    for (let tries = 0; tries < 10; tries++) {
      const i = pick(starts);
      let j = Math.min(chars.length, i + len);
      while (j > i && !okEnd(j)) j--;
      if (j - i < 3) continue;
      const q = chars.slice(i, j).join('');
      if (!HAN.test(q) || !ALNUM.test(q) || /[-.]$/.test(q)) continue;
      return { q, cls: 'mixed', variant: 'substring', source: q, ...textTruths(keys, q) };
    }
    return undefined;
  });

  // Codes: exact, and variants as a user might type them.
  const docNos = [...new Set(docs.flatMap((d) => d.codes.filter(isDocNo)))].sort();
  const parcels = [...new Set(docs.flatMap((d) => d.codes.filter(isParcel)))].sort();
  const docNoVariants: Array<[string, (c: string) => string]> = [
    ['exact', (c) => c],
    ['brackets', (c) => c.replace(/[〔（(]/g, '[').replace(/[〕）)]/g, ']')],
    ['parens', (c) => c.replace(/[〔（[]/g, '(').replace(/[〕）\]]/g, ')')],
    ['fullwidth', (c) => fullWidth(c.replace(/[〔(]/g, '（').replace(/[〕)]/g, '）'))],
  ];
  const parcelVariants: Array<[string, (c: string) => string]> = [
    ['exact', (c) => c],
    ['nodash', (c) => c.replace(/-/g, '')],
    ['spaces', (c) => c.replace(/-/g, ' ')],
    ['fullwidth', (c) => fullWidth(c)],
  ];
  for (const [cls, pool, variants] of [['docno', docNos, docNoVariants], ['parcel', parcels, parcelVariants]] as const) {
    if (pool.length === 0) continue;
    let k = 0;
    fill(perClass, () => {
      // exact, exact, v1, exact, v2, exact, v3, …: about a third exact.
      const [variant, f] = k % 2 === 0 ? variants[0]! : variants[1 + ((k >> 1) % (variants.length - 1))]!;
      k++;
      const code = pick(pool);
      const q = f(code);
      return { q, cls, variant, source: code, ...codeTruths(keys, q) };
    });
  }

  // Pinyin of place names: full syllables and initials, alternately.
  const names = [...new Set(docs.flatMap((d) => d.names.filter(isPinyinName)))].sort();
  if (names.length > 0) {
    let k = 0;
    fill(perClass, () => {
      const name = pick(names);
      const initials = k++ % 2 === 1;
      // The site's readings (pinyin-pro plus local corrections such as 中国一重 yi zhong).
      const full = syllables(name) ?? (pinyin(name, { toneType: 'none', type: 'array', v: true }) as string[]);
      const q = (initials ? full.map((x) => x[0]) : full).join('').toLowerCase();
      if (!/^[a-z]{2,}$/.test(q)) return undefined;
      return { q, cls: 'pinyin', variant: initials ? 'initials' : 'full', source: name, ...textTruths(keys, name) };
    });
  }

  // Substrings that cut a run of digits or letters, from a PRNG of their own (the draws above stay as they were).
  const rnd2 = mulberry32(((opts.seed ?? 20261123) ^ 0x9e3779b9) >>> 0);
  const pick2 = <T>(xs: readonly T[]): T => xs[Math.floor(rnd2() * xs.length)]!;
  /** chars[i, j) as a query if it cuts a digit or letter run at its start, its end or both. */
  const cut = (chars: string[], i: number, j: number): { q: string; variant: string } | undefined => {
    const kind = (k: number) => (k < 0 || k >= chars.length ? '' : /[0-9]/.test(chars[k]!) ? 'd' : /[A-Za-z]/.test(chars[k]!) ? 'l' : 'o');
    const atStart = i > 0 && kind(i) !== 'o' && kind(i) === kind(i - 1);
    const atEnd = j < chars.length && kind(j - 1) !== 'o' && kind(j - 1) === kind(j);
    if (!atStart && !atEnd) return undefined;
    return { q: chars.slice(i, j).join(''), variant: atStart && atEnd ? 'both' : atStart ? 'start' : 'end' };
  };
  fill(perClass, () => {
    const d = pick2(docs);
    const runs = (d.text.match(MIXED_RUN) ?? []).filter((r) => ALNUM.test(r));
    if (runs.length === 0) return undefined;
    const chars = Array.from(pick2(runs));
    const len = 3 + Math.floor(rnd2() * 8); // 3–10 characters
    if (chars.length <= len) return undefined;
    const i = Math.floor(rnd2() * (chars.length - len + 1));
    const c = cut(chars, i, i + len);
    if (!c || /^[-.]|[-.]$/.test(c.q)) return undefined;
    return { q: c.q, cls: 'cut', variant: c.variant, source: chars.join(''), ...textTruths(keys, c.q) };
  });
  const codes = [...docNos, ...parcels];
  if (codes.length > 0) {
    fill(perClass, () => {
      const code = pick2(codes);
      const chars = Array.from(code);
      if (chars.length < 5) return undefined;
      const len = 3 + Math.floor(rnd2() * (chars.length - 4)); // 3 … length − 2
      const i = Math.floor(rnd2() * (chars.length - len + 1));
      const c = cut(chars, i, i + len);
      if (!c || !/[0-9]/.test(c.q) || codeKey(c.q).length < 3) return undefined;
      return { q: c.q, cls: 'codepart', variant: c.variant, source: code, ...codeTruths(keys, c.q) };
    });
  }
  return out;
}

// ------------------------------------------------------------------ scoring

export interface QueryScore {
  recall: number;
  /** NaN when the engine returned nothing. */
  precision: number;
  returned: number;
}

/** Recall and precision of one result set (document ids) against the truth. */
export function score(truth: readonly number[], got: Iterable<number>): QueryScore {
  const t = new Set(truth);
  const g = new Set(got);
  let hit = 0;
  for (const id of g) if (t.has(id)) hit++;
  return { recall: t.size ? hit / t.size : NaN, precision: g.size ? hit / g.size : NaN, returned: g.size };
}

export interface ClassScore {
  n: number;
  /** Mean per-query recall. */
  recall: number;
  /** Mean per-query precision over queries that returned something. */
  precision: number;
  /** Queries with no result at all. */
  empty: number;
  /** Queries whose recall is below 1. */
  partial: number;
}

export function summarize(scores: readonly QueryScore[]): ClassScore {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return {
    n: scores.length,
    recall: mean(scores.map((s) => s.recall)),
    precision: mean(scores.filter((s) => s.returned > 0).map((s) => s.precision)),
    empty: scores.filter((s) => s.returned === 0).length,
    partial: scores.filter((s) => s.recall < 1).length,
  };
}
