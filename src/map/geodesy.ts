/**
 * Measurement on the ellipsoid: lengths of polylines and areas of polygons,
 * and their Chinese read-outs. Uses GeographicLib's geodesics on GRS80 (the
 * CGCS2000 ellipsoid) rather than ol/sphere, whose sphere (R = 6371008.8 m)
 * makes east–west lengths about 0.3 % short at Qiqihar's latitude (47°N).
 *
 * Input is [lon, lat] in CGCS2000 degrees: convert map coordinates first
 * (toLonLat for EPSG:3857; EPSG:4490 coordinates already are lon/lat).
 */
import * as geographiclib from 'geographiclib-geodesic';
import { formatMu, groupDigits } from '../lib/format.ts';

// The package is CommonJS (module.exports = {...}): Node's ESM loader exposes
// it only as `default`, bundlers also as named exports. Take whichever exists.
const lib = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;

/** GRS80: a = 6378137 m, f = 1/298.257222101 (CGCS2000's ellipsoid). */
export const GRS80 = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);

export type LonLat = [number, number] | readonly [number, number];

/** Drops a closing vertex equal to the first: GeographicLib closes rings itself. */
function openRing(ring: readonly LonLat[]): readonly LonLat[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

/** Length of a polyline in metres along geodesics (closed: back to the start). */
export function geodesicLength(line: readonly LonLat[], closed = false): number {
  const points = closed ? openRing(line) : line;
  if (points.length < 2) return 0;
  const p = GRS80.Polygon(!closed);
  for (const [lon, lat] of points) p.AddPoint(lat, lon);
  return p.Compute(false, true).perimeter;
}

/**
 * Area of a polygon ring in square metres, with geodesic edges. Either
 * orientation; the ring may or may not repeat its first vertex. Holes: pass
 * them separately and subtract.
 */
export function geodesicArea(ring: readonly LonLat[]): number {
  const points = openRing(ring);
  if (points.length < 3) return 0;
  const p = GRS80.Polygon(false);
  for (const [lon, lat] of points) p.AddPoint(lat, lon);
  // sign = true: a clockwise ring gives a negative area, not the area of the rest of the earth.
  return Math.abs(p.Compute(false, true).area ?? 0);
}

/** `850 米` below 1 km, `1.23 公里` from there (`1,234.57 公里`). */
export function formatLength(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return '—';
  // Decide on the rounded value, so 999.6 m reads 1.00 公里, not 1000 米.
  if (Math.round(metres) < 1000) return `${Math.round(metres)} 米`;
  return `${groupDigits((metres / 1000).toFixed(2))} 公里`;
}

/**
 * `2.35 平方公里` from 1 km², below that `3,500 平方米（5.25 亩）`: land
 * areas in China are usually quoted in 亩, so the read-out gives both.
 */
export function formatArea(squareMetres: number, options: { mu?: boolean } = {}): string {
  if (!Number.isFinite(squareMetres) || squareMetres < 0) return '—';
  const m2 = Math.round(squareMetres);
  if (m2 >= 1e6) return `${groupDigits((squareMetres / 1e6).toFixed(2))} 平方公里`;
  const text = `${groupDigits(String(m2))} 平方米`;
  return options.mu === false ? text : `${text}（${formatMu(squareMetres)}）`;
}
