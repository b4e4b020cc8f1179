/**
 * A useful map without a key (issue 11 §3), in the browser: an embedded map
 * names and outlines the record's district over the 示意底图, in view and
 * clear of the record; its locator inset shows the city, folds away by
 * keyboard and passes axe open and folded; the 示意底图 names towns and places
 * from the gazetteer at their zooms and not before; /map/ lists the places in
 * HTML. Without a key, as the test server runs; with a stubbed key where
 * Tianditu matters.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import type { MapHandle } from '../../src/map/map.ts';
import { at, injectAxe, launch, mapReady, newContext, published } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type HandleHost = HTMLElement & { geoportalMap: MapHandle };
type Place = { type: 'Feature'; id: string; geometry: { coordinates: [number, number] }; properties: { name: string; kind: string; district: string; sample: boolean } };

async function places(): Promise<Place[]> {
  const res = await fetch(at('/geo/gazetteer.geojson'));
  expect(res.status).toBe(200);
  return ((await res.json()) as { features: Place[] }).features;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(at(path));
  expect(await mapReady(page)).toBe('true');
}

/** Resolves once the map has drawn everything of its current view. */
function settle(page: Page): Promise<void> {
  return page.locator('[data-map]').first().evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        const map = (el as HandleHost).geoportalMap.olMap;
        map.once('rendercomplete', () => resolve());
        map.render();
      }),
  );
}

/** Moves the view, then waits for the move's end and the drawing. */
async function moveTo(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.locator('[data-map]').first().evaluate(
    (el, [lon, lat, zoom]) =>
      new Promise<void>((resolve) => {
        const h = (el as HandleHost).geoportalMap;
        h.olMap.once('moveend', () => resolve());
        h.zoomToLonLat(lon!, lat!, zoom!);
      }),
    [lon, lat, zoom],
  );
  await settle(page);
}

/** Waits until the map has a layer with this geoportal:role and its data. */
function layerReady(page: Page, role: string): Promise<unknown> {
  return page.waitForFunction((role) => {
    const map = (document.querySelector('[data-map]') as unknown as HandleHost).geoportalMap.olMap;
    const layer = map.getLayers().getArray().find((l) => l.get('geoportal:role') === role) as unknown as { getSource(): { getFeatures(): unknown[] } } | undefined;
    return (layer?.getSource().getFeatures().length ?? 0) > 0;
  }, role);
}

/** Whether a label or marker of the layer with this role is drawn at the place's pixel (decluttered ones are not). */
function drawnAt(page: Page, role: string, lonLat: [number, number]): Promise<boolean> {
  return page.locator('[data-map]').first().evaluate(
    (el, [role, lonLat]) => {
      const h = (el as HandleHost).geoportalMap;
      const map = h.olMap;
      // fromLonLat for either projection: the view's own transform of the point.
      const proj = map.getView().getProjection();
      const coordinate = proj.getUnits() === 'degrees' ? lonLat : [(lonLat[0] * Math.PI * 6378137) / 180, Math.log(Math.tan(Math.PI / 4 + (lonLat[1] * Math.PI) / 360)) * 6378137];
      const pixel = map.getPixelFromCoordinate(coordinate as number[]);
      return map.forEachFeatureAtPixel(pixel, () => true, { layerFilter: (l) => l.get('geoportal:role') === role, hitTolerance: 2 }) === true;
    },
    [role, lonLat] as const,
  );
}

async function axeSerious(page: Page): Promise<unknown[]> {
  await injectAxe(page, axe.source);
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 160)}`) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('an embedded map shows where it is', () => {
  it('names and outlines the record’s district over the 示意底图, in view and clear of the record', async () => {
    const view = await published();
    const notice = view.notices.find((n) => n.geometry?.type === 'Polygon' && n.district !== '全市')!;
    const context = await newContext(browser, { viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page, urls.notice(notice));
    await layerReady(page, 'district-context');
    await page.locator('.map-inset[data-ready="true"]').waitFor();
    await settle(page);
    const info = await page.locator('[data-map]').first().evaluate((el) => {
      const map = (el as HandleHost).geoportalMap.olMap;
      const layer = map.getLayers().getArray().find((l) => l.get('geoportal:role') === 'district-context')!;
      const features = (layer as unknown as { getSource(): { getFeatures(): { get(k: string): unknown; getGeometry(): { getType(): string; getCoordinates(): number[]; getExtent(): number[] } | undefined }[] } }).getSource().getFeatures();
      const label = features.find((f) => f.getGeometry()?.getType() === 'Point')!;
      const focus = map.getLayers().getArray().find((l) => l.getZIndex() === 20) as unknown as { getSource(): { getExtent(): number[] } };
      const e = focus.getSource().getExtent();
      const corners = [map.getPixelFromCoordinate([e[0]!, e[1]!]), map.getPixelFromCoordinate([e[2]!, e[3]!])];
      return { name: layer.get('geoportal:district'), label: map.getPixelFromCoordinate(label.getGeometry()!.getCoordinates()), size: map.getSize(), record: corners, outline: features.some((f) => /Polygon/.test(f.getGeometry()?.getType() ?? '')) };
    });
    expect(info.name).toBe(notice.district);
    expect(info.outline).toBe(true);
    const [x, y] = info.label as [number, number];
    const [w, h] = info.size as [number, number];
    expect(x > 0 && x < w && y > 0 && y < h, `label at ${x},${y} inside ${w}×${h}`).toBe(true);
    const [a, b] = info.record as [[number, number], [number, number]];
    const inRecord = x >= Math.min(a[0], b[0]) && x <= Math.max(a[0], b[0]) && y >= Math.min(a[1], b[1]) && y <= Math.max(a[1], b[1]);
    expect(inRecord, 'label off the record').toBe(false);
    // The label is drawn (hit where it is), i.e. not decluttered away.
    const drawn = await page.locator('[data-map]').first().evaluate((el, px) => {
      const map = (el as HandleHost).geoportalMap.olMap;
      return map.forEachFeatureAtPixel(px, () => true, { layerFilter: (l) => l.get('geoportal:role') === 'district-context', hitTolerance: 2 }) === true;
    }, info.label as number[]);
    expect(drawn).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a locator inset: the city, folded and unfolded by keyboard, its map hidden from assistive technology; axe passes both ways', async () => {
    const view = await published();
    const site = view.redSites[0]!;
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await open(page, urls.redSite(site));
    const inset = page.locator('.map-inset[data-ready="true"]');
    await inset.waitFor();
    const button = page.getByRole('button', { name: '位置图' });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.map-inset-map').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('.map-inset-map canvas').count(), 'the inset draws').toBeGreaterThan(0);
    // It says in words what it shows.
    expect(await page.locator('.map-where').textContent()).toMatch(/位于全市.{1,2}部/);
    expect(await axeSerious(page)).toEqual([]);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.map-inset-map').isHidden()).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.map-inset-map').isVisible()).toBe(true);
    // The inset takes no focus of its own, and comes first as it does on screen: Tab from its button goes on to the zoom buttons.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(/ol-zoom-in/);
    await context.close();
  });

  it('without the district data the inset removes itself and says so; the map carries on', async () => {
    const view = await published();
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route('**/geo/districts-overview.geojson', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await open(page, urls.redSite(view.redSites[0]!));
    await expect.poll(() => page.locator('.map-status').textContent(), { timeout: 15_000 }).toMatch(/位置示意图无法显示.*HTTP 404/);
    expect(await page.locator('.map-inset').count()).toBe(0);
    expect(await page.locator('.ol-zoom-in').isVisible()).toBe(true);
    await context.close();
  });
});

describe('the 示意底图 names towns and places', () => {
  it('draws a town’s name from its zoom, not before; a place only closer in', async () => {
    const all = await places();
    const town = all.find((p) => p.properties.name === '江桥镇')!;
    const park = all.find((p) => p.properties.kind === '地名' && p.properties.name === '龙沙公园')!;
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await open(page, '/map/');
    await layerReady(page, 'offline-places');
    const [lon, lat] = town.geometry.coordinates;
    await moveTo(page, lon, lat, 10);
    expect(await drawnAt(page, 'offline-places', [lon, lat]), '江桥镇 at zoom 10').toBe(true);
    await moveTo(page, lon, lat, 8);
    expect(await drawnAt(page, 'offline-places', [lon, lat]), '江桥镇 at zoom 8').toBe(false);
    const [plon, plat] = park.geometry.coordinates;
    await moveTo(page, plon, plat, 11);
    expect(await drawnAt(page, 'offline-places', [plon, plat]), '龙沙公园 at zoom 11').toBe(false);
    await moveTo(page, plon, plat, 13);
    expect(await drawnAt(page, 'offline-places', [plon, plat]), '龙沙公园 at zoom 13').toBe(true);
    await context.close();
  });

  it('/map/ lists every place in HTML, marked 示例数据, with the download', async () => {
    const all = await places();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(at('/map/'));
    const section = page.locator('section[aria-labelledby="layer-gazetteer"]');
    expect(await section.locator('h3').textContent()).toBe(`地名（${all.length} 个）`);
    expect(await section.textContent()).toContain('示例数据');
    const items = await section.locator('li').allTextContents();
    expect(items).toHaveLength(all.length);
    all.forEach((p, i) => {
      expect(items[i]).toContain(p.properties.name);
      expect(items[i]).toContain(p.properties.kind);
      expect(items[i]).toContain(p.properties.district);
    });
    expect(await section.locator('a[href="/geo/gazetteer.geojson"]').count()).toBe(1);
    await context.close();
  });
});
