/**
 * 压覆查询 pre-check (issue 13 §4) in Chromium: a project area drawn by mouse
 * and by keyboard, uploaded as GeoJSON, KML and a zipped shapefile (written
 * by the test), each bad upload with its message and no page error, the CSV
 * export, and axe. The mining block of kq-2025-004 (碾子山区) is the one an
 * area around it must find.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import { at, injectAxe, launch, mapReady, newContext } from './support.ts';
import { zippedShapefile } from '../lib/shapefile-writer.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// A project area over the east half of the 红旗 granite block (kq-2025-004, 122.9265–122.9344°E, 47.548–47.5537°N).
const RING: [number, number][] = [[122.931, 47.547], [122.937, 47.547], [122.937, 47.555], [122.931, 47.555], [122.931, 47.547]];
const BLOCK_NAME = '齐齐哈尔市碾子山区红旗建筑用花岗岩矿采矿权';
const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '项目红线' }, geometry: { type: 'Polygon', coordinates: [RING] } }] });
const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>项目红线</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${RING.map((p) => p.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`;

async function open(): Promise<{ page: Page; errors: string[] }> {
  const context = await newContext(browser, { acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(at(urls.overlay));
  return { page, errors };
}

const choose = (page: Page, name: string, mimeType: string, buffer: Buffer) => page.setInputFiles('[data-overlay-file]', { name, mimeType, buffer });

async function resultNames(page: Page): Promise<string[]> {
  await page.locator('[data-overlay-results]:not([hidden])').waitFor();
  return page.locator('[data-overlay-list] h3 a').allTextContents();
}

describe('压覆查询 pre-check', () => {
  it('says it is reference only and runs in the browser, and passes axe', async () => {
    const { page, errors } = await open();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/仅供参考，不是压覆重要矿产资源的审查意见或证明/);
    expect(text).toMatch(/不会上传/);
    expect(text).toMatch(/GCJ-02.*本页不接受/s);
    await mapReady(page);
    await injectAxe(page, axe.source);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds the mining block under an uploaded GeoJSON, KML and zipped shapefile, with the same area', async () => {
    const { page, errors } = await open();
    const areas: string[] = [];
    for (const [name, type, buffer] of [
      ['xiangmu.geojson', 'application/geo+json', Buffer.from(geojson)],
      ['xiangmu.kml', 'application/vnd.google-earth.kml+xml', Buffer.from(kml)],
      ['xiangmu.zip', 'application/zip', zippedShapefile([[RING]])],
    ] as const) {
      await choose(page, name, type, buffer);
      await page.waitForFunction((n) => document.querySelector('[data-overlay-status]')?.textContent?.includes(n), name);
      expect(await resultNames(page)).toContain(BLOCK_NAME);
      areas.push(await page.locator('[data-overlay-list] li').first().locator('dd').first().innerText());
    }
    expect(new Set(areas).size).toBe(1);
    expect(areas[0]).toMatch(/平方米（[\d.]+ 亩）/);
    expect(errors).toEqual([]);
  });

  it('exports the result as CSV for Excel', async () => {
    const { page } = await open();
    await choose(page, 'xiangmu.geojson', 'application/geo+json', Buffer.from(geojson));
    await resultNames(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-overlay-csv]')]);
    expect(download.suggestedFilename()).toMatch(/^压覆查询结果-\d{4}-\d{2}-\d{2}\.csv$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^序号,类型,名称,许可证号或宗地代码,性质,公告标题,文号,重叠面积（平方米）/);
    expect(lines[1]).toMatch(new RegExp(`^1,矿业权,${BLOCK_NAME},`));
    expect(lines[1]).toMatch(/\/notices\/mining\/kq-2025-0\d\d\/$/);
  });

  it('gives a clear message for each bad upload, and keeps working', async () => {
    const { page, errors } = await open();
    const alert = page.locator('[data-overlay-error]');
    const cases: [string, string, Buffer, RegExp][] = [
      ['big.geojson', 'application/geo+json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), /超过 5 MB/],
      ['broken.geojson', 'application/geo+json', Buffer.from('{"type": "FeatureCollection", "features": ['), /不是有效的 GeoJSON/],
      ['broken.kml', 'application/vnd.google-earth.kml+xml', Buffer.from('<kml><Placemark></kml>'), /不是有效的 KML/],
      ['broken.zip', 'application/zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), /Shapefile/],
      ['point.geojson', 'application/geo+json', Buffer.from(JSON.stringify({ type: 'Point', coordinates: [122.93, 47.55] })), /没有多边形/],
      ['gcj.geojson', 'application/geo+json', Buffer.from(JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'GCJ-02' } }, features: JSON.parse(geojson).features })), /GCJ-02.*不接受/],
      ['beijing.geojson', 'application/geo+json', Buffer.from(JSON.stringify({ type: 'Polygon', coordinates: [[[116.3, 39.9], [116.31, 39.9], [116.31, 39.91], [116.3, 39.9]]] })), /不在本市范围内/],
    ];
    for (const [name, type, buffer, message] of cases) {
      await choose(page, name, type, buffer);
      await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toMatch(message);
      expect(await alert.isVisible()).toBe(true);
      expect(await page.locator('[data-overlay-results]').isHidden()).toBe(true);
    }
    // After the bad files, a good one still works.
    await choose(page, 'xiangmu.geojson', 'application/geo+json', Buffer.from(geojson));
    expect(await resultNames(page)).toContain(BLOCK_NAME);
    expect(await alert.isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('draws an area by keyboard (Enter adds a vertex, Shift+Enter closes) and by mouse', async () => {
    const { page, errors } = await open();
    await mapReady(page);
    await page.click('[data-overlay-draw]');
    const canvas = page.locator('[data-map] .map-canvas');
    await canvas.focus();
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft']) {
      await page.keyboard.press('Enter');
      await page.keyboard.press(key);
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
    }
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Enter');
    await page.locator('[data-overlay-results]:not([hidden])').waitFor();
    expect(await page.locator('[data-overlay-summary]').innerText()).toMatch(/项目范围面积 [\d,.]+ 平方(米|公里)/);
    expect(await page.locator('[data-overlay-status]').innerText()).toMatch(/已绘制项目范围/);

    await page.click('[data-overlay-draw]');
    const box = (await canvas.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.click(cx - 60, cy - 40);
    await page.mouse.click(cx + 60, cy - 40);
    await page.mouse.click(cx + 60, cy + 40);
    await page.mouse.dblclick(cx - 60, cy + 40);
    await page.waitForFunction(() => /已绘制项目范围/.test(document.querySelector('[data-overlay-status]')?.textContent ?? '') && document.querySelector('[data-overlay-draw]')?.getAttribute('aria-pressed') === 'false');
    expect(await page.locator('[data-overlay-summary]').innerText()).toMatch(/项目范围面积/);
    expect(errors).toEqual([]);
  });

  it('loads nothing for the check until there is an area', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(at(urls.overlay));
    await mapReady(page);
    expect(requests.filter((p) => p === urls.overlayBlocks)).toEqual([]);
    await choose(page, 'xiangmu.geojson', 'application/geo+json', Buffer.from(geojson));
    await resultNames(page);
    expect(requests.filter((p) => p === urls.overlayBlocks)).toHaveLength(1);
  });
});

describe('mining 拐点 tables as published', () => {
  it('shows the published X/Y table first and the converted lon/lat beside it', async () => {
    const { page } = await open();
    await page.goto(at('/notices/mining/kq-2025-009/'));
    const captions = await page.locator('.corner-tables caption').allTextContents();
    expect(captions).toEqual(['平面坐标（3° 带，EPSG:4529）（公告原文）', '经纬度（换算）']);
    const first = page.locator('.corner-tables table').first().locator('tbody tr').first();
    expect(await first.locator('td').allTextContents()).toEqual(['5268527.24', '41495012.29']);
    const lonLat = page.locator('.corner-tables table').nth(1).locator('tbody tr').first();
    expect(await lonLat.locator('td').allTextContents()).toEqual(['122.933736', '47.551180']);
  });
});
