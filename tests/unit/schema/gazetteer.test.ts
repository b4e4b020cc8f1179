import { describe, expect, it } from 'vitest';
import {
  boundaryCollection,
  checkGazetteer,
  distanceKm,
  DistrictLocator,
  gazetteerCollection,
  gazetteerFeature,
  redSiteSchema,
  siteSchema,
  validateDataset,
  whereText,
  type GazetteerCollection,
  type PlacedRecord,
} from '../../../src/schema/index.ts';
import { expectIssue, expectIssueAt, FILES, fixture } from './helpers.ts';

const boundaries = boundaryCollection.parse(fixture(FILES.boundaries));
const locator = new DistrictLocator(boundaries);
const locate = (p: [number, number], d: string) => locator.locate(p, d);
const names = new Set(locator.names());

/** 龙沙公园 near the fixture's 龙沙区 label point, as a bureau would write it. */
const park = () => ({
  type: 'Feature',
  id: 'longsha-gongyuan',
  properties: { name: '龙沙公园', kind: '地名', district: '龙沙区', source: '示例数据：示意位置', sample: true },
  geometry: { type: 'Point', coordinates: [123.9455, 47.3296] },
});
const collection = (...features: unknown[]) => ({
  type: 'FeatureCollection',
  metadata: { source: '示例数据', licence: '示例数据，仅用于演示', datum: 'CGCS2000/WGS84', sample: true },
  features,
});
const entry = (...features: unknown[]) => ({ file: 'boundaries/gazetteer.geojson', record: gazetteerCollection.parse(collection(...features)) as GazetteerCollection });
const record = (text: string, vertices: [number, number][], district = '龙沙区'): PlacedRecord => ({ file: 'red/sites/x.yaml', district, text, vertices });

describe('gazetteerCollection', () => {
  it('parses a place with its kind, district, source and sample flag', () => {
    const parsed = gazetteerCollection.parse(collection(park()));
    expect(parsed.features[0]!.properties).toMatchObject({ name: '龙沙公园', kind: '地名', sample: true });
    expect(parsed.metadata.datum).toBe('CGCS2000/WGS84');
  });
  it('rejects an unknown kind, an area instead of a point, a missing source and a foreign datum', () => {
    expectIssue(gazetteerFeature, { ...park(), properties: { ...park().properties, kind: '社区' } }, 'properties.kind', /类别应为 乡镇、街道、村、地名/);
    expectIssueAt(gazetteerFeature, { ...park(), geometry: { type: 'Polygon', coordinates: [[[123.9, 47.3], [124, 47.3], [124, 47.4], [123.9, 47.3]]] } }, 'geometry.type');
    const { source: _, ...unsourced } = park().properties;
    expectIssueAt(gazetteerFeature, { ...park(), properties: unsourced }, 'properties.source');
    expectIssueAt(gazetteerCollection, { ...collection(), metadata: { ...collection().metadata, datum: 'GCJ-02' } }, 'metadata.datum');
  });
});

describe('whereText', () => {
  it('reads name, title, address and location, also nested, and leaves contacts out', () => {
    const text = whereText({ name: '兴十四村村史馆', address: '甘南县兴十四镇', parcels: [{ location: '龙沙区龙沙公园周边' }], contact: { address: '龙江县龙江镇' }, booking: { contact: { unit: '江桥镇' } }, summary: '克山镇' });
    expect(text).toContain('兴十四镇');
    expect(text).toContain('龙沙公园');
    expect(text).not.toContain('龙江镇');
    expect(text).not.toContain('江桥镇');
    expect(text).not.toContain('克山镇');
  });
});

describe('checkGazetteer', () => {
  it('passes a place inside its district with the records that name it nearby', () => {
    expect(checkGazetteer(entry(park()), [record('龙沙区龙沙公园内', [[123.9468, 47.3268]])], locate, names)).toEqual([]);
    expect(distanceKm([123.9455, 47.3296], [123.9468, 47.3268])).toBeLessThan(0.5);
  });
  it('refuses a point outside its district and an unknown district', () => {
    const moved = { ...park(), geometry: { type: 'Point', coordinates: [123.4, 46.39] } };
    const [outside] = checkGazetteer(entry(moved), [], locate, names);
    expect(outside).toMatchObject({ field: 'features[0].geometry', severity: 'error' });
    expect(outside!.reason).toMatch(/在泰来县内，不在所填行政区“龙沙区”内/);
    const [unknown] = checkGazetteer(entry({ ...park(), properties: { ...park().properties, district: '龙沙县' } }), [], locate, names);
    expect(unknown).toMatchObject({ field: 'features[0].properties.district', severity: 'error' });
  });
  it('warns on a record that names the place but lies beyond its radius; other districts’ records and unnamed ones do not count', () => {
    const far: [number, number][] = [[123.9, 47.22]];
    const issues = checkGazetteer(entry(park()), [record('龙沙区龙沙公园周边', far), record('建华区某路', far), record('龙沙公园', far, '建华区')], locate, names);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'red/sites/x.yaml', field: 'geometry', severity: 'warning' });
    expect(issues[0]!.reason).toMatch(/约 \d+\.\d 公里（超出 2 公里）/);
    // A radius of its own widens the reach.
    expect(checkGazetteer(entry({ ...park(), properties: { ...park().properties, radiusKm: 15 } }), [record('龙沙公园', far)], locate, names)).toEqual([]);
  });
  it('refuses the same name twice in one district, and a repeated id', () => {
    const issues = checkGazetteer(entry(park(), park()), [], locate, names);
    expect(issues.map((i) => i.field).sort()).toEqual(['features[1].id', 'features[1].properties.name']);
  });
  it('runs inside validateDataset when there is a gazetteer', () => {
    const site = redSiteSchema.parse(fixture(FILES.redSite));
    const base = { site: { file: 'site.yaml', record: siteSchema.parse(fixture(FILES.site)) }, boundaries: { file: 'boundaries/districts.geojson', record: boundaries }, redRoutes: [], notices: [], enforcement: [] };
    const named = { ...site, address: '龙沙区龙沙公园', location: { type: 'Point' as const, coordinates: [123.9, 47.22] as [number, number] } };
    expect(validateDataset({ ...base, redSites: [{ file: 'red/sites/a.yaml', record: named }] }).filter((i) => i.file === 'red/sites/a.yaml')).toEqual([]);
    const issues = validateDataset({ ...base, redSites: [{ file: 'red/sites/a.yaml', record: named }], gazetteer: entry(park()) });
    expect(issues.filter((i) => i.file === 'red/sites/a.yaml').map((i) => i.severity)).toEqual(['warning']);
  });
});
