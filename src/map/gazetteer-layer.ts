/**
 * Town and place names on the 示意底图: the published gazetteer
 * (/geo/gazetteer.geojson, from data/boundaries/gazetteer.geojson) as a
 * label layer of its own, added by ./layers.ts next to the offline base map
 * and never over Tianditu, whose own annotation names places.
 *
 * A separate layer rather than part of the base map's style, so the base
 * map's renderer can change without touching it. What that costs: OpenLayers
 * gives the labels of a higher layer priority over those of a lower one in
 * the same declutter group, so these names would push the base map's
 * district names aside. They therefore declutter in a group of their own
 * (LABEL_DECLUTTER, shared with the district name of ./district-context.ts)
 * and carry each district's label point (/geo/districts-overview.geojson) as
 * an invisible obstacle drawn first: a town name never covers a district
 * name, and districts keep precedence at every zoom. Within the layer the
 * order is districts (obstacles), then 乡镇, 街道, 村, 地名, and each kind
 * appears only from its MIN_ZOOM (view zoom = Tianditu level in both matrix sets).
 */
import Feature, { type FeatureLike } from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';

export const GAZETTEER_URL = '/geo/gazetteer.geojson';
export const DISTRICT_OVERVIEW_URL = '/geo/districts-overview.geojson';
/** The declutter group of our own labels over the 示意底图 (see the module comment). */
export const LABEL_DECLUTTER = 'geoportal-labels';

export type PlaceKind = '乡镇' | '街道' | '村' | '地名';
/** The view zoom from which each kind is named: towns once districts have room, streets and places in town. */
export const MIN_ZOOM: Record<PlaceKind, number> = { 乡镇: 9, 街道: 11, 村: 11, 地名: 12 };
/** Drawing (and so decluttering) priority within the layer: lower first. */
const RANK: Record<string, number> = { district: 0, 乡镇: 1, 街道: 2, 村: 3, 地名: 4 };

/** The system CJK fonts, as the 示意底图's own labels use them. */
export const LABEL_FONT_FAMILY = '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif';
/** Dark brown on the pale district tints (about 9:1) with a white halo; places in dark blue (about 8:1). */
const TOWN_COLOR = '#3a332b';
const PLACE_COLOR = '#1f4e79';

/** Whether a place of this kind is named at this zoom; unknown kinds never are. */
export function placeVisible(kind: unknown, zoom: number): boolean {
  const min = MIN_ZOOM[kind as PlaceKind];
  return min !== undefined && Number.isFinite(zoom) && zoom >= min;
}

function placeStyle(kind: PlaceKind): Style {
  const color = kind === '地名' ? PLACE_COLOR : TOWN_COLOR;
  return new Style({
    image: new Circle({ radius: kind === '乡镇' ? 3.5 : 3, fill: new Fill({ color: '#fff' }), stroke: new Stroke({ color, width: 1.5 }) }),
    text: new Text({
      font: `${kind === '乡镇' ? 13 : 12}px ${LABEL_FONT_FAMILY}`,
      textAlign: 'left',
      offsetX: 7,
      fill: new Fill({ color }),
      stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.95)', width: 3 }),
      padding: [1, 2, 1, 2],
    }),
  });
}

/** A district name's room, kept free for the base map's label: drawn in a transparent fill, so it only blocks. */
const OBSTACLE = new Style({
  text: new Text({ font: `bold 16px ${LABEL_FONT_FAMILY}`, fill: new Fill({ color: 'rgba(0, 0, 0, 0)' }), declutterMode: 'obstacle', padding: [2, 4, 2, 4] }),
});

export type GazetteerLayerOptions = {
  projection: string;
  /** The view zoom at a resolution (the map's view knows its own resolutions). */
  zoomForResolution(resolution: number): number;
  /** Called once when a data file cannot be loaded; the layer then stays empty. */
  onError?(error: Error): void;
  gazetteerUrl?: string;
  districtsUrl?: string;
};

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(new URL(url, document.baseURI), { headers: { accept: 'application/geo+json, application/json' } });
  if (!response.ok) throw new Error(`地名数据无法加载（HTTP ${response.status}）：${url}`);
  return response.json();
}

/** The obstacle points (district label points) and the places, as features in the view projection. */
export function gazetteerFeatures(gazetteer: unknown, overview: unknown, projection: string): Feature[] {
  const places = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection }).readFeatures(gazetteer);
  for (const f of places) f.set('role', String(f.get('kind')));
  const districts = ((overview as { features?: { properties?: { name?: unknown; labelPoint?: unknown } }[] })?.features ?? []).flatMap((d) => {
    const p = d.properties?.labelPoint;
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || typeof d.properties?.name !== 'string') return [];
    return [new Feature({ geometry: new Point(fromLonLat([p[0], p[1]], projection)), name: d.properties.name, role: 'district' })];
  });
  return [...districts, ...places];
}

export function createGazetteerLayer(options: GazetteerLayerOptions): VectorLayer {
  const styles = new Map<PlaceKind, Style>();
  const source = new VectorSource({
    loader: (_extent, _resolution, _projection, success, failure) => {
      Promise.all([fetchJson(options.gazetteerUrl ?? GAZETTEER_URL), fetchJson(options.districtsUrl ?? DISTRICT_OVERVIEW_URL)])
        .then(([gazetteer, overview]) => {
          const features = gazetteerFeatures(gazetteer, overview, options.projection);
          source.addFeatures(features);
          success?.(features);
        })
        .catch((e: unknown) => {
          options.onError?.(e instanceof Error ? e : new Error(String(e)));
          failure?.();
        });
    },
  });
  return new VectorLayer({
    source,
    declutter: LABEL_DECLUTTER,
    properties: { 'geoportal:role': 'offline-places' },
    renderOrder: (a: FeatureLike, b: FeatureLike) => (RANK[String(a.get('role'))] ?? 9) - (RANK[String(b.get('role'))] ?? 9),
    style: (feature: FeatureLike, resolution: number) => {
      const role = String(feature.get('role'));
      const zoom = options.zoomForResolution(resolution);
      if (role === 'district') {
        if (zoom < MIN_ZOOM.乡镇) return undefined;
        OBSTACLE.getText()!.setText(String(feature.get('name')));
        return OBSTACLE;
      }
      if (!placeVisible(role, zoom)) return undefined;
      const kind = role as PlaceKind;
      let style = styles.get(kind);
      if (!style) styles.set(kind, (style = placeStyle(kind)));
      style.getText()!.setText(String(feature.get('name')));
      return style;
    },
  });
}
