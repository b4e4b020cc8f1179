import { describe, expect, it } from 'vitest';
import { planFromRoute } from '../../../src/planner/from-route.ts';
import { DEFAULT_PLAN } from '../../../src/planner/model.ts';
import { formatPlanQuery } from '../../../src/planner/url.ts';

describe('a route as the start of a plan', () => {
  it('keeps its stops in order with their dwell times, its mode and its start time', () => {
    const plan = planFromRoute({ stops: [{ site: 'a', dwellMinutes: 40 }, { site: 'b', dwellMinutes: 90 }], mode: '公交', startTime: '08:30' });
    expect(plan).toEqual({ ...DEFAULT_PLAN, stops: [{ siteId: 'a', minutes: 40 }, { siteId: 'b', minutes: 90 }], mode: 'transit', departure: 510 });
    expect(formatPlanQuery(plan)).toBe('p=a:40,b:90&t=08:30&m=transit');
    expect(planFromRoute({ stops: [{ site: 'a', dwellMinutes: 40 }], mode: '包车', startTime: '08:00' }).mode).toBe('coach');
  });
  it('never writes what the plan grammar refuses: a repeated site once, at most 20 stops', () => {
    const stops = Array.from({ length: 24 }, (_, i) => ({ site: `s-${i % 22}`, dwellMinutes: 30 }));
    const plan = planFromRoute({ stops, mode: '步行', startTime: '09:00' });
    expect(plan.stops).toHaveLength(20);
    expect(new Set(plan.stops.map((s) => s.siteId)).size).toBe(20);
  });
});
