import { describe, expect, it } from 'vitest';
import { answerRange } from '../../../src/server/byte-range.ts';

const ETAG = '"abc"';

describe('answerRange', () => {
  it('reads single ranges: start-end, start-, -suffix, cut at the end of the file', () => {
    expect(answerRange('bytes=0-126', undefined, 1000, ETAG)).toEqual({ kind: 'partial', start: 0, end: 126 });
    expect(answerRange('bytes=900-', undefined, 1000, ETAG)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(answerRange('bytes=-100', undefined, 1000, ETAG)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(answerRange('bytes=0-16383', undefined, 1000, ETAG)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(answerRange('bytes=0-9', ETAG, 1000, ETAG)).toEqual({ kind: 'partial', start: 0, end: 9 });
  });
  it('no range, several ranges, other units, a reversed range or a changed file → the whole file', () => {
    expect(answerRange(undefined, undefined, 1000, ETAG)).toEqual({ kind: 'full' });
    expect(answerRange('bytes=0-1,5-6', undefined, 1000, ETAG)).toEqual({ kind: 'full' });
    expect(answerRange('items=0-1', undefined, 1000, ETAG)).toEqual({ kind: 'full' });
    expect(answerRange('bytes=50-10', undefined, 1000, ETAG)).toEqual({ kind: 'full' });
    expect(answerRange('bytes=0-9', '"other"', 1000, ETAG)).toEqual({ kind: 'full' });
  });
  it('a range that starts past the end, or an empty suffix → unsatisfiable', () => {
    expect(answerRange('bytes=1000-', undefined, 1000, ETAG)).toEqual({ kind: 'unsatisfiable' });
    expect(answerRange('bytes=-0', undefined, 1000, ETAG)).toEqual({ kind: 'unsatisfiable' });
    expect(answerRange('bytes=0-', undefined, 0, ETAG)).toEqual({ kind: 'unsatisfiable' });
  });
});
