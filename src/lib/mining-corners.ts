/**
 * A mining block's 拐点坐标 table, as published, and the polygon it bounds.
 * Tables come either as CGCS2000 3° Gauss–Krüger X/Y with the zone in Y (what
 * 出让公告 and 成交公示 print) or as longitude/latitude; the notice page shows
 * both forms, and the map and the 压覆 pre-check use the polygon. Pure and
 * build-time only: the page is prerendered, so proj4 never ships for it.
 */
import booleanClockwise from '@turf/boolean-clockwise';
import { formatMetres, gkToLonLat, lonLatToGk, zoneOfLongitude, zoneOfY } from './gauss-kruger.ts';

/** One row of the table: a point number and either lon/lat or X/Y (metres, zone in Y). */
export type Corner = { no: string; lon?: number | undefined; lat?: number | undefined; x?: number | undefined; y?: number | undefined };

/** A row in both forms, for the page's two tables. */
export type CornerRow = { no: string; lon: number; lat: number; x: number; y: number; zone: number };

/** [lon, lat] of a row; undefined when it has neither a full pair nor a Y with its zone. */
export function cornerLonLat(c: Corner): [number, number] | undefined {
  if (c.lon !== undefined && c.lat !== undefined) return [c.lon, c.lat];
  if (c.x !== undefined && c.y !== undefined && zoneOfY(c.y) !== undefined) return gkToLonLat({ x: c.x, y: c.y });
  return undefined;
}

/**
 * Both forms of every row. X/Y rows keep their published numbers (and zone);
 * lon/lat rows get X/Y in the zone of the block's first point, so one table
 * never mixes zones. Undefined if any row cannot be read.
 */
export function cornerRows(corners: readonly Corner[]): CornerRow[] | undefined {
  const lonLats = corners.map(cornerLonLat);
  if (lonLats.some((p) => p === undefined) || lonLats.length === 0) return undefined;
  const first = corners[0]!;
  const zone = first.y !== undefined ? zoneOfY(first.y)! : zoneOfLongitude(lonLats[0]![0]);
  return corners.map((c, i) => {
    const [lon, lat] = lonLats[i]!;
    const xy = c.x !== undefined && c.y !== undefined ? { x: c.x, y: c.y } : lonLatToGk(lon, lat, zone);
    return { no: c.no, lon, lat, x: xy.x, y: xy.y, zone: zoneOfY(xy.y) ?? zone };
  });
}

/**
 * The block as a GeoJSON Polygon (RFC 7946): the table's points in order,
 * closed, and turned counter-clockwise if the table runs clockwise (tables
 * follow the surveyor's habit; GeoJSON's exterior ring is counter-clockwise).
 */
export function cornersPolygon(corners: readonly Corner[]): { type: 'Polygon'; coordinates: [number, number][][] } | undefined {
  const points = corners.map(cornerLonLat);
  if (points.length < 3 || points.some((p) => p === undefined)) return undefined;
  const ring = (points as [number, number][]).slice();
  ring.push([ring[0]![0], ring[0]![1]]);
  // Reversed in place keeps point 1 first and last.
  return { type: 'Polygon', coordinates: [booleanClockwise(ring) ? ring.reverse() : ring] };
}

/**
 * Back from a polygon to a table of X/Y rows in `zone`, numbered 1…n in the
 * ring's order from `start` (the round trip of the tests; also how a block
 * drawn in GIS becomes a table). `clockwise`: list the points clockwise, as
 * most tables do.
 */
export function polygonToCorners(polygon: { coordinates: readonly (readonly (readonly number[])[])[] }, zone: number, options: { clockwise?: boolean; start?: number } = {}): { no: string; x: number; y: number }[] {
  const ring = (polygon.coordinates[0] ?? []).map((p) => [p[0]!, p[1]!] as [number, number]);
  const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
  const closed = [...open, open[0]!];
  let ordered = open;
  // Reversed about the first point, so a table that was turned for GeoJSON comes back as printed.
  if (options.clockwise !== undefined && booleanClockwise(closed) !== options.clockwise) ordered = [open[0]!, ...open.slice(1).reverse()];
  const start = ((options.start ?? 0) % ordered.length + ordered.length) % ordered.length;
  ordered = [...ordered.slice(start), ...ordered.slice(0, start)];
  return ordered.map(([lon, lat], i) => ({ no: String(i + 1), ...lonLatToGk(lon, lat, zone) }));
}

/** The table's X/Y as printed: to the centimetre. */
export const formatXY = formatMetres;
