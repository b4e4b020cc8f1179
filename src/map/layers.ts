/**
 * The map's layers, each with its zIndex from LAYER_Z (./layer-order.ts).
 * bindLayers() builds the thematic layers, the search results and an
 * embedded map's focus record at once, and the base map (./basemap.ts) when
 * the runtime configuration has answered (showBaseMap), and makes base map
 * and layer visibility follow the store.
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
import { bindBaseMap, type BaseMapEvents } from './basemap.ts';
import { LAYER_Z } from './layer-order.ts';
import { createThematicLayer, type ThematicLayer } from './thematic.ts';
import type { MapStore } from './state.ts';
import type { LonLatExtent, RuntimeMapConfig, ThematicLayerConfig } from './types.ts';


/** The thematic layer ids of `ids` that the map offers, in the map's own order, each once. */
export function canonicalLayers(ids: readonly string[], offered: readonly string[]): string[] {
  const wanted = new Set(ids);
  return offered.filter((id) => wanted.has(id));
}

export type { BaseMapReport } from './basemap.ts';
export type LayerReport = { config: ThematicLayerConfig; visible: boolean; error?: string };

export type LayerEvents = BaseMapEvents & {
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
  options: {
    projection: () => string;
    layers: ThematicLayerConfig[];
    focus?: { geometry: object } | undefined;
    /** Embedded maps: the record's district (code), outlined and named over the 示意底图. */
    districtCode?: string | undefined;
  },
  events: LayerEvents,
): MapLayers {
  const { projection } = options;

  // ---------------------------------------------------------------- base map
  // Over the 示意底图 only (天地图 and the other sources name places themselves): town and place
  // names, and an embedded map's district. Loaded once the 示意底图 is what is drawn, never before;
  // by then the configuration has answered, so the view's projection is final.
  let offlineContext = false;
  const addOfflineContext = async () => {
    if (offlineContext) return;
    offlineContext = true;
    const { createGazetteerLayer } = await import('./gazetteer-layer.ts');
    const places = createGazetteerLayer({
      projection: projection(),
      zoomForResolution: (r) => map.getView().getZoomForResolution(r) ?? 0,
      onError: (e) => events.status(`地名注记无法显示：${e.message}`, 'warning'),
    });
    places.setZIndex(LAYER_Z.offlinePlaces);
    map.addLayer(places);
    if (!options.districtCode) return;
    try {
      const { addDistrictContext } = await import('./district-context.ts');
      await addDistrictContext(map, LAYER_Z.districtContext, { projection: projection(), code: options.districtCode, focusExtent: focus?.getExtent() ?? undefined });
    } catch (e) {
      events.status(`所在行政区无法在示意底图上标出：${(e as Error).message}`, 'warning');
    }
  };
  const baseMapEvents: BaseMapEvents = {
    status: events.status,
    baseMapChanged(report) {
      events.baseMapChanged(report);
      if (report.drawn === 'offline') void addOfflineContext();
    },
  };
  // Chosen when the configuration has answered: nothing is drawn, and nothing reported, before.
  let basemap: { report(): void } | undefined;
  const showBaseMap = (runtime: RuntimeMapConfig) => {
    basemap ??= bindBaseMap(map, store, { runtime, projection: projection() }, baseMapEvents);
    basemap.report();
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
    t.layer.setZIndex(t.config.area ? LAYER_Z.thematicAreas : LAYER_Z.thematic);
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
    reportBase: () => basemap?.report(),
    reportLayers,
  };
}
