import { describe, expect, it, vi } from 'vitest';
import type OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { createMapStore, type ChangeOrigin, type MapState } from '../../../src/map/state.ts';
import { registerCgcs2000 } from '../../../src/map/tianditu.ts';
import { bindView, sameCamera } from '../../../src/map/view.ts';

describe('sameCamera', () => {
  it('takes the projection round trip for the same view', () => {
    const center: [number, number] = [123.96, 47.335];
    const back = toLonLat(fromLonLat(center, 'EPSG:3857'), 'EPSG:3857') as [number, number];
    expect(sameCamera({ center, zoom: 12 }, { center: back, zoom: 12 + 1e-12 })).toBe(true);
  });
  it('tells a move apart, however small a shared link can express it (1e-6°)', () => {
    expect(sameCamera({ center: [123.96, 47.335], zoom: 12 }, { center: [123.960001, 47.335], zoom: 12 })).toBe(false);
    expect(sameCamera({ center: [123.96, 47.335], zoom: 12 }, { center: [123.96, 47.335], zoom: 12.01 })).toBe(false);
  });
});

describe('bindView: replacing the view', () => {
  /** Just what bindView uses of a map, around real Views. */
  function fakeMap(projection: string) {
    let view = new View({ projection, minZoom: 1, maxZoom: 18, constrainResolution: false });
    return { getView: () => view, setView: (v: View) => void (view = v), on: () => undefined } as unknown as OlMap;
  }
  const state: MapState = { center: [123.95, 47.34], zoom: 11, base: 'vec', lang: 'zh', layers: [] };

  it('shows the state on the new view, in its projection, and the state does not change', async () => {
    await registerCgcs2000();
    const map = fakeMap('EPSG:3857');
    const store = createMapStore(state);
    const origins: ChangeOrigin[] = [];
    store.subscribe((_s, _p, origin) => origins.push(origin));
    const sync = bindView(map, store);
    expect(map.getView().getCenter()).toEqual(fromLonLat(state.center));
    sync.replace(new View({ projection: 'EPSG:4490', minZoom: 1, maxZoom: 18, constrainResolution: false }));
    expect(map.getView().getProjection().getCode()).toBe('EPSG:4490');
    expect(map.getView().getCenter()!.map((v) => Number(v.toFixed(9)))).toEqual([123.95, 47.34]);
    expect(map.getView().getZoom()).toBe(11);
    expect(origins).toEqual([]);
    // Later state follows on the new view.
    store.set({ center: [124, 47.5] }, 'user');
    expect(map.getView().getCenter()!.map((v) => Number(v.toFixed(9)))).toEqual([124, 47.5]);
  });

  it('a move under way on the old view ends without committing', async () => {
    // No frames come in Node: the animation stays under way until it is cancelled.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const map = fakeMap('EPSG:3857');
    const store = createMapStore(state);
    const sync = bindView(map, store);
    const moved = sync.animate({ center: fromLonLat([125, 48]), duration: 10_000 }, 'user');
    expect(sync.moving()).toBe(true);
    sync.replace(new View({ projection: 'EPSG:3857', minZoom: 1, maxZoom: 18, constrainResolution: false }));
    await moved;
    expect(sync.moving()).toBe(false);
    expect(store.get().center).toEqual(state.center);
    vi.unstubAllGlobals();
  });
});
