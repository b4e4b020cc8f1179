import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { mapCollections } from '../../../src/lib/collections.ts';
import { districtLabels, type LabelCollection } from '../../../src/map/offline-style.ts';
import { GET } from '../../../src/pages/geo/district-labels.geojson.ts';

describe('/geo/district-labels.geojson', () => {
  it('one Point per district of /geo/districts.geojson, at its labelPoint, named after it, with its tint', async () => {
    const res = await GET({} as APIContext);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const labels = (await res.json()) as LabelCollection;
    const districts = mapCollections(await getPublishedView()).find((c) => c.name === 'districts')!.features;
    expect(labels.type).toBe('FeatureCollection');
    expect(labels.features.length).toBeGreaterThan(10);
    expect(labels.features.map((f) => f.id)).toEqual(districts.map((d) => d.id));
    labels.features.forEach((label, i) => {
      const d = districts[i]!;
      expect(label.geometry).toEqual({ type: 'Point', coordinates: d.properties['labelPoint'] });
      expect(label.properties).toEqual({ name: d.properties['title'], code: d.properties['code'], tint: expect.any(Number) });
      expect(booleanPointInPolygon(label.geometry.coordinates, d.geometry as never), `${label.properties.name}: label inside the district`).toBe(true);
    });
  });

  it('refuses a district without a label point', () => {
    expect(() => districtLabels([{ type: 'Feature', id: '230202', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { title: '龙沙区', code: '230202' } }])).toThrow(
      /行政区 230202 缺少名称、代码或标注点/,
    );
  });
});
