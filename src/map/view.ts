/**
 * The OpenLayers view follows the map state, and the reader's moves become
 * state: a gesture ends in 'moveend' and is committed as the reader's own
 * change; a move the code makes (fit, animate, a popup pan) is committed
 * when its animation callback reports the end, with the origin its caller
 * gave. State from the history animates the view there and commits
 * nothing new. The view is "moving" while an animation, a gesture or a
 * held move (one that waits for a rendered frame) is under way; the history
 * writes what waited once the view has settled.
 *
 * The map's View may be replaced (a base map in another projection arrived,
 * src/map/map.ts): everything here asks the map for its current view and
 * that view's projection, and replace() shows the state on the new one.
 */
import type OlMap from 'ol/Map.js';
import type View from 'ol/View.js';
import type { FitOptions as OlFitOptions } from 'ol/View.js';
import type { Extent } from 'ol/extent.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import type { ChangeOrigin, MapState, MapStore } from './state.ts';

/** Differences below these are rounding in the projection round trip, not moves (≈ 0.1 mm; 1e-9 of a level). */
const CENTER_EPSILON_DEGREES = 1e-9;
const ZOOM_EPSILON = 1e-9;
const HISTORY_ANIMATION_MS = 200;

export type ViewCamera = { center: [number, number]; zoom: number };

/** Whether two views are the same view, give or take rounding. */
export function sameCamera(a: ViewCamera, b: ViewCamera): boolean {
  return (
    Math.abs(a.center[0] - b.center[0]) < CENTER_EPSILON_DEGREES &&
    Math.abs(a.center[1] - b.center[1]) < CENTER_EPSILON_DEGREES &&
    Math.abs(a.zoom - b.zoom) < ZOOM_EPSILON
  );
}

export type ViewSync = {
  moving(): boolean;
  /** Fits the view to an extent (view coordinates); committed with `origin` when done, then resolves. */
  fit(extent: Extent, options: Omit<OlFitOptions, 'callback'>, origin: ChangeOrigin): Promise<void>;
  /** Animates (or, with duration 0, sets) centre (view coordinates) and zoom; committed with `origin` when done, then resolves. */
  animate(target: { center?: number[]; zoom?: number; duration: number }, origin: ChangeOrigin): Promise<void>;
  /** Marks the view as moving until the returned function is called (for a move that needs a rendered frame first); then commits with `origin`. */
  hold(origin: ChangeOrigin): () => void;
  /** Called whenever the view comes to rest. */
  onSettled(listener: () => void): void;
  /**
   * Puts `next` (a View in another projection) in place of the map's view and
   * shows the state on it at once. Moves under way on the old view end
   * without committing; the state does not change.
   */
  replace(next: View): void;
};

export function bindView(map: OlMap, store: MapStore): ViewSync {
  const view = () => map.getView();
  const projection = () => view().getProjection();
  let holds = 0;
  const settledListeners: (() => void)[] = [];

  const camera = (): ViewCamera | undefined => {
    const center = view().getCenter();
    const zoom = view().getZoom();
    if (!center || zoom === undefined) return undefined;
    return { center: toLonLat(center, projection()) as [number, number], zoom };
  };
  const moving = () => holds > 0 || view().getAnimating() || view().getInteracting();
  const commit = (origin: ChangeOrigin) => {
    const now = camera();
    if (now && !sameCamera(now, store.get())) store.set(now, origin);
  };
  const settle = () => {
    if (!moving()) for (const listener of settledListeners) listener();
  };
  /** `completed` false: the move was cut short by another (which commits in its turn) or by a gesture (its moveend commits). */
  // Only the latest move commits: an earlier one ending late (a busy machine) must not undo a newer state.
  let latest = 0;
  const held = (origin: ChangeOrigin) => {
    holds++;
    const ticket = ++latest;
    let released = false;
    return (completed = true) => {
      if (released) return;
      released = true;
      holds--;
      // A move to a state from the history only shows it: that state is already the truth.
      if (completed && ticket === latest && origin !== 'history') commit(origin);
      settle();
    };
  };

  const show = (s: Readonly<MapState>, animate: boolean) => {
    const center = fromLonLat(s.center, projection());
    if (animate) {
      // Back or forward again while the last one still animates: go to the newer state only.
      view().cancelAnimations();
      const done = held('history');
      view().animate({ center, zoom: s.zoom, duration: HISTORY_ANIMATION_MS }, (completed) => done(completed));
    } else {
      latest++; // a move still under way must not commit over this
      view().setCenter(center);
      view().setZoom(s.zoom);
    }
  };
  show(store.get(), false);

  store.subscribe((state, previous, origin) => {
    // Only when this change moved the view, and only to where the view is not already.
    const now = camera();
    if (sameCamera(state, previous) || (now && sameCamera(now, state))) return;
    show(state, origin === 'history');
  });

  // A gesture (drag, wheel, keys) ends here; code-made moves commit in their callbacks.
  map.on('moveend', () => {
    if (holds > 0) return;
    commit('user');
    settle();
  });

  return {
    moving,
    fit(extent, options, origin) {
      const done = held(origin);
      return new Promise((resolve) =>
        view().fit(extent, {
          ...options,
          callback: (completed) => {
            done(completed);
            resolve();
          },
        }),
      );
    },
    animate(target, origin) {
      const done = held(origin);
      return new Promise((resolve) =>
        view().animate({ ...target }, (completed) => {
          done(completed);
          resolve();
        }),
      );
    },
    hold(origin) {
      const done = held(origin);
      return () => done();
    },
    onSettled(listener) {
      settledListeners.push(listener);
    },
    replace(next) {
      view().cancelAnimations();
      map.setView(next);
      show(store.get(), false);
    },
  };
}
