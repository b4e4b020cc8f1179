import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, readAreaFile, UploadError } from '../../../src/overlay/upload.ts';
import { zippedShapefile } from '../../lib/shapefile-writer.ts';

// Browsers have DOMParser; under Node the KML reader gets xmldom's.
beforeAll(() => {
  (globalThis as { DOMParser?: unknown }).DOMParser ??= DOMParser;
});

const RING: [number, number][] = [[123.62, 47.2], [123.63, 47.2], [123.63, 47.21], [123.62, 47.21], [123.62, 47.2]];
const file = (name: string, content: string | Uint8Array, size?: number) => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: size ?? bytes.length, arrayBuffer: async () => Uint8Array.from(bytes).buffer as ArrayBuffer };
};
const geojson = (g: object, extra: object = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features: [{ type: 'Feature', properties: {}, geometry: g }] });
const kml = (coords: string) => `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>项目红线</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
const refused = async (f: ReturnType<typeof file>) => {
  const e = await readAreaFile(f).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(UploadError);
  return (e as Error).message;
};

describe('reading the project area from a file', () => {
  it('reads GeoJSON, KML and a zipped shapefile to the same polygon', async () => {
    const a = await readAreaFile(file('a.geojson', geojson({ type: 'Polygon', coordinates: [RING] })));
    expect(a).toEqual({ area: { type: 'Polygon', coordinates: [RING] }, format: 'GeoJSON', polygons: 1 });
    const k = await readAreaFile(file('a.kml', kml(RING.map((p) => p.join(',')).join(' '))));
    expect(k.format).toBe('KML');
    expect(k.area.coordinates).toEqual([RING]);
    const s = await readAreaFile(file('a.zip', zippedShapefile([[RING]])));
    expect(s.format).toBe('Shapefile');
    const ring = (s.area as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring).toHaveLength(5);
    for (const p of RING) expect(ring.some((q) => Math.abs(q[0]! - p[0]) < 1e-9 && Math.abs(q[1]! - p[1]) < 1e-9)).toBe(true);
  });

  it('refuses files over 5 MB, empty, not valid, or without a polygon, with a message', async () => {
    expect(await refused(file('big.geojson', '{}', MAX_UPLOAD_BYTES + 1))).toMatch(/超过 5 MB/);
    expect(await refused(file('empty.kml', ''))).toMatch(/空文件/);
    expect(await refused(file('a.geojson', '{"type": "FeatureCollection", '))).toMatch(/JSON 语法错误/);
    expect(await refused(file('a.kml', '<kml><Document></kml>'))).toMatch(/不是有效的 KML/);
    expect(await refused(file('a.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toMatch(/Shapefile/);
    expect(await refused(file('a.geojson', geojson({ type: 'Point', coordinates: [123.62, 47.2] })))).toMatch(/没有多边形/);
    expect(await refused(file('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe])))).toMatch(/不是 UTF-8/);
  });

  it('refuses GCJ-02 and projected coordinates instead of accepting them silently', async () => {
    expect(await refused(file('a.geojson', geojson({ type: 'Polygon', coordinates: [RING] }, { crs: { type: 'name', properties: { name: 'GCJ-02' } } })))).toMatch(/GCJ-02.*不接受/);
    expect(await refused(file('a.geojson', geojson({ type: 'Polygon', coordinates: [RING] }, { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4529' } } })))).toMatch(/只接受 CGCS2000 或 WGS84/);
    const projected = RING.map(([x, y]) => [41_495_000 + (x - 123.62) * 1e5, 5_268_500 + (y - 47.2) * 1e5]);
    expect(await refused(file('a.zip', zippedShapefile([[projected as [number, number][]]], { prj: null })))).toMatch(/不是经纬度.*缺少 \.prj/);
  });
});
