/** GeoJSON twins of records (RFC 7946: lon/lat, CGCS2000 ≈ WGS84). */
import type { Geometry, Notice } from '../schema/index.ts';
import type { StatusRule } from '../data/status.ts';
import { urls } from './urls.ts';

export type Feature = { type: 'Feature'; id: string; geometry: Geometry; properties: Record<string, unknown> };

/**
 * Where a notice applies: its own geometry, or for a land notice without one
 * the union of its parcels' polygons.
 */
export function noticeGeometry(n: Notice): Geometry | undefined {
  if (n.geometry) return n.geometry;
  if (n.kind !== 'land') return undefined;
  const polygons = n.parcels.flatMap((p) => (p.geometry ? [p.geometry.coordinates] : []));
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : undefined;
}

type PolygonCoordinates = Extract<Geometry, { type: 'Polygon' }>['coordinates'];

/** The polygons of a Polygon or MultiPolygon (others have none). */
export function polygonsOf(g: Geometry): PolygonCoordinates[] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/**
 * The published notice as a GeoJSON Feature drawn at `place` (PublishedView.placeOf:
 * its own outline, or one its parcels' other records give, said in `outline`).
 * `parcels`: the 一码管地 parcels it is on, as the map popup links them (src/map/selection.ts).
 */
export function noticeFeature(n: Notice, rule: StatusRule, place: { geometry: Geometry; from: readonly unknown[] }, parcels: readonly { url: string; label: string }[] = []): Feature {
  const geometry = place.geometry;
  return {
    type: 'Feature',
    id: n.id,
    geometry,
    properties: {
      title: n.title,
      kind: n.kind,
      subKind: n.subKind,
      docNo: n.docNo ?? null,
      district: n.district,
      publishDate: n.publishDate,
      periodStart: n.period?.start ?? null,
      periodEnd: n.period?.end ?? null,
      state: rule.superseded ? 'superseded' : 'active',
      url: urls.notice(n),
      ...(parcels.length > 0 ? { parcels } : {}),
      // Drawn with the outline other records give its parcels (一码管地), not one of its own.
      ...(place.from.length > 0 ? { outline: 'parcel' } : {}),
      sample: n.sample,
    },
  };
}
