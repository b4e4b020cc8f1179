/**
 * The one map module. createMap() builds an OpenLayers map from a
 * declarative MapSetup and hands back a small handle; pages never touch
 * OpenLayers objects. The map state (./state.ts) is the single truth: the
 * OpenLayers view (./view.ts) and the URL (./history.ts) follow it, and
 * the reader's moves come back into it. The parts, by concern: layers and
 * their order (./layers.ts, ./layer-order.ts), selection and popup
 * (./selection.ts), controls (./controls.ts).
 */
import { yieldToMain } from '../lib/main-thread.ts';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { isEmpty, type Extent } from 'ol/extent.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { createControls, createInteractions, focusPadding } from './controls.ts';
import { syncHistory } from './history.ts';
import { bindLayers, canonicalLayers, type BaseMapReport } from './layers.ts';
import { cleanPermalinkQuery, formatPermalink, parsePermalink, permalinkBounds, type PermalinkState } from './permalink.ts';
import { fetchRuntimeConfig } from './config-fetch.ts';
import { reprojectContent } from './reproject.ts';
import { bindSelection } from './selection.ts';
import { cloneState, createMapStore, type MapState } from './state.ts';
import { mapProjection, registerCgcs2000 } from './tianditu.ts';
import { bindView, sameCamera } from './view.ts';
import { createFeatureFilter, type FeatureFilter } from './feature-filter.ts';
import { createRouteLayer } from './route-layer.ts';
import type { AnnotationLang, BaseMapId, LonLatExtent, MapViewState, MatrixSet, RouteOverlay, RuntimeMapConfig, ThematicLayerConfig } from './types.ts';

/** What a page asks for. */
export type MapSetup = {
  mode: 'full' | 'embedded';
  title: string;
  layers: ThematicLayerConfig[];
  /** Embedded maps: the record's geometry (GeoJSON, CGCS2000) to show and frame. */
  focus?: { geometry: object; label: string };
  /** Embedded maps: a study route, its line and numbered stops, framed like a focus. */
  route?: RouteOverlay;
  /**
   * Embedded maps with a focus: show where it is, with a locator inset of the
   * city (./inset.ts) and, over the 示意底图, its district outlined and named
   * (./district-context.ts) when `districtCode` is given.
   */
  context?: { districtCode?: string };
  /** Full maps keep their view in the URL (docs/permalink.md). */
  permalink: boolean;
  runtimeConfigUrl: string;
  /** The matrix set of site.yaml at build time: the map starts in its projection before /config/map.json answers. */
  matrixSet: MatrixSet;
};

/** Callbacks the UI layer registers; the map calls them as state changes. */
export type MapEvents = {
  status(message: string, kind: 'info' | 'warning' | 'error'): void;
  baseMapChanged(state: BaseMapReport): void;
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
  /** The runtime configuration once /config/map.json has answered; until then (and if it fails) the page's defaults, without a key. */
  readonly config: RuntimeMapConfig;
  /** Settles when the base map has been chosen from the configuration (and the view has its final projection). */
  baseMapReady: Promise<void>;
  state(): PermalinkState;
  setBaseMap(base: BaseMapId, lang: AnnotationLang): void;
  setLayerVisible(id: string, visible: boolean): void;
  /** Features of visible layers inside the current view, per layer. */
  featuresInView(): { config: ThematicLayerConfig; features: { id: string; properties: Record<string, unknown> }[] }[];
  select(layer: string, id: string, opts?: { zoom?: boolean }): boolean;
  /** Shows only these features of a thematic layer (null: all); a selection filtered out ends. */
  setFeatureFilter(layer: string, ids: ReadonlySet<string> | null): void;
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
  /** The view's projection: the page's matrix set until the configuration names the other one. */
  readonly projection: string;
};

const DEFAULT_RUNTIME: Omit<RuntimeMapConfig, 'homeExtent' | 'matrixSet'> = {
  tiandituKey: null,
  attribution: '天地图',
  reviewNo: '',
  qualificationNo: '',
  termsUrl: 'https://www.tianditu.gov.cn/',
  basemap: { kind: 'offline', reason: '地图配置加载失败' },
};

/** Every View of the map has these; the projection comes with the base map. */
const VIEW_OPTIONS = { minZoom: 1, maxZoom: 18, constrainResolution: false } as const;

/**
 * Builds the map at once in the projection of the matrix set the page was
 * built for (`setup.matrixSet`), with its view, thematic layers, selection
 * and history, while `runtimeConfig` (/config/map.json, started by the
 * loader) is in flight; the base map is added when it answers. When the
 * configuration names the other matrix set (TIANDITU_MATRIX_SET), the view
 * is replaced by one in that projection first and what is drawn moves with
 * it (./reproject.ts); the state, in degrees, stays the truth throughout.
 * The returned handle's `baseMapReady` settles when the base map is chosen.
 *
 * `homeExtent` is the page's (site.yaml at build time), the same extent
 * /config/map.json carries.
 */
export async function createMap(
  target: HTMLElement,
  setup: MapSetup,
  events: MapEvents,
  homeExtent: LonLatExtent,
  runtimeConfig: Promise<RuntimeMapConfig | undefined> = fetchRuntimeConfig(setup.runtimeConfigUrl),
): Promise<MapHandle> {
  const built = setup.matrixSet ?? 'w';
  if (built === 'c') await registerCgcs2000();
  let projection: string = mapProjection(built);
  let runtime: RuntimeMapConfig = { ...DEFAULT_RUNTIME, matrixSet: built, homeExtent };
  const offered = setup.layers.map((l) => l.id);
  const home = () => transformExtent(homeExtent, 'EPSG:4326', projection);

  const map = new OlMap({ target, view: new View({ projection, ...VIEW_OPTIONS }), controls: createControls(setup.mode), interactions: createInteractions(setup.mode), keyboardEventTarget: target });
  target.tabIndex = 0;

  // The default view frames the city (or an embedded map's record); a permalink says how it differs.
  const defaultCamera = (): Pick<MapViewState, 'center' | 'zoom'> => {
    const scratch = new View({ projection, ...VIEW_OPTIONS });
    scratch.fit(home(), { size: map.getSize() ?? [800, 600] });
    return { center: toLonLat(scratch.getCenter() ?? [0, 0], projection) as [number, number], zoom: Math.round((scratch.getZoom() ?? 8) * 100) / 100 };
  };
  // One object: the permalink parser and writer and the history read it, also after a change of projection.
  const defaults: MapViewState = {
    ...defaultCamera(),
    base: 'vec',
    lang: 'zh',
    layers: setup.layers.filter((l) => l.visible).map((l) => l.id),
  };
  const readUrl = (search: string) => {
    const result = parsePermalink(search, { layers: offered, bounds: permalinkBounds(homeExtent) }, defaults);
    for (const w of result.warnings) console.warn(`[permalink] ${w}`);
    if (result.warnings.length > 0) events.status(`链接中有 ${result.warnings.length} 个参数无效，已忽略。`, 'warning');
    return { state: { ...result.state, layers: canonicalLayers(result.state.layers, offered) } as MapState, hasView: result.hasView };
  };
  const initial = setup.permalink ? readUrl(location.search) : { state: cloneState(defaults), hasView: false };
  const store = createMapStore(initial.state);

  const layers = bindLayers(map, store, { projection: () => projection, layers: setup.layers, focus: setup.focus, districtCode: setup.context?.districtCode }, {
    status: events.status,
    baseMapChanged: events.baseMapChanged,
    layersChanged: events.layersChanged,
    layerLoaded: () => events.viewChanged(),
  });
  const view = bindView(map, store);
  const route = setup.route ? createRouteLayer(setup.route, projection) : undefined;
  if (route) map.addLayer(route.layer);
  // The record or the route an embedded map is about, in the view's projection as it is now.
  const frame = (): Extent | undefined => {
    const routeExtent = route?.layer.getSource()?.getExtent();
    return layers.focusExtent() ?? (routeExtent && !isEmpty(routeExtent) ? routeExtent : undefined);
  };
  const fitFocus = () => {
    const extent = frame();
    const size = map.getSize() ?? [600, 400];
    if (extent) void view.fit(extent, { maxZoom: 15, padding: focusPadding(size, !!setup.context), size }, 'load');
  };
  fitFocus();
  // The locator inset, loaded apart: the full map never needs it. The record is framed clear of it
  // already. It has a projection of its own and takes the record in degrees.
  const focusExtent = layers.focusExtent();
  if (setup.context && focusExtent) {
    const { districtCode } = setup.context;
    const failed = (e: Error) => events.status(`位置示意图无法显示：${e.message}`, 'warning');
    const focusLonLat = transformExtent(focusExtent, projection, 'EPSG:4326') as LonLatExtent;
    void import('./inset.ts').then(({ LocatorInset }) => map.addControl(new LocatorInset({ focus: focusLonLat, districtCode, onError: failed })), failed);
  }
  const selection = bindSelection(map, store, layers, view, target, events);

  // The reader's view of the state, for the panel around the map.
  store.subscribe((state, previous, origin) => {
    if (state.layers.join(',') !== previous.layers.join(',')) events.viewChanged();
    // A query from the URL (back or forward) shows its results where the saved view is.
    if ((state.query ?? '') !== (previous.query ?? '') && origin === 'history') events.queryChanged?.(state.query ?? '', { fit: false });
  });
  map.on('moveend', () => events.viewChanged());
  const filters = new Map<string, FeatureFilter>();

  if (setup.permalink) {
    const history = syncHistory(store, window, { defaults, read: (search) => readUrl(search).state, moving: view.moving });
    view.onSettled(history.settled);
    if (!initial.hasView) selection.revealFromLink();
  }

  /** A new View in the matrix set's projection, with what is drawn moved along; the state stays. */
  const switchProjection = async (set: MatrixSet) => {
    if (set === 'c') await registerCgcs2000();
    const next = mapProjection(set);
    if (next === projection) return;
    reprojectContent(map.getAllLayers(), map.getOverlays().getArray(), projection, next, [...filters.values()].flatMap((f) => f.held()));
    const before = { center: defaults.center, zoom: defaults.zoom };
    projection = next;
    Object.assign(defaults, defaultCamera());
    view.replace(new View({ projection, ...VIEW_OPTIONS }));
    // The page's own view (no c or z in the link, nobody has moved since): the city framed in this projection.
    if (!initial.hasView && sameCamera(store.get(), before)) store.set({ center: defaults.center, zoom: defaults.zoom }, 'load');
    fitFocus();
  };

  const baseMapReady = runtimeConfig
    .then(async (config) => {
      // The base map is built in a task of its own, not in the one that built the map (when the
      // configuration has answered already): two short tasks instead of one long one.
      await yieldToMain();
      // Without it, DEFAULT_RUNTIME's base map says so: the 示意底图, with the reason.
      runtime = config ?? runtime;
      if (runtime.matrixSet !== built) await switchProjection(runtime.matrixSet);
      layers.showBaseMap(runtime);
      // Tiles are asked for from a rendered frame: draw one now rather than at the next animation frame,
      // which the thematic data's parsing (10,000 notices) can push back by a few hundred milliseconds.
      map.renderSync();
    })
    .catch((e: unknown) => events.status(`底图无法加载：${e instanceof Error ? e.message : String(e)}。专题数据仍可在列表中查看。`, 'error'));

  const handle: MapHandle = {
    get config() {
      return runtime;
    },
    baseMapReady,
    olMap: map,
    get projection() {
      return projection;
    },
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
      const extent = map.getView().calculateExtent(map.getSize());
      return layers.thematic
        .filter((t) => t.layer.getVisible())
        .map((t) => ({
          config: t.config,
          features: t.source.getFeaturesInExtent(extent).filter((f) => f.getGeometry()?.intersectsExtent(extent)).map((f) => ({ id: String(f.getId()), properties: f.getProperties() })),
        }));
    },
    select: (layer, id, opts) => selection.select(layer, id, opts),
    clearSelection: () => selection.clear(),
    setFeatureFilter(layer, ids) {
      const t = layers.byId(layer);
      if (!t) return;
      let filter = filters.get(layer);
      if (!filter) filters.set(layer, (filter = createFeatureFilter(t.source, t.ready)));
      const selected = store.get().selected;
      if (ids && selected?.layer === layer && !ids.has(selected.id)) selection.clear();
      void filter.set(ids).then(() => events.viewChanged());
    },
    goHome() {
      void view.fit(home(), { duration: 250 }, 'user');
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
  // A q in the link runs its search; without c or z its results frame the view (unless an f= is framed instead).
  if (initial.state.query) events.queryChanged?.(initial.state.query, { fit: !initial.hasView && !initial.state.selected });
  return handle;
}
