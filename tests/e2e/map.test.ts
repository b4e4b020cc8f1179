/**
 * The map in a browser: the full map page /map/ and an embedded map on a
 * notice detail page, against the real server, with Tianditu stubbed by
 * route interception. Nothing leaves the machine: /config/map.json is
 * answered with a fake key when a test wants Tianditu, tile requests to
 * *.tianditu.gov.cn are answered here (a small PNG, or an error), and every
 * other foreign request is blocked by newContext().
 *
 * One browser and one context for the whole file; each test opens its own
 * page (routes are per page) and the tests run concurrently, which keeps the
 * file to about half a minute: nothing in them depends on another test, and
 * waits are for events or polls with generous timeouts (fixed sleeps only
 * where a test checks that nothing more happens). Routing disables Chromium's HTTP
 * cache, so every script and tile a page needs shows up as a request.
 */
import axe from 'axe-core';
import { toLonLat } from 'ol/proj.js';
import type { BrowserContext, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import type { MapHandle } from '../../src/map/map.ts';
import type { MapViewState, RuntimeMapConfig } from '../../src/map/types.ts';
import { at, injectAxe, launch, newContext, settle } from './support.ts';

/** A 256×256 solid PNG (569 bytes): every stubbed Tianditu tile. */
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAQAAAAEACAIAAADTED8xAAACAElEQVR42u3TMQ0AAAgEsfevk4ENC8xooEkVXHLpKXgrEmAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAOogAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAANgABUwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADIABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA8C1ltIo9mpAtbsAAAAASUVORK5CYII=',
  'base64',
);
/** A Tianditu-shaped key (32 lower-case hex): only ever sent to the stub. */
const FAKE_KEY = '0123456789abcdef0123456789abcdef';
const MERCATOR_HALF = Math.PI * 6378137;

type HandleHost = HTMLElement & { geoportalMap: MapHandle };
type Extent = [number, number, number, number];
type Feature = { type: 'Feature'; id: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> };
type Collection = { type: 'FeatureCollection'; features: Feature[] };

/** How the stub answers a tile request: the PNG, a network failure, or another response. */
type TileAnswer = 'png' | 'abort' | { status: number; contentType: string; body: string };

type MapPageOptions = {
  /** Serve /config/map.json with FAKE_KEY in this matrix set; absent: the server's own config (no key). */
  key?: 'w' | 'c';
  tiles?: TileAnswer;
  /** More routes, set up before navigation. */
  routes?: (page: Page) => Promise<unknown>;
};

type MapPage = {
  page: Page;
  /** Uncaught exceptions in the page. */
  errors: string[];
  console: { type: string; text: string }[];
  /** Every Tianditu request, in order. */
  tiles: string[];
  /** Every script request, in order. */
  scripts: string[];
  close(): Promise<void>;
};

let context: BrowserContext & { blocked: string[]; cspViolations: string[] };
let closeBrowser: () => Promise<void>;
let serverConfig: RuntimeMapConfig;
const geo = new Map<string, Collection>();

beforeAll(async () => {
  const browser = await launch();
  closeBrowser = () => browser.close();
  context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const res = await fetch(at('/config/map.json'));
  expect(res.status).toBe(200);
  serverConfig = (await res.json()) as RuntimeMapConfig;
  expect(serverConfig.tiandituKey, 'the test server runs without TIANDITU_KEY').toBeNull();
});
afterAll(async () => {
  expect(context?.blocked ?? [], 'requests that tried to leave the machine').toEqual([]);
  await closeBrowser?.();
});

async function geojson(name: string): Promise<Collection> {
  let c = geo.get(name);
  if (!c) {
    const res = await fetch(at(`/geo/${name}.geojson`));
    expect(res.status, `/geo/${name}.geojson`).toBe(200);
    c = (await res.json()) as Collection;
    geo.set(name, c);
  }
  return c;
}

function answerTile(route: Route, answer: TileAnswer): Promise<void> {
  // Tiles are fetch()ed in cors mode: the stub answers carry the CORS header.
  if (answer === 'png') return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'image/png' }, body: TILE_PNG });
  if (answer === 'abort') return route.abort('connectionfailed');
  return route.fulfill({ status: answer.status, headers: { 'access-control-allow-origin': '*', 'content-type': answer.contentType }, body: answer.body });
}

/** A new page with the stubs in place (not yet navigated). */
async function mapPage(options: MapPageOptions = {}): Promise<MapPage> {
  const page = await context.newPage();
  const m: MapPage = { page, errors: [], console: [], tiles: [], scripts: [], close: () => page.close() };
  page.on('pageerror', (e) => m.errors.push(e.message));
  page.on('console', (msg) => {
    m.console.push({ type: msg.type(), text: msg.text() });
    // A CSP violation fails every map test that checks m.errors.
    if (msg.type() === 'error' && /Content Security Policy/.test(msg.text())) m.errors.push(msg.text());
  });
  page.on('request', (r: Request) => {
    if (r.resourceType() === 'script') m.scripts.push(r.url());
  });
  if (options.key) {
    const config: RuntimeMapConfig = { ...serverConfig, tiandituKey: FAKE_KEY, matrixSet: options.key };
    await page.route('**/config/map.json', (route) => route.fulfill({ json: config, headers: { 'cache-control': 'no-cache' } }));
  }
  // Also without a key: a Tianditu request would be counted here, never sent.
  const answer = options.tiles ?? 'png';
  await page.route(/tianditu\.gov\.cn/, (route) => {
    m.tiles.push(route.request().url());
    return answerTile(route, answer);
  });
  await options.routes?.(page);
  return m;
}

/** Waits until mountMap() has finished (data-ready="true") on the first map of the page. */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const r = document.querySelector<HTMLElement>('[data-map]')?.dataset['ready'];
    return r === 'true' || r === 'error';
  });
  expect(await page.locator('[data-map]').first().getAttribute('data-ready'), 'the map module loaded').toBe('true');
}

async function openMap(path: string, options: MapPageOptions = {}): Promise<MapPage> {
  const m = await mapPage(options);
  await m.page.goto(at(path));
  await ready(m.page);
  return m;
}

/**
 * expect.poll with room for a busy machine (its default gives up after 1 s).
 * Tests here run concurrently, so it takes the test's own expect.
 */
const poll = <T>(x: ExpectStatic, fn: () => T | Promise<T>, timeout = 15_000) => x.poll(fn, { timeout, interval: 50 });

const mapRoot = (page: Page) => page.locator('[data-map]').first();
const state = (page: Page): Promise<MapViewState> => mapRoot(page).evaluate((el) => (el as HandleHost).geoportalMap.state());


/** Moves the view and resolves once the move has ended and the view is drawn. */
async function moveTo(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await mapRoot(page).evaluate(
    (el, [lon, lat, zoom]) =>
      new Promise<void>((resolve) => {
        const h = (el as HandleHost).geoportalMap;
        h.olMap.once('moveend', () => resolve());
        h.zoomToLonLat(lon, lat, zoom);
      }),
    [lon, lat, zoom] as const,
  );
  await settle(page);
}

type ViewInfo = { zoom: number; extent: Extent; projection: string; size: [number, number] };
const viewInfo = (page: Page): Promise<ViewInfo> =>
  mapRoot(page).evaluate((el) => {
    const h = (el as HandleHost).geoportalMap;
    const size = h.olMap.getSize() as [number, number];
    return { zoom: h.olMap.getView().getZoom()!, extent: h.olMap.getView().calculateExtent(size) as Extent, projection: h.projection, size };
  });

// ------------------------------------------------------------------ tiles

type Tile = { url: URL; host: string; path: string; layer: string; set: string; z: number; row: number; col: number; tk: string };
function parseTile(raw: string): Tile {
  const url = new URL(raw);
  const q = (n: string) => url.searchParams.get(n) ?? '';
  return {
    url,
    host: url.hostname,
    path: url.pathname,
    layer: q('LAYER'),
    set: q('TILEMATRIXSET'),
    z: Number(q('TILEMATRIX')),
    row: Number(q('TILEROW')),
    col: Number(q('TILECOL')),
    tk: q('tk'),
  };
}

/** Tile size in map units and grid origin (top left) of a Tianditu matrix set at level z. */
function grid(set: string, z: number): { span: number; x0: number; y0: number } {
  return set === 'w' ? { span: (2 * MERCATOR_HALF) / 2 ** z, x0: -MERCATOR_HALF, y0: MERCATOR_HALF } : { span: 180 / 2 ** (z - 1), x0: -180, y0: 90 };
}

function tileExtent(t: Tile): Extent {
  const { span, x0, y0 } = grid(t.set, t.z);
  return [x0 + t.col * span, y0 - (t.row + 1) * span, x0 + (t.col + 1) * span, y0 - t.row * span];
}

/** The tiles (col,row) of level z that overlap an extent. */
function tilesCovering(set: string, z: number, e: Extent): Set<string> {
  const { span, x0, y0 } = grid(set, z);
  const out = new Set<string>();
  for (let col = Math.floor((e[0] - x0) / span); col <= Math.ceil((e[2] - x0) / span) - 1; col++)
    for (let row = Math.floor((y0 - e[3]) / span); row <= Math.ceil((y0 - e[1]) / span) - 1; row++) out.add(`${col},${row}`);
  return out;
}

const overlaps = (a: Extent, b: Extent) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const buffer = (e: Extent, d: number): Extent => [e[0] - d, e[1] - d, e[2] + d, e[3] + d];

/**
 * Every tile request is a well-formed GetTile for one of `layers` in `set`
 * with the fake key, at the view's level or a neighbour, overlapping the view
 * (give or take a tile); and the tiles of the view's level that cover the
 * view were all requested, for each layer.
 */
function checkTiles(urls: string[], set: 'w' | 'c', layers: string[], view: ViewInfo): void {
  expect(urls.length, 'Tianditu tile requests').toBeGreaterThan(0);
  const level = Math.min(18, Math.max(1, Math.round(view.zoom)));
  const tiles = urls.map(parseTile);
  for (const t of tiles) {
    const where = t.url.href;
    expect(t.url.protocol, where).toBe('https:');
    expect(t.host, where).toMatch(/^t[0-7]\.tianditu\.gov\.cn$/);
    expect(layers, where).toContain(t.layer);
    expect(t.path, where).toBe(`/${t.layer}_${set}/wmts`);
    expect(t.url.searchParams.get('SERVICE'), where).toBe('WMTS');
    expect(t.url.searchParams.get('REQUEST'), where).toBe('GetTile');
    expect(t.url.searchParams.get('STYLE'), where).toBe('default');
    expect(t.set, where).toBe(set);
    expect(t.tk, where).toBe(FAKE_KEY);
    expect(Number.isInteger(t.z) && Number.isInteger(t.row) && Number.isInteger(t.col), where).toBe(true);
    expect(Math.abs(t.z - level), `${where}: TILEMATRIX vs view zoom ${view.zoom}`).toBeLessThanOrEqual(1);
    expect(overlaps(tileExtent(t), buffer(view.extent, grid(set, t.z).span)), `${where} lies in the view`).toBe(true);
  }
  for (const layer of layers) {
    const got = new Set(tiles.filter((t) => t.layer === layer && t.z === level).map((t) => `${t.col},${t.row}`));
    const want = tilesCovering(set, level, view.extent);
    const missing = [...want].filter((k) => !got.has(k));
    expect(missing, `${layer} tiles of level ${level} covering the view, not requested`).toEqual([]);
  }
}

const layersOf = (urls: string[]) => [...new Set(urls.map((u) => parseTile(u).layer))].sort();

describe.concurrent('Tianditu tiles (stubbed key)', () => {
  it('矢量 in matrix set w: vec_w + cva_w, the view’s level and tiles, the key', async ({ expect }) => {
    const m = await openMap('/map/', { key: 'w' });
    await settle(m.page);
    const view = await viewInfo(m.page);
    expect(view.projection).toBe('EPSG:3857');
    expect(layersOf(m.tiles)).toEqual(['cva', 'vec']);
    checkTiles(m.tiles, 'w', ['vec', 'cva'], view);
    expect(await m.page.locator('.map-offline').isHidden(), 'no offline notice').toBe(true);
    expect(await mapRoot(m.page).getAttribute('data-basemap')).toBe('vec');
    // Tianditu works: the offline base map's code is never downloaded.
    expect(m.scripts.filter((u) => /offline-basemap/.test(u))).toEqual([]);
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('矢量 in matrix set c: vec_c + cva_c with TILEMATRIXSET=c in CGCS2000 degrees', async ({ expect }) => {
    // The site is built for w: the map starts in EPSG:3857 and moves to the configuration's EPSG:4490.
    const m = await openMap('/map/', { key: 'c' });
    await settle(m.page);
    const view = await viewInfo(m.page);
    expect(view.projection).toBe('EPSG:4490');
    expect(layersOf(m.tiles)).toEqual(['cva', 'vec']);
    checkTiles(m.tiles, 'c', ['vec', 'cva'], view);
    // The thematic features moved with the view: in view exactly where their GeoJSON says.
    const box = view.extent;
    const inView = await mapRoot(m.page).evaluate((el) =>
      Object.fromEntries((el as HandleHost).geoportalMap.featuresInView().map((g) => [g.config.id, g.features.map((f) => f.id).sort()])),
    );
    expect(Object.keys(inView).length).toBeGreaterThan(0);
    for (const [layer, ids] of Object.entries(inView)) {
      expect(ids, layer).toEqual((await geojson(layer)).features.filter((f) => intersects(f.geometry, box)).map((f) => String(f.id)).sort());
    }
    // The city is framed (the link had no view), and nothing was written to the URL.
    const [w, s, e, n] = serverConfig.homeExtent;
    expect(box[0] <= w + 0.01 && box[2] >= e - 0.01 && box[1] <= s + 0.01 && box[3] >= n - 0.01, `home extent in view ${box}`).toBe(true);
    expect(new URL(m.page.url()).search).toBe('');
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('an embedded map in matrix set c frames its record after the move to EPSG:4490', async ({ expect }) => {
    const notice = (await geojson('notices-planning')).features.find((f) => f.geometry.type === 'Polygon')!;
    const m = await mapPage({ key: 'c' });
    await m.page.goto(at(String(notice.properties['url'])));
    await mapRoot(m.page).scrollIntoViewIfNeeded();
    await ready(m.page);
    await settle(m.page);
    const view = await viewInfo(m.page);
    expect(view.projection).toBe('EPSG:4490');
    const coords = JSON.stringify(notice.geometry.coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
    const lons = coords.filter((_, i) => i % 2 === 0);
    const lats = coords.filter((_, i) => i % 2 === 1);
    expect(Math.min(...lons) >= view.extent[0] && Math.max(...lons) <= view.extent[2] && Math.min(...lats) >= view.extent[1] && Math.max(...lats) <= view.extent[3], `record in view ${view.extent}`).toBe(true);
    checkTiles(m.tiles, 'c', ['vec', 'cva'], view);
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('switches base maps: 影像 → img_w + cia_w, 英文注记 → eia_w, 地形 → ter_w + cta_w (no English terrain)', async ({ expect }) => {
    const m = await openMap('/map/', { key: 'w' });
    await settle(m.page);
    const since = (n: number) => m.tiles.slice(n);

    let n = m.tiles.length;
    await m.page.getByRole('radio', { name: '影像' }).check();
    await settle(m.page);
    expect(layersOf(since(n))).toEqual(['cia', 'img']);
    checkTiles(since(n), 'w', ['img', 'cia'], await viewInfo(m.page));
    expect((await state(m.page)).base).toBe('img');

    n = m.tiles.length;
    await m.page.getByRole('checkbox', { name: '英文注记' }).check();
    await settle(m.page);
    expect(layersOf(since(n))).toContain('eia');
    expect(layersOf(since(n)).filter((l) => l !== 'img' && l !== 'eia')).toEqual([]);
    expect(since(n).some((u) => u.includes('/eia_w/wmts?'))).toBe(true);
    expect(await state(m.page)).toMatchObject({ base: 'img', lang: 'en' });

    n = m.tiles.length;
    await m.page.getByRole('radio', { name: '地形' }).check();
    await settle(m.page);
    expect(layersOf(since(n))).toEqual(['cta', 'ter']);
    checkTiles(since(n), 'w', ['ter', 'cta'], await viewInfo(m.page));
    expect(m.tiles.some((u) => /LAYER=(eta|eva)\b/.test(u)), 'no English terrain annotation').toBe(false);
    expect(await m.page.getByRole('checkbox', { name: '英文注记' }).isDisabled(), '英文注记 is disabled for 地形').toBe(true);
    // The language is kept for the next base map (docs/permalink.md: ter-en).
    expect(await state(m.page)).toMatchObject({ base: 'ter', lang: 'en' });
    await m.page.waitForFunction(() => location.search.includes('b=ter-en'));
    expect(m.errors).toEqual([]);
    await m.close();
  });
});

describe.concurrent('falling back to the offline base map', () => {
  const cases: { name: string; answer: TileAnswer; reason: RegExp }[] = [
    { name: '418', answer: { status: 418, contentType: 'text/html; charset=utf-8', body: '<html><body>418 I am a teapot</body></html>' }, reason: /HTTP 418/ },
    { name: '403', answer: { status: 403, contentType: 'application/json', body: '{"msg":"权限验证失败","code":"403"}' }, reason: /HTTP 403/ },
    { name: '200 with a JSON body', answer: { status: 200, contentType: 'application/json;charset=UTF-8', body: '{"msg":"非法Key","resolve":"请检查key","code":"1"}' }, reason: /不是地图图片/ },
    // Playwright's fulfill() satisfies CORS by itself, so a network failure stands in for an error page without CORS headers.
    { name: 'network failure on every tile', answer: 'abort', reason: /无法连接天地图服务/ },
  ];
  for (const c of cases) {
    it(`a ${c.name} from Tianditu: offline map with the reason, no more tile requests, attribution and layers stay`, async ({ expect }) => {
      const m = await openMap('/map/', { key: 'w', tiles: c.answer });
      const offline = m.page.locator('.map-offline');
      await offline.waitFor({ state: 'visible' });
      expect(await offline.locator('.map-offline-reason').textContent()).toMatch(c.reason);
      expect(await mapRoot(m.page).getAttribute('data-basemap')).toBe('offline');
      // The offline base map's code is loaded only now.
      await poll(expect, () => m.scripts.some((u) => /offline-basemap/.test(u))).toBe(true);
      await settle(m.page);
      const count = m.tiles.length;
      expect(count).toBeGreaterThan(0);
      // Moving the map and choosing another base map must not wake Tianditu up.
      await moveTo(m.page, 124.1, 47.6, 10);
      await mapRoot(m.page).evaluate((el) => (el as HandleHost).geoportalMap.setBaseMap('img', 'en'));
      await moveTo(m.page, 123.95, 47.34, 12);
      await m.page.waitForTimeout(300);
      expect(m.tiles.length, 'Tianditu requests after the fallback').toBe(count);
      expect(await m.page.getByRole('radio', { name: '影像' }).isDisabled()).toBe(true);

      // The credit follows what is drawn: no 天地图 and no 审图号 over the 示意底图.
      const attribution = m.page.locator('.map-attribution');
      expect(await attribution.isVisible()).toBe(true);
      expect(await attribution.innerText()).not.toContain('审图号');
      expect(await attribution.innerText()).toMatch(/示意底图，非标准地图.*边界据/);
      await poll(expect, () => m.page.locator('[data-feature-list]').getAttribute('data-count').then(Number)).toBeGreaterThan(0);
      expect(m.errors).toEqual([]);
      await m.close();
    });
  }

  it('without a key (the server’s own config): offline map at once, its code loaded, no Tianditu request', async ({ expect }) => {
    const m = await openMap('/map/');
    await m.page.locator('.map-offline').waitFor({ state: 'visible' });
    expect(await m.page.locator('.map-offline-reason').textContent()).toContain('未配置天地图密钥');
    await poll(expect, () => m.scripts.some((u) => /offline-basemap/.test(u))).toBe(true);
    await settle(m.page);
    // The 示意底图's layer group is in the map.
    const offlineLayers = await mapRoot(m.page).evaluate((el) =>
      (el as HandleHost).geoportalMap.olMap.getLayers().getArray().filter((l) => l.get('geoportal:offline') === true).length,
    );
    expect(offlineLayers).toBe(1);
    await moveTo(m.page, 123.95, 47.34, 12);
    expect(m.tiles).toEqual([]);
    expect(await m.page.locator('.map-attribution').innerText()).not.toContain('审图号');
    expect(await m.page.locator('.map-attribution').innerText()).toContain('非标准地图');
    await poll(expect, () => m.page.locator('[data-feature-list]').getAttribute('data-count').then(Number)).toBeGreaterThan(0);
    expect(m.errors).toEqual([]);
    await m.close();
  });
});

// ------------------------------------------------------------- permalink

const near = (a: readonly number[], b: readonly number[], tol: number) => Math.abs(a[0]! - b[0]!) <= tol && Math.abs(a[1]! - b[1]!) <= tol;

async function waitForState(expect: ExpectStatic, page: Page, want: { center: [number, number]; zoom: number }, tol = 1e-4, timeout = 15_000): Promise<MapViewState> {
  await poll(expect, async () => {
    const s = await state(page);
    return near(s.center, want.center, tol) && Math.abs(s.zoom - want.zoom) < 1e-6;
  }, timeout).toBe(true);
  return state(page);
}

describe.concurrent('permalink', () => {
  /** A link to c at zoom 11 on 影像 with only red-sites, selecting the site nearest c. */
  async function linkNear(c: [number, number]) {
    const sites = await geojson('red-sites');
    const distance = (f: Feature) => Math.hypot((f.geometry.coordinates as number[])[0]! - c[0], (f.geometry.coordinates as number[])[1]! - c[1]);
    const site = [...sites.features].sort((a, b) => distance(a) - distance(b))[0]!;
    return { site, link: `/map/?c=${c.join(',')}&z=11&b=img&l=red-sites&f=red-sites:${site.id}` };
  }

  it('opens the view of a link, writes moves into the URL and history, and reloads to the same view', async ({ expect }) => {
    const c: [number, number] = [123.95, 47.33];
    const { site, link } = await linkNear(c);
    const m = await openMap(link, { key: 'w' });
    const page = m.page;

    await poll(expect, async () => (await state(page)).selected).toEqual({ layer: 'red-sites', id: site.id });
    const a = await state(page);
    expect(near(a.center, c, 1e-4), `centre ${a.center}`).toBe(true);
    expect(a.zoom).toBe(11);
    expect(a.base).toBe('img');
    expect(a.lang).toBe('zh');
    expect(a.layers).toEqual(['red-sites']);
    expect(await page.getByRole('radio', { name: '影像' }).isChecked()).toBe(true);
    expect(await page.locator('input[name="layer"][value="notices-planning"]').isChecked()).toBe(false);
    expect(await page.locator('.map-popup > a').textContent()).toBe(site.properties['title']);
    await settle(page);
    expect(layersOf(m.tiles)).toEqual(['cia', 'img']);
    expect(new URL(page.url()).search, 'opening a link writes nothing').toBe(new URL(at(link)).search);

    // Pan and zoom a little, the selected site staying in view, and the URL follows once
    // the view has settled. (A selection restored from the history never pans the view:
    // only the reader's own selection or a link's f= without c or z does.)
    const b: [number, number] = [123.96, 47.335];
    await moveTo(page, b[0], b[1], 12);
    await page.waitForFunction(() => location.search.includes('z=12'));
    const url = page.url();
    const q = new URL(url).searchParams;
    expect(q.get('c')).toBe('123.96,47.335');
    expect(q.get('b')).toBe('img');
    expect(q.get('l')).toBe('red-sites');
    expect(q.get('f')).toBe(`red-sites:${site.id}`);
    expect(near((await state(page)).center, b, 1e-6)).toBe(true);

    // Back: the previous view, without a new history entry.
    await page.goBack();
    await waitForState(expect, page, { center: c, zoom: 11 });
    expect(new URL(page.url()).search).toBe(new URL(at(link)).search);
    await page.waitForTimeout(600);
    expect(new URL(page.url()).search, 'going back writes no new entry').toBe(new URL(at(link)).search);
    // Forward again, then reload the moved view's link.
    await page.goForward();
    await waitForState(expect, page, { center: b, zoom: 12 });
    expect(page.url()).toBe(url);
    await page.reload();
    await ready(page);
    await poll(expect, async () => (await state(page)).selected).toEqual({ layer: 'red-sites', id: site.id });
    const again = await state(page);
    expect(near(again.center, b, 1e-5), `centre after reload ${again.center}`).toBe(true);
    expect(again).toMatchObject({ zoom: 12, base: 'img', lang: 'zh', layers: ['red-sites'] });
    // The reloaded page goes back to the first link too.
    await page.goBack();
    await ready(page);
    await waitForState(expect, page, { center: c, zoom: 11 });
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('f= without a view: fits to the feature, opens its popup fully in view, clear of the 示意底图 notice, and replaces the entry', async ({ expect }) => {
    const land = await geojson('notices-land');
    const notice = land.features.find((f) => f.id === 'td-2026-033') ?? land.features[0]!;
    const coords = JSON.stringify(notice.geometry.coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
    const bbox: Extent = [Math.min(...coords.filter((_, i) => i % 2 === 0)), Math.min(...coords.filter((_, i) => i % 2 === 1)), Math.max(...coords.filter((_, i) => i % 2 === 0)), Math.max(...coords.filter((_, i) => i % 2 === 1))];
    // No key: the offline notice shows (below the map).
    const m = await openMap(`/map/?f=notices-land:${notice.id}`);
    const page = m.page;
    const length = await page.evaluate(() => history.length);
    await poll(expect, async () => (await state(page)).selected).toEqual({ layer: 'notices-land', id: notice.id });
    expect((await state(page)).layers).toContain('notices-land');
    // The fit and the pan are written over the link's own entry: c and z join f, no new entry.
    await poll(expect, () => new URL(page.url()).searchParams.has('z')).toBe(true);
    expect(new URL(page.url()).searchParams.get('f')).toBe(`notices-land:${notice.id}`);
    expect(await page.evaluate(() => history.length)).toBe(length);
    await settle(page);
    const view = await viewInfo(page);
    const [west, south] = toLonLat([view.extent[0], view.extent[1]], view.projection);
    const [east, north] = toLonLat([view.extent[2], view.extent[3]], view.projection);
    expect(bbox[0] >= west! && bbox[2] <= east! && bbox[1] >= south! && bbox[3] <= north!, `feature ${bbox} in view ${[west, south, east, north]}`).toBe(true);
    expect(Math.abs(view.zoom - (await state(page)).zoom), 'the view is the state’s').toBeLessThan(1e-6);
    const popup = page.locator('.map-popup');
    expect(await popup.locator(':scope > a').textContent()).toBe(notice.properties['title']);
    const rects = await page.evaluate(() => {
      const r = (sel: string) => {
        const el = document.querySelector<HTMLElement>(sel);
        if (!el || el.offsetParent === null) return undefined;
        const b = el.getBoundingClientRect();
        return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
      };
      return { popup: r('.map-popup')!, canvas: r('.map-canvas')!, banner: r('.map-offline'), window: { width: innerWidth, height: innerHeight } };
    });
    const { popup: p, canvas: c, banner } = rects;
    expect(p.left >= c.left && p.right <= c.right && p.top >= c.top && p.bottom <= c.bottom, `popup ${JSON.stringify(p)} inside the map ${JSON.stringify(c)}`).toBe(true);
    expect(p.top >= 0 && p.bottom <= rects.window.height, 'popup inside the window').toBe(true);
    // The 示意底图 notice is a strip below the canvas (src/styles/map.css): it never covers the popup.
    if (banner) {
      expect(banner.top, `the notice ${JSON.stringify(banner)} below the map ${JSON.stringify(c)}`).toBeGreaterThanOrEqual(c.bottom - 0.5);
      expect(banner.right > p.left && banner.left < p.right && banner.bottom > p.top && banner.top < p.bottom, `popup clear of the notice ${JSON.stringify(banner)}`).toBe(false);
    }
    // Back and forward over the derived entry restore it exactly.
    const fitted = await state(page);
    await moveTo(page, 123.95, 47.34, 12);
    await page.waitForFunction(() => location.search.includes('z=12'));
    await page.goBack();
    await waitForState(expect, page, { center: fitted.center, zoom: fitted.zoom }, 1e-9);
    expect((await state(page)).selected).toEqual({ layer: 'notices-land', id: notice.id });
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('survives hostile links: the map loads with the default view and warns', async ({ expect }) => {
    const m = await openMap('/map/', { key: 'w' });
    const defaults = await state(m.page);
    expect(defaults.base).toBe('vec');
    const hostile = [
      'c=abc',
      'z=999',
      `b=${encodeURIComponent('<script>alert(1)</script>')}`,
      'l=__proto__',
      `f=red-sites:${'x'.repeat(5000)}`,
    ];
    for (const q of hostile) {
      m.console.length = 0;
      await m.page.goto(at(`/map/?${q}`));
      await ready(m.page);
      const s = await state(m.page);
      const label = `?${q.slice(0, 60)}`;
      expect(near(s.center, defaults.center, 1e-6), `${label}: centre ${s.center}`).toBe(true);
      expect(s.zoom, label).toBe(defaults.zoom);
      expect(s.base, label).toBe('vec');
      expect(s.lang, label).toBe('zh');
      expect(s.layers, label).toEqual(defaults.layers);
      expect(s.selected, label).toBeUndefined();
      const warnings = m.console.filter((c) => c.type === 'warning' && c.text.startsWith('[permalink]'));
      expect(warnings.length, `${label}: console.warn`).toBeGreaterThan(0);
      expect(await m.page.locator('.map-status').textContent(), label).toMatch(/链接中有 \d+ 个参数无效/);
      expect(await m.page.evaluate(() => (Object.prototype as Record<string, unknown>)['red-sites']), label).toBeUndefined();
    }
    expect(m.errors).toEqual([]);
    await m.close();
  });
});

// -------------------------------------------------- the list alternative

/** Whether a GeoJSON geometry (lon/lat) intersects a lon/lat box. */
function intersects(geometry: Feature['geometry'], box: Extent): boolean {
  const inBox = ([x, y]: number[]) => x! >= box[0] && x! <= box[2] && y! >= box[1] && y! <= box[3];
  const segmentHitsBox = (p: number[], q: number[]): boolean => {
    // Liang–Barsky clipping of the segment p→q against the box.
    const [x, y] = p as [number, number];
    const dx = q[0]! - x;
    const dy = q[1]! - y;
    let t0 = 0;
    let t1 = 1;
    for (const [den, num] of [[-dx, x - box[0]], [dx, box[2] - x], [-dy, y - box[1]], [dy, box[3] - y]] as const) {
      if (den === 0) {
        if (num < 0) return false;
        continue;
      }
      const t = num / den;
      if (den < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
    return true;
  };
  const inRing = ([x, y]: number[], ring: number[][]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
    }
    return inside;
  };
  const polygon = (rings: number[][][]) => {
    const outer = rings[0] ?? [];
    if (outer.some(inBox)) return true;
    for (const ring of rings) for (let i = 1; i < ring.length; i++) if (segmentHitsBox(ring[i - 1]!, ring[i]!)) return true;
    // The box lies inside the polygon (and not in a hole).
    const corner = [box[0], box[1]];
    return inRing(corner, outer) && !rings.slice(1).some((h) => inRing(corner, h));
  };
  const line = (pts: number[][]) => pts.some(inBox) || pts.slice(1).some((p, i) => segmentHitsBox(pts[i]!, p));
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      return inBox(c as number[]);
    case 'MultiPoint':
      return (c as number[][]).some(inBox);
    case 'LineString':
      return line(c as number[][]);
    case 'MultiLineString':
      return (c as number[][][]).some(line);
    case 'Polygon':
      return polygon(c as number[][][]);
    case 'MultiPolygon':
      return (c as number[][][][]).some(polygon);
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

/**
 * A point inside a thematic polygon's bounding box from which a zoom-18 view
 * (about 0.0042° × 0.0023° here) misses the polygon itself, if the data has one.
 */
async function offPolygonView(): Promise<{ id: string; lon: number; lat: number } | undefined> {
  const [halfLon, halfLat] = [0.003, 0.0016];
  for (const layer of ['notices-planning', 'notices-land', 'notices-mining', 'notices-surveying', 'enforcement']) {
    for (const f of (await geojson(layer)).features) {
      if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
      const coords = JSON.stringify(f.geometry.coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
      const xs = coords.filter((_, i) => i % 2 === 0);
      const ys = coords.filter((_, i) => i % 2 === 1);
      const bbox: Extent = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      for (let i = 0; i <= 10; i++)
        for (let j = 0; j <= 10; j++) {
          const lon = bbox[0] + ((bbox[2] - bbox[0]) * i) / 10;
          const lat = bbox[1] + ((bbox[3] - bbox[1]) * j) / 10;
          const box: Extent = [lon - halfLon, lat - halfLat, lon + halfLon, lat + halfLat];
          if (!intersects(f.geometry, box)) return { id: `${layer}:${f.id}`, lon, lat };
        }
    }
  }
  return undefined;
}

describe.concurrent('the list of features in view', () => {
  it('lists exactly the features the map shows, per layer, at three views', async ({ expect }) => {
    const m = await openMap('/map/', { key: 'w' });
    const page = m.page;
    // Every layer on, so that points, polygons and clusters all take part.
    for (const box of await page.locator('input[name="layer"]').all()) await box.check();

    const compare = async (label: string) => {
      await settle(page);
      const fromHandle = () =>
        mapRoot(page).evaluate((el) =>
          Object.fromEntries((el as HandleHost).geoportalMap.featuresInView().map((g) => [g.config.id, g.features.map((f) => f.id).sort()])),
        );
      const fromList = () =>
        page.locator('[data-feature-list]').evaluate((list) => {
          const out: Record<string, string[]> = {};
          for (const h of list.querySelectorAll('section')) {
            const ids = [...h.querySelectorAll<HTMLElement>('li[data-feature-id]')].map((li) => `${li.dataset['layer']}|${li.dataset['featureId']}`);
            for (const id of ids) (out[id.split('|')[0]!] ??= []).push(id.split('|')[1]!);
          }
          for (const k of Object.keys(out)) out[k]!.sort();
          return { groups: out, count: Number(list.getAttribute('data-count')) };
        });
      // The list is redrawn shortly after the view settles.
      await poll(expect, async () => JSON.stringify((await fromList()).groups) === JSON.stringify(Object.fromEntries(Object.entries(await fromHandle()).filter(([, v]) => v.length > 0)))).toBe(true);
      const handleIds = await fromHandle();
      const list = await fromList();
      const view = await viewInfo(page);
      expect(view.projection).toBe('EPSG:3857');
      const [west, south] = toLonLat([view.extent[0], view.extent[1]], view.projection);
      const [east, north] = toLonLat([view.extent[2], view.extent[3]], view.projection);
      const box: Extent = [west!, south!, east!, north!];
      let total = 0;
      const layers = Object.keys(handleIds).sort();
      expect(layers, `${label}: visible layers`).toEqual((await state(page)).layers.sort());
      for (const layer of layers) {
        const independent = (await geojson(layer)).features.filter((f) => intersects(f.geometry, box)).map((f) => String(f.id)).sort();
        expect(handleIds[layer], `${label}: ${layer}: featuresInView() vs /geo/${layer}.geojson in [${box.map((v) => v.toFixed(4))}]`).toEqual(independent);
        expect(list.groups[layer] ?? [], `${label}: ${layer}: the list`).toEqual(independent);
        total += independent.length;
      }
      expect(list.count, `${label}: data-count`).toBe(total);
      return total;
    };

    const home = await compare('home view');
    expect(home).toBeGreaterThan(0);
    // The city centre, closer: some features in, some out.
    await moveTo(page, 123.95, 47.34, 12);
    const city = await compare('city centre, zoom 12');
    expect(city).toBeGreaterThan(0);
    expect(city).toBeLessThan(home);

    // Close to a polygon whose bounding box reaches into the view but whose
    // geometry does not: only the geometry counts (OpenLayers'
    // getFeaturesInExtent() alone goes by bounding boxes).
    const corner = await offPolygonView();
    if (corner) {
      await moveTo(page, corner.lon, corner.lat, 18);
      await compare(`zoom 18 beside ${corner.id}, inside its bounding box`);
    }
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('keyboard: Tab to 在地图上显示, Enter selects the feature and opens its popup; the close button and Escape clear it', async ({ expect }) => {
    const m = await openMap('/map/', { key: 'w' });
    const page = m.page;
    await poll(expect, () => page.locator('[data-feature-list] li[data-feature-id]').count()).toBeGreaterThan(1);
    const li = page.locator('[data-feature-list] li[data-feature-id]').nth(1);
    const layer = (await li.getAttribute('data-layer'))!;
    const id = (await li.getAttribute('data-feature-id'))!;
    const title = (await li.locator('a').textContent())!;
    // Focus the record's link, then Tab: the next stop is its 在地图上显示 button.
    await li.locator('a').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`在地图上显示：${title}`);
    await page.keyboard.press('Enter');
    await poll(expect, async () => (await state(page)).selected).toEqual({ layer, id });
    const popup = page.locator('.map-popup');
    await poll(expect, () => popup.locator(':scope > a').textContent()).toBe(title);
    expect(await popup.isVisible()).toBe(true);
    expect(await mapRoot(page).getAttribute('data-selected')).toBe(`${layer}:${id}`);
    // Focus went to the map; the next Tab stop is the popup's close button, and Enter clears the selection.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('map-canvas'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('关闭');
    await page.keyboard.press('Enter');
    await poll(expect, async () => (await state(page)).selected).toBeUndefined();
    expect(await popup.isVisible()).toBe(false);
    expect(await mapRoot(page).getAttribute('data-selected')).toBe('');
    // Select again from the list (re-rendered for the new view: find the item by id); Escape closes the popup too.
    await page.locator(`[data-feature-list] li[data-layer="${layer}"][data-feature-id="${id}"] button`).focus();
    await page.keyboard.press('Enter');
    await poll(expect, async () => (await state(page)).selected).toEqual({ layer, id });
    await page.keyboard.press('Escape');
    await poll(expect, async () => (await state(page)).selected).toBeUndefined();
    expect(await popup.isVisible()).toBe(false);
    expect(m.errors).toEqual([]);
    await m.close();
  });
});

// ------------------------------------------------------------ hidden layers

describe.concurrent('hidden layers', () => {
  /** Every /geo/*.geojson the page requested, by collection name. */
  const geoRequests = (page: Page) => {
    const names: string[] = [];
    page.on('request', (r) => {
      const m = /\/geo\/([\w-]+)\.geojson$/.exec(new URL(r.url()).pathname);
      if (m) names.push(m[1]!);
    });
    return names;
  };

  it('fetch nothing until first shown; shown, they load and join the list', async ({ expect }) => {
    const m = await mapPage({ key: 'w' });
    const requested = geoRequests(m.page);
    await m.page.goto(at('/map/'));
    await ready(m.page);
    await settle(m.page);
    const visible = (await state(m.page)).layers;
    expect(visible.length).toBeGreaterThan(0);
    expect(visible).not.toContain('enforcement');
    expect([...new Set(requested)].sort()).toEqual([...visible].sort());
    const enforcement = await geojson('enforcement');
    expect(enforcement.features.length, 'sample enforcement records with a location').toBeGreaterThan(0);
    await m.page.locator('input[name="layer"][value="enforcement"]').check();
    await poll(expect, () => requested.includes('enforcement')).toBe(true);
    await poll(expect, () => m.page.locator('[data-feature-list] li[data-layer="enforcement"]').count()).toBeGreaterThan(0);
    // Hidden and shown again: no second fetch.
    await m.page.locator('input[name="layer"][value="enforcement"]').uncheck();
    await m.page.locator('input[name="layer"][value="enforcement"]').check();
    await settle(m.page);
    expect(requested.filter((n) => n === 'enforcement')).toHaveLength(1);
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('a link’s f= to a feature of a hidden layer loads that layer, turns it on and opens the popup', async ({ expect }) => {
    const feature = (await geojson('enforcement')).features[0]!;
    const m = await openMap(`/map/?f=enforcement:${feature.id}`, { key: 'w' });
    await poll(expect, async () => (await state(m.page)).selected).toEqual({ layer: 'enforcement', id: feature.id });
    await poll(expect, async () => (await state(m.page)).layers.includes('enforcement')).toBe(true);
    await poll(expect, () => m.page.locator('.map-popup > a').textContent()).toBe(feature.properties['title']);
    expect(await m.page.locator('input[name="layer"][value="enforcement"]').isChecked()).toBe(true);
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('selecting a feature of a layer not loaded yet (a map search result) loads it, then selects; an unknown id selects nothing', async ({ expect }) => {
    const feature = (await geojson('enforcement')).features[0]!;
    const m = await openMap('/map/', { key: 'w' });
    const accepted = await mapRoot(m.page).evaluate((el, id) => (el as HandleHost).geoportalMap.select('enforcement', id, { zoom: true }), feature.id);
    expect(accepted).toBe(true);
    await poll(expect, async () => (await state(m.page)).selected).toEqual({ layer: 'enforcement', id: feature.id });
    expect((await state(m.page)).layers).toContain('enforcement');
    await poll(expect, () => m.page.locator('.map-popup > a').textContent()).toBe(feature.properties['title']);
    // Now loaded: an id the layer lacks is refused at once.
    expect(await mapRoot(m.page).evaluate((el) => (el as HandleHost).geoportalMap.select('enforcement', 'no-such-record'))).toBe(false);
    expect((await state(m.page)).selected).toEqual({ layer: 'enforcement', id: feature.id });
    expect(m.errors).toEqual([]);
    await m.close();
  });
});

// ------------------------------------------------------------ the rest

describe.concurrent('share, accessibility, broken data', () => {
  it('the share dialog shows the permalink and its QR code', async ({ expect }) => {
    const m = await openMap('/map/?z=9&b=vec-en', { key: 'w' });
    const page = m.page;
    await page.getByRole('button', { name: '分享' }).click();
    const dialog = page.locator('dialog.map-share');
    await dialog.waitFor({ state: 'visible' });
    const permalink = await mapRoot(page).evaluate((el) => (el as HandleHost).geoportalMap.permalink());
    expect(await dialog.locator('input[name="permalink"]').inputValue()).toBe(permalink);
    expect(permalink).toBe(at('/map/?z=9&b=vec-en'));
    const qr = dialog.locator('img.map-qr');
    expect(await qr.isVisible()).toBe(true);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    await dialog.getByRole('button', { name: '关闭' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('exports a PNG with the map, framed by title and legend, and prints the map with its legend and 审图号', async ({ expect }) => {
    const m = await openMap('/map/', { key: 'w' });
    const page = m.page;
    const mapSize = await page.locator('.map-canvas').boundingBox();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出图片' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: the image is as wide as the map and taller (title above, legend and attribution below).
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(Math.floor(mapSize!.width));
    expect(height).toBeGreaterThan(mapSize!.height + 100);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.map-toolbar').isVisible()).toBe(false);
    expect(await page.locator('.map-legend').first().isVisible()).toBe(true);
    expect(await page.locator('.map-attribution').innerText()).toMatch(/审图号/);
    expect(await page.locator('.map-north').isVisible()).toBe(true);
    expect(await page.locator('.ol-scale-line').isVisible()).toBe(true);
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('axe: no serious or critical violations on /map/ once the map is ready', async ({ expect }) => {
    const m = await openMap('/map/', { key: 'w' });
    await settle(m.page);
    await poll(expect, () => m.page.locator('[data-feature-list] li').count()).toBeGreaterThan(0);
    await injectAxe(m.page, axe.source);
    const violations = await m.page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 160)}`) }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('malformed GeoJSON: the layer says so, the rest of the map works', async ({ expect }) => {
    const m = await openMap('/map/', {
      key: 'w',
      routes: (page) => page.route('**/geo/red-sites.geojson', (route) => route.fulfill({ status: 200, contentType: 'application/geo+json', body: '{not json' })),
    });
    const err = m.page.locator('[data-layer-error="red-sites"]');
    await err.waitFor({ state: 'visible' });
    expect(await err.textContent()).toContain('红色资源点');
    expect(await err.textContent()).toContain('不是有效的 GeoJSON');
    // Other layers and the base map carry on.
    await poll(expect, () => m.page.locator('[data-feature-list]').getAttribute('data-count').then(Number)).toBeGreaterThan(0);
    expect(await m.page.locator('[data-feature-list] li[data-layer="red-sites"]').count()).toBe(0);
    await m.page.getByRole('radio', { name: '影像' }).check();
    await poll(expect, async () => (await state(m.page)).base).toBe('img');
    await settle(m.page);
    expect(m.tiles.some((u) => u.includes('/img_w/'))).toBe(true);
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('missing 示意底图 labels without a key: a visible message, no page error', async ({ expect }) => {
    const m = await openMap('/map/', {
      routes: (page) => page.route('**/geo/district-labels.geojson', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })),
    });
    const message = m.page.locator('.map-status .map-message-error');
    await message.waitFor({ state: 'visible' });
    expect(await message.textContent()).toMatch(/示意底图也无法加载.*HTTP 404/);
    expect(await m.page.locator('.map-offline').isVisible()).toBe(true);
    await poll(expect, () => m.page.locator('[data-feature-list]').getAttribute('data-count').then(Number)).toBeGreaterThan(0);
    expect(m.tiles).toEqual([]);
    expect(m.errors).toEqual([]);
    await m.close();
  });
});

describe.concurrent('an embedded map', () => {
  it('on a notice detail page: loads when scrolled to, frames the notice’s geometry, keeps the URL', async ({ expect }) => {
    const planning = await geojson('notices-planning');
    const notice = planning.features.find((f) => f.geometry.type === 'Polygon') ?? planning.features[0];
    expect(notice, 'a planning notice with a geometry').toBeDefined();
    const path = String(notice!.properties['url']);
    const m = await mapPage({ key: 'w' });
    await m.page.goto(at(path));
    const root = mapRoot(m.page);
    expect(await root.getAttribute('class')).toContain('map-embedded');
    await root.scrollIntoViewIfNeeded();
    await ready(m.page);
    await settle(m.page);
    // The view frames the geometry.
    const coords = JSON.stringify(notice!.geometry.coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
    const lons = coords.filter((_, i) => i % 2 === 0);
    const lats = coords.filter((_, i) => i % 2 === 1);
    const view = await viewInfo(m.page);
    const [west, south] = toLonLat([view.extent[0], view.extent[1]], view.projection);
    const [east, north] = toLonLat([view.extent[2], view.extent[3]], view.projection);
    expect(Math.min(...lons)).toBeGreaterThanOrEqual(west!);
    expect(Math.max(...lons)).toBeLessThanOrEqual(east!);
    expect(Math.min(...lats)).toBeGreaterThanOrEqual(south!);
    expect(Math.max(...lats)).toBeLessThanOrEqual(north!);
    checkTiles(m.tiles, 'w', ['vec', 'cva'], view);
    expect(await m.page.locator('.map-attribution').innerText()).toContain('审图号');
    // Over Tianditu: no 示意底图 credit, but the locator inset's own (it draws our district outlines).
    expect(await m.page.locator('[data-attribution="offline"]').isHidden()).toBe(true);
    await m.page.locator('.map-inset[data-ready="true"]').waitFor();
    expect(await m.page.locator('[data-attribution="inset"]').innerText()).toMatch(/位置图：行政区划示意，非标准地图/);
    // Nothing of the 示意底图's own is drawn over Tianditu: no town names, no district outline.
    const roles = await mapRoot(m.page).evaluate((el) => (el as HandleHost).geoportalMap.olMap.getLayers().getArray().map((l) => l.get('geoportal:role')).filter(Boolean));
    expect(roles).toEqual([]);
    // Embedded maps have no permalink.
    await moveTo(m.page, 124, 47.5, 10);
    await m.page.waitForTimeout(500);
    expect(new URL(m.page.url()).search).toBe('');
    expect(m.errors).toEqual([]);
    await m.close();
  });
});
