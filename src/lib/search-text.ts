/**
 * Text normalisation shared by the search index writer and the browser:
 * full-width → half-width (NFKC), lower case, and a “code” form without
 * punctuation so 〔2019〕, [2019] and (2019) — or 2022-G-015 and 2022G015 —
 * compare equal. The rules live in src/search/tokenize.ts; this module keeps
 * the older names used by the search page.
 */
import { codeKey, normalize } from '../search/tokenize.ts';

export { codeKey, normalize } from '../search/tokenize.ts';

/** NFKC, lower case, whitespace collapsed to single spaces and trimmed. */
export function normalizeText(s: string): string {
  return normalize(s).replace(/\s+/g, ' ').trim();
}

/** Letters, digits and Han characters only (the same function as `codeKey`). */
export const codeForm: (s: string) => string = codeKey;
