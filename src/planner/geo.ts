/**
 * Distances on the GRS80 ellipsoid (CGCS2000's), by GeographicLib: the
 * straight-line part of a 直线估算 and the optimiser's distance matrix. Kept
 * here rather than taken from src/map/ so that the planner's logic loads
 * without the map module.
 */
import * as geographiclib from 'geographiclib-geodesic';
import type { LonLat } from './types.ts';

// The package is CommonJS: Node's ESM loader exposes it as `default`, bundlers also as named exports.
const lib = (geographiclib as unknown as { default?: typeof geographiclib }).default ?? geographiclib;
const GRS80 = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);

/** Geodesic distance in metres between two points. */
export function geodesicMetres(a: LonLat, b: LonLat): number {
  if (a[0] === b[0] && a[1] === b[1]) return 0;
  return GRS80.Inverse(a[1], a[0], b[1], b[0], lib.Geodesic.DISTANCE).s12 ?? 0;
}

/** Length of a polyline in metres. */
export function lineMetres(line: readonly LonLat[]): number {
  let m = 0;
  for (let i = 1; i < line.length; i++) m += geodesicMetres(line[i - 1]!, line[i]!);
  return m;
}
