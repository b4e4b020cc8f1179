/**
 * The road-routing route's grammar, shared by the server
 * (src/server/road-routing.ts, src/pages/planner/route.json.ts) and the
 * browser (./routing-client.ts), so both read the same points the same way.
 *
 *   GET /planner/route.json?p=lon,lat;lon,lat;…&m=walk|coach|transit
 *
 * 2 to 21 points, each inside the city's home extent, at most 6 decimals.
 * 21 points are a start and 20 stops; a plan with a start, 20 stops and a
 * way back has 22, and the client asks in two parts (./routing-client.ts).
 * The answer is JSON: RouteAnswer.
 */
import { insideExtent, type Extent } from './extent.ts';
import type { LonLat, TransportModeId } from './types.ts';

export const ROUTE_PATH = '/planner/route.json';
export const MAX_ROUTE_POINTS = 21;

const NUMBER = '-?\\d{1,3}(?:\\.\\d{1,6})?';
const POINT = `${NUMBER},${NUMBER}`;
/** The syntax of `p`, checked by the request limits before anything else runs. */
export const ROUTE_POINTS_PATTERN = new RegExp(`^${POINT}(?:;${POINT}){1,${MAX_ROUTE_POINTS - 1}}$`);
export const ROUTE_MODE_PATTERN = /^(?:walk|coach|transit)$/;

/** 5 decimals (about 1 m): what the client sends, the server's cache keys, and the leg keys. */
export const roundCoord = (v: number): number => Math.round(v * 1e5) / 1e5;
export const formatPoint = (p: LonLat): string => `${roundCoord(p[0])},${roundCoord(p[1])}`;

export function formatRouteQuery(points: readonly LonLat[], mode: TransportModeId): string {
  return `p=${points.map(formatPoint).join(';')}&m=${mode}`;
}

export type PointsCheck = { ok: true; points: LonLat[] } | { ok: false; reason: string };

/** The points of `p`, each checked against the home extent (site.yaml map.homeExtent). */
export function parseRoutePoints(value: string, extent: Extent): PointsCheck {
  if (!ROUTE_POINTS_PATTERN.test(value)) return { ok: false, reason: `p 应为 2 至 ${MAX_ROUTE_POINTS} 个“经度,纬度”，以分号分隔` };
  const points = value.split(';').map((pair) => pair.split(',').map(Number) as unknown as LonLat);
  const outside = points.findIndex((p) => !insideExtent(p, extent));
  if (outside >= 0) return { ok: false, reason: `第 ${outside + 1} 个点不在本市范围内` };
  return { ok: true, points: points.map((p) => [roundCoord(p[0]), roundCoord(p[1])] as const) };
}

/** One leg of a routing answer. */
export type RouteLegAnswer = { ok: true; distanceM: number; durationS?: number; line: [number, number][] } | { ok: false; reason: string };

export type RouteAnswer =
  /** Road legs from Tianditu, in the order of the points (legs[i]: point i → i + 1). */
  | { routing: 'tianditu'; legs: RouteLegAnswer[] }
  /** No routing service (no server key): the client estimates every leg (直线估算). */
  | { routing: 'off'; reason: string };

/** The key of a leg in caches and in computePlan's road legs: routing style and both ends, rounded. */
export const legKey = (style: string, a: LonLat, b: LonLat): string => `${style}|${formatPoint(a)}|${formatPoint(b)}`;
