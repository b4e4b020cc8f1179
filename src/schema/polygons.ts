/**
 * Polygon rings as RFC 7946 §3.1.6 wants them: the exterior ring
 * counter-clockwise, holes clockwise, and no ring crossing itself. A
 * self-intersecting parcel has no defined area and breaks the 压覆 overlap
 * computation; a clockwise exterior is drawn correctly by most software but
 * not by all, and a hole with the wrong sense reads as a second exterior.
 * A ring with no area (every vertex on one line) has no inside at all and
 * no orientation. Each fails the check with the ring named and what is
 * expected. This is the one ring check: every record polygon (common.ts's
 * polygonGeometry, so notices, parcels and the 基准地价/控规 zones) and the
 * mining 拐点 tables (corners.ts) go through it.
 */
import booleanClockwise from '@turf/boolean-clockwise';
import kinks from '@turf/kinks';
import type { z } from 'zod';

type Ring = readonly (readonly number[])[];

/** Where a ring crosses itself (the first crossing), or undefined. */
export function selfIntersection(ring: Ring): [number, number] | undefined {
  if (ring.length < 4) return undefined;
  const found = kinks({ type: 'Polygon', coordinates: [ring.map((p) => [p[0]!, p[1]!])] });
  const first = found.features[0]?.geometry.coordinates;
  return first ? [first[0]!, first[1]!] : undefined;
}

/** Whether a closed ring runs clockwise (in lon/lat, as drawn on a north-up map). */
export function isClockwise(ring: Ring): boolean {
  return booleanClockwise(ring.map((p) => [p[0]!, p[1]!]));
}

/**
 * Whether a closed ring encloses no area: all its vertices on one line (the
 * shoelace sum is zero), which boolean-clockwise would report as
 * counter-clockwise and kinks, seeing only parallel edges, as simple.
 */
export function isDegenerate(ring: Ring): boolean {
  // Relative to the first vertex, so that rounding stays far below the tolerance:
  // 1e-12 square degrees is about a hundredth of a square metre here.
  const [x0, y0] = [ring[0]![0]!, ring[0]![1]!];
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) sum += (ring[i]![0]! - x0) * (ring[i + 1]![1]! - y0) - (ring[i + 1]![0]! - x0) * (ring[i]![1]! - y0);
  return Math.abs(sum) < 1e-12;
}

const at = ([lon, lat]: [number, number]) => `[${lon.toFixed(6)}, ${lat.toFixed(6)}]`;

/**
 * Adds an issue per bad ring of one polygon's coordinates. `path` is where
 * the polygon's rings are inside the value being refined ([] for a Polygon's
 * coordinates, [i] for the i-th polygon of a MultiPolygon).
 */
export function checkRings(rings: readonly Ring[], ctx: z.core.$RefinementCtx, path: (string | number)[] = []): void {
  rings.forEach((ring, i) => {
    const name = i === 0 ? '外环' : `第 ${i} 个内环（洞）`;
    const crossing = selfIntersection(ring);
    if (crossing) {
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `多边形${name}自相交（在 ${at(crossing)} 附近交叉）：顶点应沿边界依次排列，边不能相互穿越` });
      return; // A crossing ring has no single orientation.
    }
    if (isDegenerate(ring)) {
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `多边形${name}面积为零：顶点都在一条直线上，围不出区域` });
      return;
    }
    const clockwise = isClockwise(ring);
    if (i === 0 && clockwise)
      ctx.addIssue({ code: 'custom', path: [...path, i], message: '多边形外环为顺时针：按 GeoJSON（RFC 7946）外环应为逆时针，请把顶点顺序倒过来（首尾点不变）' });
    if (i > 0 && !clockwise)
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `多边形${name}为逆时针：按 GeoJSON（RFC 7946）内环应为顺时针，请把顶点顺序倒过来（首尾点不变）` });
  });
}
