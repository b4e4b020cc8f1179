/**
 * The one map module. createMap() builds an OpenLayers map from a
 * declarative MapSetup: base map (Tianditu, or the offline 示意底图 when
 * there is no key or Tianditu fails), thematic layers, controls, selection,
 * the HTML list of features in view, and the permalink. Pages never touch
 * OpenLayers objects; they get back a small handle.
 */
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import Feature from 'ol/Feature.js';
import type BaseLayer from 'ol/layer/Base.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { FullScreen, ScaleLine, Zoom } from 'ol/control.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { getCenter } from 'ol/extent.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Point from 'ol/geom/Point.js';
import { fromExtent } from 'ol/geom/Polygon.js';
import { Fill, Stroke, Style, Circle } from 'ol/style.js';
import { TiandituBaseMap } from './base-layers.ts';
import { createThematicLayer, LAYER_PROPERTY, setSelected, type ThematicLayer } from './thematic.ts';
import { mapProjection, registerCgcs2000 } from './tianditu.ts';
import { cleanPermalinkQuery, formatPermalink, parsePermalink, permalinkBounds, type PermalinkState } from './permalink.ts';
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
  offlineStyleUrl: string;
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
   * c or z); otherwise the URL's view stands.
   */
  queryChanged?(query: string, how: { fit: boolean }): void;
};

/** Options of MapHandle.fitLonLatExtent. */
export type FitOptions = { maxZoom?: number; duration?: number; padding?: number };

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
  const toView = (lon: number, lat: number) => fromLonLat([lon, lat], projection);
  const homeExtent = transformExtent(runtime.homeExtent, 'EPSG:4326', projection);

  const view = new View({ projection, minZoom: 1, maxZoom: 18, constrainResolution: false });
  const map = new OlMap({
    target,
    view,
    controls: [
      new Zoom({ zoomInTipLabel: '放大', zoomOutTipLabel: '缩小' }),
      new ScaleLine({ units: 'metric' }),
      ...(setup.mode === 'full' ? [new FullScreen({ tipLabel: '全屏显示', label: '全屏', labelActive: '退出' })] : []),
    ],
    interactions: defaultInteractions({ mouseWheelZoom: setup.mode === 'full', onFocusOnly: setup.mode !== 'full' }),
    keyboardEventTarget: target,
  });
  target.tabIndex = 0;

  // ---------------------------------------------------------------- base map
  let base: BaseMapId = 'vec';
  let lang: AnnotationLang = 'zh';
  let offline: { layer?: BaseLayer; reason: string } | undefined;
  let tianditu: TiandituBaseMap | undefined;

  const reportBase = () => events.baseMapChanged({ base, lang, offline: offline !== undefined, ...(offline ? { offlineReason: offline.reason } : {}) });

  const useOffline = async (reason: string) => {
    if (offline) return;
    offline = { reason };
    reportBase();
    events.status(`${reason}，当前显示示意底图。`, 'warning');
    try {
      // ol-mapbox-style is loaded only when the offline base map is needed.
      const { createOfflineBaseLayer } = await import('./offline-basemap.ts');
      const layer = await createOfflineBaseLayer(setup.offlineStyleUrl, projection);
      layer.setZIndex(-1);
      map.getLayers().insertAt(0, layer);
      offline.layer = layer;
    } catch (e) {
      events.status(`示意底图也无法加载：${(e as Error).message}。专题数据仍可在列表中查看。`, 'error');
    }
  };

  if (runtime.tiandituKey) {
    tianditu = new TiandituBaseMap(runtime.matrixSet, runtime.tiandituKey, (reason) => void useOffline(reason));
    map.getLayers().push(tianditu.base);
    map.getLayers().push(tianditu.annotation);
  } else {
    void useOffline('未配置天地图密钥');
  }

  // --------------------------------------------------------- thematic layers
  const thematic: ThematicLayer[] = setup.layers.map((c) => createThematicLayer(c, projection));
  const layerErrors = new Map<string, string>();
  for (const t of thematic) {
    t.layer.setZIndex(10);
    map.addLayer(t.layer);
    t.ready.then(
      () => events.viewChanged(),
      (e: Error) => {
        layerErrors.set(t.config.id, e.message);
        events.status(e.message, 'error');
        reportLayers();
      },
    );
  }
  const reportLayers = () =>
    events.layersChanged(thematic.map((t) => ({ config: t.config, visible: t.layer.getVisible(), ...(layerErrors.has(t.config.id) ? { error: layerErrors.get(t.config.id)! } : {}) })));

  // The record an embedded map is about.
  if (setup.focus) {
    const focusSource = new VectorSource({
      features: new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection }).readFeatures({ type: 'Feature', geometry: setup.focus.geometry, properties: {} }),
    });
    map.addLayer(
      new VectorLayer({
        source: focusSource,
        zIndex: 20,
        style: new Style({
          stroke: new Stroke({ color: '#b3261e', width: 3 }),
          fill: new Fill({ color: 'rgba(179, 38, 30, 0.15)' }),
          image: new Circle({ radius: 9, fill: new Fill({ color: '#b3261e' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
        }),
      }),
    );
    const extent = focusSource.getExtent();
    if (extent) view.fit(extent, { maxZoom: 15, padding: [40, 40, 40, 40], size: map.getSize() ?? [600, 400] });
  } else {
    view.fit(homeExtent, { size: map.getSize() ?? [800, 600] });
  }

  // The map search's results: rings around points, dashed outlines around areas; never clickable.
  const resultSource = new VectorSource();
  const ring = new Stroke({ color: '#0a4b94', width: 3 });
  map.addLayer(
    new VectorLayer({
      source: resultSource,
      zIndex: 15,
      style: new Style({
        stroke: new Stroke({ color: '#0a4b94', width: 2, lineDash: [6, 4] }),
        image: new Circle({ radius: 13, stroke: ring }),
      }),
    }),
  );

  // ---------------------------------------------------------------- selection
  const popupEl = document.createElement('div');
  popupEl.className = 'map-popup';
  popupEl.setAttribute('role', 'dialog');
  popupEl.setAttribute('aria-label', '要素信息');
  // No autoPan: a view restored from history or a link must stay where it
  // was; only a selection the reader makes pans the popup into view.
  const popup = new Overlay({ element: popupEl, positioning: 'bottom-center', offset: [0, -14] });
  map.addOverlay(popup);
  let selected: Feature | undefined;

  const findFeature = (layer: string, id: string) => thematic.find((t) => t.config.id === layer)?.source.getFeatureById(id) ?? undefined;

  const showPopup = (feature: Feature, pan: boolean) => {
    const props = feature.getProperties();
    popupEl.replaceChildren();
    const title = document.createElement('a');
    title.href = String(props['url'] ?? '#');
    title.textContent = String(props['title'] ?? '');
    const meta = document.createElement('p');
    meta.textContent = [props['subKind'] ?? props['category'] ?? props['stage'], props['district']].filter(Boolean).join(' · ');
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'map-popup-close';
    close.textContent = '×';
    close.setAttribute('aria-label', '关闭');
    close.addEventListener('click', () => handle.clearSelection());
    popupEl.append(close, title, meta);
    const geometry = feature.getGeometry();
    if (!geometry) return;
    popup.setPosition(getCenter(geometry.getExtent()));
    if (pan) popup.panIntoView({ animation: { duration: 200 }, margin: 20 });
  };

  const selectFeature = (feature: Feature | undefined, pan = true) => {
    if (feature === selected && feature !== undefined) return;
    setSelected(feature, selected);
    selected = feature;
    for (const t of thematic) t.layer.changed();
    if (feature) {
      showPopup(feature, pan);
      events.selectionChanged({ layer: String(feature.get(LAYER_PROPERTY)), id: String(feature.getId()), properties: feature.getProperties() });
    } else {
      popup.setPosition(undefined);
      events.selectionChanged(undefined);
    }
    schedulePermalink();
  };

  map.on('singleclick', (event) => {
    let hit: Feature | undefined;
    map.forEachFeatureAtPixel(event.pixel, (f) => {
      const members = f.get('features') as Feature[] | undefined;
      if (members && members.length > 1) {
        // A cluster: zoom in until it falls apart.
        const ext = new VectorSource({ features: members }).getExtent();
        if (ext) view.fit(ext, { duration: 250, padding: [60, 60, 60, 60], maxZoom: Math.min(18, (view.getZoom() ?? 10) + 3) });
        hit = undefined;
        return true;
      }
      hit = (members?.[0] ?? f) as Feature;
      return true;
    }, { layerFilter: (l) => l.get(LAYER_PROPERTY) !== undefined, hitTolerance: 4 });
    selectFeature(hit);
  });
  // Escape closes the popup, from the map or from inside the popup.
  for (const el of [target, popupEl])
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && selected) {
        selectFeature(undefined);
        target.focus();
      }
    });

  map.on('pointermove', (event) => {
    if (event.dragging) return;
    const hit = map.hasFeatureAtPixel(event.pixel, { layerFilter: (l) => l.get(LAYER_PROPERTY) !== undefined, hitTolerance: 4 });
    target.style.cursor = hit ? 'pointer' : '';
  });

  // ---------------------------------------------------------------- permalink
  const defaults: MapViewState = {
    center: toLonLat(view.getCenter() ?? [0, 0], projection) as [number, number],
    zoom: Math.round((view.getZoom() ?? 8) * 100) / 100,
    base: 'vec',
    lang: 'zh',
    layers: setup.layers.filter((l) => l.visible).map((l) => l.id),
  };
  let applying = false;
  let permalinkTimer: ReturnType<typeof setTimeout> | undefined;
  let query = '';

  const state = (): PermalinkState => {
    const s: PermalinkState = {
      center: toLonLat(view.getCenter() ?? [0, 0], projection) as [number, number],
      zoom: view.getZoom() ?? defaults.zoom,
      base,
      lang,
      layers: thematic.filter((t) => t.layer.getVisible()).map((t) => t.config.id),
    };
    if (selected) s.selected = { layer: String(selected.get(LAYER_PROPERTY)), id: String(selected.getId()) };
    if (query) s.query = query;
    return s;
  };

  function schedulePermalink() {
    if (!setup.permalink || applying) return;
    clearTimeout(permalinkTimer);
    permalinkTimer = setTimeout(() => {
      if (applying || view.getAnimating()) return; // mid-animation (e.g. applying a popstate): the moveend that ends it schedules this again
      const search = formatPermalink(state(), defaults);
      if (search === location.search.replace(/^\?/, '')) return;
      // Each settled view is a history entry: back and forward move through views.
      history.pushState({ geoportalMap: true }, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
    }, 400);
  }

  const applyState = (s: PermalinkState, animate: boolean, hasView: boolean) => {
    applying = true;
    handle.setBaseMap(s.base, s.lang);
    for (const t of thematic) t.layer.setVisible(s.layers.includes(t.config.id));
    reportLayers();
    const center = toView(s.center[0], s.center[1]);
    if (animate) view.animate({ center, zoom: s.zoom, duration: 200 });
    else {
      view.setCenter(center);
      view.setZoom(s.zoom);
    }
    if (s.selected) {
      const { layer, id } = s.selected;
      const t = thematic.find((x) => x.config.id === layer);
      // The layer may still be loading.
      t?.ready.then(() => {
        const f = findFeature(layer, id);
        if (f) selectFeature(f, false);
        else console.warn(`[permalink] 要素 ${layer}:${id} 不存在，已忽略`);
      }, () => undefined);
    } else selectFeature(undefined, false);
    const q = s.query ?? '';
    if (q !== query) {
      query = q;
      // On load a q without c or z frames its results; back and forward restore the view they saved.
      events.queryChanged?.(q, { fit: !animate && !hasView });
    }
    setTimeout(() => (applying = false), 450);
  };

  const fromUrl = () => {
    const result = parsePermalink(location.search, { layers: setup.layers.map((l) => l.id), bounds: permalinkBounds(runtime.homeExtent) }, defaults);
    for (const w of result.warnings) console.warn(`[permalink] ${w}`);
    if (result.warnings.length > 0) events.status(`链接中有 ${result.warnings.length} 个参数无效，已忽略。`, 'warning');
    return result;
  };

  // ------------------------------------------------------------------ handle
  const handle: MapHandle = {
    config: runtime,
    olMap: map,
    projection,
    state,
    setBaseMap(b, l) {
      base = b;
      lang = l;
      tianditu?.show(b, l);
      reportBase();
      schedulePermalink();
    },
    setLayerVisible(id, visible) {
      const t = thematic.find((x) => x.config.id === id);
      if (!t) return;
      t.layer.setVisible(visible);
      if (!visible && selected?.get(LAYER_PROPERTY) === id) selectFeature(undefined);
      reportLayers();
      events.viewChanged();
      schedulePermalink();
    },
    featuresInView() {
      const extent = view.calculateExtent(map.getSize());
      return thematic
        .filter((t) => t.layer.getVisible())
        .map((t) => ({
          config: t.config,
          features: t.source.getFeaturesInExtent(extent).filter((f) => f.getGeometry()?.intersectsExtent(extent)).map((f) => ({ id: String(f.getId()), properties: f.getProperties() })),
        }));
    },
    select(layer, id, opts = {}) {
      const f = findFeature(layer, id);
      if (!f) return false;
      const t = thematic.find((x) => x.config.id === layer)!;
      if (!t.layer.getVisible()) handle.setLayerVisible(layer, true);
      const g = f.getGeometry();
      if (opts.zoom && g) view.fit(g.getExtent(), { maxZoom: Math.max(view.getZoom() ?? 12, 13), duration: 250, padding: [80, 80, 80, 80] });
      selectFeature(f);
      return true;
    },
    clearSelection() {
      selectFeature(undefined);
    },
    goHome() {
      view.fit(homeExtent, { duration: 250 });
    },
    zoomToLonLat(lon, lat, zoom = 15) {
      view.animate({ center: toView(lon, lat), zoom, duration: 250 });
    },
    fitLonLatExtent(extent, opts = {}) {
      const [w, s, e, n] = extent;
      if (![w, s, e, n].every(Number.isFinite) || w > e || s > n || Math.abs(s) > 90 || Math.abs(n) > 90) return false;
      const size = map.getSize() ?? [800, 600];
      // Padding shrinks on a small map, so a phone still shows the results.
      const pad = Math.min(opts.padding ?? 60, Math.floor(Math.min(size[0]!, size[1]!) / 6));
      view.fit(transformExtent([w, s, e, n], 'EPSG:4326', projection), {
        size,
        padding: [pad, pad, pad, pad],
        maxZoom: opts.maxZoom ?? 16,
        duration: opts.duration ?? 250,
      });
      return true;
    },
    showSearchResults(extents) {
      resultSource.clear(true);
      const features: Feature[] = [];
      for (const [w, s, e, n] of extents) {
        if (![w, s, e, n].every(Number.isFinite)) continue;
        const ext = transformExtent([w, s, e, n], 'EPSG:4326', projection);
        features.push(new Feature(w === e && s === n ? new Point([ext[0]!, ext[1]!]) : fromExtent(ext)));
      }
      resultSource.addFeatures(features);
    },
    query() {
      return query;
    },
    setQuery(q) {
      const next = cleanPermalinkQuery(q);
      if (next === query) return;
      query = next;
      // The reader's own change: if a restored state is still being applied (which writes nothing), write once that ends.
      const write = () => (applying ? setTimeout(write, 100) : schedulePermalink());
      write();
    },
    permalink() {
      const search = formatPermalink(state(), defaults);
      return `${location.origin}${location.pathname}${search ? `?${search}` : ''}`;
    },
  };

  map.on('moveend', () => {
    events.viewChanged();
    schedulePermalink();
  });

  if (setup.permalink) {
    const initial = fromUrl();
    applyState(initial.state, false, initial.hasView);
    window.addEventListener('popstate', () => {
      const back = fromUrl();
      applyState(back.state, true, back.hasView);
    });
  } else {
    handle.setBaseMap(base, lang);
  }
  reportLayers();
  reportBase();
  return handle;
}
