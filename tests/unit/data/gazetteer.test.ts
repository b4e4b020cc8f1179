/**
 * The gazetteer through the data layer: the sample file loads, every place in
 * it is one the sample records name and lies where they are, the published
 * view and /geo/gazetteer.geojson carry it with its 示例数据 marks; without
 * the file there are simply no places; a broken file is an error naming it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { loadDataset } from '../../../src/data/load.ts';
import { GET } from '../../../src/pages/geo/gazetteer.geojson.ts';
import { DistrictLocator } from '../../../src/schema/index.ts';
import { fixtureCopies, FIXTURE } from './fixture-copies.ts';

const copies = fixtureCopies('gazetteer');

describe('the sample gazetteer', () => {
  it('loads without a problem, each place in its district', async () => {
    const { dataset, issues } = await loadDataset('data');
    expect(issues.filter((i) => i.file.includes('gazetteer') || i.reason.includes('地名库'))).toEqual([]);
    const places = dataset!.gazetteer!.features;
    expect(places.length).toBeGreaterThanOrEqual(15);
    expect(new Set(places.map((p) => p.properties.kind))).toEqual(new Set(['乡镇', '街道', '村', '地名']));
    const locator = new DistrictLocator(dataset!.boundaries);
    for (const p of places) expect(locator.locate(p.geometry.coordinates as [number, number], p.properties.district), p.properties.name).toBe(p.properties.district);
  });

  it('names only places the sample records name, each marked 示例数据 with its source', async () => {
    const { dataset } = await loadDataset('data');
    const d = dataset!;
    const text = JSON.stringify([d.redSites, d.notices, d.enforcement, d.redRoutes]);
    expect(d.gazetteer!.metadata.sample).toBe(true);
    for (const p of d.gazetteer!.features) {
      expect(text, `${p.properties.name} is named by a record`).toContain(p.properties.name);
      expect(p.properties.sample, p.properties.name).toBe(true);
      expect(p.properties.source, p.properties.name).toMatch(/^示例数据/);
    }
  });

  it('is published at /geo/gazetteer.geojson with its metadata', async () => {
    const res = await GET({} as APIContext);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const body = (await res.json()) as { type: string; name: string; metadata: { sample: boolean }; features: { properties: { name: string } }[] };
    expect(body.type).toBe('FeatureCollection');
    expect(body.name).toBe('gazetteer');
    expect(body.metadata.sample).toBe(true);
    expect(body.features.map((f) => f.properties.name)).toEqual((await getPublishedView()).gazetteer.map((f) => f.properties.name));
    expect(body.features.map((f) => f.properties.name)).toContain('江桥镇');
  });
});

describe('without or with a broken gazetteer', () => {
  it('a data directory without one has no places and no problem', async () => {
    const { dataset, issues } = await loadDataset(FIXTURE);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset!.gazetteer).toBeUndefined();
    const view = await getPublishedView(FIXTURE);
    expect(view.gazetteer).toEqual([]);
    expect(view.gazetteerMetadata).toBeUndefined();
  });

  it('a place outside its district stops the data with the file and field named', async () => {
    const dir = copies.copy((d) =>
      writeFileSync(
        path.join(d, 'boundaries/gazetteer.geojson'),
        JSON.stringify({
          type: 'FeatureCollection',
          metadata: { source: '示例数据', licence: '示例', datum: 'CGCS2000/WGS84', sample: true },
          features: [{ type: 'Feature', id: 'jiangqiao-zhen', properties: { name: '江桥镇', kind: '乡镇', district: '龙沙区', source: '示例数据', sample: true }, geometry: { type: 'Point', coordinates: [123.6835, 46.7845] } }],
        }),
      ),
    );
    const { dataset, issues } = await loadDataset(dir);
    expect(dataset).toBeUndefined();
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toMatch(/boundaries\/gazetteer\.geojson$/);
    expect(errors[0]!.field).toBe('features[0].geometry');
    expect(errors[0]!.reason).toContain('在泰来县内');
  });
});
