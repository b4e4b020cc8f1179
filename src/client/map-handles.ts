/**
 * A page script that works with its map (the 压覆查询 page draws on it)
 * waits here for the handle the map loader announces once the map is up.
 * No globals: the loader and the page script share this module.
 */
import type { MapHandle } from '../map/map.ts';

const waiting = new WeakMap<HTMLElement, { promise: Promise<MapHandle>; resolve: (h: MapHandle) => void }>();

function entry(root: HTMLElement) {
  let e = waiting.get(root);
  if (!e) {
    let resolve!: (h: MapHandle) => void;
    const promise = new Promise<MapHandle>((r) => (resolve = r));
    e = { promise, resolve };
    waiting.set(root, e);
  }
  return e;
}

/** Called by the map loader when the map of `root` is mounted. */
export function announceMap(root: HTMLElement, handle: MapHandle): void {
  entry(root).resolve(handle);
}

/** The handle of the map in `root`, once it is mounted (never settles if the map fails to load). */
export function whenMapReady(root: HTMLElement): Promise<MapHandle> {
  return entry(root).promise;
}
