import { beforeAll, describe, expect, it } from 'vitest';
import { get as getProjection, fromLonLat, transform } from 'ol/proj.js';
import TileState from 'ol/TileState.js';
import type DataTile from 'ol/DataTile.js';
import {
  createTiandituSource,
  tiandituTileUrlFunction,
  isTiandituErrorResponse,
  mapProjection,
  nativeMaxZoom,
  registerCgcs2000,
  tiandituLayers,
  tiandituTileGrid,
  type TiandituLayer,
} from '../../../src/map/tianditu.ts';
import type { MatrixSet } from '../../../src/map/types.ts';

// The expected tile of a point is computed here from first principles, with
// formulas written independently of the module (standard slippy-map maths for
// Web Mercator, plain degree arithmetic for the CGCS2000 lon/lat pyramid).

/** `w`: Web Mercator tile of (lon, lat) at level z (2^z × 2^z tiles). */
function mercatorTile(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n),
  };
}

/** `c`: tiles of 256 px × 0.703125°/2^(z−1) = 180°/2^(z−1), from (−180, 90). */
function lonLatTile(lon: number, lat: number, z: number): { x: number; y: number } {
  const span = 180 / 2 ** (z - 1);
  return { x: Math.floor((lon + 180) / span), y: Math.floor((90 - lat) / span) };
}

const POINTS: Array<[string, number, number]> = [
  ['齐齐哈尔市中心', 123.918, 47.354],
  ['江桥', 123.69, 46.78],
  ['漠河', 122.53, 52.97],
  // Around (0, 0), where columns and rows change sign of offset from the
  // centre. 0.01° (≈ 1.1 km) rather than closer: OpenLayers rounds tile
  // coordinates to 5 decimals before flooring (TileGrid DECIMALS), so a point
  // within 5e-6 of a tile width snaps to the edge: ≈ 100 m at level 1.
  ['near (0,0) NE', 0.01, 0.01],
  ['near (0,0) SW', -0.01, -0.01],
  ['near (0,0) SE', 0.01, -0.01],
  ['near (0,0) NW', -0.01, 0.01],
  ['Sydney (S, E)', 151.2093, -33.8688],
  ['Buenos Aires (S, W)', -58.3816, -34.6037],
  ['Reykjavík (high N, W)', -21.94, 64.146],
];
const ZOOMS = [1, 5, 10, 14, 18];
const SETS: MatrixSet[] = ['w', 'c'];
const LAYERS: TiandituLayer[] = ['vec', 'cva', 'eva', 'img', 'cia', 'eia', 'ter', 'cta'];
const KEY = 'test0123456789abcdef0123456789ab';
/** A loader for sources whose tiles these tests never load. */
const NO_LOAD = () => Promise.reject(new Error('not loaded in this test'));

function expectedTile(set: MatrixSet, lon: number, lat: number, z: number) {
  return set === 'w' ? mercatorTile(lon, lat, z) : lonLatTile(lon, lat, z);
}

// The c matrix set needs EPSG:4490, which the map registers (lazily) before use.
beforeAll(async () => {
  await registerCgcs2000();
});

describe('first-principles tiles vs the OpenLayers grid and the URL the source’s loader requests', () => {
  const cases = SETS.flatMap((set) => POINTS.flatMap(([name, lon, lat]) => ZOOMS.map((z) => [set, name, lon, lat, z] as const)));
  it.each(cases)('%s: %s (%f, %f) at level %i', (set, _name, lon, lat, z) => {
    const { x, y } = expectedTile(set, lon, lat, z);
    const projection = getProjection(mapProjection(set))!;
    const coordinate = transform([lon, lat], 'EPSG:4326', projection);
    for (const layer of LAYERS) {
      if (z > nativeMaxZoom(layer)) continue;
      const source = createTiandituSource(layer, set, KEY, NO_LOAD);
      const tileCoord = source.getTileGrid()!.getTileCoordForCoordAndZ(coordinate, z);
      expect(tileCoord, `${layer} grid`).toEqual([z, x, y]);

      const url = tiandituTileUrlFunction(layer, set, KEY)(tileCoord[0]!, tileCoord[1]!, tileCoord[2]!);
      expect(url, layer).toBeTypeOf('string');
      const u = new URL(url!);
      const q = u.searchParams;
      expect(u.protocol).toBe('https:');
      expect(u.hostname).toMatch(/^t[0-7]\.tianditu\.gov\.cn$/);
      expect(u.hostname).toBe(`t${(x + y) % 8}.tianditu.gov.cn`);
      expect(u.pathname).toBe(`/${layer}_${set}/wmts`);
      expect(q.get('SERVICE')).toBe('WMTS');
      expect(q.get('REQUEST')).toBe('GetTile');
      expect(q.get('VERSION')).toBe('1.0.0');
      expect(q.get('LAYER')).toBe(layer);
      expect(q.get('STYLE')).toBe('default');
      expect(q.get('TILEMATRIXSET')).toBe(set);
      expect(q.get('FORMAT')).toBe('tiles');
      expect(q.get('TILEMATRIX')).toBe(String(z));
      expect(q.get('TILECOL')).toBe(String(x));
      expect(q.get('TILEROW')).toBe(String(y));
      expect(q.get('tk')).toBe(KEY);
    }
  });

  it('asks the same host for the same tile every time, and spreads tiles over t0–t7', () => {
    const fn = tiandituTileUrlFunction('vec', 'w', KEY);
    const hosts = new Set<string>();
    for (let x = 0; x < 16; x++) {
      const a = new URL(fn(5, x, 11)!).hostname;
      expect(new URL(fn(5, x, 11)!).hostname).toBe(a);
      hosts.add(a);
    }
    expect(hosts.size).toBe(8);
  });

  it('wraps tiles of the next world onto the same URL (wrapX)', () => {
    for (const set of SETS) {
      const source = createTiandituSource('img', set, KEY, NO_LOAD);
      const proj = getProjection(mapProjection(set))!;
      const cols = 2 ** 10; // both sets have 2^z columns at level z
      const wrapped = source.getTileCoordForTileUrlFunction([10, 620 + cols, 300], proj);
      expect(wrapped).toEqual([10, 620, 300]);
    }
  });

  it('encodes the key as one query value', () => {
    const url = tiandituTileUrlFunction('vec', 'c', 'a&b=c d')(3, 1, 2);
    expect(new URL(url!).searchParams.get('tk')).toBe('a&b=c d');
  });
});

describe('the source’s loader', () => {
  const tileOf = (source: ReturnType<typeof createTiandituSource>, z: number, x: number, y: number) => source.getTile(z, x, y, 1, getProjection('EPSG:3857')!) as unknown as DataTile;
  const loaded = (tile: DataTile) =>
    new Promise<void>((resolve) => {
      const check = () => tile.getState() !== TileState.LOADING && (tile.removeEventListener('change', check), resolve());
      tile.addEventListener('change', check);
      tile.load();
    });

  it('hands the GetTile URL and the tile’s abort signal to the given loader, and keeps its image', async () => {
    const calls: { url: string; signal: AbortSignal }[] = [];
    const image = { width: 256, height: 256 } as unknown as HTMLImageElement;
    const source = createTiandituSource('vec', 'w', KEY, async (url, signal) => (calls.push({ url, signal }), image));
    const tile = tileOf(source, 5, 25, 11);
    await loaded(tile);
    expect(calls.map((c) => c.url)).toEqual([tiandituTileUrlFunction('vec', 'w', KEY)(5, 25, 11)]);
    expect(calls[0]!.signal.aborted).toBe(false);
    expect(tile.getState()).toBe(TileState.LOADED);
    expect(tile.getData()).toBe(image);
    // Disposing the tile (OpenLayers no longer needs it) aborts the signal.
    tile.dispose();
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('marks the tile failed when the loader rejects, and never asks for a level Tianditu lacks', async () => {
    let asked = 0;
    const failing = createTiandituSource('ter', 'w', KEY, async () => {
      asked++;
      throw new Error('HTTP 403');
    });
    const tile = tileOf(failing, 5, 25, 11);
    await loaded(tile);
    expect(tile.getState()).toBe(TileState.ERROR);
    expect(asked).toBe(1);
    expect(tiandituTileUrlFunction('ter', 'w', KEY)(15, 0, 0)).toBeUndefined();
    expect(tiandituTileUrlFunction('vec', 'w', KEY)(0, 0, 0)).toBeUndefined();
    expect(tiandituTileUrlFunction('vec', 'w', KEY, 12)(13, 0, 0)).toBeUndefined();
  });
});

describe('tile grids', () => {
  // shared/reference/tianditu.md §1.5, as printed there (w rounded to 5 decimals).
  const TABLE: Array<[number, number, number]> = [
    [1, 0.703125, 78271.51696], [2, 0.3515625, 39135.75848], [3, 0.17578125, 19567.87924],
    [4, 0.087890625, 9783.93962], [5, 0.0439453125, 4891.96981], [6, 0.02197265625, 2445.98491],
    [7, 0.010986328125, 1222.99245], [8, 0.0054931640625, 611.49623], [9, 0.00274658203125, 305.74811],
    [10, 0.001373291015625, 152.87406], [11, 0.0006866455078125, 76.43703], [12, 0.00034332275390625, 38.21851],
    [13, 0.000171661376953125, 19.10926], [14, 8.58306884765625e-5, 9.55463], [15, 4.291534423828125e-5, 4.77731],
    [16, 2.1457672119140625e-5, 2.38866], [17, 1.0728836059570312e-5, 1.19433], [18, 5.364418029785156e-6, 0.59716],
  ];
  const w = tiandituTileGrid('w');
  const c = tiandituTileGrid('c');

  it.each(TABLE)('level %i: c %f °/px, w %f m/px, matrix id = level', (z, cRes, wRes) => {
    expect(c.getResolution(z)).toBe(cRes);
    expect(Math.abs(w.getResolution(z) - wRes)).toBeLessThan(5e-6);
    expect(w.getResolution(z)).toBe(156543.03392804097 / 2 ** z);
    expect(c.getMatrixId(z)).toBe(String(z));
    expect(w.getMatrixId(z)).toBe(String(z));
  });

  it('has top-left origins, level 1 as its minimum and a never-requested placeholder at 0', () => {
    expect(w.getOrigin(1)).toEqual([-20037508.342789244, 20037508.342789244]);
    expect(c.getOrigin(1)).toEqual([-180, 90]);
    expect(w.getMinZoom()).toBe(1);
    expect(c.getMinZoom()).toBe(1);
    expect(w.getMaxZoom()).toBe(18);
    expect(c.getResolution(0)).toBe(1.40625);
    expect(tiandituTileUrlFunction('vec', 'c', KEY)(0, 0, 0)).toBeUndefined();
  });

  it('limits requests to the matrix sizes of the capabilities (w 2×2, c 2×1 at level 1; 262144 columns at 18)', () => {
    const r = (g: typeof w, z: number) => g.getFullTileRange(z)!;
    expect([r(w, 1).minX, r(w, 1).maxX, r(w, 1).minY, r(w, 1).maxY]).toEqual([0, 1, 0, 1]);
    expect([r(c, 1).minX, r(c, 1).maxX, r(c, 1).minY, r(c, 1).maxY]).toEqual([0, 1, 0, 0]);
    expect(r(w, 18).getWidth()).toBe(262144);
    expect(r(c, 18).getWidth()).toBe(262144);
    expect(r(c, 18).getHeight()).toBe(131072);
  });

  it('stops terrain at level 14 (over-zoomed beyond) and the others at 18', () => {
    for (const layer of ['ter', 'cta'] as const) {
      expect(nativeMaxZoom(layer)).toBe(14);
      const source = createTiandituSource(layer, 'w', KEY, NO_LOAD);
      expect(source.getTileGrid()!.getMaxZoom()).toBe(14);
      expect(tiandituTileUrlFunction(layer, 'w', KEY)(15, 0, 0)).toBeUndefined();
      expect(tiandituTileUrlFunction(layer, 'w', KEY, 18)(15, 0, 0), 'a larger maxZoom is capped').toBeUndefined();
    }
    for (const layer of ['vec', 'cva', 'eva', 'img', 'cia', 'eia'] as const) expect(nativeMaxZoom(layer)).toBe(18);
    expect(createTiandituSource('vec', 'c', KEY, NO_LOAD, { maxZoom: 16 }).getTileGrid()!.getMaxZoom()).toBe(16);
    // A larger maxZoom than the layer has is capped: never request tiles that do not exist.
    expect(createTiandituSource('ter', 'c', KEY, NO_LOAD, { maxZoom: 18 }).getTileGrid()!.getMaxZoom()).toBe(14);
  });
});

describe('layer codes', () => {
  it('pairs each base map with its annotation; English is eva/eia; terrain falls back to cta', () => {
    expect(tiandituLayers('vec', 'zh')).toEqual({ base: 'vec', annotation: 'cva' });
    expect(tiandituLayers('vec', 'en')).toEqual({ base: 'vec', annotation: 'eva' });
    expect(tiandituLayers('img', 'zh')).toEqual({ base: 'img', annotation: 'cia' });
    expect(tiandituLayers('img', 'en')).toEqual({ base: 'img', annotation: 'eia' });
    expect(tiandituLayers('ter', 'zh')).toEqual({ base: 'ter', annotation: 'cta' });
    expect(tiandituLayers('ter', 'en')).toEqual({ base: 'ter', annotation: 'cta' });
  });
});

describe('projections', () => {
  it('registers EPSG:4490 once, as a global lon/lat projection', async () => {
    await registerCgcs2000();
    await registerCgcs2000();
    const p = getProjection('EPSG:4490')!;
    expect(p.getUnits()).toBe('degrees');
    expect(p.getExtent()).toEqual([-180, -90, 180, 90]);
    expect(p.isGlobal()).toBe(true);
    expect(mapProjection('c')).toBe('EPSG:4490');
    expect(mapProjection('w')).toBe('EPSG:3857');
  });

  it('transforms CGCS2000 to Web Mercator as WGS84 does (no datum shift, §5)', async () => {
    await registerCgcs2000();
    const a = transform([123.918, 47.354], 'EPSG:4490', 'EPSG:3857');
    const b = fromLonLat([123.918, 47.354]);
    expect(Math.abs(a[0]! - b[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(a[1]! - b[1]!)).toBeLessThan(1e-6);
  });

  it('creates sources in the projection of their matrix set', () => {
    expect(createTiandituSource('vec', 'w', KEY, NO_LOAD).getProjection()!.getCode()).toBe('EPSG:3857');
    expect(createTiandituSource('vec', 'c', KEY, NO_LOAD).getProjection()!.getCode()).toBe('EPSG:4490');
  });
});

describe('isTiandituErrorResponse', () => {
  it.each([
    [403, 'application/json'], [403, 'image/png'], [418, null], [429, 'text/plain'], [400, 'image/png'],
    [404, 'image/png'], [500, null], [503, 'text/html'], [0, null], [NaN, 'image/png'],
    [200, 'application/json'], [200, 'application/json; charset=utf-8'], [200, 'text/html;charset=UTF-8'],
    [200, 'text/plain'], [200, 'text/xml'], [200, 'application/xml'], [200, 'application/problem+json'], [200, 'TEXT/HTML'],
  ])('error: %s %s', (status, type) => expect(isTiandituErrorResponse(status, type)).toBe(true));

  it.each([
    [200, 'image/png'], [200, 'image/jpeg'], [200, 'IMAGE/PNG'], [200, 'image/png; charset=binary'], [200, null],
    [304, 'image/png'], [203, 'image/webp'],
  ])('tile: %s %s', (status, type) => expect(isTiandituErrorResponse(status, type)).toBe(false));
});

describe('mapProjection before registration', () => {
  it('refuses the c matrix set until EPSG:4490 is registered, and never needs it for w', async () => {
    const { get, clearAllProjections, addCommon } = await import('ol/proj.js');
    clearAllProjections();
    addCommon();
    expect(get('EPSG:4490')).toBeNull();
    expect(() => mapProjection('c')).toThrow(/registerCgcs2000/);
    expect(mapProjection('w')).toBe('EPSG:3857');
    await registerCgcs2000();
    expect(mapProjection('c')).toBe('EPSG:4490');
  });
});
