/**
 * HTTP byte ranges (RFC 9110 §14) for the static files that are served
 * without a compressed twin: a PMTiles base map is read by the browser in
 * ranges (a header, directories, then single tiles), never as a whole.
 * One range per request, as PMTiles readers ask; a list of ranges is
 * answered with the whole file, which RFC 9110 allows.
 */

export type RangeAnswer =
  /** Send the whole file (no Range, an ignored one, or If-Range no longer matching). */
  | { kind: 'full' }
  /** 206 with bytes start..end (inclusive). */
  | { kind: 'partial'; start: number; end: number }
  /** 416: no byte of the file is in the range. */
  | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/**
 * What to answer for a Range header on a file of `size` bytes whose strong
 * ETag is `etag`. If-Range with another validator (the file changed since
 * the reader started) → the whole new file, so ranges of two versions never mix.
 */
export function answerRange(range: string | undefined, ifRange: string | undefined, size: number, etag: string): RangeAnswer {
  if (range === undefined) return { kind: 'full' };
  if (ifRange !== undefined && ifRange.trim() !== etag) return { kind: 'full' };
  const m = SINGLE.exec(range.trim());
  if (!m) return { kind: 'full' };
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    // bytes=-N: the last N bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}
