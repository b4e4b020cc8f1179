/**
 * Text normalisation shared by the search index writer and the browser:
 * full-width → half-width (NFKC), lower case, and a “code” form without
 * punctuation so 〔2019〕, [2019] and (2019) — or 2022-G-015 and 2022G015 —
 * compare equal.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Letters, digits and Han characters only. */
export function codeForm(s: string): string {
  return normalizeText(s).replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '');
}
