/**
 * A study route as the start of a plan (以此线路为起点): its stops in order
 * with their dwell times, its travel mode, and its suggested arrival at the
 * first stop as the departure (a plan without a start point begins at the
 * first stop at the departure time). The teacher then adds the school,
 * the date and the group. A two-day route's stops all come along: the
 * planner plans one day and its warnings say when the day runs long.
 */
import type { RedRoute, TravelMode } from '../schema/red.ts';
import { DEFAULT_PLAN, LIMITS, MAX_STOPS, type Plan } from './model.ts';
import type { TransportModeId } from './types.ts';

/**
 * The route's travel mode in the planner's three: a car or a chartered coach
 * drive (coach); cycling, at about 12 km/h, is nearest the bus's 15 km/h
 * (transit), and the teacher can change it.
 */
export const MODE_OF_ROUTE: Record<TravelMode, TransportModeId> = { 步行: 'walk', 骑行: 'transit', 公交: 'transit', 自驾: 'coach', 包车: 'coach' };

export function planFromRoute(route: Pick<RedRoute, 'stops' | 'mode' | 'startTime'>): Plan {
  const [h = 0, m = 0] = route.startTime.split(':').map(Number);
  const seen = new Set<string>();
  const stops = route.stops
    .filter((s) => !seen.has(s.site) && seen.add(s.site))
    .slice(0, MAX_STOPS)
    .map((s) => (s.dwellMinutes >= LIMITS.stopMinutes.min && s.dwellMinutes <= LIMITS.stopMinutes.max ? { siteId: s.site, minutes: s.dwellMinutes } : { siteId: s.site }));
  return { ...DEFAULT_PLAN, stops, mode: MODE_OF_ROUTE[route.mode], departure: h * 60 + m };
}
