/**
 * Road legs for a plan, from the server's routing route
 * (./routing-protocol.ts), for the browser. It asks only for legs it does
 * not hold yet, in requests of at most 21 points, and never fails the page:
 * no routing service, an error or silence leave the legs out, and
 * computePlan estimates them (直线估算) with the reason returned here.
 */
import type { Waypoint } from './legs.ts';
import { TRANSPORT_MODES } from './modes.ts';
import { formatRouteQuery, legKey, MAX_ROUTE_POINTS, ROUTE_PATH, type RouteAnswer, type RouteLegAnswer } from './routing-protocol.ts';
import type { LonLat, TransportModeId } from './types.ts';

export interface RoadLegCache {
  legs: Map<string, RouteLegAnswer>;
  /** Set once the server said it has no routing service: no more requests this page view. */
  off?: string;
}

export const newRoadLegCache = (): RoadLegCache => ({ legs: new Map() });

export interface FetchRoadLegsOptions {
  fetcher?: typeof fetch;
  signal?: AbortSignal;
  /** The route's path (tests, another mount point). */
  path?: string;
}

/** Chains of consecutive legs not yet known, each at most MAX_ROUTE_POINTS points. */
export function missingChains(points: readonly LonLat[], style: string, known: ReadonlyMap<string, RouteLegAnswer>): LonLat[][] {
  const chains: LonLat[][] = [];
  let chain: LonLat[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (known.get(legKey(style, a, b))?.ok) {
      if (chain.length) chains.push(chain);
      chain = [];
      continue;
    }
    if (chain.length === 0) chain = [a];
    if (chain.length === MAX_ROUTE_POINTS) {
      chains.push(chain);
      chain = [a];
    }
    chain.push(b);
  }
  if (chain.length) chains.push(chain);
  return chains;
}

/**
 * Fills `cache` with the road legs of `points` for `mode`; returns the
 * reason when some legs stay estimated (for computePlan's routingNote).
 */
export async function fetchRoadLegs(points: readonly Waypoint[], mode: TransportModeId, cache: RoadLegCache, o: FetchRoadLegsOptions = {}): Promise<string | undefined> {
  if (cache.off) return cache.off;
  const style = TRANSPORT_MODES[mode].routingStyle;
  const chains = missingChains(
    points.map((p) => p.lonLat),
    style,
    cache.legs,
  );
  const fetcher = o.fetcher ?? fetch;
  let note: string | undefined;
  for (const chain of chains) {
    let answer: RouteAnswer | { status?: number; reason?: string };
    try {
      const res = await fetcher(`${o.path ?? ROUTE_PATH}?${formatRouteQuery(chain, mode)}`, { ...(o.signal ? { signal: o.signal } : {}), headers: { accept: 'application/json' } });
      answer = (await res.json()) as typeof answer;
    } catch {
      note = '无法连接道路规划服务';
      continue;
    }
    if ('routing' in answer && answer.routing === 'off') {
      cache.off = answer.reason;
      return answer.reason;
    }
    if (!('routing' in answer) || answer.routing !== 'tianditu' || !Array.isArray(answer.legs)) {
      note = 'reason' in answer && typeof answer.reason === 'string' ? answer.reason : '道路规划服务暂不可用';
      continue;
    }
    answer.legs.forEach((leg, i) => {
      if (i + 1 >= chain.length) return;
      cache.legs.set(legKey(style, chain[i]!, chain[i + 1]!), leg);
      if (!leg.ok) note = leg.reason;
    });
  }
  return note;
}
