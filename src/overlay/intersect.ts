/**
 * Which blocks a project area overlies, and by how much. The shared part is
 * cut with @turf/intersect (polygon clipping in lon/lat: at block scale,
 * a few kilometres, straight edges in degrees and geodesic edges differ by
 * millimetres); its area is then measured on the GRS80 ellipsoid with
 * GeographicLib (./../map/geodesy.ts), holes subtracted, so the figure is
 * the ellipsoidal area a surveyor's software gives, not a planar one.
 * Loaded by the page only when there is an area to test.
 */
import { bbox } from '@turf/bbox';
import intersect from '@turf/intersect';
import { geodesicArea } from '../map/geodesy.ts';
import type { AreaGeometry, BlockFeature, OverlapRow } from './types.ts';

/** Ellipsoidal area in m² of a Polygon or MultiPolygon (exterior minus holes). */
export function ellipsoidalArea(g: AreaGeometry): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const a = geodesicArea(ring.map((p) => [p[0]!, p[1]!] as [number, number]));
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** The ground two areas share (cut with @turf/intersect), or null when they share none. */
export function sharedPart(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  const shared = intersect({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: a }, { type: 'Feature', properties: {}, geometry: b }] });
  return shared ? (shared.geometry as AreaGeometry) : null;
}

const boxesMeet = (a: number[], b: number[]) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

/**
 * The blocks the area intersects, largest overlap first. Touching along an
 * edge or at a point is no overlap: a block counts from MIN_OVERLAP_M2.
 */
export const MIN_OVERLAP_M2 = 0.01;

export function overlaps(area: AreaGeometry, blocks: readonly BlockFeature[]): OverlapRow[] {
  const areaBox = bbox(area);
  const rows: OverlapRow[] = [];
  for (const block of blocks) {
    if (!boxesMeet(areaBox, bbox(block.geometry))) continue;
    const shared = sharedPart(area, block.geometry);
    if (!shared) continue;
    const overlapM2 = ellipsoidalArea(shared);
    if (overlapM2 < MIN_OVERLAP_M2) continue;
    rows.push({ id: block.id, properties: block.properties, overlapM2, blockM2: ellipsoidalArea(block.geometry) });
  }
  return rows.sort((a, b) => b.overlapM2 - a.overlapM2);
}
