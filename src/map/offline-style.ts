/**
 * The offline base map (示意底图): what it draws and from which data, in one
 * place. It is drawn from the site's own district data only, for when
 * Tianditu is not available (no key, tiles failing), with OpenLayers' own
 * flat styles (ol/style/flat) rather than a Mapbox GL style document and
 * ol-mapbox-style, which cost some 63 KB gzipped for four style layers
 * (docs/decisions/0010-offline-basemap-flat-styles.md).
 *
 * What it draws: a light background, a pale tint per district (neighbours
 * differ), the district boundaries (dashed) and the district names, which
 * declutter. Nothing else: no national or provincial borders, no tiles, no
 * web fonts (labels use the system's CJK font). The "示意底图" badge is shown
 * by the map UI, not drawn.
 *
 * Data: /geo/districts.geojson (the polygons; generalized up to zoom 9,
 * DISTRICTS_GENERALIZED_URL) and /geo/district-labels.geojson
 * (src/pages/geo/district-labels.geojson.ts): one point per district with its
 * name, code and tint index, computed here at build time (districtLabels),
 * because finding neighbours in the browser would cost a phone some 100 ms.
 * The map fetches the labels first: without them there are no tints and no
 * names, so their failure is the 示意底图's failure (checkOfflineLabels).
 *
 * Line width and label size grow with the zoom, as the GL style did from GL
 * zoom 6 to 11, i.e. from view zoom 7 to 12 (Tianditu levels, in both matrix
 * sets). Canvas flat styles know the resolution but not the zoom
 * (ol/expr/cpu.js leaves `zoom` unimplemented), so the ramps interpolate over
 * the resolutions of the integer zooms in between, which the caller supplies
 * for its view (src/map/offline-basemap.ts).
 *
 * This module is pure (no DOM, no Node APIs, no OpenLayers code, only its
 * types): the build uses districtLabels() and the browser offlineStyles()
 * and checkOfflineLabels().
 */
import type { ColorExpression, FlatStyle, NumberExpression } from 'ol/style/flat.js';
import type { Feature } from '../lib/geojson.ts';

export const OFFLINE_LABEL = '示意底图';
export const LABELS_NAME = 'district-labels';
export const DISTRICTS_URL = '/geo/districts.geojson';
/**
 * The district polygons generalized for the city-wide zooms: Douglas–Peucker
 * at GENERALIZED_TOLERANCE degrees (src/map/district-overview.ts), drawn up
 * to GENERALIZED_MAX_ZOOM, where a pixel spans some 0.0019° of latitude at
 * 47°N (EPSG:3857; more in lon/lat), so no outline moves by more than about
 * half a pixel. A fifth of the vertices of /geo/districts.geojson, which is
 * fetched only when the reader zooms in further: parsing and drawing its
 * 30,000 vertices was the largest piece of the map page's start-up.
 */
export const DISTRICTS_GENERALIZED_URL = '/geo/districts-generalized.geojson';
export const GENERALIZED_TOLERANCE = 0.001;
export const GENERALIZED_MAX_ZOOM = 9;
export const LABELS_URL = '/geo/district-labels.geojson';

export const BACKGROUND_COLOR = '#f2efe9';
/** Pale tints, one per district (neighbours differ); all close to the background in lightness. */
export const DISTRICT_TINTS = ['#e9e1cf', '#dde6d5', '#dbe3ea', '#ecdcd6', '#e4dfec', '#e6e8d2'] as const;
/** The tints are drawn at this opacity over the background, as the GL style's fill-opacity did. */
export const TINT_OPACITY = 0.9;
export const BOUNDARY_COLOR = '#8c8273';
export const LABEL_COLOR = '#463d33';
export const LABEL_HALO_COLOR = 'rgba(255, 255, 255, 0.9)';
/** Twice the GL halo width of 1.5 px: a canvas stroke is centred on the glyph outline. */
export const LABEL_HALO_WIDTH = 3;

/**
 * Label fonts: each system picks its own CJK font: Noto Sans CJK (Debian
 * `fonts-noto-cjk`, Android), 思源黑体, 微软雅黑 (Windows), 苹方 (macOS, iOS),
 * else the browser's default sans-serif with glyph fallback. The same stack
 * as the GL style's `text-font`, which ol-mapbox-style turned into this CSS.
 */
export const LABEL_FONT_FAMILY = '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif';

/** The zoom ramp of line width and label size: view zoom (Tianditu level) and value at each end. */
export const ZOOM_RAMP = { from: 7, to: 12 } as const;
export const BOUNDARY_WIDTH = { from: 0.8, to: 1.6 } as const;
export const LABEL_SIZE = { from: 12, to: 16 } as const;
/** Dashes and gaps in boundary widths (the GL style's line-dasharray). */
export const BOUNDARY_DASH = [4, 2] as const;

/** `#rrggbb` → `rgba(r, g, b, a)`. */
export function withOpacity(hex: string, opacity: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${opacity})`;
}

/**
 * A value that goes linearly with the zoom from `from` at ZOOM_RAMP.from to
 * `to` at ZOOM_RAMP.to, constant outside, as an expression of the
 * resolution: stops at each integer zoom, in increasing resolution as
 * `interpolate` wants them. Between two integer zooms it is linear in the
 * resolution, not in the zoom: at most 0.09 of one step off (0.014 px of
 * boundary width), where the GL style was exact.
 */
export function zoomRamp(value: { from: number; to: number }, resolutionAt: (zoom: number) => number): NumberExpression {
  const stops: number[] = [];
  const span = ZOOM_RAMP.to - ZOOM_RAMP.from;
  for (let z = ZOOM_RAMP.to; z >= ZOOM_RAMP.from; z--) stops.push(resolutionAt(z), value.from + ((value.to - value.from) * (z - ZOOM_RAMP.from)) / span);
  return ['interpolate', ['linear'], ['resolution'], ...stops];
}

/** The `fill-color` of the districts: a `match` on the district code, one tint per code. */
export function tintExpression(tints: Readonly<Record<string, number>>): ColorExpression {
  const colour = (i: number) => withOpacity(DISTRICT_TINTS[((i % DISTRICT_TINTS.length) + DISTRICT_TINTS.length) % DISTRICT_TINTS.length]!, TINT_OPACITY);
  const pairs = Object.entries(tints)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([code, i]) => [code, colour(i)]);
  if (pairs.length === 0) return colour(0);
  return ['match', ['get', 'code'], ...pairs, colour(0)];
}

export type OfflineStyles = {
  /** The district polygons: tints under, boundaries over (z-index), so a tint never covers a neighbour's boundary. */
  districts: FlatStyle[];
  /** The district names (the layer declutters them). */
  labels: FlatStyle;
};

/**
 * The 示意底图's flat styles. `tints`: the tint index per district code (from
 * the labels); `resolutionAt`: the view's resolution at a zoom.
 */
export function offlineStyles(tints: Readonly<Record<string, number>>, resolutionAt: (zoom: number) => number): OfflineStyles {
  const width = zoomRamp(BOUNDARY_WIDTH, resolutionAt);
  const size = zoomRamp(LABEL_SIZE, resolutionAt);
  return {
    districts: [
      { 'fill-color': tintExpression(tints), 'z-index': 0 },
      {
        'stroke-color': BOUNDARY_COLOR,
        'stroke-width': width,
        'stroke-line-dash': ['array', ['*', BOUNDARY_DASH[0], width], ['*', BOUNDARY_DASH[1], width]],
        'stroke-line-join': 'round',
        'stroke-line-cap': 'butt',
        'z-index': 1,
      },
    ],
    labels: {
      'text-value': ['get', 'name'],
      'text-font': ['concat', 'normal 400 ', ['to-string', size], `px/1.2 ${LABEL_FONT_FAMILY}`],
      'text-fill-color': LABEL_COLOR,
      'text-stroke-color': LABEL_HALO_COLOR,
      'text-stroke-width': LABEL_HALO_WIDTH,
      'text-align': 'center',
      'text-baseline': 'middle',
    },
  };
}

/** Every [lon, lat] of a (Multi)Polygon's rings, as strings rounded to 1e-6°. */
function vertexKeys(coordinates: unknown, out = new Set<string>()): Set<string> {
  if (!Array.isArray(coordinates)) return out;
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    out.add(`${coordinates[0].toFixed(6)},${coordinates[1].toFixed(6)}`);
    return out;
  }
  for (const c of coordinates) vertexKeys(c, out);
  return out;
}

/**
 * A tint index per district code such that neighbours (districts sharing at
 * least two boundary vertices) differ where the palette allows: greedy
 * colouring, most-connected district first.
 */
export function districtTints(districts: { code: string; geometry: { coordinates: unknown } }[], paletteSize: number = DISTRICT_TINTS.length): Record<string, number> {
  const vertices = districts.map((d) => vertexKeys(d.geometry.coordinates));
  const neighbours = districts.map((_, i) =>
    districts.flatMap((_, j) => {
      if (i === j) return [];
      let shared = 0;
      for (const v of vertices[i]!) if (vertices[j]!.has(v) && ++shared >= 2) return [j];
      return [];
    }),
  );
  const order = districts.map((_, i) => i).sort((a, b) => neighbours[b]!.length - neighbours[a]!.length || districts[a]!.code.localeCompare(districts[b]!.code));
  const tint = new Map<number, number>();
  for (const i of order) {
    const taken = new Set(neighbours[i]!.flatMap((j) => (tint.has(j) ? [tint.get(j)!] : [])));
    let t = 0;
    while (taken.has(t) && t < paletteSize) t++;
    tint.set(i, t < paletteSize ? t : tint.size % paletteSize);
  }
  return Object.fromEntries(districts.map((d, i) => [d.code, tint.get(i)!]));
}

export type LabelFeature = { type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { name: string; code: string; tint: number } };
export type LabelCollection = { type: 'FeatureCollection'; name: typeof LABELS_NAME; features: LabelFeature[] };

/**
 * One Point per district at its labelPoint, with the district's name, code
 * and tint (neighbours differ): the data of the 示意底图 besides the
 * polygons. Takes the features of the `districts` map collection
 * (src/lib/collections.ts), the same as /geo/districts.geojson.
 */
export function districtLabels(districts: Feature[]): LabelCollection {
  const parsed = districts.map((f) => {
    const { title, code, labelPoint } = f.properties;
    const [lon, lat] = Array.isArray(labelPoint) && labelPoint.length === 2 ? (labelPoint as unknown[]) : [];
    if (typeof title !== 'string' || typeof code !== 'string' || typeof lon !== 'number' || typeof lat !== 'number') {
      throw new Error(`行政区 ${f.id} 缺少名称、代码或标注点`);
    }
    return { name: title, code, lon, lat, geometry: f.geometry };
  });
  const tints = districtTints(parsed.map((d) => ({ code: d.code, geometry: d.geometry })));
  return {
    type: 'FeatureCollection',
    name: LABELS_NAME,
    features: parsed.map((d) => ({ type: 'Feature', id: d.code, geometry: { type: 'Point', coordinates: [d.lon, d.lat] }, properties: { name: d.name, code: d.code, tint: tints[d.code]! } })),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with a document that should be the 示意底图's labels (empty
 * when nothing): checked in the browser before anything is drawn from it, so
 * a missing or broken file fails with a clear message instead of a blank map.
 */
export function checkOfflineLabels(doc: unknown): string[] {
  if (!isObject(doc)) return ['不是 JSON 对象'];
  if (doc['type'] !== 'FeatureCollection' || doc['name'] !== LABELS_NAME) return [`不是本站的示意底图标注数据（应为 name 为 ${LABELS_NAME} 的 FeatureCollection）`];
  const features = doc['features'];
  if (!Array.isArray(features) || features.length === 0) return ['没有行政区标注'];
  const problems: string[] = [];
  const codes = new Set<string>();
  features.forEach((f: unknown, i) => {
    const at = `第 ${i + 1} 个标注`;
    const geometry = isObject(f) ? f['geometry'] : undefined;
    const coordinates = isObject(geometry) ? geometry['coordinates'] : undefined;
    if (!isObject(geometry) || geometry['type'] !== 'Point' || !Array.isArray(coordinates) || coordinates.length !== 2 || !coordinates.every((c) => typeof c === 'number' && Number.isFinite(c))) {
      problems.push(`${at}不是经纬度点`);
    }
    const p = isObject(f) && isObject(f['properties']) ? f['properties'] : {};
    if (typeof p['name'] !== 'string' || p['name'] === '') problems.push(`${at}缺少名称`);
    if (typeof p['code'] !== 'string' || p['code'] === '') problems.push(`${at}缺少行政区代码`);
    else if (codes.has(p['code'])) problems.push(`${at}的行政区代码 ${p['code']} 重复`);
    else codes.add(p['code']);
    if (!Number.isInteger(p['tint']) || (p['tint'] as number) < 0 || (p['tint'] as number) >= DISTRICT_TINTS.length) problems.push(`${at}的底色编号应为 0–${DISTRICT_TINTS.length - 1} 的整数`);
  });
  return problems;
}

/** The tint index per district code of a checked labels document. */
export function labelTints(doc: LabelCollection): Record<string, number> {
  return Object.fromEntries(doc.features.map((f) => [f.properties.code, f.properties.tint]));
}
