/**
 * The GPX, KML and GeoJSON exports, read back with maintained parsers:
 * saxes (a conformant XML 1.0 parser: xmldom forgives a bare & or a control
 * character) for well-formedness, then @xmldom/xmldom and @tmcw/togeojson
 * for what a map application reads.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../../src/planner/compute.ts';
import { exportFileName, toGeoJson, toGpx, toKml } from '../../../src/planner/export.ts';
import { itinerary, planInstant } from '../../../src/planner/itinerary.ts';
import { planWaypoints } from '../../../src/planner/legs.ts';
import type { Plan } from '../../../src/planner/model.ts';
import { legKey, type RouteLegAnswer } from '../../../src/planner/routing-protocol.ts';
import { escapeXml } from '../../../src/planner/xml.ts';
import { CALENDAR, FIELDS, plan, SCHOOL, sitesOf } from './fixtures.ts';

// A name with every XML special, a control character and an emoji: the file must stay well-formed and keep the text.
const TRICKY = '红色<教育>&"基地"\'s\u0007 🚩';
const SITES = sitesOf([...FIELDS, { ...FIELDS[0]!, id: 'tricky', name: TRICKY, lonLat: [123.91, 47.33] }]);
const P: Plan = plan({
  start: { lonLat: SCHOOL, name: '第一中学 <本部>' },
  stops: [{ siteId: 'qiqihaer-lieshi-lingyuan' }, { siteId: 'tricky', minutes: 30 }, { siteId: 'qiqihaer-dangshi-jiaoyuguan' }],
  date: '2026-06-17',
  lunch: { from: 690, minutes: 60 },
  groupSize: 10,
});
const pts = planWaypoints(P, SITES);
// The second leg has a road line of three points.
const ROAD = new Map<string, RouteLegAnswer>([[legKey('0', pts[1]!.lonLat, pts[2]!.lonLat), { ok: true, distanceM: 2500, line: [[123.9385, 47.3465], [123.925, 47.34], [123.91, 47.33]] }]]);
const IT = itinerary(P, computePlan(P, { sites: SITES, calendar: CALENDAR, today: '2026-06-01', roadLegs: ROAD }));

/** Parses a well-formed document; throws with the first well-formedness error otherwise. */
function parseXml(text: string) {
  const sax = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  sax.on('error', (e) => errors.push(e.message));
  sax.write(text).close();
  if (errors.length) throw new Error(`not well-formed: ${errors[0]}`);
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
}

describe('escaping', () => {
  it('escapes the five specials and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(TRICKY)).toBe('红色&lt;教育&gt;&amp;&quot;基地&quot;&apos;s 🚩');
    expect(escapeXml('a\ud800b\udc00c\ufffe')).toBe('abc');
  });
  it('leaves plain Chinese text alone', () => {
    expect(escapeXml('齐齐哈尔市烈士陵园')).toBe('齐齐哈尔市烈士陵园');
  });
});

describe('GPX', () => {
  const doc = parseXml(toGpx(IT, { creator: '齐齐哈尔市自然资源和规划局' }));
  const fc = gpx(doc as unknown as Document);

  it('is a well-formed GPX 1.1 document that togeojson reads: waypoints with Chinese names and times, a route and a track', () => {
    expect(doc.documentElement!.getAttribute('version')).toBe('1.1');
    expect(doc.documentElement!.getAttribute('creator')).toBe('齐齐哈尔市自然资源和规划局');
    const points = fc.features.filter((f) => f.geometry?.type === 'Point');
    expect(points.map((f) => f.properties!['name'])).toEqual(['出发：第一中学 <本部>', '1. 齐齐哈尔市烈士陵园', `2. ${TRICKY.replace('\u0007', '')}`, '3. 齐齐哈尔市党史教育馆', '终点：第一中学 <本部>']);
    expect(points[1]!.geometry).toEqual({ type: 'Point', coordinates: [123.9385, 47.3465] });
    expect(points[1]!.properties!['time']).toBe(planInstant('2026-06-17', IT.points[1]!.arrival!));
    expect(points[1]!.properties!['desc']).toMatch(/到达，参观 1 小时，\d+:\d\d 离开$/);
    const lines = fc.features.filter((f) => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString');
    expect(lines).toHaveLength(2); // the route through the points, and the track of the legs
    const track = lines.find((f) => f.geometry!.type === 'MultiLineString')!;
    expect((track.geometry as { coordinates: number[][][] }).coordinates.map((seg) => seg.length)).toEqual([2, 3, 2, 2]);
  });

  it('writes times as UTC instants of the plan day in Asia/Shanghai', () => {
    expect(planInstant('2026-06-17', 8 * 60 + 16)).toBe('2026-06-17T00:16:00Z');
    expect(planInstant('2026-06-17', 5 * 60)).toBe('2026-06-16T21:00:00Z');
  });

  it('has no times without a date, and the parser refuses a broken file (the test can fail)', () => {
    const undated = itinerary({ ...P, date: null }, computePlan({ ...P, date: null }, { sites: SITES, calendar: CALENDAR, today: '2026-06-01' }));
    expect(toGpx(undated)).not.toContain('<time>');
    expect(() => parseXml(toGpx(IT).replace('&amp;', '&'))).toThrow(/not well-formed/);
    expect(() => parseXml(toGpx(IT).replace('第一中学', '第一\u0007中学'))).toThrow(/disallowed character/);
  });
});

describe('KML', () => {
  const text = toKml(IT, { creator: '齐齐哈尔市自然资源和规划局' });
  const fc = kml(parseXml(text) as unknown as Document);

  it('is well-formed KML 2.2 with placemarks for the points (with times) and one line per leg', () => {
    expect(text).toContain('<kml xmlns="http://www.opengis.net/kml/2.2"');
    const points = fc.features.filter((f) => f.geometry?.type === 'Point');
    const legs = fc.features.filter((f) => f.geometry?.type === 'LineString');
    expect(points.map((f) => f.properties!['name'])).toEqual(IT.points.map((p) => (p.kind === 'stop' ? `${p.number}. ${p.name}` : p.kind === 'start' ? `出发：${p.name}` : `终点：${p.name}`).replace('\u0007', '')));
    expect(points[2]!.properties!['timestamp']).toBe(planInstant('2026-06-17', IT.points[2]!.arrival!));
    expect(legs).toHaveLength(4);
    expect(legs[1]!.properties!['name']).toBe(`第 2 段：齐齐哈尔市烈士陵园 → ${TRICKY.replace('\u0007', '')}`);
    expect(legs[1]!.properties!['description']).toBe('2.5 公里，约 15 分钟，道路距离（天地图）');
    expect(legs[0]!.properties!['description']).toMatch(/，直线估算$/);
    expect((legs[1]!.geometry as { coordinates: number[][] }).coordinates).toEqual([[123.9385, 47.3465], [123.925, 47.34], [123.91, 47.33]]);
  });

  it('fails to parse when a special is left unescaped', () => {
    expect(() => parseXml(text.replace('&lt;', '<'))).toThrow(/not well-formed/);
  });
});

describe('GeoJSON', () => {
  const fc = JSON.parse(toGeoJson(IT)) as { type: string; features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] };

  it('is an RFC 7946 FeatureCollection: points with times and names, legs with distance, minutes and source', () => {
    expect(fc.type).toBe('FeatureCollection');
    const stop = fc.features.find((f) => f.properties['siteId'] === 'tricky')!;
    expect(stop.properties).toMatchObject({ kind: 'stop', number: 2, name: TRICKY });
    expect(stop.properties['arrival']).toMatch(/^\d\d:\d\d$/);
    const legs = fc.features.filter((f) => f.properties['kind'] === 'leg');
    expect(legs.map((l) => l.properties['source'])).toEqual(['estimate', 'road', 'estimate', 'estimate']);
    expect(legs[1]!.properties).toMatchObject({ distanceM: 2500, label: '道路距离（天地图）' });
    for (const f of fc.features) expect(JSON.stringify(f.geometry.coordinates)).not.toMatch(/\.\d{7,}/);
  });

  it('names the files by date', () => {
    expect(exportFileName(IT, 'gpx')).toBe('研学行程-2026-06-17.gpx');
    expect(exportFileName({ ...IT, date: null }, 'kml')).toBe('研学行程.kml');
  });
});
