import { describe, expect, it } from 'vitest';
import { createMapStore, sameState, type ChangeOrigin, type MapState } from '../../../src/map/state.ts';

const initial: MapState = { center: [123.9, 47.3], zoom: 10, base: 'vec', lang: 'zh', layers: ['red-sites'] };

describe('map state store', () => {
  it('merges a change, tells every listener once with the origin, and removes a selection set to undefined', () => {
    const store = createMapStore(initial);
    const seen: [MapState, MapState, ChangeOrigin][] = [];
    store.subscribe((s, p, o) => seen.push([s, p, o]));
    expect(store.set({ selected: { layer: 'red-sites', id: 'a' }, zoom: 12 }, 'user')).toBe(true);
    expect(store.get()).toMatchObject({ zoom: 12, selected: { layer: 'red-sites', id: 'a' }, base: 'vec' });
    expect(seen).toHaveLength(1);
    expect(seen[0]![1].zoom).toBe(10);
    expect(seen[0]![2]).toBe('user');
    store.set({ selected: undefined }, 'history');
    expect('selected' in store.get()).toBe(false);
    expect(seen.map((x) => x[2])).toEqual(['user', 'history']);
  });

  it('does not notify when nothing changed, and a caller cannot change the state behind its back', () => {
    const store = createMapStore(initial);
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.set({ layers: ['red-sites'], zoom: 10 }, 'user')).toBe(false);
    expect(calls).toBe(0);
    initial.layers.push('enforcement');
    expect(store.get().layers).toEqual(['red-sites']);
    initial.layers.pop();
    expect(sameState(store.get(), { ...initial, query: '' })).toBe(true);
  });

  it('delivers a change made by a listener after the current one, in order, to everyone', () => {
    const store = createMapStore(initial);
    const order: string[] = [];
    store.subscribe((s, p) => {
      order.push(`a:${p.zoom}→${s.zoom}`);
      if (s.zoom === 11) store.set({ zoom: 12 }, 'derived');
    });
    store.subscribe((s, p) => order.push(`b:${p.zoom}→${s.zoom}`));
    store.set({ zoom: 11 }, 'user');
    expect(order).toEqual(['a:10→11', 'b:10→11', 'a:11→12', 'b:11→12']);
  });
});
