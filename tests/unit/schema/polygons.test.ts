import { describe, expect, it } from 'vitest';
import { polygonGeometry } from '../../../src/schema/common.ts';
import { isClockwise, selfIntersection } from '../../../src/schema/polygons.ts';
import { issuesOf } from './helpers.ts';

const CCW = [[123.92, 47.3], [123.93, 47.3], [123.93, 47.31], [123.92, 47.31], [123.92, 47.3]];
const HOLE_CW = [[123.922, 47.302], [123.922, 47.304], [123.924, 47.304], [123.924, 47.302], [123.922, 47.302]];

describe('polygon rings (RFC 7946)', () => {
  it('accepts a counter-clockwise exterior with a clockwise hole', () => {
    expect(isClockwise(CCW)).toBe(false);
    expect(selfIntersection(CCW)).toBeUndefined();
    expect(issuesOf(polygonGeometry, { type: 'Polygon', coordinates: [CCW, HOLE_CW] })).toEqual([]);
  });

  it('refuses a clockwise exterior and a counter-clockwise hole, saying what is expected', () => {
    const issues = issuesOf(polygonGeometry, { type: 'Polygon', coordinates: [CCW.slice().reverse(), HOLE_CW.slice().reverse()] });
    expect(issues).toEqual([
      { path: 'coordinates[0]', message: expect.stringMatching(/外环为顺时针.*应为逆时针/) },
      { path: 'coordinates[1]', message: expect.stringMatching(/内环（洞）为逆时针.*应为顺时针/) },
    ]);
  });

  it('refuses a ring that crosses itself (a bow tie), naming where', () => {
    const bowTie = [[123.92, 47.3], [123.93, 47.31], [123.93, 47.3], [123.92, 47.31], [123.92, 47.3]];
    const [issue] = issuesOf(polygonGeometry, { type: 'Polygon', coordinates: [bowTie] });
    expect(issue?.message).toMatch(/外环自相交（在 \[123\.925000, 47\.305000\] 附近/);
  });
});
