import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { mapCollections } from '../../../src/lib/collections.ts';
import { districtOverview, simplifyRing, type OverviewCollection } from '../../../src/map/district-overview.ts';
import { GET } from '../../../src/pages/geo/districts-overview.geojson.ts';
import { GET as generalizedGET } from '../../../src/pages/geo/districts-generalized.geojson.ts';
import { GENERALIZED_TOLERANCE } from '../../../src/map/offline-style.ts';

describe('simplifyRing', () => {
  it('drops vertices within the tolerance and keeps the ring closed', () => {
    // A square with a nearly straight run of points along its bottom edge.
    const ring = [[0, 0], [0.25, 0.001], [0.5, -0.001], [0.75, 0.001], [1, 0], [1, 1], [0, 1], [0, 0]];
    const out = simplifyRing(ring, 0.01)!;
    expect(out).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });
  it('gives nothing for a ring smaller than the tolerance', () => {
    expect(simplifyRing([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]], 0.01)).toBeUndefined();
    expect(simplifyRing([[0, 0], [1, 1], [0, 0]], 0.01)).toBeUndefined();
  });
});

describe('/geo/districts-overview.geojson', () => {
  it('every district, small, with name, code and a label point inside its outline', async () => {
    const res = await GET({} as APIContext);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const text = await res.text();
    // The full districts file is some 680 KB; the inset needs a small fraction of it.
    expect(text.length).toBeLessThan(40_000);
    const overview = JSON.parse(text) as OverviewCollection;
    const districts = mapCollections(await getPublishedView()).find((c) => c.name === 'districts')!.features;
    expect(overview.features.map((f) => f.id)).toEqual(districts.map((d) => d.id));
    for (const f of overview.features) {
      expect(f.geometry.coordinates.length, f.properties.name).toBeGreaterThan(0);
      expect(booleanPointInPolygon(f.properties.labelPoint, f.geometry), `${f.properties.name}: label point inside`).toBe(true);
    }
  });
  it('refuses a district without its name, code or label point', () => {
    expect(() => districtOverview([{ type: 'Feature', id: 'x', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { code: '230202' } }])).toThrow(/缺少名称、代码或标注点/);
  });
});

/** Distance in degrees from p to the nearest segment of the rings. */
function distanceToRings(p: readonly number[], rings: readonly (readonly number[])[][]): number {
  let best = Infinity;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1]!, ring[i]!];
      const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
      const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(a[0]! + t * dx - p[0]!, a[1]! + t * dy - p[1]!));
    }
  return best;
}

describe('/geo/districts-generalized.geojson', () => {
  it('every district with a fifth of the vertices at most, none of the full outline farther than the tolerance (plus rounding)', async () => {
    const generalized = JSON.parse(await (await generalizedGET({} as APIContext)).text()) as OverviewCollection;
    expect(generalized.name).toBe('districts-generalized');
    const districts = mapCollections(await getPublishedView()).find((c) => c.name === 'districts')!.features;
    expect(generalized.features.map((f) => f.id)).toEqual(districts.map((d) => d.id));
    const ringsOf = (g: { type: string; coordinates: unknown }) => ((g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][]).flat();
    let [full, kept] = [0, 0];
    for (const [i, d] of districts.entries()) {
      const simplified = ringsOf(generalized.features[i]!.geometry);
      const original = ringsOf(d.geometry as { type: string; coordinates: unknown });
      full += original.reduce((n, r) => n + r.length, 0);
      kept += simplified.reduce((n, r) => n + r.length, 0);
      const worst = Math.max(...original.flat().map((p) => distanceToRings(p, simplified)));
      expect(worst, String(d.properties['title'])).toBeLessThanOrEqual(GENERALIZED_TOLERANCE + 1e-4);
    }
    expect(kept).toBeLessThan(full / 5);
  });
  it('a coarser tolerance keeps fewer vertices (the inset’s 0.01° against the base map’s 0.001°)', async () => {
    const districts = mapCollections(await getPublishedView()).find((c) => c.name === 'districts')!.features;
    const count = (c: OverviewCollection) => c.features.reduce((n, f) => n + f.geometry.coordinates.flat(2).length, 0);
    expect(count(districtOverview(districts))).toBeLessThan(count(districtOverview(districts, GENERALIZED_TOLERANCE, 'districts-generalized')));
  });
});
