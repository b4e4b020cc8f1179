/**
 * The offline base map (示意底图): a Mapbox GL / MapLibre style v8 document
 * drawn only from the site's own district data, for when Tianditu is not
 * available (no key, tiles failing). Served prerendered at
 * /map/offline-style.json (src/pages/map/offline-style.json.ts) with its label
 * points at /geo/district-labels.geojson; rendered in the browser by
 * ol-mapbox-style (src/map/offline-basemap.ts).
 *
 * What it draws: a light background, a subtle tint per district, the
 * internal district boundaries (dashed) and the district names. Nothing else:
 * no national or provincial borders, no tiles, no sprite or glyph URLs (the
 * style is meant for ol-mapbox-style, which draws text with canvas fonts; a
 * MapLibre GL renderer would also need a `glyphs` URL). The "示意底图" badge
 * is shown by the map UI, not drawn; the style carries it as metadata.
 *
 * Zoom levels in the style follow GL conventions (512 px tiles): GL zoom z is
 * Tianditu level z + 1 in both matrix sets, given the resolutions
 * src/map/offline-basemap.ts passes. Layers must not use `minzoom`/`maxzoom`:
 * ol-mapbox-style 13 converts those to layer resolutions with the EPSG:3857
 * table even in a degree-based view (apply.js, finalizeLayer); use zoom
 * expressions instead, which it evaluates with the given resolutions.
 *
 * This module is pure (no DOM, no Node APIs): the endpoints use it at build
 * time and offline-basemap.ts uses checkOfflineStyle() in the browser.
 */
import type { Feature } from '../lib/geojson.ts';

export const OFFLINE_LABEL = '示意底图';
export const DISTRICTS_SOURCE = 'districts';
export const LABELS_SOURCE = 'district-labels';
export const DISTRICTS_URL = '/geo/districts.geojson';
export const LABELS_URL = '/geo/district-labels.geojson';

export const BACKGROUND_COLOR = '#f2efe9';
/** Pale tints, one per district (neighbours differ); all close to the background in lightness. */
export const DISTRICT_TINTS = ['#e9e1cf', '#dde6d5', '#dbe3ea', '#ecdcd6', '#e4dfec', '#e6e8d2'] as const;
export const BOUNDARY_COLOR = '#8c8273';
export const LABEL_COLOR = '#463d33';

/**
 * Label fonts, as the GL `text-font` stack. ol-mapbox-style turns it into a
 * CSS font through mapbox-to-css-font: at 13 px the canvas font is
 * `normal 400 13px/1.2 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif`
 * (it appends sans-serif), so each system picks its own CJK font: Noto Sans
 * CJK (Debian `fonts-noto-cjk`, Android), 思源黑体, 微软雅黑 (Windows), 苹方
 * (macOS, iOS), else the browser's default sans-serif with glyph fallback.
 */
export const LABEL_FONTS = ['Noto Sans CJK SC Regular', 'Source Han Sans SC Regular', 'Microsoft YaHei Regular', 'PingFang SC Regular'];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type GeoJsonSource = { type: 'geojson'; data: string; attribution?: string };
export type StyleLayer = {
  id: string;
  type: 'background' | 'fill' | 'line' | 'symbol';
  source?: string;
  layout?: Record<string, Json>;
  paint?: Record<string, Json>;
};
export type OfflineStyle = {
  version: 8;
  name: string;
  metadata: { 'geoportal:offline': true; 'geoportal:label': string };
  sources: Record<string, GeoJsonSource>;
  layers: StyleLayer[];
};

export type OfflineStyleOptions = {
  /** Default /geo/districts.geojson. */
  districtsUrl?: string;
  /** Default /geo/district-labels.geojson. */
  labelsUrl?: string;
  /** Tint index (into DISTRICT_TINTS) per district code, from districtTints(); without it all districts share the first tint. */
  tints?: Record<string, number>;
};

/** The `fill-color`: a `match` on the district code, grouped by tint. */
function fillColor(tints: Record<string, number> | undefined): Json {
  const groups = new Map<number, string[]>();
  for (const [code, i] of Object.entries(tints ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const index = ((i % DISTRICT_TINTS.length) + DISTRICT_TINTS.length) % DISTRICT_TINTS.length;
    groups.set(index, [...(groups.get(index) ?? []), code]);
  }
  if (groups.size === 0) return DISTRICT_TINTS[0];
  const pairs = [...groups.entries()].sort(([a], [b]) => a - b).flatMap(([i, codes]) => [codes, DISTRICT_TINTS[i]!]);
  return ['match', ['get', 'code'], ...pairs, DISTRICT_TINTS[0]];
}

export function offlineStyle(options: OfflineStyleOptions = {}): OfflineStyle {
  const zoomed = (low: number, high: number): Json => ['interpolate', ['linear'], ['zoom'], 6, low, 11, high];
  return {
    version: 8,
    name: OFFLINE_LABEL,
    metadata: { 'geoportal:offline': true, 'geoportal:label': OFFLINE_LABEL },
    sources: {
      [DISTRICTS_SOURCE]: { type: 'geojson', data: options.districtsUrl ?? DISTRICTS_URL },
      [LABELS_SOURCE]: { type: 'geojson', data: options.labelsUrl ?? LABELS_URL },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      { id: 'district-fill', type: 'fill', source: DISTRICTS_SOURCE, paint: { 'fill-color': fillColor(options.tints), 'fill-opacity': 0.9 } },
      {
        id: 'district-boundary',
        type: 'line',
        source: DISTRICTS_SOURCE,
        layout: { 'line-join': 'round', 'line-cap': 'butt' },
        paint: { 'line-color': BOUNDARY_COLOR, 'line-width': zoomed(0.8, 1.6), 'line-dasharray': [4, 2] },
      },
      {
        id: 'district-label',
        type: 'symbol',
        source: LABELS_SOURCE,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONTS,
          'text-size': zoomed(12, 16),
          'text-anchor': 'center',
          'text-max-width': 8,
          'text-allow-overlap': false,
        },
        paint: { 'text-color': LABEL_COLOR, 'text-halo-color': 'rgba(255, 255, 255, 0.9)', 'text-halo-width': 1.5 },
      },
    ],
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

export type LabelFeature = { type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { name: string; code: string } };
export type LabelCollection = { type: 'FeatureCollection'; name: string; features: LabelFeature[] };

/**
 * One Point per district at its labelPoint, with the district's name: the
 * label source of the offline style. Takes the features of the `districts`
 * map collection (src/lib/collections.ts), the same as /geo/districts.geojson.
 */
export function districtLabels(districts: Feature[]): LabelCollection {
  return {
    type: 'FeatureCollection',
    name: LABELS_SOURCE,
    features: districts.map((f) => {
      const { title, code, labelPoint } = f.properties;
      const [lon, lat] = Array.isArray(labelPoint) && labelPoint.length === 2 ? (labelPoint as unknown[]) : [];
      if (typeof title !== 'string' || typeof code !== 'string' || typeof lon !== 'number' || typeof lat !== 'number') {
        throw new Error(`行政区 ${f.id} 缺少名称、代码或标注点`);
      }
      return { type: 'Feature', id: code, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { name: title, code } };
    }),
  };
}

const LAYER_TYPES = new Set(['background', 'fill', 'line', 'symbol']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with a document that should be the offline style (empty when
 * nothing): checked in the browser before ol-mapbox-style sees it, so a
 * missing or broken file fails with a clear message instead of a blank map.
 */
export function checkOfflineStyle(style: unknown): string[] {
  if (!isObject(style)) return ['不是 JSON 对象'];
  const problems: string[] = [];
  if (style['version'] !== 8) problems.push('version 应为 8');
  if (!isObject(style['metadata']) || style['metadata']['geoportal:offline'] !== true) problems.push('不是本站的示意底图样式（缺少 metadata["geoportal:offline"]）');
  const sources = style['sources'];
  if (!isObject(sources)) problems.push('缺少 sources');
  else {
    for (const [id, s] of Object.entries(sources)) {
      if (!isObject(s) || s['type'] !== 'geojson' || typeof s['data'] !== 'string' || s['data'] === '') problems.push(`数据源 ${id} 应为 geojson 类型并给出数据地址`);
    }
  }
  const layers = style['layers'];
  if (!Array.isArray(layers) || layers.length === 0) problems.push('缺少 layers');
  else {
    const ids = new Set<string>();
    layers.forEach((l: unknown, i) => {
      if (!isObject(l) || typeof l['id'] !== 'string' || l['id'] === '') return void problems.push(`第 ${i + 1} 个图层缺少 id`);
      if (ids.has(l['id'])) problems.push(`图层 ${l['id']} 重复`);
      ids.add(l['id']);
      if (typeof l['type'] !== 'string' || !LAYER_TYPES.has(l['type'])) problems.push(`图层 ${l['id']} 的类型 ${String(l['type'])} 不受支持`);
      else if (l['type'] !== 'background' && (typeof l['source'] !== 'string' || !isObject(sources) || !(l['source'] in sources))) {
        problems.push(`图层 ${l['id']} 引用了不存在的数据源 ${String(l['source'])}`);
      }
    });
  }
  return problems;
}
