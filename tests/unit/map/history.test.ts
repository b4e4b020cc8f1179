import { describe, expect, it } from 'vitest';
import { syncHistory, type HistoryEnv } from '../../../src/map/history.ts';
import { parsePermalink } from '../../../src/map/permalink.ts';
import { createMapStore, type MapState } from '../../../src/map/state.ts';

const defaults: MapState = { center: [123.9, 47.3], zoom: 10, base: 'vec', lang: 'zh', layers: ['red-sites'] };
const known = { layers: ['red-sites', 'enforcement'] };

/** A window with a history that keeps its entries, and back() that fires popstate as a browser does. */
function fakeWindow(search = '') {
  const entries = [search];
  const data: unknown[] = [null];
  let index = 0;
  const listeners: (() => void)[] = [];
  const location = { pathname: '/map/', search, hash: '' };
  const go = (i: number) => {
    index = i;
    location.search = entries[i]!;
    for (const l of listeners) l();
  };
  const env: HistoryEnv = {
    location,
    history: {
      get state() {
        return data[index];
      },
      pushState: (d, _u, url) => {
        entries.splice(index + 1, Infinity, url.slice('/map/'.length));
        data.splice(index + 1, Infinity, structuredClone(d));
        index++;
        location.search = entries[index]!;
      },
      replaceState: (d, _u, url) => {
        entries[index] = url.slice('/map/'.length);
        data[index] = structuredClone(d);
        location.search = entries[index]!;
      },
    },
    addEventListener: (_t, l) => listeners.push(l),
    removeEventListener: () => undefined,
  };
  return { env, entries, back: () => go(index - 1), forward: () => go(index + 1), index: () => index };
}

function setup(search = '', moving = () => false) {
  const w = fakeWindow(search);
  const store = createMapStore(parsePermalink(search, known, defaults).state);
  const sync = syncHistory(store, w.env, { defaults, moving, read: (s) => parsePermalink(s, known, defaults).state });
  return { w, store, sync };
}

describe('history follows the map state', () => {
  it('a reader’s change is one new entry; back restores the state exactly and writes nothing', () => {
    const { w, store } = setup('?z=11');
    store.set({ zoom: 12, center: [123.95, 47.33] }, 'user');
    expect(w.entries).toEqual(['?z=11', '?c=123.95,47.33&z=12']);
    w.back();
    expect(store.get()).toEqual({ ...defaults, zoom: 11 });
    expect(w.entries).toHaveLength(2);
    w.forward();
    expect(store.get()).toMatchObject({ zoom: 12, center: [123.95, 47.33] });
    expect(w.index()).toBe(1);
  });

  it('a derived change replaces the entry; load and history changes write nothing; an unchanged URL is not pushed again', () => {
    const { w, store } = setup('?f=red-sites:a');
    store.set({ zoom: 15 }, 'derived');
    expect(w.entries).toEqual(['?z=15&f=red-sites:a']);
    store.set({ zoom: 9 }, 'history');
    store.set({ zoom: 8 }, 'load');
    expect(w.entries).toEqual(['?z=15&f=red-sites:a']);
    store.set({ zoom: 15 }, 'user'); // back where the URL is
    expect(w.entries).toEqual(['?z=15&f=red-sites:a']);
  });

  it('while the view moves, changes wait and become one entry when it settles', () => {
    let moving = true;
    const { w, store, sync } = setup('', () => moving);
    store.set({ query: '江桥' }, 'user');
    store.set({ zoom: 13 }, 'user');
    expect(w.entries).toEqual(['']);
    moving = false;
    sync.settled();
    expect(w.entries).toEqual(['', '?z=13&q=%E6%B1%9F%E6%A1%A5']);
  });

  it('back restores the unrounded state the entry saved, but not one that no longer matches its URL', () => {
    const { w, store } = setup('');
    const exact: [number, number] = [123.951234567, 47.331234567];
    store.set({ center: exact, zoom: 12.3456 }, 'user');
    store.set({ zoom: 9 }, 'user');
    w.back();
    expect(store.get()).toMatchObject({ center: exact, zoom: 12.3456 });
    w.entries[1] = '?z=7'; // the address was edited: its URL wins over the saved state
    w.forward();
    expect(store.get().zoom).toBe(9);
    w.back();
    expect(store.get()).toMatchObject({ center: defaults.center, zoom: 7 });
  });

  it('a selection absent from the entry gone back to is cleared, not kept', () => {
    const { w, store } = setup('');
    store.set({ selected: { layer: 'red-sites', id: 'a' } }, 'user');
    w.back();
    expect(store.get().selected).toBeUndefined();
  });
});
