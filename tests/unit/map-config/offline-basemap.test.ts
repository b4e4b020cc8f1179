/**
 * createOfflineBaseLayer in Node: the DOM bits ol-mapbox-style touches are
 * stubbed (document.baseURI, createElement for the background layer,
 * document.fonts and <head> for its font loader) and fetch answers from the
 * real style and data. Checks the errors, the layers built, that the GeoJSON
 * ends up in the view projection for both matrix sets, the label font, and
 * that no third-party font stylesheet is requested.
 */
import { readFileSync } from 'node:fs';
import Feature from 'ol/Feature.js';
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
import { createOfflineBaseLayer, DEGREE_RESOLUTIONS, projectionOptions } from '../../../src/map/offline-basemap.ts';
import { GET as styleGET } from '../../../src/pages/map/offline-style.json.ts';
import { GET as labelsGET } from '../../../src/pages/geo/district-labels.geojson.ts';

const ORIGIN = 'http://geoportal.test';
let appended: { href: string }[] = [];
let requested: string[] = [];
let files: Record<string, () => Promise<Response>> = {};

beforeEach(async () => {
  appended = [];
  requested = [];
  const style = await (await styleGET({} as APIContext)).text();
  const labels = await (await labelsGET({} as APIContext)).text();
  const districts = JSON.stringify({ type: 'FeatureCollection', features: [] });
  files = {
    '/map/offline-style.json': async () => new Response(style, { headers: { 'content-type': 'application/json' } }),
    '/geo/district-labels.geojson': async () => new Response(labels),
    '/geo/districts.geojson': async () => new Response(districts),
  };
  vi.stubGlobal('document', {
    baseURI: `${ORIGIN}/map/`,
    createElement: () => ({ style: {} }),
    fonts: { ready: Promise.resolve(), load: async () => [] },
    querySelector: () => null,
    head: { appendChild: (el: { href: string }) => appended.push(el) },
  });
  vi.stubGlobal('HTMLElement', class {});
  vi.stubGlobal('location', new URL(`${ORIGIN}/map/`));
  vi.stubGlobal('fetch', async (input: string | Request) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    requested.push(url.href);
    const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
    return file ? file() : new Response('not found', { status: 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The vector layers of the group, with their ol-mapbox-style source ids. */
function vectorLayers(group: LayerGroup) {
  return group
    .getLayers()
    .getArray()
    .filter((l: BaseLayer): l is VectorLayer<VectorSource> => l instanceof VectorLayer)
    .map((layer) => ({ id: layer.get('mapbox-source') as string, layer, source: layer.getSource()! }));
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

describe('projectionOptions', () => {
  it('w: nothing; lon/lat: projection + degree resolutions; others: refused', () => {
    expect(projectionOptions('EPSG:3857')).toEqual({});
    expect(projectionOptions('EPSG:4326')).toEqual({ projection: 'EPSG:4326', resolutions: DEGREE_RESOLUTIONS });
    expect(DEGREE_RESOLUTIONS[0]).toBe(0.703125);
    expect(DEGREE_RESOLUTIONS[17]).toBe(0.703125 / 2 ** 17);
    expect(() => projectionOptions('EPSG:4490')).toThrow(/投影 EPSG:4490 尚未在 OpenLayers 中注册/);
    proj4.defs('EPSG:4547', '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    register(proj4);
    expect(() => projectionOptions('EPSG:4547')).toThrow(/不支持投影 EPSG:4547/);
  });
});

describe('createOfflineBaseLayer', () => {
  it('rejects with a Chinese message when the style is missing, not JSON or not the offline style', async () => {
    await expect(createOfflineBaseLayer('/nowhere.json', 'EPSG:3857')).rejects.toThrow(`示意底图样式无法加载（HTTP 404）：${ORIGIN}/nowhere.json`);
    files['/bad.json'] = async () => new Response('<html>');
    await expect(createOfflineBaseLayer('/bad.json', 'EPSG:3857')).rejects.toThrow('示意底图样式不是有效的 JSON');
    files['/other.json'] = async () => new Response(JSON.stringify({ version: 8, sources: {}, layers: [{ id: 'x', type: 'background' }] }));
    await expect(createOfflineBaseLayer('/other.json', 'EPSG:3857')).rejects.toThrow(/示意底图样式有误：不是本站的示意底图样式/);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createOfflineBaseLayer('/map/offline-style.json', 'EPSG:3857')).rejects.toThrow(/示意底图样式无法加载（网络错误：Failed to fetch）/);
  });

  it('w (EPSG:3857): background + districts + labels; features in 3857; CJK canvas font; no CDN stylesheet', async () => {
    const group = await createOfflineBaseLayer('/map/offline-style.json', 'EPSG:3857');
    expect(group.get('geoportal:offline')).toBe(true);
    expect(group.get('geoportal:label')).toBe('示意底图');
    expect(group.getLayers().getLength()).toBe(3);
    const vectors = vectorLayers(group);
    expect(vectors.map((v) => v.id)).toEqual(['districts', 'district-labels']);
    const labels = vectors[1]!;
    const features = await load(labels.source, 'EPSG:3857', 600);
    expect(features.length).toBeGreaterThan(10);
    const longsha = features.find((f) => f.get('name') === '龙沙区')!;
    const [x, y] = (longsha.getGeometry() as unknown as { getCoordinates(): number[] }).getCoordinates();
    const expected = fromLonLat([123.950929, 47.315233]);
    expect(x).toBeCloseTo(expected[0]!, 3);
    expect(y).toBeCloseTo(expected[1]!, 3);

    const styles = labels.layer.getStyleFunction()!(longsha as Feature, 600) as Style[] | Style;
    const text = (Array.isArray(styles) ? styles : [styles]).map((s) => s.getText()).find(Boolean)!;
    expect(text.getText()).toBe('龙沙区');
    expect(text.getFont()).toMatch(/^normal 400 \d+(\.\d+)?px\/1\.2 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif$/);
    await new Promise((r) => setTimeout(r, 20)); // the font loader runs after document.fonts.ready
    // One <link> per font of the stack (the stub's querySelector finds none), all to the site's empty stylesheet.
    expect(appended.length).toBeGreaterThan(0);
    expect(new Set(appended.map((l) => l.href))).toEqual(new Set(['/map-webfonts.css']));
    expect(requested.every((u) => u.startsWith(ORIGIN))).toBe(true);
  });

  it('c (EPSG:4490 registered with proj4, as the map module does): features stay lon/lat', async () => {
    proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
    register(proj4);
    const group = await createOfflineBaseLayer('/map/offline-style.json', 'EPSG:4490');
    const labels = vectorLayers(group)[1]!;
    const features = await load(labels.source, 'EPSG:4490', 0.005);
    const longsha = features.find((f) => f.get('name') === '龙沙区')!;
    expect((longsha.getGeometry() as unknown as { getCoordinates(): number[] }).getCoordinates()).toEqual([123.950929, 47.315233]);
    // The label is drawn at a Tianditu-like city zoom in degrees, too.
    const styles = labels.layer.getStyleFunction()!(longsha as Feature, DEGREE_RESOLUTIONS[7]!) as Style[] | Style;
    expect((Array.isArray(styles) ? styles : [styles]).some((s) => s.getText()?.getText() === '龙沙区')).toBe(true);
  });

  it('reports a data file that fails to load, once', async () => {
    delete files['/geo/district-labels.geojson'];
    const errors: Error[] = [];
    const group = await createOfflineBaseLayer('/map/offline-style.json', 'EPSG:3857', { onDataError: (e) => errors.push(e) });
    const labels = vectorLayers(group)[1]!;
    await expect(load(labels.source, 'EPSG:3857', 600)).rejects.toThrow();
    expect(errors.map((e) => e.message)).toEqual([`示意底图数据无法加载：${ORIGIN}/geo/district-labels.geojson`]);
  });
});

// Keep the real file's label point in step with the assertions above.
it('fixture check: 龙沙区 label point', () => {
  const d = JSON.parse(readFileSync('data/boundaries/districts.geojson', 'utf8')) as { features: { properties: { name: string; labelPoint: number[] } }[] };
  expect(d.features.find((f) => f.properties.name === '龙沙区')!.properties.labelPoint).toEqual([123.950929, 47.315233]);
});
