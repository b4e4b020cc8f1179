/**
 * The legs of a plan: the points in visiting order, and for each pair the
 * distance and time. A leg uses the road distance of a routing answer when
 * there is one (天地图驾车规划 through the server route), else the geodesic
 * distance times the mode's road factor, labelled 直线估算 with the reason,
 * so nobody mistakes an estimate for a road distance.
 */
import { geodesicMetres } from './geo.ts';
import { legMinutes, TRANSPORT_MODES } from './modes.ts';
import type { Plan, PlanPoint } from './model.ts';
import { legKey, type RouteLegAnswer } from './routing-protocol.ts';
import type { LonLat, PlannerSite } from './types.ts';

export interface Waypoint {
  kind: 'start' | 'stop' | 'end';
  lonLat: LonLat;
  name: string;
  /** Index in plan.stops, for stops. */
  stopIndex?: number;
  siteId?: string;
}

export interface Leg {
  from: Waypoint;
  to: Waypoint;
  distanceM: number;
  /** Travel plus the mode's per-leg overhead, whole minutes. */
  minutes: number;
  source: 'road' | 'estimate';
  /** 道路距离（天地图） or 直线估算: shown next to the figure. */
  label: string;
  /** Why a leg is estimated when routing was asked for (the server's reason), for the tooltip. */
  reason?: string;
  /** The road geometry, or the straight segment of an estimate. */
  line: readonly LonLat[];
}

export const LABEL_ROAD = '道路距离（天地图）';
export const LABEL_ESTIMATE = '直线估算';

const pointName = (p: PlanPoint, fallback: string): string => p.name?.trim() || fallback;

/**
 * The plan's points in order: the start (when set), the stops whose site is
 * known, and the end (the start again, another point, or none). Unknown
 * sites are left out here; the warnings name them.
 */
export function planWaypoints(plan: Plan, sites: ReadonlyMap<string, PlannerSite>): Waypoint[] {
  const points: Waypoint[] = [];
  if (plan.start) points.push({ kind: 'start', lonLat: plan.start.lonLat, name: pointName(plan.start, '出发地') });
  plan.stops.forEach((stop, stopIndex) => {
    const site = sites.get(stop.siteId);
    if (site) points.push({ kind: 'stop', lonLat: site.lonLat, name: site.name, stopIndex, siteId: site.id });
  });
  if (plan.end === 'start') {
    if (plan.start) points.push({ kind: 'end', lonLat: plan.start.lonLat, name: pointName(plan.start, '出发地') });
  } else if (plan.end !== 'none') points.push({ kind: 'end', lonLat: plan.end.lonLat, name: pointName(plan.end, '终点') });
  return points;
}

/** Road legs by legKey, as ./routing-client.ts collects them. */
export type RoadLegs = ReadonlyMap<string, RouteLegAnswer>;

export function computeLeg(from: Waypoint, to: Waypoint, mode: Plan['mode'], road?: RouteLegAnswer): Leg {
  const m = TRANSPORT_MODES[mode];
  if (road?.ok) {
    return { from, to, distanceM: road.distanceM, minutes: legMinutes(m, road.distanceM, road.durationS), source: 'road', label: LABEL_ROAD, line: road.line.length >= 2 ? road.line : [from.lonLat, to.lonLat] };
  }
  const distanceM = geodesicMetres(from.lonLat, to.lonLat) * m.roadFactor;
  return { from, to, distanceM, minutes: legMinutes(m, distanceM), source: 'estimate', label: LABEL_ESTIMATE, ...(road && !road.ok ? { reason: road.reason } : {}), line: [from.lonLat, to.lonLat] };
}

/** Every leg between consecutive waypoints. */
export function computeLegs(points: readonly Waypoint[], mode: Plan['mode'], road?: RoadLegs): Leg[] {
  const style = TRANSPORT_MODES[mode].routingStyle;
  const legs: Leg[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    legs.push(computeLeg(a, b, mode, road?.get(legKey(style, a.lonLat, b.lonLat))));
  }
  return legs;
}
