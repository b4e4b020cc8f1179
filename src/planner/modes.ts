/**
 * Transport modes: how far a school group gets in how long. The figures are
 * planning assumptions for a class with teachers, not for one adult, and
 * are stated in docs/planner.md so a teacher can see why a leg takes what it
 * takes. A leg's time is its travel time plus a fixed overhead per leg
 * (getting forty pupils on a coach, or to a bus stop), rounded up to whole
 * minutes so that the printed times add up.
 */
import type { TransportModeId } from './types.ts';

/** Speed over a band of a leg's length: up to `uptoKm` from the leg's start. */
export interface SpeedBand {
  uptoKm: number;
  kmh: number;
}

export interface TransportMode {
  id: TransportModeId;
  /** The label the UI shows. */
  label: string;
  /**
   * Road distance ÷ straight-line distance, for legs without a routing
   * answer (直线估算). Road networks make trips 1.2–1.4 times the straight
   * line in Chinese cities; country roads on the Songnen plain are straighter.
   */
  roadFactor: number;
  /** Average speed by distance band, the last band open-ended. */
  speedBands: readonly SpeedBand[];
  /** Minutes added to every leg (boarding, parking, walking to and waiting at a stop). */
  overheadMinutes: number;
  /** Tianditu 驾车规划 `style`: 0 fastest road route, 3 walking route. */
  routingStyle: '0' | '3';
  /**
   * When the routing answer has a driving time, use it times this factor
   * instead of the speed bands (a coach is slower than the car Tianditu
   * times); absent: time from the road distance and the speed bands.
   */
  routedDurationFactor?: number;
}

export const TRANSPORT_MODES: Readonly<Record<TransportModeId, TransportMode>> = {
  // A class walks at about 4 km/h: crossings, keeping together, the smallest pupils' pace.
  walk: { id: 'walk', label: '步行', roadFactor: 1.3, speedBands: [{ uptoKm: Infinity, kmh: 4 }], overheadMinutes: 5, routingStyle: '3' },
  // Chartered coach: town streets for the first 10 km, then national roads and expressways
  // (coaches are limited to 100 km/h there and slower on the county roads to the sites).
  coach: {
    id: 'coach',
    label: '大巴（包车）',
    roadFactor: 1.25,
    speedBands: [
      { uptoKm: 10, kmh: 30 },
      { uptoKm: Infinity, kmh: 70 },
    ],
    overheadMinutes: 10,
    routingStyle: '0',
    routedDurationFactor: 1.2,
  },
  // City buses average about 15 km/h with stops; add the walk to the stop and half a headway.
  transit: { id: 'transit', label: '公共交通', roadFactor: 1.3, speedBands: [{ uptoKm: Infinity, kmh: 15 }], overheadMinutes: 12, routingStyle: '0' },
};

export const isTransportMode = (v: string): v is TransportModeId => Object.hasOwn(TRANSPORT_MODES, v);

/** Minutes of pure travel over `distanceM` at the mode's speed bands. */
export function bandMinutes(mode: TransportMode, distanceM: number): number {
  let left = distanceM / 1000;
  let from = 0;
  let minutes = 0;
  for (const band of mode.speedBands) {
    const km = Math.min(left, band.uptoKm - from);
    minutes += (km / band.kmh) * 60;
    left -= km;
    from = band.uptoKm;
    if (left <= 0) break;
  }
  return minutes;
}

/** A leg's minutes, overhead included, rounded up; a leg of no length takes no time. */
export function legMinutes(mode: TransportMode, distanceM: number, routedDurationS?: number): number {
  if (distanceM <= 0) return 0;
  const travel = routedDurationS !== undefined && routedDurationS > 0 && mode.routedDurationFactor !== undefined ? (routedDurationS / 60) * mode.routedDurationFactor : bandMinutes(mode, distanceM);
  return Math.ceil(travel + mode.overheadMinutes - 1e-9);
}
