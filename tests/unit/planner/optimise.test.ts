import { describe, expect, it } from 'vitest';
import { geodesicMetres } from '../../../src/planner/geo.ts';
import type { Plan } from '../../../src/planner/model.ts';
import { optimiseOrder } from '../../../src/planner/optimise.ts';
import type { LonLat, PlannerSite } from '../../../src/planner/types.ts';
import { gridSites, plan, SCHOOL, sitesOf } from './fixtures.ts';

const GRID = sitesOf(gridSites(20));

function tourLength(p: Plan, sites: ReadonlyMap<string, PlannerSite>): number {
  const pts: LonLat[] = [...(p.start ? [p.start.lonLat] : []), ...p.stops.map((s) => sites.get(s.siteId)!.lonLat)];
  if (p.end === 'start' && p.start) pts.push(p.start.lonLat);
  else if (typeof p.end === 'object') pts.push(p.end.lonLat);
  let m = 0;
  for (let i = 1; i < pts.length; i++) m += geodesicMetres(pts[i - 1]!, pts[i]!);
  return m;
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('optimise order', () => {
  it('finds the best order of 7 stops of a round trip (checked against every permutation)', () => {
    const ids = ['site-3', 'site-17', 'site-8', 'site-12', 'site-1', 'site-20', 'site-6'];
    const p = plan({ start: { lonLat: SCHOOL }, stops: ids.map((siteId) => ({ siteId })) });
    const best = Math.min(...permutations(ids).map((o) => tourLength({ ...p, stops: o.map((siteId) => ({ siteId })) }, GRID)));
    const r = optimiseOrder(p, GRID);
    expect(r.after).toBeCloseTo(best, 3);
    expect(tourLength(r.plan, GRID)).toBeCloseTo(r.after, 3);
    expect(r.before).toBeCloseTo(tourLength(p, GRID), 3);
    expect(r.plan.stops.map((s) => s.siteId).sort()).toEqual([...ids].sort());
  });

  it('shortens a shuffled 20-stop day a lot, keeps each stop’s own minutes, and is never worse than the order given', () => {
    const shuffled = [...GRID.keys()].sort((a, b) => ((a.length * 7 + a.charCodeAt(a.length - 1) * 13) % 17) - ((b.length * 7 + b.charCodeAt(b.length - 1) * 13) % 17));
    const p = plan({ start: { lonLat: SCHOOL }, stops: shuffled.map((siteId, i) => (i === 4 ? { siteId, minutes: 77 } : { siteId })) });
    const r = optimiseOrder(p, GRID);
    expect(r.after).toBeLessThan(r.before * 0.7);
    expect(r.plan.stops.find((s) => s.siteId === shuffled[4])).toEqual({ siteId: shuffled[4], minutes: 77 });
    const again = optimiseOrder(r.plan, GRID);
    expect(again.plan).toBe(r.plan);
    expect(again.after).toBeCloseTo(r.after, 6);
  });

  it('keeps the fixed ends: an end point, an open end, no start (the first stop stays first)', () => {
    const ids = ['site-1', 'site-20', 'site-5', 'site-16'];
    const far: LonLat = [124.2, 47.5];
    const toFar = optimiseOrder(plan({ start: { lonLat: SCHOOL }, end: { lonLat: far }, stops: ids.map((siteId) => ({ siteId })) }), GRID);
    const last = GRID.get(toFar.plan.stops.at(-1)!.siteId)!.lonLat;
    expect(Math.min(...ids.map((id) => geodesicMetres(GRID.get(id)!.lonLat, far)))).toBeCloseTo(geodesicMetres(last, far), 3);
    const noStart = optimiseOrder(plan({ start: null, end: 'none', stops: ['site-20', 'site-1', 'site-19', 'site-2'].map((siteId) => ({ siteId })) }), GRID);
    expect(noStart.plan.stops[0]!.siteId).toBe('site-20');
    expect(noStart.after).toBeLessThanOrEqual(noStart.before);
  });

  it('leaves plans it cannot improve alone: fewer than two movable stops, or unknown sites kept at the end for the warning', () => {
    const single = plan({ start: { lonLat: SCHOOL }, stops: [{ siteId: 'site-1' }] });
    expect(optimiseOrder(single, GRID).plan).toBe(single);
    const withUnknown = plan({ start: { lonLat: SCHOOL }, stops: [{ siteId: 'site-20' }, { siteId: 'gone' }, { siteId: 'site-1' }, { siteId: 'site-19' }] });
    const r = optimiseOrder(withUnknown, GRID);
    expect(r.plan.stops.at(-1)).toEqual({ siteId: 'gone' });
    expect(r.plan.stops).toHaveLength(4);
  });
});
