/**
 * createOfflineBaseLayer in Node: document.baseURI is stubbed and fetch
 * answers from the real labels (the endpoint's own output) and a small
 * districts file. Checks the errors, the layers built, that the GeoJSON ends
 * up in the view projection for both matrix sets, the label font, and that
 * nothing is requested from another origin.
 */
import { readFileSync } from 'node:fs';
import type Feature from 'ol/Feature.js';
import type BaseLayer from 'ol/layer/Base.js';
import type LayerGroup from 'ol/layer/Group.js';
import VectorLayer from 'ol/layer/Vector.js';
import { register } from 'ol/proj/proj4.js';
import { fromLonLat, get as getProjection, type ProjectionLike } from 'ol/proj.js';
import type VectorSource from 'ol/source/Vector.js';
import type Style from 'ol/style/Style.js';
import proj4 from 'proj4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { APIContext } from 'astro';
import { createOfflineBaseLayer, zoomResolutions } from '../../../src/map/offline-basemap.ts';
import { GET as labelsGET } from '../../../src/pages/geo/district-labels.geojson.ts';

const ORIGIN = 'http://geoportal.test';
let requested: string[] = [];
let files: Record<string, () => Promise<Response>> = {};
/** One square district around 龙沙区's label point. */
const DISTRICTS = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: '230202', geometry: { type: 'Polygon', coordinates: [[[123.9, 47.3], [124, 47.3], [124, 47.4], [123.9, 47.3]]] }, properties: { code: '230202', title: '龙沙区' } }],
};

beforeEach(async () => {
  requested = [];
  const labels = await (await labelsGET({} as APIContext)).text();
  files = {
    '/geo/district-labels.geojson': async () => new Response(labels, { headers: { 'content-type': 'application/geo+json' } }),
    '/geo/districts.geojson': async () => new Response(JSON.stringify(DISTRICTS)),
    '/geo/districts-generalized.geojson': async () => new Response(JSON.stringify(DISTRICTS)),
  };
  vi.stubGlobal('document', { baseURI: `${ORIGIN}/map/` });
  vi.stubGlobal('fetch', async (input: string | Request) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    requested.push(url.href);
    const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
    return file ? file() : new Response('not found', { status: 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The group's vector layers: generalized districts, full districts, then labels. */
function parts(group: LayerGroup) {
  const layers = group.getLayers().getArray().filter((l: BaseLayer): l is VectorLayer<VectorSource> => l instanceof VectorLayer);
  return { generalized: layers[0]!, districts: layers[1]!, labels: layers[2]! };
}

/** Loads a vector source as the map would for a view in `projection`. */
async function load(source: VectorSource, projection: ProjectionLike, resolution: number) {
  const proj = getProjection(projection)!;
  await new Promise<void>((resolve, reject) => {
    source.once('featuresloadend', () => resolve());
    source.once('featuresloaderror', () => reject(new Error('load failed')));
    source.loadFeatures(proj.getExtent(), resolution, proj);
  });
  return source.getFeatures();
}

const labelText = (layer: VectorLayer<VectorSource>, f: Feature, resolution: number) => {
  const styles = layer.getStyleFunction()!(f, resolution) as Style[] | Style;
  return (Array.isArray(styles) ? styles : [styles]).map((s) => s.getText()).find(Boolean);
};

describe('zoomResolutions', () => {
  it('w: OpenLayers’ 3857 zoom levels; lon/lat: 360° / 256 at zoom 0', () => {
    expect(zoomResolutions('EPSG:3857')(0)).toBe(156543.03392804097);
    expect(zoomResolutions('EPSG:3857')(12)).toBe(156543.03392804097 / 4096);
    expect(zoomResolutions('EPSG:4326')(1)).toBe(0.703125);
  });
  it('refuses a projection OpenLayers does not know, and one in metres other than 3857', () => {
    expect(() => zoomResolutions('EPSG:4490')).toThrow(/投影 EPSG:4490 尚未在 OpenLayers 中注册/);
    proj4.defs('EPSG:4547', '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    register(proj4);
    expect(() => zoomResolutions('EPSG:4547')).toThrow(/不支持投影 EPSG:4547/);
  });
});

describe('createOfflineBaseLayer', () => {
  it('rejects with a Chinese message when the labels are missing, not JSON, not the 示意底图’s, or unreachable', async () => {
    delete files['/geo/district-labels.geojson'];
    await expect(createOfflineBaseLayer('EPSG:3857')).rejects.toThrow(`示意底图数据无法加载（HTTP 404）：${ORIGIN}/geo/district-labels.geojson`);
    files['/bad.json'] = async () => new Response('<html>');
    await expect(createOfflineBaseLayer('EPSG:3857', { labelsUrl: '/bad.json' })).rejects.toThrow(`示意底图数据不是有效的 JSON：${ORIGIN}/bad.json`);
    files['/other.json'] = async () => new Response(JSON.stringify({ version: 8, sources: {}, layers: [] }));
    await expect(createOfflineBaseLayer('EPSG:3857', { labelsUrl: '/other.json' })).rejects.toThrow(/示意底图数据有误：不是本站的示意底图标注数据/);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createOfflineBaseLayer('EPSG:3857')).rejects.toThrow(/示意底图数据无法加载（网络错误：Failed to fetch）/);
    await expect(createOfflineBaseLayer('EPSG:9999')).rejects.toThrow(/示意底图无法创建：投影 EPSG:9999/);
  });

  it('w (EPSG:3857): a group of districts (with the background) and decluttered labels, in 3857, CJK font, nothing from elsewhere', async () => {
    const group = await createOfflineBaseLayer('EPSG:3857');
    expect(group.get('geoportal:offline')).toBe(true);
    expect(group.get('geoportal:label')).toBe('示意底图');
    expect(group.getLayers().getLength()).toBe(3);
    const { generalized, districts, labels } = parts(group);
    expect(districts.getBackground()).toBe('#f2efe9');
    expect(generalized.getBackground()).toBe('#f2efe9');
    // One of the two polygon layers at every zoom: the generalized up to 9 (inclusive), the full above.
    expect([generalized.getMaxZoom(), districts.getMinZoom()]).toEqual([9, 9]);
    // OpenLayers keeps declutter: true as the group name 'true'.
    expect(labels.getDeclutter()).toBeTruthy();
    expect(districts.getDeclutter()).toBeFalsy();
    const features = labels.getSource()!.getFeatures();
    expect(features.length).toBeGreaterThan(10);
    const longsha = features.find((f) => f.get('name') === '龙沙区')!;
    const [x, y] = (longsha.getGeometry() as unknown as { getCoordinates(): number[] }).getCoordinates();
    const expected = fromLonLat([123.950929, 47.315233]);
    expect(x).toBeCloseTo(expected[0]!, 3);
    expect(y).toBeCloseTo(expected[1]!, 3);
    const text = labelText(labels, longsha, 600)!;
    expect(text.getText()).toBe('龙沙区');
    expect(text.getFont()).toMatch(/^normal 400 \d+(\.\d+)?px\/1\.2 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif$/);

    const polygons = await load(generalized.getSource()!, 'EPSG:3857', 600);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]!.getGeometry()!.getExtent()[0]).toBeCloseTo(fromLonLat([123.9, 47.3])[0]!, 3);
    expect(requested.every((u) => u.startsWith(ORIGIN))).toBe(true);
    // The full polygons are not fetched before they are drawn (zoomed in past 9).
    expect(new Set(requested)).toEqual(new Set([`${ORIGIN}/geo/district-labels.geojson`, `${ORIGIN}/geo/districts-generalized.geojson`]));
    expect(await load(districts.getSource()!, 'EPSG:3857', 100)).toHaveLength(1);
    expect(requested.filter((u) => u === `${ORIGIN}/geo/districts.geojson`)).toHaveLength(1);
  });

  it('c (EPSG:4490 registered with proj4, as the map module does): features stay lon/lat', async () => {
    proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
    register(proj4);
    getProjection('EPSG:4490')!.setExtent([-180, -90, 180, 90]);
    const group = await createOfflineBaseLayer('EPSG:4490');
    const { districts, labels } = parts(group);
    const longsha = labels.getSource()!.getFeatures().find((f) => f.get('name') === '龙沙区')!;
    expect((longsha.getGeometry() as unknown as { getCoordinates(): number[] }).getCoordinates()).toEqual([123.950929, 47.315233]);
    // Labelled at a Tianditu-like city zoom in degrees, 16 px from zoom 12 on.
    expect(labelText(labels, longsha, 1.40625 / 2 ** 12)!.getFont()).toMatch(/^normal 400 16px/);
    const polygons = await load(districts.getSource()!, 'EPSG:4490', 0.005);
    expect(polygons[0]!.getGeometry()!.getExtent()).toEqual([123.9, 47.3, 124, 47.4]);
  });

  it('reports district polygons that fail to load, once, and still draws the labels', async () => {
    delete files['/geo/districts.geojson'];
    const errors: Error[] = [];
    const group = await createOfflineBaseLayer('EPSG:3857', { onDataError: (e) => errors.push(e) });
    const { generalized, districts, labels } = parts(group);
    expect(labels.getSource()!.getFeatures().length).toBeGreaterThan(10);
    expect(await load(generalized.getSource()!, 'EPSG:3857', 600)).toHaveLength(1);
    await expect(load(districts.getSource()!, 'EPSG:3857', 100)).rejects.toThrow();
    await expect(load(districts.getSource()!, 'EPSG:3857', 50)).rejects.toThrow();
    expect(errors.map((e) => e.message)).toEqual([`示意底图数据无法加载（HTTP 404）：${ORIGIN}/geo/districts.geojson`]);
  });

  it('reports generalized polygons that fail to load, and the full ones still load when zoomed in', async () => {
    delete files['/geo/districts-generalized.geojson'];
    const errors: Error[] = [];
    const { generalized, districts } = parts(await createOfflineBaseLayer('EPSG:3857', { onDataError: (e) => errors.push(e) }));
    await expect(load(generalized.getSource()!, 'EPSG:3857', 600)).rejects.toThrow();
    expect(errors.map((e) => e.message)).toEqual([`示意底图数据无法加载（HTTP 404）：${ORIGIN}/geo/districts-generalized.geojson`]);
    expect(await load(districts.getSource()!, 'EPSG:3857', 100)).toHaveLength(1);
  });
});

// Keep the real file's label point in step with the assertions above.
it('fixture check: 龙沙区 label point', () => {
  const d = JSON.parse(readFileSync('data/boundaries/districts.geojson', 'utf8')) as { features: { properties: { name: string; labelPoint: number[] } }[] };
  expect(d.features.find((f) => f.properties.name === '龙沙区')!.properties.labelPoint).toEqual([123.950929, 47.315233]);
});
