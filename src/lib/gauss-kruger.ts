/**
 * CGCS2000 3° Gauss–Krüger coordinates, as mining 拐点坐标 tables publish
 * them: X is the northing, Y the easting with the zone number in front
 * (Y = 41 433 521.23 is zone 41, easting 433 521.23 m). Converted with
 * proj4 through the EPSG definitions, so the numbers are the ones a
 * surveyor's software gives:
 *
 * - EPSG:4513–4533 “CGCS2000 / 3-degree Gauss-Kruger zone 25–45”: the
 *   zone in Y (false easting zone × 1 000 000 + 500 000 m), central
 *   meridian 75° + 3° × (zone − 25);
 * - EPSG:4534–4554 “CGCS2000 / 3-degree Gauss-Kruger CM 75E–135E”: the
 *   same projections without the zone (false easting 500 000 m).
 *
 * All are transverse Mercator on GRS80 with scale 1 at the central
 * meridian. EPSG names the axes northing (X) first; proj4 takes [easting,
 * northing], so the order is swapped here and nowhere else. CGCS2000 and
 * WGS84 share the ellipsoid and proj4 applies no datum shift between them.
 */
import proj4 from 'proj4';

export const CGCS2000_LONLAT = 'EPSG:4490';
/** China's 3° zones: 25 (75°E) to 45 (135°E). */
export const ZONE_MIN = 25;
export const ZONE_MAX = 45;

/** X/Y of a 3° GK table: X northing, Y easting with the zone number. */
export type GaussKrugerXY = { x: number; y: number };

/** The EPSG code of zone `zone` with the zone in Y (EPSG:4513–4533). */
export function zoneEpsg(zone: number): string {
  assertZone(zone);
  return `EPSG:${4513 + zone - ZONE_MIN}`;
}

/** The EPSG code of the same projection without the zone in Y (EPSG:4534–4554). */
export function centralMeridianEpsg(zone: number): string {
  assertZone(zone);
  return `EPSG:${4534 + zone - ZONE_MIN}`;
}

function assertZone(zone: number): void {
  if (!Number.isInteger(zone) || zone < ZONE_MIN || zone > ZONE_MAX) throw new RangeError(`3° 带号应为 ${ZONE_MIN}–${ZONE_MAX}，不是 ${zone}`);
}

/** The proj strings of the EPSG definitions (epsg.io / the EPSG dataset), added to proj4 once. */
function define(zone: number): { withZone: string; withoutZone: string } {
  const withZone = zoneEpsg(zone);
  const withoutZone = centralMeridianEpsg(zone);
  const lon0 = 3 * zone;
  if (!proj4.defs(CGCS2000_LONLAT)) proj4.defs(CGCS2000_LONLAT, '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
  if (!proj4.defs(withZone)) proj4.defs(withZone, `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs`);
  if (!proj4.defs(withoutZone)) proj4.defs(withoutZone, `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs`);
  return { withZone, withoutZone };
}

/** The 3° zone whose central meridian is nearest a longitude (zone n: 3n °E). */
export function zoneOfLongitude(lon: number): number {
  return Math.round(lon / 3);
}

/**
 * Reads the zone from Y. A Y of zone 25–45 has 8 digits before the point;
 * a bare easting (6 digits, about 166 000–834 000 m inside a zone) has
 * none: undefined.
 */
export function zoneOfY(y: number): number | undefined {
  const zone = Math.floor(y / 1_000_000);
  const easting = y - zone * 1_000_000;
  if (zone < ZONE_MIN || zone > ZONE_MAX) return undefined;
  // Inside a 3° zone the easting stays well within 0–1 000 000 m even at the equator.
  return easting > 0 && easting < 1_000_000 ? zone : undefined;
}

/** X/Y with the zone in Y → [lon, lat] in CGCS2000 degrees. Throws on a Y without a valid zone. */
export function gkToLonLat({ x, y }: GaussKrugerXY): [number, number] {
  const zone = zoneOfY(y);
  if (zone === undefined) throw new RangeError(`Y 坐标 ${y} 没有带号`);
  const [lon, lat] = proj4(define(zone).withZone, CGCS2000_LONLAT, [y, x]) as [number, number];
  return [lon, lat];
}

/** [lon, lat] → X/Y with the zone in Y, in `zone` (default: the zone the longitude lies in). */
export function lonLatToGk(lon: number, lat: number, zone = zoneOfLongitude(lon)): GaussKrugerXY {
  const [y, x] = proj4(CGCS2000_LONLAT, define(zone).withZone, [lon, lat]) as [number, number];
  return { x, y };
}

/** The same point in the projection without the zone (EPSG:4534–4554): Y is the bare easting. */
export function lonLatToGkWithoutZone(lon: number, lat: number, zone = zoneOfLongitude(lon)): GaussKrugerXY {
  const [y, x] = proj4(CGCS2000_LONLAT, define(zone).withoutZone, [lon, lat]) as [number, number];
  return { x, y };
}

/** Metres to the centimetre, as the tables print them: `5267345.12`. */
export function formatMetres(m: number): string {
  return m.toFixed(2);
}
