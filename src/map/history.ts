/**
 * The URL follows the map state (docs/permalink.md). A reader's change
 * becomes a history entry (pushState), a change the map derived by itself
 * replaces the current entry (replaceState), and back or forward (popstate)
 * sets the state from the URL without writing anything.
 *
 * While the view is moving (an animation, or a fit the search started) a
 * change waits for the view to settle, so one action is one entry: q and
 * the view it moves to, a selection and the pan that shows its popup. The
 * view module says when it has settled; there are no timers here.
 */
import { formatPermalink } from './permalink.ts';
import type { MapViewState } from './types.ts';
import { cloneState, type MapState, type MapStore } from './state.ts';

type EntryData = { geoportalMap: MapState };

/** Enough of a check on what another script could have left in history.state. */
function isMapState(v: unknown): v is MapState {
  const s = v as MapState;
  return (
    typeof v === 'object' && v !== null && Array.isArray(s.center) && s.center.length === 2 && s.center.every(Number.isFinite) &&
    Number.isFinite(s.zoom) && typeof s.base === 'string' && typeof s.lang === 'string' && Array.isArray(s.layers) && s.layers.every((l) => typeof l === 'string')
  );
}

/** The part of window the sync needs: tests pass a fake. */
export type HistoryEnv = {
  location: { pathname: string; search: string; hash: string };
  history: { readonly state: unknown; pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
};

export type HistorySyncOptions = {
  defaults: MapViewState;
  /** The state a query string stands for (parsePermalink with the page's layers and bounds, warnings reported). */
  read(search: string): MapState;
  /** Whether the view is moving; a change made meanwhile is written when settled() is called. */
  moving(): boolean;
};

export type HistorySync = {
  /** The view has come to rest: write what waited for it. */
  settled(): void;
  stop(): void;
};

export function syncHistory(store: MapStore, env: HistoryEnv, options: HistorySyncOptions): HistorySync {
  // What the changes since the last write ask for: a new entry wins over replacing the current one.
  let pending: 'push' | 'replace' | undefined;

  const write = () => {
    const how = pending;
    pending = undefined;
    if (!how) return;
    const search = formatPermalink(store.get(), options.defaults);
    if (search === env.location.search.replace(/^\?/, '')) return;
    const url = `${env.location.pathname}${search ? `?${search}` : ''}${env.location.hash}`;
    // The entry keeps the state unrounded too, so that back and forward restore it exactly (the URL rounds the centre).
    const data: EntryData = { geoportalMap: cloneState(store.get()) };
    if (how === 'push') env.history.pushState(data, '', url);
    else env.history.replaceState(data, '', url);
  };

  const unsubscribe = store.subscribe((_state, _previous, origin) => {
    if (origin === 'user') pending = 'push';
    else if (origin === 'derived') pending ??= 'replace';
    else return;
    if (!options.moving()) write();
  });

  /** The entry's own saved state when it still stands for its URL (an edited address has none), else the URL's. */
  const entryState = (): MapState => {
    const saved = (env.history.state as Partial<EntryData> | null)?.geoportalMap;
    const search = env.location.search.replace(/^\?/, '');
    if (saved && isMapState(saved) && formatPermalink(saved, options.defaults) === search) return saved;
    return options.read(env.location.search);
  };

  const onPopState = () => {
    // The URL is already what the state becomes: nothing waits to be written.
    pending = undefined;
    // Absent from the URL means none: spread over explicit blanks so an old selection or query does not survive.
    store.set({ selected: undefined, query: undefined, ...entryState() }, 'history');
  };
  env.addEventListener('popstate', onPopState);

  return {
    settled() {
      if (!options.moving()) write();
    },
    stop() {
      unsubscribe();
      env.removeEventListener('popstate', onPopState);
    },
  };
}
