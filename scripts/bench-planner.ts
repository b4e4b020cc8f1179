/**
 * npm run bench:planner: how long the trip planner's logic takes on a
 * 20-stop plan (issue 12's figures): a full recompute (legs, timetable,
 * warnings; target ≤ 5 ms), the same with road legs from a routing answer,
 * reading and writing the plan's URL, the three exports, and "optimise
 * order" for 20 stops. Prints figures; asserts nothing (tests assert
 * behaviour, never timings). The calendar is the browser's, built from the
 * published holiday document, as on the planner page.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { WorkingDayCalendar } from '../src/lib/workdays.ts';
import { calendarFromDocument, holidayCalendarDocument } from '../src/planner/calendar.ts';
import { computePlan } from '../src/planner/compute.ts';
import { toGeoJson, toGpx, toKml } from '../src/planner/export.ts';
import { itinerary } from '../src/planner/itinerary.ts';
import { planWaypoints } from '../src/planner/legs.ts';
import { DEFAULT_PLAN, type Plan } from '../src/planner/model.ts';
import { optimiseOrder } from '../src/planner/optimise.ts';
import { legKey, type RouteLegAnswer } from '../src/planner/routing-protocol.ts';
import { plannerSites } from '../src/planner/site.ts';
import { formatPlanQuery, parsePlanQuery } from '../src/planner/url.ts';
import type { LonLat } from '../src/planner/types.ts';

const STOPS = 20;
// Venues scattered over the city (deterministic), each with booking rules and opening hours to check.
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const { sites } = plannerSites(
  Array.from({ length: STOPS }, (_, i) => ({
    id: `site-${i + 1}`,
    name: `示例地点${i + 1}`,
    lonLat: [123.6 + rnd() * 0.6, 47.1 + rnd() * 0.4] as LonLat,
    hours: 'Tu-Su 08:00-11:30,13:00-18:00; Mo off; PH 09:00-16:00',
    // Winter hours and a closure, as the red-site records have them (plannerSiteFromRedSite).
    seasons: [{ from: '11-01', to: '03-31', hours: 'Tu-Su 09:00-16:00; Mo off' }],
    lastEntryMinutesBeforeClose: 30,
    closedDates: [{ from: '2026-07-01', to: '2026-07-03', reason: '闭馆维护' }],
    visitMinutes: 15,
    booking: { required: i % 3 === 0, leadWorkingDays: (i % 4) + 1, groups: [{ minSize: 30, leadWorkingDays: (i % 4) + 1 }], phone: '0452-0000000' },
    groupCapacity: 40,
  })),
);
const plan: Plan = {
  ...DEFAULT_PLAN,
  start: { lonLat: [123.95, 47.34], name: '示例中学' },
  stops: [...sites.keys()].map((siteId) => ({ siteId })),
  date: '2026-06-17',
  departure: 7 * 60,
  lunch: { from: 11 * 60 + 30, minutes: 60 },
  groupSize: 45,
  returnBy: 18 * 60,
};
const calendar = calendarFromDocument(holidayCalendarDocument(new WorkingDayCalendar(), 2025, 2026));
const ctx = { sites, calendar, today: '2026-06-01' };

// Road legs as the routing client would hold them: every leg, with a 40-point line.
const points = planWaypoints(plan, sites);
const roadLegs = new Map<string, RouteLegAnswer>();
for (let i = 1; i < points.length; i++) {
  const [a, b] = [points[i - 1]!.lonLat, points[i]!.lonLat];
  const line = Array.from({ length: 40 }, (_, k): [number, number] => [a[0] + ((b[0] - a[0]) * k) / 39, a[1] + ((b[1] - a[1]) * k) / 39]);
  roadLegs.set(legKey('0', a, b), { ok: true, distanceM: 5000 + i * 100, durationS: 600, line });
}

function time(label: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < Math.min(50, runs); i++) fn(); // warm up the JIT
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((x, y) => x - y);
  const at = (q: number) => t[Math.min(t.length - 1, Math.floor(q * t.length))]!;
  console.log(`${label.padEnd(44)} median ${at(0.5).toFixed(3)} ms   p95 ${at(0.95).toFixed(3)} ms   max ${at(1).toFixed(3)} ms   (${runs} runs)`);
}

const once = computePlan(plan, { ...ctx, roadLegs });
console.log(`planner bench: ${STOPS} stops, ${once.legs.length} legs, ${once.warnings.length} warnings, Node ${process.version}`);
// The maxima are preemption on a shared machine when the load exceeds the cores; the medians are the figures.
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
time('recompute, 直线估算 (target ≤ 5 ms)', 2000, () => computePlan(plan, ctx));
time('recompute, road legs', 2000, () => computePlan(plan, { ...ctx, roadLegs }));
const query = formatPlanQuery(plan);
time(`URL read + write (${query.length} characters)`, 2000, () => formatPlanQuery(parsePlanQuery(query, { knownSite: (id) => sites.has(id) }).plan));
const it = itinerary(plan, once);
time('exports: GPX + KML + GeoJSON', 500, () => [toGpx(it), toKml(it), toGeoJson(it)]);
// Shuffle the stops so the optimiser has work to do.
const shuffled: Plan = { ...plan, stops: [...plan.stops].sort(() => rnd() - 0.5) };
const o = optimiseOrder(shuffled, sites);
time('optimise order, 20 stops', 500, () => optimiseOrder(shuffled, sites));
console.log(`optimise order: ${(o.before / 1000).toFixed(1)} km → ${(o.after / 1000).toFixed(1)} km straight-line`);
