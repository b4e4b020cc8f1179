/**
 * Selection and popup. The selection lives in the map state as layer:id;
 * this module shows it (highlight and popup) once its layer has loaded,
 * whatever set it, and turns the reader's clicks and keys into state.
 *
 * Only a move that reveals a selection pans the view: the reader's own
 * selection, or a link's f= without a view of its own. A selection restored
 * from the history or from a link's c and z leaves the view alone. The pan
 * keeps the popup inside the map and below whatever covers the map's top
 * edge (the 示意底图 banner), not just inside the canvas as Overlay's
 * autoPan would.
 */
import type OlMap from 'ol/Map.js';
import Overlay from 'ol/Overlay.js';
import type Feature from 'ol/Feature.js';
import VectorSource from 'ol/source/Vector.js';
import { getCenter } from 'ol/extent.js';
import { LAYER_PROPERTY, setSelected } from './thematic.ts';
import { canonicalLayers, type MapLayers } from './layers.ts';
import { sameSelection, type ChangeOrigin, type MapState, type MapStore } from './state.ts';
import type { ViewSync } from './view.ts';

export type Rect = { left: number; top: number; right: number; bottom: number };

/** Room kept between the popup and the edge of what is visible, in CSS pixels. */
export const POPUP_MARGIN = 12;

/**
 * How far (CSS pixels, right and down) the map's content must move so that
 * `box` lies inside `viewport` with `margin` to spare. A box larger than the
 * viewport keeps its left and top edges in view (the title and the close
 * button).
 */
export function panIntoViewDelta(box: Rect, viewport: Rect, margin = POPUP_MARGIN): [number, number] {
  const shift = (lo: number, hi: number, vlo: number, vhi: number) => {
    if (hi - lo > vhi - vlo - 2 * margin || lo < vlo + margin) return vlo + margin - lo;
    if (hi > vhi - margin) return vhi - margin - hi;
    return 0;
  };
  return [shift(box.left, box.right, viewport.left, viewport.right), shift(box.top, box.bottom, viewport.top, viewport.bottom)];
}

/**
 * The part of the map canvas a reader can see: the canvas, within the
 * window, below any of `covers` that sits along its top (starting in the
 * upper third, as the 示意底图 banner does).
 */
export function visibleMapRect(canvas: Rect, windowSize: { width: number; height: number }, covers: readonly Rect[]): Rect {
  const out: Rect = { left: Math.max(canvas.left, 0), top: Math.max(canvas.top, 0), right: Math.min(canvas.right, windowSize.width), bottom: Math.min(canvas.bottom, windowSize.height) };
  for (const c of covers) {
    const overTop = c.top < out.top + (out.bottom - out.top) / 3 && c.bottom > out.top && c.left < out.right && c.right > out.left;
    if (overTop) out.top = Math.min(out.bottom, c.bottom);
  }
  return out;
}

export type SelectionEvents = {
  selectionChanged(feature: { layer: string; id: string; properties: Record<string, unknown> } | undefined): void;
};

export type Selection = {
  /**
   * The reader selects a feature (and its layer comes on); `zoom` fits the view to it first. False if there is no such
   * feature; true also when its layer is still to load (the selection follows once loaded, if the feature is there).
   */
  select(layer: string, id: string, opts?: { zoom?: boolean }): boolean;
  clear(): void;
  /** A link's f= without c or z: fit to the feature once loaded and show its popup in view; replaces the history entry. */
  revealFromLink(): void;
};

const rectOf = (el: Element): Rect => el.getBoundingClientRect();

export function bindSelection(map: OlMap, store: MapStore, layers: MapLayers, view: ViewSync, target: HTMLElement, events: SelectionEvents): Selection {
  // The map's view of the moment: it is replaced when the base map comes in another projection.
  const olView = () => map.getView();
  const popupEl = document.createElement('div');
  popupEl.className = 'map-popup';
  popupEl.setAttribute('role', 'dialog');
  popupEl.setAttribute('aria-label', '要素信息');
  // No autoPan: panning is this module's decision (see the module comment).
  const popup = new Overlay({ element: popupEl, positioning: 'bottom-center', offset: [0, -14] });
  map.addOverlay(popup);
  let shown: Feature | undefined;
  let request = 0;

  const find = (layer: string, id: string): Feature | undefined => layers.byId(layer)?.source.getFeatureById(id) ?? undefined;
  const refOf = (f: Feature) => ({ layer: String(f.get(LAYER_PROPERTY)), id: String(f.getId()) });

  const fillPopup = (feature: Feature) => {
    const props = feature.getProperties();
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
    close.addEventListener('click', () => store.set({ selected: undefined }, 'user'));
    // 一码管地: a notice on a parcel's timeline links the parcel's page (properties from src/lib/geojson.ts).
    const parcels = Array.isArray(props['parcels']) ? (props['parcels'] as { url: string; label: string }[]) : [];
    const links = parcels.map((p) => {
      const line = document.createElement('p');
      const a = document.createElement('a');
      a.href = p.url;
      a.textContent = p.label;
      line.append(a);
      return line;
    });
    popupEl.replaceChildren(close, title, meta, ...links);
  };

  const show = (feature: Feature | undefined) => {
    if (feature === shown) return;
    setSelected(feature, shown);
    shown = feature;
    for (const t of layers.thematic) t.layer.changed();
    const geometry = feature?.getGeometry();
    if (feature && geometry) {
      fillPopup(feature);
      popup.setPosition(getCenter(geometry.getExtent()));
      events.selectionChanged({ ...refOf(feature), properties: feature.getProperties() });
    } else {
      popup.setPosition(undefined);
      events.selectionChanged(undefined);
    }
  };

  /** Shows the state's selection once its layer has loaded; a feature the layer lacks is dropped from the state. */
  const follow = (selected: MapState['selected']) => {
    const mine = ++request;
    if (!selected) return show(undefined);
    const t = layers.byId(selected.layer);
    const now = find(selected.layer, selected.id);
    if (now || !t) return show(now);
    show(undefined);
    // A feature of a hidden layer: its data is fetched now (hidden layers load when first shown or asked).
    t.load().then(
      () => {
        if (mine !== request) return;
        const f = find(selected.layer, selected.id);
        if (f) return show(f);
        console.warn(`[permalink] 要素 ${selected.layer}:${selected.id} 不存在，已忽略`);
        store.set({ selected: undefined }, 'derived');
      },
      () => undefined,
    );
  };
  follow(store.get().selected);
  store.subscribe((state, previous) => {
    if (!sameSelection(state.selected, previous.selected)) follow(state.selected);
  });

  const nextFrame = () =>
    new Promise<void>((resolve) => {
      map.once('postrender', () => resolve());
      map.render();
    });

  /** Pans so the popup is fully visible, after a frame has placed it. */
  const panPopup = async (origin: ChangeOrigin, duration: number) => {
    await nextFrame();
    if (!shown || popup.getPosition() === undefined) return;
    const covers = [...(target.closest('.map-frame') ?? target).querySelectorAll<HTMLElement>('.map-offline')].filter((el) => !el.hidden && el.offsetParent !== null).map(rectOf);
    const viewport = visibleMapRect(rectOf(target), { width: window.innerWidth, height: window.innerHeight }, covers);
    const [dx, dy] = panIntoViewDelta(rectOf(popupEl), viewport);
    const center = olView().getCenter();
    const resolution = olView().getResolution();
    if ((dx === 0 && dy === 0) || !center || !resolution) return;
    // Content moves right and down: the centre moves left and up (north-up views only).
    await view.animate({ center: [center[0]! - dx * resolution, center[1]! + dy * resolution], duration }, origin);
  };

  /** Selects `feature` as `origin`, optionally fitting to it first, then pans its popup into view: one history entry. */
  const reveal = async (feature: Feature, origin: ChangeOrigin, fit: { duration?: number; maxZoom: number } | undefined) => {
    const release = view.hold(origin);
    try {
      const ref = refOf(feature);
      // Its layer comes on with it, in the same change.
      const visible = canonicalLayers([...store.get().layers, ref.layer], layers.thematic.map((t) => t.config.id));
      store.set({ selected: ref, layers: visible }, origin);
      const g = feature.getGeometry();
      if (fit && g) {
        const size = map.getSize() ?? [800, 600];
        // Room above the feature for the popup; less padding on a small map.
        const pad = Math.min(80, Math.floor(Math.min(size[0]!, size[1]!) / 6));
        await view.fit(g.getExtent(), { size, padding: [pad + Math.min(160, size[1]! / 4), pad, pad, pad], maxZoom: fit.maxZoom, ...(fit.duration ? { duration: fit.duration } : {}) }, origin);
      }
      await panPopup(origin, fit?.duration ? 200 : 0);
    } finally {
      release();
    }
  };

  // ---------------------------------------------------------- the reader
  map.on('singleclick', (event) => {
    let hit: Feature | undefined;
    map.forEachFeatureAtPixel(event.pixel, (f) => {
      const members = f.get('features') as Feature[] | undefined;
      if (members && members.length > 1) {
        // A cluster: zoom in until it falls apart.
        const ext = new VectorSource({ features: members }).getExtent();
        if (ext) void view.fit(ext, { duration: 250, padding: [60, 60, 60, 60], maxZoom: Math.min(18, (olView().getZoom() ?? 10) + 3) }, 'user');
        hit = undefined;
        return true;
      }
      hit = (members?.[0] ?? f) as Feature;
      return true;
    }, { layerFilter: (l) => l.get(LAYER_PROPERTY) !== undefined, hitTolerance: 4 });
    if (hit) void reveal(hit, 'user', undefined);
    else store.set({ selected: undefined }, 'user');
  });
  // Escape closes the popup, from the map or from inside the popup.
  for (const el of [target, popupEl])
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && store.get().selected) {
        store.set({ selected: undefined }, 'user');
        target.focus();
      }
    });
  map.on('pointermove', (event) => {
    if (event.dragging) return;
    const hit = map.hasFeatureAtPixel(event.pixel, { layerFilter: (l) => l.get(LAYER_PROPERTY) !== undefined, hitTolerance: 4 });
    target.style.cursor = hit ? 'pointer' : '';
  });

  return {
    select(layer, id, opts = {}) {
      const t = layers.byId(layer);
      if (!t) return false;
      const fit = () => (opts.zoom ? { duration: 250, maxZoom: Math.max(olView().getZoom() ?? 12, 13) } : undefined);
      const f = find(layer, id);
      if (f) {
        void reveal(f, 'user', fit());
        return true;
      }
      const state = t.state();
      if (state === 'loaded' || state === 'failed') return false;
      // Its layer is hidden and not loaded yet (say, a map search result): select once loaded,
      // unless the selection changed meanwhile. The reveal turns the layer on.
      const at = request;
      t.load().then(
        () => {
          const loaded = find(layer, id);
          if (loaded && at === request) void reveal(loaded, 'user', fit());
          else if (!loaded) console.warn(`[map] 要素 ${layer}:${id} 不存在`);
        },
        () => undefined,
      );
      return true;
    },
    clear() {
      store.set({ selected: undefined }, 'user');
    },
    revealFromLink() {
      const selected = store.get().selected;
      const t = selected && layers.byId(selected.layer);
      if (!selected || !t) return;
      t.load().then(
        () => {
          const f = find(selected.layer, selected.id);
          // Only if the link's selection still stands (the reader may have moved on).
          if (f && sameSelection(store.get().selected, selected)) void reveal(f, 'derived', { maxZoom: 16 });
        },
        () => undefined,
      );
    },
  };
}
