import { describe, expect, it } from 'vitest';
import { polygonGeometry } from '../../../src/schema/common.ts';
import { isClockwise, isDegenerate, selfIntersection } from '../../../src/schema/polygons.ts';
import { zoningZoneSchema } from '../../../src/schema/index.ts';
import { zoningZone } from '../zones/fixtures.ts';
import { issuesOf } from './helpers.ts';

const CCW = [[123.92, 47.3], [123.93, 47.3], [123.93, 47.31], [123.92, 47.31], [123.92, 47.3]];
const HOLE_CW = [[123.922, 47.302], [123.922, 47.304], [123.924, 47.304], [123.924, 47.302], [123.922, 47.302]];
/** An L: concave, simple, counter-clockwise (a reflex vertex is no crossing). */
const L_SHAPE = [[123.92, 47.3], [123.94, 47.3], [123.94, 47.31], [123.93, 47.31], [123.93, 47.32], [123.92, 47.32], [123.92, 47.3]];
const BOW_TIE = [[123.92, 47.3], [123.93, 47.31], [123.93, 47.3], [123.92, 47.31], [123.92, 47.3]];

describe('polygon rings (RFC 7946)', () => {
  it('accepts a counter-clockwise exterior with a clockwise hole, and a concave (L-shaped) ring', () => {
    expect(isClockwise(CCW)).toBe(false);
    expect(selfIntersection(CCW)).toBeUndefined();
    expect(isDegenerate(CCW)).toBe(false);
    expect(issuesOf(polygonGeometry, { type: 'Polygon', coordinates: [CCW, HOLE_CW] })).toEqual([]);
    expect(selfIntersection(L_SHAPE)).toBeUndefined();
    expect(issuesOf(polygonGeometry, { type: 'Polygon', coordinates: [L_SHAPE] })).toEqual([]);
  });

  it('refuses a clockwise exterior and a counter-clockwise hole, saying what is expected', () => {
    const issues = issuesOf(polygonGeometry, { type: 'Polygon', coordinates: [CCW.slice().reverse(), HOLE_CW.slice().reverse()] });
    expect(issues).toEqual([
      { path: 'coordinates[0]', message: expect.stringMatching(/外环为顺时针.*应为逆时针/) },
      { path: 'coordinates[1]', message: expect.stringMatching(/内环（洞）为逆时针.*应为顺时针/) },
    ]);
  });

  it('refuses a ring that crosses itself (a bow tie), naming where', () => {
    const [lon, lat] = selfIntersection(BOW_TIE)!;
    expect(lon).toBeCloseTo(123.925, 9);
    expect(lat).toBeCloseTo(47.305, 9);
    const [issue] = issuesOf(polygonGeometry, { type: 'Polygon', coordinates: [BOW_TIE] });
    expect(issue?.message).toMatch(/外环自相交（在 \[123\.925000, 47\.305000\] 附近/);
  });

  it('refuses a ring with no area (all vertices on one line), which has no orientation to check', () => {
    const flat = [[123.92, 47.3], [123.93, 47.3], [123.94, 47.3], [123.93, 47.3], [123.92, 47.3]];
    expect(isDegenerate(flat)).toBe(true);
    expect(issuesOf(polygonGeometry, { type: 'Polygon', coordinates: [flat] })).toEqual([
      { path: 'coordinates[0]', message: expect.stringMatching(/外环面积为零/) },
    ]);
  });

  it('checks the 基准地价/控规 zones with the same rule, naming the polygon of a MultiPolygon', () => {
    expect(issuesOf(zoningZoneSchema, zoningZone())).toEqual([]);
    const multi = { type: 'MultiPolygon', coordinates: [[CCW], [BOW_TIE]] };
    expect(issuesOf(zoningZoneSchema, { ...zoningZone(), geometry: multi })).toEqual([
      { path: 'geometry.coordinates[1][0]', message: expect.stringMatching(/外环自相交/) },
    ]);
  });
});
