/**
 * Distances and times of a route's legs, and the day's timetable, without a
 * routing service: the geodesic between two stops (GRS80, ../map/geodesy.ts)
 * times a road factor, at a planning speed, per travel mode. Every figure
 * this gives is labelled 直线估算 wherever it is shown; docs/data-format.md §7
 * documents the table and why.
 */
import { geodesicLength, type LonLat } from '../map/geodesy.ts';
import type { TravelMode } from '../schema/red.ts';

/**
 * Per mode: how much longer the way by road (or path) is than the straight
 * line, and the average door-to-door speed of a school group, stops at
 * lights, boarding and parking included. Planning assumptions, not
 * measurements: a factor of about 1.3 is the usual detour of a road network
 * over distances of a few to a hundred kilometres; public transport
 * detours more (fixed lines, a change). Change them here, and only here.
 */
export const TRAVEL_MODES: Record<TravelMode, { roadFactor: number; kmh: number }> = {
  步行: { roadFactor: 1.25, kmh: 4 },
  骑行: { roadFactor: 1.25, kmh: 12 },
  公交: { roadFactor: 1.4, kmh: 18 },
  自驾: { roadFactor: 1.3, kmh: 50 },
  包车: { roadFactor: 1.3, kmh: 45 },
};

/** The label every estimate carries. */
export const ESTIMATE_LABEL = '直线估算';

export type Leg = {
  /** Indexes of the stops the leg joins. */
  from: number;
  to: number;
  /** Geodesic distance between the stops, metres. */
  straightMetres: number;
  /** Estimated way by road: straight × road factor, metres. */
  metres: number;
  /** Estimated travel time, whole minutes rounded up to 5. */
  minutes: number;
};

const roundUpTo5 = (m: number) => Math.max(5, Math.ceil(m / 5) * 5);

/** The legs between consecutive points. */
export function estimateLegs(points: readonly LonLat[], mode: TravelMode): Leg[] {
  const { roadFactor, kmh } = TRAVEL_MODES[mode];
  const legs: Leg[] = [];
  for (let i = 1; i < points.length; i++) {
    const straight = geodesicLength([points[i - 1]!, points[i]!]);
    const metres = straight * roadFactor;
    legs.push({ from: i - 1, to: i, straightMetres: straight, metres, minutes: roundUpTo5((metres / 1000 / kmh) * 60) });
  }
  return legs;
}

export type StopTime = {
  day: number;
  /** Minutes after midnight of its day. */
  arrive: number;
  depart: number;
};

export type Timetable = {
  stops: StopTime[];
  /** Leg before each stop (undefined for a day's first stop: the day starts there). */
  legs: (Leg | undefined)[];
  totalMetres: number;
  travelMinutes: number;
  visitMinutes: number;
  days: number;
};

/**
 * The timetable: each day begins with the arrival at its first stop at
 * `startTime`; then each stop's dwell, the leg to the next, and so on. The
 * leg into a new day's first stop (the morning drive from the overnight
 * stay) is still counted in the distance, not in the clock.
 */
export function timetable(stops: readonly { point: LonLat; dwellMinutes: number; day?: number | undefined }[], mode: TravelMode, startTime: string): Timetable {
  const legs = estimateLegs(stops.map((s) => s.point), mode);
  const start = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5));
  const out: StopTime[] = [];
  const before: (Leg | undefined)[] = [];
  let day = 1;
  let clock = start;
  stops.forEach((s, i) => {
    const leg = i > 0 ? legs[i - 1] : undefined;
    const newDay = s.day !== undefined && s.day > day;
    if (newDay) {
      day = s.day!;
      clock = start;
    } else if (leg) clock += leg.minutes;
    before.push(newDay ? undefined : leg);
    out.push({ day, arrive: clock, depart: clock + s.dwellMinutes });
    clock += s.dwellMinutes;
  });
  return {
    stops: out,
    legs: before,
    totalMetres: legs.reduce((sum, l) => sum + l.metres, 0),
    travelMinutes: before.reduce((sum, l) => sum + (l?.minutes ?? 0), 0),
    visitMinutes: stops.reduce((sum, s) => sum + s.dwellMinutes, 0),
    days: day,
  };
}

/** 8:30 from minutes after midnight (past midnight keeps counting: 25:10). */
export const clock = (minutes: number): string => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** 12.3 公里 (one decimal under 100 km), 850 米. */
export function kmText(metres: number): string {
  if (metres < 1000) return `${Math.round(metres / 10) * 10} 米`;
  const km = metres / 1000;
  return `${km < 100 ? km.toFixed(1) : Math.round(km)} 公里`;
}

/** 1 小时 25 分钟, 40 分钟. */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} 小时${m ? ` ${m} 分钟` : ''}` : `${m} 分钟`;
}

/** The sites nearest to one, by geodesic distance, nearest first. */
export function nearest<T extends { id: string; location: { coordinates: readonly number[] } }>(site: T, all: readonly T[], count: number): { site: T; metres: number }[] {
  const at = (s: T): LonLat => [s.location.coordinates[0]!, s.location.coordinates[1]!];
  return all
    .filter((o) => o.id !== site.id)
    .map((o) => ({ site: o, metres: geodesicLength([at(site), at(o)]) }))
    .sort((a, b) => a.metres - b.metres || a.site.id.localeCompare(b.site.id))
    .slice(0, count);
}
