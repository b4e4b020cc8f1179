import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { mapCollections } from '../../../src/lib/collections.ts';
import { districtOverview, simplifyRing, type OverviewCollection } from '../../../src/map/district-overview.ts';
import { GET } from '../../../src/pages/geo/districts-overview.geojson.ts';

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
