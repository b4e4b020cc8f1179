/**
 * An embedded map's district on the 示意底图: the district that contains the
 * record, outlined over the plain dashed boundaries and named where the
 * reader can see it. Added by ./layers.ts next to the offline base map
 * (over Tianditu its own boundaries and names are drawn instead).
 *
 * The outline is a solid dark line on a white casing, far from the base map's
 * thin dashed #8c8273: contrast over the pale tints is about 12:1 (non-text
 * contrast needs 3:1). The name is a label on a white plate with a dark
 * border. A record page frames its record closely, so the district's label
 * point is usually far outside the view; the name is then placed at a point
 * of the district inside the view, clear of the record and of the controls
 * over the map (labelAnchor, in pixels), and moved after every move of the
 * map. On the label point it covers the base map's plain name there.
 */
import type OlMap from 'ol/Map.js';
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Point from 'ol/geom/Point.js';
import type Geometry from 'ol/geom/Geometry.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import type { Extent } from 'ol/extent.js';
import { fromLonLat } from 'ol/proj.js';
import { Fill, Stroke, Style, Text } from 'ol/style.js';
import { LABEL_DECLUTTER, LABEL_FONT_FAMILY } from './gazetteer-layer.ts';

export const DISTRICTS_URL = '/geo/districts.geojson';
export const OUTLINE_COLOR = '#1f2d3d';

const OUTLINE_STYLES = [
  new Style({ stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.9)', width: 6 }) }),
  new Style({ stroke: new Stroke({ color: OUTLINE_COLOR, width: 2.5 }) }),
];
const LABEL_STYLE = new Style({
  text: new Text({
    font: `bold 15px ${LABEL_FONT_FAMILY}`,
    fill: new Fill({ color: OUTLINE_COLOR }),
    backgroundFill: new Fill({ color: '#fff' }),
    backgroundStroke: new Stroke({ color: OUTLINE_COLOR, width: 1.5 }),
    padding: [3, 6, 1, 6],
    overflow: true,
  }),
});

/** A box in CSS pixels of the map: [left, top, right, bottom]. */
export type PixelBox = [number, number, number, number];

export type AnchorInput = {
  /** The map's size in CSS pixels. */
  size: readonly [number, number];
  /** The label's size in CSS pixels. */
  label: readonly [number, number];
  /** Whether the pixel lies in the district. */
  contains(x: number, y: number): boolean;
  /** The district's own label point (pixel), used when the label fits there. */
  preferred?: readonly [number, number] | undefined;
  /** What the label keeps off: the record, the controls over the map. */
  avoid?: readonly PixelBox[];
};

const GAP = 6;
const overlapsBox = (a: PixelBox, b: PixelBox) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Where to centre the district's name (CSS pixels): on its label point when
 * the label fits there, inside the map and clear of the record and the
 * controls; otherwise at the first point of a 9×9 grid over the map that is in
 * the district and where the label is clear, trying the lower middle first
 * (the record sits in the middle, the locator inset at the upper left).
 * Undefined when there is no such point.
 */
export function labelAnchor({ size, label, contains, preferred, avoid = [] }: AnchorInput): [number, number] | undefined {
  const [w, h] = size;
  const [hw, hh] = [label[0] / 2 + GAP, label[1] / 2 + GAP];
  if (w <= 2 * hw || h <= 2 * hh) return undefined;
  const fits = (x: number, y: number) => {
    if (x < hw || x > w - hw || y < hh || y > h - hh || !contains(x, y)) return false;
    const box: PixelBox = [x - hw, y - hh, x + hw, y + hh];
    return !avoid.some((a) => overlapsBox(box, a));
  };
  if (preferred && fits(preferred[0], preferred[1])) return [preferred[0], preferred[1]];
  const steps = 8;
  const target: [number, number] = [w / 2, h * 0.75];
  const candidates: [number, number][] = [];
  for (let i = 0; i <= steps; i++) for (let j = 0; j <= steps; j++) candidates.push([hw + ((w - 2 * hw) * i) / steps, hh + ((h - 2 * hh) * j) / steps]);
  candidates.sort((a, b) => Math.hypot(a[0] - target[0], a[1] - target[1]) - Math.hypot(b[0] - target[0], b[1] - target[1]));
  return candidates.find(([x, y]) => fits(x, y));
}

/** The boxes (CSS pixels of the map) of the controls drawn over it: OpenLayers' and the north arrow beside them. */
function controlBoxes(map: OlMap): PixelBox[] {
  const viewport = map.getViewport();
  if (!viewport) return [];
  const origin = viewport.getBoundingClientRect();
  const elements = [...viewport.querySelectorAll<HTMLElement>('.ol-control'), ...(viewport.closest('.map-frame')?.querySelectorAll<HTMLElement>('.map-north') ?? [])];
  return elements.flatMap((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? [[r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top] as PixelBox] : [];
  });
}

export type DistrictContextOptions = {
  projection: string;
  /** The district, by code (the features' id in /geo/districts.geojson). */
  code: string;
  /** The record's extent in view coordinates. */
  focusExtent?: Extent | undefined;
  districtsUrl?: string;
};

/**
 * Loads the district, adds its outline and name to the map and keeps the
 * name in view. Rejects when the district data cannot be loaded or has no
 * such district.
 */
export async function addDistrictContext(map: OlMap, zIndex: number, options: DistrictContextOptions): Promise<VectorLayer> {
  const url = new URL(options.districtsUrl ?? DISTRICTS_URL, document.baseURI);
  const response = await fetch(url, { headers: { accept: 'application/geo+json, application/json' } });
  if (!response.ok) throw new Error(`行政区数据无法加载（HTTP ${response.status}）：${url.pathname}`);
  const collection = (await response.json()) as { features?: { id?: unknown; properties?: { title?: unknown; labelPoint?: unknown } }[] };
  const raw = collection.features?.find((f) => String(f.id) === options.code);
  if (!raw) throw new Error(`行政区数据中没有代码为 ${options.code} 的行政区`);
  const outline = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: options.projection }).readFeature(raw) as Feature<Geometry>;
  outline.setStyle(OUTLINE_STYLES);
  const name = String(raw.properties?.title ?? '');
  const lp = raw.properties?.labelPoint;
  const preferred = Array.isArray(lp) && typeof lp[0] === 'number' && typeof lp[1] === 'number' ? fromLonLat([lp[0], lp[1]], options.projection) : undefined;
  const label = new Feature<Point>({ name });
  label.setStyle(() => {
    LABEL_STYLE.getText()!.setText(name);
    return label.getGeometry() ? LABEL_STYLE : undefined;
  });
  const geometry = outline.getGeometry()!;
  // The plate's size, from the label font (15 px, bold) and its padding.
  const labelSize: [number, number] = [[...name].length * 15 + 16, 26];
  const place = () => {
    const size = map.getSize();
    if (!size) return;
    const pixel = (c: number[]) => map.getPixelFromCoordinate(c) as [number, number] | null;
    const focus = options.focusExtent;
    const [fw, fs, fe, fn] = (focus ?? []) as number[];
    const corners = focus ? [pixel([fw!, fs!]), pixel([fe!, fn!])] : [];
    const record: PixelBox[] = corners[0] && corners[1] ? [[Math.min(corners[0][0], corners[1][0]) - 4, Math.min(corners[0][1], corners[1][1]) - 4, Math.max(corners[0][0], corners[1][0]) + 4, Math.max(corners[0][1], corners[1][1]) + 4]] : [];
    const at = labelAnchor({
      size: size as [number, number],
      label: labelSize,
      contains: (x, y) => {
        const c = map.getCoordinateFromPixel([x, y]);
        return !!c && geometry.intersectsCoordinate(c);
      },
      preferred: preferred ? (pixel(preferred) ?? undefined) : undefined,
      avoid: [...record, ...controlBoxes(map)],
    });
    const coordinate = at && map.getCoordinateFromPixel(at);
    if (!coordinate) label.setGeometry(undefined);
    else if (!label.getGeometry()) label.setGeometry(new Point(coordinate));
    else label.getGeometry()!.setCoordinates(coordinate);
  };
  const layer = new VectorLayer({ source: new VectorSource({ features: [outline, label] }), zIndex, declutter: LABEL_DECLUTTER, properties: { 'geoportal:role': 'district-context', 'geoportal:district': name } });
  map.addLayer(layer);
  place();
  // A move ends with the view where it stays: place the name for that view; a control
  // added later (the locator inset) takes room the name then keeps off.
  map.on('moveend', place);
  map.getControls().on('add', place);
  return layer;
}
