import { describe, expect, it } from 'vitest';
import { polygonProblems, selfIntersection, signedArea2 } from '../../../src/lib/polygon-check.ts';

const ccw = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
const hole = [[0.5, 0.5], [0.5, 1.5], [1.5, 1.5], [1.5, 0.5], [0.5, 0.5]];

describe('polygon rings', () => {
  it('accepts a counter-clockwise exterior with a clockwise hole, and an L-shaped ring', () => {
    expect(signedArea2(ccw)).toBeGreaterThan(0);
    expect(polygonProblems([ccw, hole])).toEqual([]);
    expect(polygonProblems([[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]])).toEqual([]);
  });
  it('reports a bow tie with the edges that cross, and a clockwise exterior', () => {
    const bowtie = [[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]];
    expect(selfIntersection(bowtie)).toEqual([1, 3]);
    expect(polygonProblems([bowtie])[0]).toContain('自相交：第 1 条边与第 3 条边相交');
    expect(polygonProblems([[...ccw].reverse()])).toEqual(['外环应按逆时针方向排列顶点（RFC 7946），现为顺时针']);
    expect(polygonProblems([ccw, [...hole].reverse()])).toEqual(['第 1 个内环应按顺时针方向排列顶点（RFC 7946），现为逆时针']);
  });
});
