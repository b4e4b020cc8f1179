/**
 * The base-map sources in the browser, each with a stub (issue 11 §2): a
 * WMTS read from a small capabilities document with tiles, a PMTiles
 * archive generated here from the bundled district outlines, and every bad
 * input — a capabilities document that is malformed, lacks the layer or
 * was not fetched in time by the server (its 502 with the reason), an
 * archive that is missing or cut short, a source missing from site.yaml —
 * falling back to the 示意底图 with a notice that says why. The attribution
 * always names what is drawn.
 *
 * /config/map.json is stubbed per test with the document the server sends
 * for that site.yaml (tests/unit/map-config/runtime-config.test.ts checks
 * the server's side); the tiles come from *.tianditu.gov.cn, which the CSP
 * allows, as a city node's do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseMapSourceConfig, RuntimeMapConfig } from '../../src/map/types.ts';
import { answerRange } from '../../src/server/byte-range.ts';
import { capabilitiesSource } from '../../src/server/basemap-capabilities.ts';
import { writePmtiles } from '../lib/pmtiles-writer.ts';
import { at, injectAxe, launch, mapReady, newContext, settle } from './support.ts';


const ROOT = path.resolve(import.meta.dirname, '../..');
/** A 1×1 PNG for every WMTS tile. */
const TILE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const CITY_NODE = 'https://qqhr.tianditu.gov.cn';
const CAPABILITIES = readFileSync(path.join(ROOT, 'tests/fixtures/wmts-capabilities.xml'), 'utf8').replaceAll('https://tiles.example.gov.cn', CITY_NODE);
const WMTS: BaseMapSourceConfig = { kind: 'wmts', capabilitiesUrl: '/config/basemap/capabilities.xml', layer: 'vec', attribution: '天地图·齐齐哈尔（测试节点）', reviewNo: '黑S(2024)015号' };
const PMTILES: BaseMapSourceConfig = { kind: 'pmtiles', archiveUrl: '/basemap/test-city.pmtiles', styleUrl: '/basemap/test-city-style.json', attribution: '齐齐哈尔市自然资源和规划局（测试底图）' };
const FILL = '#c9dcb0';
const STYLE = {
  version: 8,
  sources: { city: { type: 'vector', url: 'pmtiles://test-city.pmtiles' } },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
    { id: 'district-fill', type: 'fill', source: 'city', 'source-layer': 'districts', paint: { 'fill-color': FILL } },
    { id: 'district-line', type: 'line', source: 'city', 'source-layer': 'districts', paint: { 'line-color': '#4d5b33', 'line-width': 1.5 } },
  ],
};
const districts = JSON.parse(readFileSync(path.join(ROOT, 'data/boundaries/districts.geojson'), 'utf8'));
const ARCHIVE = writePmtiles({ layers: { districts }, minZoom: 4, maxZoom: 10, bounds: [122.3, 45.9, 126.7, 48.9] });

let context: Awaited<ReturnType<typeof newContext>>;
let closeBrowser: () => Promise<void>;
let serverConfig: RuntimeMapConfig;

beforeAll(async () => {
  const browser = await launch();
  closeBrowser = () => browser.close();
  context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  serverConfig = (await (await fetch(at('/config/map.json'))).json()) as RuntimeMapConfig;
});
afterAll(async () => {
  expect(context?.blocked ?? [], 'requests that tried to leave the machine').toEqual([]);
  expect(context?.cspViolations ?? [], 'CSP violations').toEqual([]);
  await closeBrowser?.();
});

/** Serves a file in byte ranges, as the site's server and nginx do. */
function serveRanges(route: Route, bytes: Buffer): Promise<void> {
  const etag = '"test-archive"';
  const r = answerRange(route.request().headers()['range'], undefined, bytes.length, etag);
  const headers = { 'accept-ranges': 'bytes', etag, 'content-type': 'application/vnd.pmtiles' };
  if (r.kind === 'unsatisfiable') return route.fulfill({ status: 416, headers: { ...headers, 'content-range': `bytes */${bytes.length}` } });
  if (r.kind === 'full') return route.fulfill({ status: 200, headers, body: bytes });
  return route.fulfill({ status: 206, headers: { ...headers, 'content-range': `bytes ${r.start}-${r.end}/${bytes.length}` }, body: bytes.subarray(r.start, r.end + 1) });
}

type Stubs = { basemap: BaseMapSourceConfig; routes?: (page: Page) => Promise<unknown> };
type Opened = { page: Page; requests: string[]; errors: string[] };

async function openMap({ basemap, routes }: Stubs): Promise<Opened> {
  const page = await context.newPage();
  const opened: Opened = { page, requests: [], errors: [] };
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('request', (r) => opened.requests.push(r.url()));
  const config: RuntimeMapConfig = { ...serverConfig, basemap };
  await page.route('**/config/map.json', (route) => route.fulfill({ json: config, headers: { 'cache-control': 'no-cache' } }));
  await page.route(`${CITY_NODE}/**`, (route) => route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'image/png' }, body: TILE_PNG }));
  await routes?.(page);
  await page.goto(at('/map/'));
  expect(await mapReady(page)).toBe('true');
  return opened;
}

const root = (page: Page) => page.locator('[data-map]').first();
const drawn = (page: Page) => root(page).getAttribute('data-basemap');
/** The visible credit lines of the attribution strip. */
const credits = (page: Page) => page.locator('.map-attribution [data-attribution]:not([hidden])').allTextContents();

/** Waits until the 示意底图 is drawn and returns the notice's reason. */
async function fellBack(page: Page): Promise<string> {
  await expect.poll(() => drawn(page), { timeout: 15_000 }).toBe('offline');
  await expect(page.locator('.map-offline').isVisible()).resolves.toBe(true);
  const credit = await credits(page);
  expect(credit, 'only the 示意底图 is credited').toHaveLength(1);
  expect(credit[0]).toContain('示意底图，非标准地图');
  return (await page.locator('.map-offline-reason').textContent()) ?? '';
}


describe('a WMTS base map (the city’s own node)', () => {
  it('is read from the capabilities, draws its tiles and credits itself with its 审图号, not 天地图', async () => {
    const { page, requests, errors } = await openMap({ basemap: WMTS, routes: (p) => p.route('**/config/basemap/capabilities.xml', (r) => r.fulfill({ status: 200, contentType: 'application/xml', body: CAPABILITIES })) });
    await expect.poll(() => drawn(page), { timeout: 15_000 }).toBe('wmts');
    await settle(page);
    // The layer is chosen before its first tiles are asked for: wait for them, not for a moment.
    await expect.poll(() => requests.filter((u) => u.startsWith(`${CITY_NODE}/`)).length, { message: 'WMTS tiles from the city node the capabilities name', timeout: 15_000 }).toBeGreaterThan(0);
    expect(requests.filter((u) => /\/\/t\d\.tianditu\.gov\.cn\//.test(u)), 'no national 天地图 tiles').toEqual([]);
    expect(await credits(page)).toEqual(['天地图·齐齐哈尔（测试节点） · 审图号：黑S(2024)015号']);
    expect(await page.locator('.map-offline').isVisible()).toBe(false);
    expect(await page.locator('input[name="basemap"][value="img"]').isDisabled(), '影像/地形 are 天地图’s').toBe(true);
    await injectAxe(page, axe.source);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run('.map-frame', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
  /** What the server's route (src/server/basemap-capabilities.ts) answers when its upstream behaves so. */
  async function serverAnswer(fetcher: typeof fetch): Promise<{ status: number; body: string; reason: string }> {
    const source = capabilitiesSource({ capabilities: `${CITY_NODE}/wmts?REQUEST=GetCapabilities`, layer: 'vec', tileOrigins: [] }, { fetcher, timeoutMs: 100 });
    const answer = await source();
    expect(answer.status).toBe(502);
    return { status: answer.status, body: answer.body, reason: (JSON.parse(answer.body) as { reason: string }).reason };
  }
  const viaServer = (a: { status: number; body: string }) => (p: Page) => p.route('**/config/basemap/capabilities.xml', (r) => r.fulfill({ status: a.status, contentType: 'application/json', body: a.body }));

  it('a malformed capabilities document (refused by the server, 502 with its reason) → the 示意底图 with that reason', async () => {
    const answer = await serverAnswer(async () => new Response('<Capabilities><Contents><Layer>', { headers: { 'content-type': 'application/xml' } }));
    const { page } = await openMap({ basemap: WMTS, routes: viaServer(answer) });
    expect(await fellBack(page)).toContain(answer.reason);
    expect(answer.reason).toContain('不是有效的 XML');
    await page.close();
  });
  it('an upstream that answers too slowly (the server gives up, 502 with its reason) → the 示意底图 with that reason', async () => {
    const hang: typeof fetch = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const answer = await serverAnswer(hang);
    expect(answer.reason).toContain('毫秒内没有应答');
    const { page } = await openMap({ basemap: WMTS, routes: viaServer(answer) });
    expect(await fellBack(page)).toContain(answer.reason);
    await page.close();
  });
  it('a document that lacks the layer reaches the browser anyway → the 示意底图, saying which layer', async () => {
    const { page } = await openMap({ basemap: { ...WMTS, layer: 'img' } as BaseMapSourceConfig, routes: (p) => p.route('**/config/basemap/capabilities.xml', (r) => r.fulfill({ status: 200, contentType: 'application/xml', body: CAPABILITIES })) });
    expect(await fellBack(page)).toContain('没有配置的图层“img”');
    await page.close();
  });
  it('tiles that answer with errors → the 示意底图 instead of broken tiles', async () => {
    const { page } = await openMap({
      basemap: WMTS,
      routes: async (p) => {
        await p.route('**/config/basemap/capabilities.xml', (r) => r.fulfill({ status: 200, contentType: 'application/xml', body: CAPABILITIES }));
        await p.route(`${CITY_NODE}/**`, (r) => r.fulfill({ status: 403, headers: { 'access-control-allow-origin': '*', 'content-type': 'text/html' }, body: '<h1>403</h1>' }));
      },
    });
    expect(await fellBack(page)).toContain('返回错误（HTTP 403）');
    await page.close();
  });
});

describe('a PMTiles vector base map the bureau supplies', () => {
  const pmtilesRoutes = (archive: Buffer | 'missing') => async (p: Page) => {
    await p.route('**/basemap/test-city-style.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(STYLE) }));
    await p.route('**/basemap/test-city.pmtiles', (r) => (archive === 'missing' ? r.fulfill({ status: 404, contentType: 'text/html', body: '<h1>404</h1>' }) : serveRanges(r, archive)));
  };

  it('is drawn from the archive, styled by its style document, and credited as no 标准地图', async () => {
    const { page, requests, errors } = await openMap({ basemap: PMTILES, routes: pmtilesRoutes(ARCHIVE) });
    await expect.poll(() => drawn(page), { timeout: 15_000 }).toBe('pmtiles');
    await settle(page);
    // As for the WMTS: the base map is chosen before the archive is read, so wait for the reads (and the drawing), not for a moment.
    await expect.poll(() => requests.filter((u) => u.endsWith('/basemap/test-city.pmtiles')).length, { message: 'header, then tiles, in ranges', timeout: 15_000 }).toBeGreaterThan(1);
    expect(await credits(page)).toEqual(['齐齐哈尔市自然资源和规划局（测试底图） · 非标准地图，不作为界线依据']);
    // The district fill of the style is on the base map's canvas.
    const filledPixels = () => page.evaluate((fill) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.pmtiles-base canvas');
      if (!canvas) return -1;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r!) < 6 && Math.abs(data[i + 1]! - g!) < 6 && Math.abs(data[i + 2]! - b!) < 6) n++;
      return n;
    }, FILL);
    await expect.poll(filledPixels, { message: 'pixels of the district fill', timeout: 15_000 }).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('a missing archive → the 示意底图, saying the file is missing', async () => {
    const { page } = await openMap({ basemap: PMTILES, routes: pmtilesRoutes('missing') });
    expect(await fellBack(page)).toContain('底图文件 test-city.pmtiles 不存在（HTTP 404）');
    await page.close();
  });
  it('an archive cut short (an interrupted upload) → the 示意底图, saying it is incomplete', async () => {
    const { page } = await openMap({ basemap: PMTILES, routes: pmtilesRoutes(ARCHIVE.subarray(0, Math.floor(ARCHIVE.length * 0.6))) });
    expect(await fellBack(page)).toMatch(/底图文件 test-city\.pmtiles 不完整：应有 \d+ 字节，实际只有 \d+ 字节/);
    await page.close();
  });
});

describe('a base-map source missing from site.yaml', () => {
  it('→ the 示意底图 with the reason the build published', async () => {
    const { page } = await openMap({ basemap: { kind: 'offline', reason: '站点配置选择了 WMTS 底图，但没有填写 map.wmts' } });
    expect(await fellBack(page)).toBe('站点配置选择了 WMTS 底图，但没有填写 map.wmts');
    await page.close();
  });
});
