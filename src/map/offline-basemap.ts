/**
 * The offline base map (示意底图) as OpenLayers layers: one LayerGroup with
 * the district polygons (background, tints, boundaries; generalized up to
 * GENERALIZED_MAX_ZOOM, in full past it) and the district names
 * (decluttered), styled by the flat styles of ./offline-style.ts. The
 * map module loads this with `await import('./offline-basemap.ts')` only
 * when the 示意底图 is needed, so pages drawing Tianditu never download it;
 * it uses only OpenLayers code the map has anyway, plus the flat-style
 * compiler.
 *
 * The labels come first (tints and names: without them there is no 示意底图)
 * and their failure rejects with a Chinese message naming the cause. The
 * generalized polygons are fetched at the same time and drawn when they
 * arrive, the full ones when first drawn; their failure comes later, through
 * `onDataError` (once).
 *
 * Zoom ramps need the view's resolution at a zoom: OpenLayers' default for a
 * view in the projection, max(extent width, height) / 256 / 2^z, which is
 * what the map's View uses (src/map/map.ts sets no resolutions). Only
 * EPSG:3857 and lon/lat projections are accepted: those are the two Tianditu
 * matrix sets, and the only ones whose zoom levels are Tianditu's levels.
 */
import GeoJSON from 'ol/format/GeoJSON.js';
import LayerGroup from 'ol/layer/Group.js';
import VectorLayer from 'ol/layer/Vector.js';
import { equivalent, get as getProjection } from 'ol/proj.js';
import { getHeight, getWidth } from 'ol/extent.js';
import VectorSource from 'ol/source/Vector.js';
import { all } from 'ol/loadingstrategy.js';
import type Feature from 'ol/Feature.js';
import type { Geometry } from 'ol/geom.js';
import {
  BACKGROUND_COLOR,
  DISTRICTS_GENERALIZED_URL,
  DISTRICTS_URL,
  GENERALIZED_MAX_ZOOM,
  LABELS_URL,
  OFFLINE_LABEL,
  checkOfflineLabels,
  labelTints,
  offlineStyles,
  type LabelCollection,
} from './offline-style.ts';

export type OfflineBaseLayerOptions = {
  /** Default /geo/district-labels.geojson. */
  labelsUrl?: string;
  /** Default /geo/districts.geojson: the polygons past GENERALIZED_MAX_ZOOM. */
  districtsUrl?: string;
  /** Default /geo/districts-generalized.geojson: the polygons up to GENERALIZED_MAX_ZOOM. */
  generalizedUrl?: string;
  /** Called once if the district polygons fail to load after the layer was created. */
  onDataError?: (error: Error) => void;
};

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The view's resolution at a zoom, for a projection the 示意底图 supports; throws a Chinese message otherwise. */
export function zoomResolutions(projection: string): (zoom: number) => number {
  const proj = getProjection(projection);
  if (!proj) throw new Error(`示意底图无法创建：投影 ${projection} 尚未在 OpenLayers 中注册`);
  const extent = proj.getExtent();
  const supported = equivalent(proj, getProjection('EPSG:3857')!) || proj.getUnits() === 'degrees';
  if (!supported || !extent) throw new Error(`示意底图无法创建：不支持投影 ${projection}（只支持 EPSG:3857 和经纬度投影）`);
  const zoom0 = Math.max(getWidth(extent), getHeight(extent)) / 256;
  return (zoom) => zoom0 / 2 ** zoom;
}

/** Fetches a JSON file; rejects with `示意底图数据…` and the cause. */
async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/geo+json, application/json' } });
  } catch (e) {
    throw new Error(`示意底图数据无法加载（网络错误：${message(e)}）：${url}`);
  }
  if (!response.ok) throw new Error(`示意底图数据无法加载（HTTP ${response.status}）：${url}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`示意底图数据不是有效的 JSON：${url}`);
  }
}

/**
 * Builds the 示意底图 for a view in `projection`. Rejects with an Error whose
 * message is Chinese and names the cause when the projection is not
 * supported, or the labels are missing, not JSON or not the 示意底图's.
 */
export async function createOfflineBaseLayer(projection: string, options: OfflineBaseLayerOptions = {}): Promise<LayerGroup> {
  const resolutionAt = zoomResolutions(projection);
  const labelsUrl = new URL(options.labelsUrl ?? LABELS_URL, document.baseURI).href;
  const districtsUrl = new URL(options.districtsUrl ?? DISTRICTS_URL, document.baseURI).href;
  const generalizedUrl = new URL(options.generalizedUrl ?? DISTRICTS_GENERALIZED_URL, document.baseURI).href;
  // Both at once: the polygons are the larger file and need not wait for the labels.
  const generalized = fetchJson(generalizedUrl);
  generalized.catch(() => undefined); // reported through the source below, once it asks
  const doc = await fetchJson(labelsUrl);
  const problems = checkOfflineLabels(doc);
  if (problems.length > 0) throw new Error(`示意底图数据有误：${problems.join('；')}`);
  const labels = doc as LabelCollection;

  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });
  let styles: ReturnType<typeof offlineStyles>;
  let labelSource: VectorSource;
  try {
    styles = offlineStyles(labelTints(labels), resolutionAt);
    labelSource = new VectorSource({ features: format.readFeatures(labels) as Feature<Geometry>[] });
  } catch (e) {
    throw new Error(`示意底图无法创建：${message(e)}`);
  }

  // Two polygon sources: the generalized outlines, fetched with the labels, for the city-wide
  // zooms, and the full ones, fetched only when the reader zooms past GENERALIZED_MAX_ZOOM.
  let reported = false;
  const polygonSource = (json: () => Promise<unknown>): VectorSource => {
    const source: VectorSource = new VectorSource({
      strategy: all,
      loader: (extent, _resolution, viewProjection, success, failure) => {
        json().then(
          (doc) => {
            const features = format.readFeatures(doc, { featureProjection: viewProjection }) as Feature<Geometry>[];
            source.addFeatures(features);
            success?.(features);
          },
          (e: unknown) => {
            source.removeLoadedExtent(extent);
            failure?.();
            if (reported) return;
            reported = true;
            options.onDataError?.(new Error(message(e)));
          },
        );
      },
    });
    return source;
  };
  let full: Promise<unknown> | undefined;
  const generalizedSource = polygonSource(() => generalized);
  const fullSource = polygonSource(() => (full ??= fetchJson(districtsUrl)));

  let layers: VectorLayer[];
  try {
    layers = [
      new VectorLayer({ source: generalizedSource, style: styles.districts, background: BACKGROUND_COLOR, maxZoom: GENERALIZED_MAX_ZOOM, properties: { 'geoportal:offline-part': 'districts-generalized' } }),
      new VectorLayer({ source: fullSource, style: styles.districts, background: BACKGROUND_COLOR, minZoom: GENERALIZED_MAX_ZOOM, properties: { 'geoportal:offline-part': 'districts' } }),
      new VectorLayer({ source: labelSource, style: styles.labels, declutter: true, properties: { 'geoportal:offline-part': 'labels' } }),
    ];
  } catch (e) {
    throw new Error(`示意底图无法创建：${message(e)}`);
  }
  return new LayerGroup({ layers, properties: { 'geoportal:offline': true, 'geoportal:label': OFFLINE_LABEL } });
}
