/** src/lib/route-legs.ts, route-sketch.ts, red-route.ts: legs 直线估算, the timetable, the print sketch and the GeoJSON twin. */
import { describe, expect, it } from 'vitest';
import { TRAVEL_MODES, clock, estimateLegs, kmText, minutesText, nearest, timetable } from '../../../src/lib/route-legs.ts';
import { labelOffsets, roundDown125, routeSketch } from '../../../src/lib/route-sketch.ts';
import { routeFeatureCollection, routePlan } from '../../../src/lib/red-route.ts';
import { geodesicLength } from '../../../src/map/geodesy.ts';
import { redRouteSchema, redSiteSchema } from '../../../src/schema/red.ts';
import { FILES, fixture } from '../schema/helpers.ts';

// 齐齐哈尔 (龙沙) to 泰来: about 105 km apart in a straight line.
const A: [number, number] = [123.950929, 47.315233];
const B: [number, number] = [123.409757, 46.391662];

describe('legs', () => {
  it('are the geodesic times the road factor, timed at the mode’s speed, rounded up to 5 minutes', () => {
    const [leg] = estimateLegs([A, B], '包车');
    const straight = geodesicLength([A, B]);
    expect(leg!.straightMetres).toBeCloseTo(straight, 6);
    expect(leg!.metres).toBeCloseTo(straight * TRAVEL_MODES.包车.roadFactor, 6);
    expect(leg!.minutes % 5).toBe(0);
    expect(leg!.minutes).toBe(Math.ceil((leg!.metres / 1000 / TRAVEL_MODES.包车.kmh) * 12) * 5);
    // Walking the same line takes far longer than driving it.
    expect(estimateLegs([A, B], '步行')[0]!.minutes).toBeGreaterThan(estimateLegs([A, B], '自驾')[0]!.minutes * 10);
  });
  it('never gives a leg of zero minutes', () => {
    expect(estimateLegs([A, A], '步行')[0]!.minutes).toBe(5);
  });
});

describe('timetable', () => {
  it('runs from the start time through dwell and legs', () => {
    const t = timetable([{ point: A, dwellMinutes: 90 }, { point: B, dwellMinutes: 60 }], '包车', '09:00');
    const leg = t.legs[1]!.minutes;
    expect(t.stops[0]).toEqual({ day: 1, arrive: 540, depart: 630 });
    expect(t.stops[1]).toEqual({ day: 1, arrive: 630 + leg, depart: 690 + leg });
    expect(t.travelMinutes).toBe(leg);
    expect(t.visitMinutes).toBe(150);
  });
  it('starts a second day at the start time; the morning leg counts in distance, not on the clock', () => {
    const t = timetable([{ point: A, dwellMinutes: 90 }, { point: B, dwellMinutes: 60, day: 2 }], '包车', '09:00');
    expect(t.stops[1]).toEqual({ day: 2, arrive: 540, depart: 600 });
    expect(t.legs[1]).toBeUndefined();
    expect(t.travelMinutes).toBe(0);
    expect(t.totalMetres).toBeGreaterThan(100_000);
    expect(t.days).toBe(2);
  });
  it('formats clocks, distances and durations', () => {
    expect([clock(510), clock(1505)]).toEqual(['8:30', '25:05']);
    expect([kmText(850), kmText(12_345), kmText(145_600)]).toEqual(['850 米', '12.3 公里', '146 公里']);
    expect([minutesText(40), minutesText(60), minutesText(85)]).toEqual(['40 分钟', '1 小时', '1 小时 25 分钟']);
  });
  it('finds the nearest sites, nearest first, never the site itself', () => {
    const at = (id: string, c: [number, number]) => ({ id, location: { coordinates: c } });
    const here = at('a', A);
    expect(nearest(here, [here, at('far', B), at('near', [123.96, 47.32])], 5).map((n) => n.site.id)).toEqual(['near', 'far']);
    expect(nearest(here, [here], 5)).toEqual([]);
  });
});

describe('route sketch', () => {
  it('keeps proportions and puts a round scale bar', () => {
    const s = routeSketch([A, B], ['甲', '乙']);
    expect(s.stops.map((p) => p.n)).toEqual([1, 2]);
    expect(s.path.startsWith('M')).toBe(true);
    for (const p of s.stops) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(s.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(s.height);
    }
    // North is up: the southern stop is lower on the sheet.
    expect(s.stops[1]!.y).toBeGreaterThan(s.stops[0]!.y);
    expect(s.scale.label).toMatch(/^(1|2|5|10|20|50) 公里$/);
    expect([roundDown125(7), roundDown125(0.3), roundDown125(1999)]).toEqual([5, 0.2, 1000]);
  });
  it('moves a name that would cover another', () => {
    expect(labelOffsets([{ x: 100, y: 100 }, { x: 102, y: 103 }], ['江桥抗战纪念地', '嫩江铁路桥'])).toEqual([0, 16]);
    expect(labelOffsets([{ x: 100, y: 100 }, { x: 100, y: 300 }], ['甲', '乙'])).toEqual([0, 0]);
  });
});

describe('route GeoJSON', () => {
  it('is the line, then each stop in order with its times and leg', () => {
    const sites = [redSiteSchema.parse(fixture(FILES.redSite)), redSiteSchema.parse(fixture(FILES.redSite2))];
    const fc = routeFeatureCollection(routePlan(redRouteSchema.parse(fixture(FILES.redRoute)), sites));
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Point', 'Point']);
    expect(fc.features[0]!.geometry).toEqual({ type: 'LineString', coordinates: sites.map((s) => s.location.coordinates) });
    expect(fc.features[0]!.properties).toMatchObject({ kind: 'route', route: 'jiangqiao-day', estimate: '直线估算', roadFactor: 1.3 });
    expect(fc.features[1]!.properties).toMatchObject({ order: 1, site: 'longsha-memorial', arrive: '9:00', depart: '10:30', legMetres: null });
    expect(fc.features[2]!.properties['legMetres']).toBeGreaterThan(100_000);
  });
});
