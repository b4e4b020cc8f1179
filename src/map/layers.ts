/**
 * The map's layers, each with its zIndex from LAYER_Z (./layer-order.ts).
 * bindLayers() builds the thematic layers, the search results and an
 * embedded map's focus record at once, and the base map (Tianditu, or the
 * offline 示意底图 when there is no key or Tianditu fails) when the runtime
 * configuration has answered (showBaseMap), and makes base map and layer
 * visibility follow the store.
 */
import type OlMap from 'ol/Map.js';
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Point from 'ol/geom/Point.js';
import { fromExtent } from 'ol/geom/Polygon.js';
import { transformExtent } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import type { Extent } from 'ol/extent.js';
import { TiandituBaseMap } from './base-layers.ts';
import { LAYER_Z } from './layer-order.ts';
import { createThematicLayer, type ThematicLayer } from './thematic.ts';
import type { MapStore } from './state.ts';
import type { AnnotationLang, BaseMapId, LonLatExtent, RuntimeMapConfig, ThematicLayerConfig } from './types.ts';


/** The thematic layer ids of `ids` that the map offers, in the map's own order, each once. */
export function canonicalLayers(ids: readonly string[], offered: readonly string[]): string[] {
  const wanted = new Set(ids);
  return offered.filter((id) => wanted.has(id));
}

export type BaseMapReport = { base: BaseMapId; lang: AnnotationLang; offline: boolean; offlineReason?: string };
export type LayerReport = { config: ThematicLayerConfig; visible: boolean; error?: string };

export type LayerEvents = {
  status(message: string, kind: 'info' | 'warning' | 'error'): void;
  baseMapChanged(report: BaseMapReport): void;
  layersChanged(layers: LayerReport[]): void;
  /** A thematic layer finished loading. */
  layerLoaded(layer: ThematicLayer): void;
};

export type MapLayers = {
  thematic: ThematicLayer[];
  byId(id: string): ThematicLayer | undefined;
  /** The focus record's extent in view coordinates (embedded maps), if any; in the view's projection as it is now. */
  focusExtent(): Extent | undefined;
  showSearchResults(extents: readonly LonLatExtent[]): void;
  /** Adds the base map the configuration asks for (once; later calls do nothing). Call after the view has its final projection. */
  showBaseMap(runtime: RuntimeMapConfig): void;
  reportBase(): void;
  reportLayers(): void;
};

const FOCUS_STYLE = new Style({
  stroke: new Stroke({ color: '#b3261e', width: 3 }),
  fill: new Fill({ color: 'rgba(179, 38, 30, 0.15)' }),
  image: new Circle({ radius: 9, fill: new Fill({ color: '#b3261e' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
});
const RESULT_STYLE = new Style({
  stroke: new Stroke({ color: '#0a4b94', width: 2, lineDash: [6, 4] }),
  image: new Circle({ radius: 13, stroke: new Stroke({ color: '#0a4b94', width: 3 }) }),
});

export function bindLayers(
  map: OlMap,
  store: MapStore,
  options: { projection: () => string; layers: ThematicLayerConfig[]; focus?: { geometry: object } | undefined },
  events: LayerEvents,
): MapLayers {
  const { projection } = options;

  // ---------------------------------------------------------------- base map
  // Nothing is drawn, and nothing reported, until the configuration has chosen it.
  let chosen = false;
  let offline: { reason: string } | undefined;
  let tianditu: TiandituBaseMap | undefined;
  const reportBase = () => {
    if (!chosen) return;
    const { base, lang } = store.get();
    events.baseMapChanged({ base, lang, offline: offline !== undefined, ...(offline ? { offlineReason: offline.reason } : {}) });
  };
  const useOffline = async (reason: string) => {
    if (offline) return;
    offline = { reason };
    reportBase();
    events.status(`${reason}，当前显示示意底图。`, 'warning');
    try {
      // Its code (the flat-style compiler) is loaded only when the offline base map is needed.
      const { createOfflineBaseLayer } = await import('./offline-basemap.ts');
      const layer = await createOfflineBaseLayer(projection(), { onDataError: (e) => events.status(`${e.message}。`, 'error') });
      layer.setZIndex(LAYER_Z.offlineBase);
      map.getLayers().insertAt(0, layer);
    } catch (e) {
      events.status(`示意底图也无法加载：${(e as Error).message}。专题数据仍可在列表中查看。`, 'error');
    }
  };
  const showBaseMap = (runtime: RuntimeMapConfig) => {
    if (chosen) return;
    chosen = true;
    if (runtime.tiandituKey) {
      tianditu = new TiandituBaseMap(runtime.matrixSet, runtime.tiandituKey, (reason) => void useOffline(reason));
      tianditu.base.setZIndex(LAYER_Z.tiandituBase);
      tianditu.annotation.setZIndex(LAYER_Z.tiandituAnnotation);
      map.addLayer(tianditu.base);
      map.addLayer(tianditu.annotation);
      tianditu.show(store.get().base, store.get().lang);
    } else {
      void useOffline('未配置天地图密钥');
    }
    reportBase();
  };

  // --------------------------------------------------------- thematic layers
  const thematic = options.layers.map((c) => createThematicLayer(c, projection));
  const errors = new Map<string, string>();
  const reportLayers = () =>
    events.layersChanged(thematic.map((t) => ({ config: t.config, visible: t.layer.getVisible(), ...(errors.has(t.config.id) ? { error: errors.get(t.config.id)! } : {}) })));
  const showVisible = (ids: readonly string[]) => {
    for (const t of thematic) t.layer.setVisible(ids.includes(t.config.id));
  };
  showVisible(store.get().layers);
  for (const t of thematic) {
    t.layer.setZIndex(LAYER_Z.thematic);
    map.addLayer(t.layer);
    t.ready.then(
      () => events.layerLoaded(t),
      (e: Error) => {
        errors.set(t.config.id, e.message);
        events.status(e.message, 'error');
        reportLayers();
      },
    );
  }

  // The record an embedded map is about.
  let focus: VectorSource | undefined;
  if (options.focus) {
    focus = new VectorSource({
      features: new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection() }).readFeatures({ type: 'Feature', geometry: options.focus.geometry, properties: {} }),
    });
    map.addLayer(new VectorLayer({ source: focus, zIndex: LAYER_Z.focus, style: FOCUS_STYLE }));
  }

  // The map search's results: rings around points, dashed outlines around areas; never clickable.
  const results = new VectorSource();
  map.addLayer(new VectorLayer({ source: results, zIndex: LAYER_Z.searchResults, style: RESULT_STYLE }));

  store.subscribe((state, previous) => {
    if (state.base !== previous.base || state.lang !== previous.lang) {
      tianditu?.show(state.base, state.lang);
      reportBase();
    }
    if (state.layers.join(',') !== previous.layers.join(',')) {
      showVisible(state.layers);
      reportLayers();
    }
  });

  return {
    thematic,
    byId: (id) => thematic.find((t) => t.config.id === id),
    focusExtent: () => focus?.getExtent() ?? undefined,
    showBaseMap,
    showSearchResults(extents) {
      results.clear(true);
      const features: Feature[] = [];
      for (const [w, s, e, n] of extents) {
        if (![w, s, e, n].every(Number.isFinite)) continue;
        const ext = transformExtent([w, s, e, n], 'EPSG:4326', projection());
        features.push(new Feature(w === e && s === n ? new Point([ext[0]!, ext[1]!]) : fromExtent(ext)));
      }
      results.addFeatures(features);
    },
    reportBase,
    reportLayers,
  };
}
