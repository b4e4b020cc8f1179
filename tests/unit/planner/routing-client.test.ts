import { describe, expect, it } from 'vitest';
import { planWaypoints } from '../../../src/planner/legs.ts';
import { fetchRoadLegs, missingChains, newRoadLegCache } from '../../../src/planner/routing-client.ts';
import { legKey, type RouteAnswer } from '../../../src/planner/routing-protocol.ts';
import type { LonLat } from '../../../src/planner/types.ts';
import { gridSites, plan, SCHOOL, sitesOf } from './fixtures.ts';

const GRID = sitesOf(gridSites(20));
const TWENTY = plan({ start: { lonLat: SCHOOL }, stops: [...GRID.keys()].map((siteId) => ({ siteId })) });
const POINTS = planWaypoints(TWENTY, GRID);

/** A stub of the server route: answers every leg of the chain it is asked, and records the queries. */
function stubRoute(answer?: (points: LonLat[]) => RouteAnswer | Response) {
  const asked: string[] = [];
  const fetcher = (async (url: string) => {
    asked.push(url);
    const q = new URL(url, 'https://x').searchParams;
    const pts = q.get('p')!.split(';').map((s) => s.split(',').map(Number) as unknown as LonLat);
    const a = answer?.(pts) ?? { routing: 'tianditu', legs: pts.slice(1).map(() => ({ ok: true, distanceM: 1000, line: [] })) };
    return a instanceof Response ? a : new Response(JSON.stringify(a));
  }) as unknown as typeof fetch;
  return { asked, fetcher };
}

describe('road legs from the server route', () => {
  it('asks for a 22-point round trip in two requests of at most 21 points, then holds every leg', async () => {
    expect(POINTS).toHaveLength(22);
    const cache = newRoadLegCache();
    const { asked, fetcher } = stubRoute();
    expect(await fetchRoadLegs(POINTS, 'coach', cache, { fetcher })).toBeUndefined();
    expect(asked.map((u) => new URL(u, 'https://x').searchParams.get('p')!.split(';').length)).toEqual([21, 2]);
    expect(asked[0]).toMatch(/^\/planner\/route\.json\?p=123\.95,47\.34;.*&m=coach$/);
    expect(cache.legs.size).toBe(21);
    expect(cache.legs.get(legKey('0', POINTS[20]!.lonLat, POINTS[21]!.lonLat))).toMatchObject({ ok: true });
    await fetchRoadLegs(POINTS, 'coach', cache, { fetcher });
    expect(asked).toHaveLength(2);
    // Moving one stop leaves only the changed legs to ask for.
    const moved = [...POINTS];
    [moved[5], moved[6]] = [moved[6]!, moved[5]!];
    expect(missingChains(moved.map((p) => p.lonLat), '0', cache.legs).map((c) => c.length)).toEqual([4]);
  });

  it('stops asking once the server has no routing service, and reports why', async () => {
    const cache = newRoadLegCache();
    const { asked, fetcher } = stubRoute(() => ({ routing: 'off', reason: '未配置道路规划服务（TIANDITU_SERVER_KEY），按直线估算' }));
    expect(await fetchRoadLegs(POINTS, 'walk', cache, { fetcher })).toMatch(/未配置/);
    expect(await fetchRoadLegs(POINTS, 'walk', cache, { fetcher })).toMatch(/未配置/);
    expect(asked).toHaveLength(1);
  });

  it('never throws: errors, failed legs and an unreachable server leave the legs to estimate, with the reason', async () => {
    const failing = stubRoute((pts) => ({ routing: 'tianditu', legs: pts.slice(1).map((_, i) => (i === 0 ? { ok: false, reason: '天地图未找到道路' } : { ok: true, distanceM: 1, line: [] })) }));
    const cache = newRoadLegCache();
    expect(await fetchRoadLegs(POINTS.slice(0, 3), 'coach', cache, failing)).toBe('天地图未找到道路');
    expect([...cache.legs.values()].map((l) => l.ok)).toEqual([false, true]);
    const bad = stubRoute(() => new Response(JSON.stringify({ status: 502, fallback: 'estimate', reason: '天地图暂不可用' }), { status: 502 }));
    expect(await fetchRoadLegs(POINTS.slice(0, 3), 'coach', newRoadLegCache(), bad)).toBe('天地图暂不可用');
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect(await fetchRoadLegs(POINTS.slice(0, 3), 'coach', newRoadLegCache(), { fetcher: down })).toBe('无法连接道路规划服务');
  });
});
