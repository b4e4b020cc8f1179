/**
 * The districts drawn small: /geo/districts-overview.geojson, the outlines
 * the locator inset of embedded maps draws (./inset.ts) and the label points
 * the gazetteer layer keeps clear (./gazetteer-layer.ts); and, less
 * simplified, /geo/districts-generalized.geojson, the 示意底图's polygons at
 * city-wide zooms (./offline-style.ts). The full
 * /geo/districts.geojson is about 680 KB; an inset some 130 px wide needs a
 * tiny fraction of that, with Tianditu as well as without.
 *
 * Each ring is simplified with Douglas–Peucker at `tolerance` degrees
 * (default 0.01°, about 1 km; the inset draws some 0.03° per pixel, so
 * neighbours simplified apart differ by a third of a pixel at most), then
 * rounded to 1e-4° and repeats dropped. Rings that collapse to fewer than
 * four points are dropped.
 *
 * Pure: used at build time by the endpoint.
 */
import type { Feature } from '../lib/geojson.ts';

type Ring = [number, number][];
export type OverviewFeature = {
  type: 'Feature';
  id: string;
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] };
  properties: { name: string; code: string; labelPoint: [number, number] };
};
export type OverviewCollection = { type: 'FeatureCollection'; name: 'districts-overview' | 'districts-generalized'; features: OverviewFeature[] };

/** Squared distance of p from the segment a–b. */
function segmentDistance2(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy)));
  const [x, y] = [a[0]! + t * dx - p[0]!, a[1]! + t * dy - p[1]!];
  return x * x + y * y;
}

/** Douglas–Peucker on a line (no recursion: rings have thousands of vertices): the indices kept. */
function keptIndices(line: readonly (readonly number[])[], tolerance: number): boolean[] {
  const keep = line.map((_, i) => i === 0 || i === line.length - 1);
  const stack: [number, number][] = [[0, line.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let at = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(line[i]!, line[first]!, line[last]!);
      if (d > worst) [worst, at] = [d, i];
    }
    if (at >= 0 && worst > t2) {
      keep[at] = true;
      stack.push([first, at], [at, last]);
    }
  }
  return keep;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** A closed ring simplified, rounded and without repeats; undefined when it collapses below a triangle. */
export function simplifyRing(ring: readonly (readonly number[])[], tolerance: number): Ring | undefined {
  if (ring.length < 4) return undefined;
  // A closed ring's ends coincide, so Douglas–Peucker is run on its two halves, split at the middle vertex.
  const mid = Math.floor(ring.length / 2);
  const a = keptIndices(ring.slice(0, mid + 1), tolerance);
  const b = keptIndices(ring.slice(mid), tolerance);
  const keep = [...a.slice(0, mid), ...b];
  const out: Ring = [];
  ring.forEach((p, i) => {
    if (!keep[i]) return;
    const q: [number, number] = [round4(p[0]!), round4(p[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  });
  return out.length >= 4 ? out : undefined;
}

/**
 * The districts collection (src/lib/collections.ts) with simplified outlines, names, codes and label points:
 * for the inset (the default) or, finer, for the 示意底图 at city-wide zooms (src/map/offline-style.ts).
 */
export function districtOverview(districts: readonly Feature[], tolerance = 0.01, name: OverviewCollection['name'] = 'districts-overview'): OverviewCollection {
  return {
    type: 'FeatureCollection',
    name,
    features: districts.map((f) => {
      const { title, code, labelPoint } = f.properties;
      if (typeof title !== 'string' || typeof code !== 'string' || !Array.isArray(labelPoint)) throw new Error(`行政区 ${String(f.id)} 缺少名称、代码或标注点`);
      const g = f.geometry as { type: string; coordinates: unknown };
      const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []) as number[][][][];
      const coordinates = polygons.flatMap((rings) => {
        const [outer, ...holes] = rings.map((r) => simplifyRing(r, tolerance));
        // A polygon whose outer ring collapsed is smaller than the tolerance: nothing to draw.
        return outer ? [[outer, ...holes.filter((h): h is Ring => h !== undefined)]] : [];
      });
      return { type: 'Feature', id: code, geometry: { type: 'MultiPolygon', coordinates }, properties: { name: title, code, labelPoint: labelPoint as [number, number] } };
    }),
  };
}
