import { describe, expect, it } from 'vitest';
import { listOf } from '../../../src/lib/query-list.ts';

describe('listOf', () => {
  it('keeps allowed values in the allowed order, each once', () => {
    const warnings: string[] = [];
    expect(listOf('c,a,c', ['a', 'b', 'c'] as const, 'x', warnings)).toEqual(['a', 'c']);
    expect(listOf(null, ['a'] as const, 'x', warnings)).toEqual([]);
    expect(warnings).toEqual([]);
  });
  it('drops an unknown value with a warning naming the parameter', () => {
    const warnings: string[] = [];
    expect(listOf('a,zz', ['a'] as const, 'cat', warnings)).toEqual(['a']);
    expect(warnings).toEqual(['cat=zz：不认识的取值，已忽略']);
  });
});
