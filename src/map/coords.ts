/**
 * Coordinate read-outs: decimal degrees and 度分秒 (degrees, minutes,
 * seconds), with hemisphere letters rather than signs.
 */

import { normalizeLon } from './longitude.ts';

export { normalizeLon };

const clampLat = (lat: number) => Math.min(90, Math.max(-90, lat));

/** Decimal degrees, e.g. `123.91800°E, 47.35400°N`. Non-finite input gives `—`. */
export function formatLonLatDecimal(lon: number, lat: number, decimals = 5): string {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return '—';
  const part = (v: number, pos: string, neg: string) => {
    const text = Math.abs(v).toFixed(decimals);
    // The hemisphere follows the rounded value: -0.000001 is 0.00000°E, not W.
    return `${text}°${v < 0 && Number(text) !== 0 ? neg : pos}`;
  };
  return `${part(normalizeLon(lon), 'E', 'W')}, ${part(clampLat(lat), 'N', 'S')}`;
}

/**
 * One angle as degrees, minutes and seconds with one decimal, e.g.
 * `123°55′04.8″E`. Rounded once, in tenths of a second, so 59.95″ carries
 * into the next minute (and 59′ 59.95″ into the next degree) instead of
 * printing 60.0″.
 */
function dms(value: number, pos: string, neg: string): string {
  // + 1e-6: a decimal input such as 47°21′59.95″ lands a few ulps below the
  // half in binary; round it up as written, as a person would.
  const tenths = Math.round(Math.abs(value) * 36000 + 1e-6);
  const deg = Math.floor(tenths / 36000);
  const min = Math.floor((tenths % 36000) / 600);
  const sec = (tenths % 600) / 10;
  const hemisphere = value < 0 && tenths !== 0 ? neg : pos;
  return `${deg}°${String(min).padStart(2, '0')}′${sec.toFixed(1).padStart(4, '0')}″${hemisphere}`;
}

/** 度分秒, e.g. `123°55′04.8″E 47°21′14.4″N`. Non-finite input gives `—`. */
export function formatLonLatDms(lon: number, lat: number): string {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return '—';
  return `${dms(normalizeLon(lon), 'E', 'W')} ${dms(clampLat(lat), 'N', 'S')}`;
}

/**
 * Where a point lies in an extent [west, south, east, north], in words: the
 * extent split in thirds each way, e.g. `西北部`, `中部`, `东部`. The locator
 * inset's text alternative (“位于全市西北部”). Undefined outside the extent or
 * for an extent of no size.
 */
export function partOfExtent(lon: number, lat: number, [w, s, e, n]: readonly [number, number, number, number]): string | undefined {
  if (![lon, lat, w, s, e, n].every(Number.isFinite) || e <= w || n <= s) return undefined;
  const x = (lon - w) / (e - w);
  const y = (lat - s) / (n - s);
  if (x < 0 || x > 1 || y < 0 || y > 1) return undefined;
  const ns = y > 2 / 3 ? '北' : y < 1 / 3 ? '南' : '';
  const ew = x > 2 / 3 ? '东' : x < 1 / 3 ? '西' : '';
  // 东北部 and 西南部 read east/west first, as Chinese does; the middle is 中部.
  return ns || ew ? `${ew}${ns}部` : '中部';
}
