/**
 * The map's one state: view (centre, zoom), base map and annotation
 * language, visible layers, selection and search query. The URL
 * (./history.ts) and the OpenLayers view (./view.ts) follow this store;
 * nothing reads them back as the truth.
 *
 * Every change says where it came from, because that decides what follows:
 * a reader's change is written to the history as a new entry, a change the
 * map derives by itself (a fit to a link's feature) replaces the current
 * entry, and a change read from the URL (load, back, forward) writes
 * nothing.
 */
import type { PermalinkState } from './permalink.ts';

export type MapState = PermalinkState;

/** Where a change came from: see the module comment. */
export type ChangeOrigin = 'user' | 'derived' | 'history' | 'load';

export type MapStateListener = (state: Readonly<MapState>, previous: Readonly<MapState>, origin: ChangeOrigin) => void;

export type MapStore = {
  get(): Readonly<MapState>;
  /** Merges a patch (an `undefined` selected or query removes it); listeners run only when something changed. */
  set(patch: Partial<MapState>, origin: ChangeOrigin): boolean;
  subscribe(listener: MapStateListener): () => void;
};

export function cloneState(s: Readonly<MapState>): MapState {
  const out: MapState = { center: [s.center[0], s.center[1]], zoom: s.zoom, base: s.base, lang: s.lang, layers: [...s.layers] };
  if (s.selected) out.selected = { layer: s.selected.layer, id: s.selected.id };
  if (s.query) out.query = s.query;
  return out;
}

export const sameSelection = (a: MapState['selected'], b: MapState['selected']): boolean => a?.layer === b?.layer && a?.id === b?.id;

export function sameState(a: Readonly<MapState>, b: Readonly<MapState>): boolean {
  return (
    a.center[0] === b.center[0] &&
    a.center[1] === b.center[1] &&
    a.zoom === b.zoom &&
    a.base === b.base &&
    a.lang === b.lang &&
    a.layers.join(',') === b.layers.join(',') &&
    sameSelection(a.selected, b.selected) &&
    (a.query ?? '') === (b.query ?? '')
  );
}

export function createMapStore(initial: Readonly<MapState>): MapStore {
  let state = cloneState(initial);
  const listeners = new Set<MapStateListener>();
  // A listener may change the state itself: that change is delivered after the current one, to everyone, in order.
  const queue: [MapState, MapState, ChangeOrigin][] = [];
  let delivering = false;
  const deliver = () => {
    if (delivering) return;
    delivering = true;
    try {
      for (let change = queue.shift(); change; change = queue.shift()) for (const listener of [...listeners]) listener(...change);
    } finally {
      delivering = false;
    }
  };
  return {
    get: () => state,
    set(patch, origin) {
      const next = cloneState({ ...state, ...patch });
      if ('selected' in patch && !patch.selected) delete next.selected;
      if ('query' in patch && !patch.query) delete next.query;
      if (sameState(next, state)) return false;
      queue.push([next, state, origin]);
      state = next;
      deliver();
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
