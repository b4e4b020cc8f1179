/**
 * The one map module. createMap() builds an OpenLayers map from a
 * declarative MapSetup and hands back a small handle; pages never touch
 * OpenLayers objects. The map state (./state.ts) is the single truth: the
 * OpenLayers view (./view.ts) and the URL (./history.ts) follow it, and
 * the reader's moves come back into it. The parts, by concern: layers and
 * their order (./layers.ts, ./layer-order.ts), selection and popup
 * (./selection.ts), controls (./controls.ts).
 */
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { createControls, createInteractions } from './controls.ts';
import { syncHistory } from './history.ts';
import { bindLayers, canonicalLayers } from './layers.ts';
import { cleanPermalinkQuery, formatPermalink, parsePermalink, permalinkBounds, type PermalinkState } from './permalink.ts';
import { bindSelection } from './selection.ts';
import { cloneState, createMapStore, type MapState } from './state.ts';
import { mapProjection, registerCgcs2000 } from './tianditu.ts';
import { bindView } from './view.ts';
import type { AnnotationLang, BaseMapId, LonLatExtent, MapViewState, RuntimeMapConfig, ThematicLayerConfig } from './types.ts';

/** What a page asks for. */
export type MapSetup = {
  mode: 'full' | 'embedded';
  title: string;
  layers: ThematicLayerConfig[];
  /** Embedded maps: the record's geometry (GeoJSON, CGCS2000) to show and frame. */
  focus?: { geometry: object; label: string };
  /** Full maps keep their view in the URL (docs/permalink.md). */
  permalink: boolean;
  runtimeConfigUrl: string;
};

/** Callbacks the UI layer registers; the map calls them as state changes. */
export type MapEvents = {
  status(message: string, kind: 'info' | 'warning' | 'error'): void;
  baseMapChanged(state: { base: BaseMapId; lang: AnnotationLang; offline: boolean; offlineReason?: string }): void;
  layersChanged(layers: { config: ThematicLayerConfig; visible: boolean; error?: string }[]): void;
  viewChanged(): void;
  selectionChanged(feature: { layer: string; id: string; properties: Record<string, unknown> } | undefined): void;
  /**
   * The map search's query came from the URL (page load, back or forward):
   * show its results. `fit`: move the view to them (a link with q and no
   * c, z or f; the move replaces the link's history entry); otherwise the
   * URL's view stands.
   */
  queryChanged?(query: string, how: { fit: boolean }): void;
};

/**
 * Options of MapHandle.fitLonLatExtent. `derived`: the map makes this move
 * by itself, for what a link asked (q without c or z), so it replaces the
 * current history entry instead of adding one.
 */
export type FitOptions = { maxZoom?: number; duration?: number; padding?: number; derived?: boolean };

export type MapHandle = {
  config: RuntimeMapConfig;
  state(): PermalinkState;
  setBaseMap(base: BaseMapId, lang: AnnotationLang): void;
  setLayerVisible(id: string, visible: boolean): void;
  /** Features of visible layers inside the current view, per layer. */
  featuresInView(): { config: ThematicLayerConfig; features: { id: string; properties: Record<string, unknown> }[] }[];
  select(layer: string, id: string, opts?: { zoom?: boolean }): boolean;
  clearSelection(): void;
  goHome(): void;
  zoomToLonLat(lon: number, lat: number, zoom?: number): void;
  /** Fits the view to [west, south, east, north] in degrees (a point is fine); false if the extent is not valid. */
  fitLonLatExtent(extent: LonLatExtent, opts?: FitOptions): boolean;
  /** Rings the map search's results (boxes in degrees; a point is a box of no size); [] removes them. */
  showSearchResults(extents: readonly LonLatExtent[]): void;
  /** The map search's query, kept in the permalink as q (docs/permalink.md); '' for none. */
  query(): string;
  setQuery(query: string): void;
  permalink(): string;
  olMap: OlMap;
  projection: string;
};

const DEFAULT_RUNTIME: Omit<RuntimeMapConfig, 'homeExtent'> = {
  tiandituKey: null,
  matrixSet: 'w',
  attribution: '天地图',
  reviewNo: '',
  qualificationNo: '',
  termsUrl: 'https://www.tianditu.gov.cn/',
};

async function loadRuntimeConfig(url: string, events: MapEvents): Promise<RuntimeMapConfig | undefined> {
  try {
    const res = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(8000) });
    if (!res.ok) throw new Error(String(res.status));
    return (await res.json()) as RuntimeMapConfig;
  } catch {
    events.status('地图配置加载失败，已使用示意底图。', 'warning');
    return undefined;
  }
}

export async function createMap(target: HTMLElement, setup: MapSetup, events: MapEvents, fallbackExtent: LonLatExtent): Promise<MapHandle> {
  const runtime = (await loadRuntimeConfig(setup.runtimeConfigUrl, events)) ?? { ...DEFAULT_RUNTIME, homeExtent: fallbackExtent };
  if (runtime.matrixSet === 'c') await registerCgcs2000();
  const projection = mapProjection(runtime.matrixSet);
  const homeExtent = transformExtent(runtime.homeExtent, 'EPSG:4326', projection);
  const offered = setup.layers.map((l) => l.id);

  const olView = new View({ projection, minZoom: 1, maxZoom: 18, constrainResolution: false });
  const map = new OlMap({ target, view: olView, controls: createControls(setup.mode), interactions: createInteractions(setup.mode), keyboardEventTarget: target });
  target.tabIndex = 0;

  // The default view frames the city (or an embedded map's record); a permalink says how it differs.
  olView.fit(homeExtent, { size: map.getSize() ?? [800, 600] });
  const defaults: MapViewState = {
    center: toLonLat(olView.getCenter() ?? [0, 0], projection) as [number, number],
    zoom: Math.round((olView.getZoom() ?? 8) * 100) / 100,
    base: 'vec',
    lang: 'zh',
    layers: setup.layers.filter((l) => l.visible).map((l) => l.id),
  };
  const readUrl = (search: string) => {
    const result = parsePermalink(search, { layers: offered, bounds: permalinkBounds(runtime.homeExtent) }, defaults);
    for (const w of result.warnings) console.warn(`[permalink] ${w}`);
    if (result.warnings.length > 0) events.status(`链接中有 ${result.warnings.length} 个参数无效，已忽略。`, 'warning');
    return { state: { ...result.state, layers: canonicalLayers(result.state.layers, offered) } as MapState, hasView: result.hasView };
  };
  const initial = setup.permalink ? readUrl(location.search) : { state: cloneState(defaults), hasView: false };
  const store = createMapStore(initial.state);

  const layers = bindLayers(map, store, { runtime, projection, layers: setup.layers, focus: setup.focus }, {
    status: events.status,
    baseMapChanged: events.baseMapChanged,
    layersChanged: events.layersChanged,
    layerLoaded: () => events.viewChanged(),
  });
  const view = bindView(map, store, projection);
  if (layers.focusExtent) void view.fit(layers.focusExtent, { maxZoom: 15, padding: [40, 40, 40, 40], size: map.getSize() ?? [600, 400] }, 'load');
  const selection = bindSelection(map, store, layers, view, target, events);

  // The reader's view of the state, for the panel around the map.
  store.subscribe((state, previous, origin) => {
    if (state.layers.join(',') !== previous.layers.join(',')) events.viewChanged();
    // A query from the URL (back or forward) shows its results where the saved view is.
    if ((state.query ?? '') !== (previous.query ?? '') && origin === 'history') events.queryChanged?.(state.query ?? '', { fit: false });
  });
  map.on('moveend', () => events.viewChanged());

  if (setup.permalink) {
    const history = syncHistory(store, window, { defaults, read: (search) => readUrl(search).state, moving: view.moving });
    view.onSettled(history.settled);
    if (!initial.hasView) selection.revealFromLink();
  }

  const handle: MapHandle = {
    config: runtime,
    olMap: map,
    projection,
    state: (): PermalinkState => cloneState(store.get()),
    setBaseMap(base, lang) {
      store.set({ base, lang }, 'user');
    },
    setLayerVisible(id, visible) {
      if (!offered.includes(id)) return;
      const { layers: now, selected } = store.get();
      const next = canonicalLayers(visible ? [...now, id] : now.filter((l) => l !== id), offered);
      // Hiding the selected feature's layer ends the selection, in the same change.
      store.set({ layers: next, ...(!visible && selected?.layer === id ? { selected: undefined } : {}) }, 'user');
    },
    featuresInView() {
      const extent = olView.calculateExtent(map.getSize());
      return layers.thematic
        .filter((t) => t.layer.getVisible())
        .map((t) => ({
          config: t.config,
          features: t.source.getFeaturesInExtent(extent).filter((f) => f.getGeometry()?.intersectsExtent(extent)).map((f) => ({ id: String(f.getId()), properties: f.getProperties() })),
        }));
    },
    select: (layer, id, opts) => selection.select(layer, id, opts),
    clearSelection: () => selection.clear(),
    goHome() {
      void view.fit(homeExtent, { duration: 250 }, 'user');
    },
    zoomToLonLat(lon, lat, zoom = 15) {
      void view.animate({ center: fromLonLat([lon, lat], projection), zoom, duration: 250 }, 'user');
    },
    fitLonLatExtent(extent, opts = {}) {
      const [w, s, e, n] = extent;
      if (![w, s, e, n].every(Number.isFinite) || w > e || s > n || Math.abs(s) > 90 || Math.abs(n) > 90) return false;
      const size = map.getSize() ?? [800, 600];
      // Padding shrinks on a small map, so a phone still shows the results.
      const pad = Math.min(opts.padding ?? 60, Math.floor(Math.min(size[0]!, size[1]!) / 6));
      const fit = { size, padding: [pad, pad, pad, pad], maxZoom: opts.maxZoom ?? 16, duration: opts.duration ?? 250 };
      void view.fit(transformExtent([w, s, e, n], 'EPSG:4326', projection), fit, opts.derived ? 'derived' : 'user');
      return true;
    },
    showSearchResults: (extents) => layers.showSearchResults(extents),
    query: () => store.get().query ?? '',
    setQuery(q) {
      store.set({ query: cleanPermalinkQuery(q) }, 'user');
    },
    permalink() {
      const search = formatPermalink(store.get(), defaults);
      return `${location.origin}${location.pathname}${search ? `?${search}` : ''}`;
    },
  };

  layers.reportLayers();
  layers.reportBase();
  // A q in the link runs its search; without c or z its results frame the view (unless an f= is framed instead).
  if (initial.state.query) events.queryChanged?.(initial.state.query, { fit: !initial.hasView && !initial.state.selected });
  return handle;
}
