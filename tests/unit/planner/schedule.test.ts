import { describe, expect, it } from 'vitest';
import { computePlan } from '../../../src/planner/compute.ts';
import { geodesicMetres } from '../../../src/planner/geo.ts';
import { computeLegs, LABEL_ESTIMATE, LABEL_ROAD, planWaypoints } from '../../../src/planner/legs.ts';
import { formatClock } from '../../../src/planner/format.ts';
import type { Plan } from '../../../src/planner/model.ts';
import { legKey, type RouteLegAnswer } from '../../../src/planner/routing-protocol.ts';
import { CALENDAR, plan, SCHOOL, SITES } from './fixtures.ts';

const TODAY = '2026-06-01';

/** Road legs of `metres` each for every leg of the plan (no driving time: the coach's speed bands apply). */
function roadFor(p: Plan, metres: number): Map<string, RouteLegAnswer> {
  const pts = planWaypoints(p, SITES);
  const m = new Map<string, RouteLegAnswer>();
  for (let i = 1; i < pts.length; i++) m.set(legKey('0', pts[i - 1]!.lonLat, pts[i]!.lonLat), { ok: true, distanceM: metres, line: [pts[i - 1]!.lonLat as [number, number], [123.96, 47.35], pts[i]!.lonLat as [number, number]] });
  return m;
}

const THREE: Plan = plan({
  start: { lonLat: SCHOOL, name: '第一中学' },
  stops: [{ siteId: 'qiqihaer-lieshi-lingyuan' }, { siteId: 'qiqihaer-dangshi-jiaoyuguan' }, { siteId: 'zhonggong-nenjiang-shengwei-jiuzhi' }],
  date: '2026-06-17',
  lunch: { from: 690, minutes: 60 },
});

describe('legs', () => {
  it('use the road distance of a routing answer, labelled as such, with its line', () => {
    const legs = computeLegs(planWaypoints(THREE, SITES), 'coach', roadFor(THREE, 3000));
    expect(legs).toHaveLength(4);
    expect(legs[0]).toMatchObject({ distanceM: 3000, minutes: 16, source: 'road', label: LABEL_ROAD });
    expect(legs[0]!.line).toHaveLength(3);
    expect(legs[3]!.to).toMatchObject({ kind: 'end', name: '第一中学' });
  });

  it('estimate a leg without one: geodesic distance × road factor, labelled 直线估算, with the reason it was not routed', () => {
    const pts = planWaypoints(THREE, SITES);
    const road = new Map<string, RouteLegAnswer>([[legKey('0', pts[0]!.lonLat, pts[1]!.lonLat), { ok: false, reason: '天地图 5000 毫秒内没有应答' }]]);
    const [first, second] = computeLegs(pts, 'coach', road);
    expect(first).toMatchObject({ source: 'estimate', label: LABEL_ESTIMATE, reason: '天地图 5000 毫秒内没有应答' });
    expect(first!.distanceM).toBeCloseTo(geodesicMetres(SCHOOL, [123.9385, 47.3465]) * 1.25, 6);
    expect(first!.line).toEqual([SCHOOL, [123.9385, 47.3465]]);
    expect(second).not.toHaveProperty('reason');
    // Walking legs look up walking routes (style 3), never the coach's.
    expect(computeLegs(pts, 'walk', roadFor(THREE, 3000)).every((l) => l.source === 'estimate')).toBe(true);
  });

  it('leave unknown sites out of the route, and end at the start, another point or the last stop', () => {
    const withUnknown = { ...THREE, stops: [{ siteId: 'gone' }, ...THREE.stops] };
    expect(planWaypoints(withUnknown, SITES).map((p) => p.kind)).toEqual(['start', 'stop', 'stop', 'stop', 'end']);
    expect(planWaypoints({ ...THREE, end: 'none' }, SITES).at(-1)!.kind).toBe('stop');
    expect(planWaypoints({ ...THREE, end: { lonLat: [123.9, 47.3] } }, SITES).at(-1)).toMatchObject({ kind: 'end', name: '终点' });
    expect(planWaypoints({ ...THREE, start: null }, SITES).map((p) => p.kind)).toEqual(['stop', 'stop', 'stop']);
  });
});

describe('the timetable', () => {
  it('runs departure → arrival, entry, visit → next stop, with lunch at the first free moment from 11:30, and the return', () => {
    const { schedule } = computePlan(THREE, { sites: SITES, calendar: CALENDAR, today: TODAY, roadLegs: roadFor(THREE, 3000) });
    const rows = schedule.visits.map((v) => [v.site.name, formatClock(v.arrival), formatClock(v.start), formatClock(v.end)]);
    expect(rows).toEqual([
      ['齐齐哈尔市烈士陵园', '8:16', '8:16', '9:16'],
      ['齐齐哈尔市党史教育馆', '9:32', '9:32', '11:02'],
      ['中共嫩江省委旧址', '11:18', '11:18', '11:58'],
    ]);
    expect(schedule.lunch).toEqual({ start: 718, end: 778, place: { kind: 'after', stopIndex: 2, siteName: '中共嫩江省委旧址' } });
    expect(formatClock(schedule.finish)).toBe('13:14');
    expect(schedule.totals).toEqual({ distanceM: 12_000, travelMinutes: 64, visitMinutes: 190, waitMinutes: 0, roadLegs: 4, estimatedLegs: 0 });
  });

  it('waits for the doors when the group is early, and takes lunch on arrival when it arrives after 11:30', () => {
    const early = plan({ start: { lonLat: SCHOOL }, stops: [{ siteId: 'qiqihaer-dangshi-jiaoyuguan', minutes: 30 }], date: '2026-06-17', departure: 480 });
    const v = computePlan(early, { sites: SITES, calendar: CALENDAR, today: TODAY, roadLegs: roadFor(early, 3000) }).schedule.visits[0]!;
    expect([formatClock(v.arrival), formatClock(v.start), v.wait]).toEqual(['8:16', '9:00', 44]);
    const late = { ...early, departure: 680, lunch: { from: 690, minutes: 45 } };
    const s = computePlan(late, { sites: SITES, calendar: CALENDAR, today: TODAY, roadLegs: roadFor(late, 3000) }).schedule;
    expect(s.lunch).toMatchObject({ start: 696, end: 741, place: { kind: 'before', stopIndex: 0 } });
    expect([s.visits[0]!.arrival, s.visits[0]!.ready, s.visits[0]!.start]).toEqual([696, 741, 741]);
    // Leaving at or after 11:30: lunch before setting off.
    const atStart = computePlan({ ...late, departure: 690 }, { sites: SITES, calendar: CALENDAR, today: TODAY, roadLegs: roadFor(late, 3000) }).schedule;
    expect(atStart.lunch).toMatchObject({ start: 690, place: { kind: 'start' } });
  });

  it('waits over a midday closure when the morning’s last entry is missed', () => {
    const p = plan({ start: { lonLat: SCHOOL }, stops: [{ siteId: 'zhongguo-yizhong-zhanlanguan' }], date: '2026-06-17', departure: 11 * 60 + 20 });
    const v = computePlan(p, { sites: SITES, calendar: CALENDAR, today: TODAY, roadLegs: roadFor(p, 3000) }).schedule.visits[0]!;
    expect([formatClock(v.arrival), formatClock(v.start)]).toEqual(['11:36', '13:30']);
  });

  it('does not wait at a closed venue or without a date, and without a start begins at the first stop at the departure time', () => {
    const closed = plan({ stops: [{ siteId: 'qiqihaer-dangshi-jiaoyuguan' }], date: '2026-06-15', departure: 480 });
    const v = computePlan(closed, { sites: SITES, calendar: CALENDAR, today: TODAY }).schedule.visits[0]!;
    expect([v.arrival, v.start, v.wait, v.legIn, v.opening.kind]).toEqual([480, 480, 0, null, 'closed']);
    const undated = computePlan({ ...closed, date: null }, { sites: SITES, calendar: CALENDAR, today: TODAY }).schedule.visits[0]!;
    expect([undated.start, undated.opening.kind]).toEqual([480, 'no-date']);
  });

  it('uses a stop’s own minutes over the site’s suggestion, and counts estimated legs', () => {
    const p = { ...THREE, stops: [{ siteId: 'qiqihaer-lieshi-lingyuan', minutes: 25 }] };
    const { schedule } = computePlan(p, { sites: SITES, calendar: CALENDAR, today: TODAY });
    expect(schedule.visits[0]!.minutes).toBe(25);
    expect(schedule.totals).toMatchObject({ roadLegs: 0, estimatedLegs: 2 });
  });
});
