/**
 * Finding the start point (the school) by name: the red sites, the city's
 * gazetteer of towns, 街道, villages and places (/geo/gazetteer.geojson,
 * when the site publishes one), and the site search's results that have a
 * location; or coordinates typed as 123.95,47.34. These helpers are pure;
 * src/client/planner/start-search.ts fetches and lists.
 */
import { insideExtent, type Extent } from '../../planner/extent.ts';
import type { LonLat } from '../../planner/types.ts';

export interface Place {
  name: string;
  /** What it is, for the list: 红色资源点, 乡镇, 地名, 公示公告 … */
  kind: string;
  district?: string;
  lonLat: LonLat;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Places whose name contains the query: exact names first, then names starting with it, then the rest (each group in input order). */
export function matchPlaces(query: string, places: readonly Place[], limit = 10): Place[] {
  const q = norm(query);
  if (!q) return [];
  const rank = (p: Place) => {
    const n = norm(p.name);
    return n === q ? 0 : n.startsWith(q) ? 1 : n.includes(q) ? 2 : 3;
  };
  return places
    .map((p, i) => ({ p, i, r: rank(p) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.p);
}

/**
 * Coordinates typed into the search box: 经度,纬度 in decimal degrees
 * (a full-width comma or a space will do), longitude first; undefined when
 * it is not two numbers. `outside`: two numbers, but not inside the city
 * (swapped ones among them).
 */
export function parseLonLatQuery(query: string, extent: Extent): { lonLat: LonLat } | { outside: true } | undefined {
  const m = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,，\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(query.normalize('NFKC'));
  if (!m) return undefined;
  const p: LonLat = [Math.round(Number(m[1]) * 1e6) / 1e6, Math.round(Number(m[2]) * 1e6) / 1e6];
  return insideExtent(p, extent) ? { lonLat: p } : { outside: true };
}

/** The gazetteer's point features as places; anything that is not a named point is skipped. */
export function gazetteerPlaces(geojson: unknown): Place[] {
  const features = (geojson as { features?: unknown })?.features;
  if (!Array.isArray(features)) return [];
  const out: Place[] = [];
  for (const f of features as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }[]) {
    const c = f?.geometry?.type === 'Point' ? f.geometry.coordinates : undefined;
    const name = f?.properties?.['name'];
    if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number' || typeof name !== 'string' || !name) continue;
    const kind = typeof f.properties?.['kind'] === 'string' ? (f.properties['kind'] as string) : '地名';
    const district = typeof f.properties?.['district'] === 'string' ? (f.properties['district'] as string) : undefined;
    out.push({ name, kind, ...(district ? { district } : {}), lonLat: [c[0], c[1]] });
  }
  return out;
}

/** The centre of a search result's box [w, s, e, n]; undefined for none. */
export function boxCentre(b: readonly number[] | 0 | undefined): LonLat | undefined {
  if (!Array.isArray(b) || b.length !== 4 || !b.every(Number.isFinite)) return undefined;
  return [Math.round(((b[0]! + b[2]!) / 2) * 1e6) / 1e6, Math.round(((b[1]! + b[3]!) / 2) * 1e6) / 1e6];
}
