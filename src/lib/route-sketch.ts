/**
 * A route drawn to scale as SVG coordinates, for the printed itinerary: a
 * lazily loaded OpenLayers canvas may not be there when the page prints,
 * a drawing made at build time always is. Longitudes are scaled by the
 * cosine of the middle latitude, so distances keep their proportions
 * (an error well under 1 % over a city); the scale bar is measured on the
 * ellipsoid. It is a sketch (示意图), not a map: no base map, no boundaries.
 */
import { geodesicLength, type LonLat } from '../map/geodesy.ts';

export type RouteSketch = {
  width: number;
  height: number;
  /** SVG path data of the line through the stops, in order. */
  path: string;
  /** Each stop, with where its name goes: `dy` below the marker's centre, so close stops' names do not overlap. */
  stops: { x: number; y: number; n: number; dy: number }[];
  /** A scale bar of a round length. */
  scale: { px: number; label: string };
};

/** The largest of 1, 2, 5 × 10^k that is at most `value`. */
export function roundDown125(value: number): number {
  const p = 10 ** Math.floor(Math.log10(value));
  return [5, 2, 1].map((f) => f * p).find((v) => v <= value) ?? p;
}

/** Label rectangles approximated from the text length (12 px a CJK character at 12 px type). */
type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Vertical offsets for the stops' names (placed right of their markers):
 * each takes the first of 0, +16, −16, +32, −32 px that overlaps no name
 * or marker placed before it.
 */
export function labelOffsets(stops: readonly { x: number; y: number }[], names: readonly string[]): number[] {
  const placed: Box[] = stops.map((p) => ({ x0: p.x - 11, y0: p.y - 11, x1: p.x + 11, y1: p.y + 11 }));
  return stops.map((p, i) => {
    const w = 12 * (names[i]?.length ?? 0);
    for (const dy of [0, 16, -16, 32, -32, 48]) {
      const box = { x0: p.x + 14, y0: p.y + dy - 8, x1: p.x + 14 + w, y1: p.y + dy + 6 };
      if (!placed.some((q) => overlaps(box, q))) {
        placed.push(box);
        return dy;
      }
    }
    return 0;
  });
}

export function routeSketch(points: readonly LonLat[], names: readonly string[] = [], width = 640, height = 360, margin = 40): RouteSketch {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  // Degrees of latitude per pixel: the larger of the two spans sets it (a route of one point gets ~1 km across).
  const spanX = Math.max((e - w) * k, 1e-3);
  const spanY = Math.max(n - s, 1e-3);
  const unit = Math.max(spanX / (width - 2 * margin), spanY / (height - 2 * margin));
  const x0 = width / 2 - ((e - w) * k) / unit / 2;
  const y0 = height / 2 + (n - s) / unit / 2;
  const at = ([lon, lat]: LonLat) => ({ x: Math.round((x0 + ((lon - w) * k) / unit) * 10) / 10, y: Math.round((y0 - (lat - s) / unit) * 10) / 10 });
  const xy = points.map(at);
  // One pixel on the ground, measured along the middle parallel.
  const mid = (s + n) / 2;
  const metresPerPx = geodesicLength([[w, mid], [w + unit / k, mid]]);
  const metres = roundDown125((width / 4) * metresPerPx);
  return {
    width,
    height,
    path: xy.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' '),
    stops: ((dys) => xy.map((p, i) => ({ ...p, n: i + 1, dy: dys[i]! })))(labelOffsets(xy, names)),
    scale: { px: Math.round(metres / metresPerPx), label: metres >= 1000 ? `${metres / 1000} 公里` : `${metres} 米` },
  };
}
