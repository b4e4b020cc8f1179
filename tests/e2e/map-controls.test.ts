/**
 * The map's controls for everyone (issue 11 §4): from 320 to 1920 px nothing
 * on the map overlaps (zoom, scale bar, full screen, north arrow,
 * attribution, the 示意底图 notice, an embedded map's locator inset), the
 * 示意底图 notice is a strip below the canvas that hides no feature and no
 * control (§3), and every control meets WCAG 2.1 AA
 * contrast: its symbol against its own colour at rest, hovered and focused,
 * and the control against the map frame (non-text contrast, 3:1).
 * Without a key, as most deployments run.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import { at, launch, mapReady, newContext, published } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { name: string; x: number; y: number; width: number; height: number };

async function ready(page: Page): Promise<void> {
  expect(await mapReady(page)).toBe('true');
  // An embedded map's locator inset is added once its module and data are in (src/map/inset.ts).
  if (await page.locator('[data-map].map-embedded').count()) await page.locator('.map-inset[data-ready="true"]').waitFor();
}

/** The boxes of the things drawn on or around the first map. */
function boxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-map]')!;
    const pick: Record<string, string> = {
      'zoom in': '.ol-zoom-in',
      'zoom out': '.ol-zoom-out',
      'scale bar': '.ol-scale-line',
      'full screen': '.ol-full-screen',
      north: '.map-north',
      attribution: '.map-attribution',
      '示意底图 notice': '.map-offline',
      'locator inset': '.map-inset',
    };
    return Object.entries(pick).flatMap(([name, sel]) => {
      const el = root.querySelector<HTMLElement>(sel);
      if (!el || el.hidden || el.getClientRects().length === 0) return [];
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? [{ name, x: r.x, y: r.y, width: r.width, height: r.height }] : [];
    });
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** WCAG 2.1 contrast ratio of two CSS rgb()/rgba() colours (alpha composited on white). */
function contrast(a: string, b: string): number {
  const rgb = (c: string) => {
    const [r, g, bl, alpha = 1] = c.match(/[\d.]+/g)!.map(Number) as [number, number, number, number?];
    return [r, g, bl].map((v) => v * alpha + 255 * (1 - alpha));
  };
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [lum(rgb(a)), lum(rgb(b))].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

type Layout = { notice: Omit<Box, 'name'>; canvas: Omit<Box, 'name'>; pixels: { x: number; y: number }[]; controls: Box[] };

/** The 示意底图 notice, the canvas, the controls and every feature's extent corners and centre, in page pixels. */
function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    type Handle = { olMap: { getViewport(): HTMLElement; getPixelFromCoordinate(c: number[]): number[] | null; getLayers(): { getArray(): { getZIndex(): number | undefined; getSource?(): { getFeatures?(): { getGeometry(): { getExtent(): number[] } | undefined }[] } | null }[] } } };
    const root = document.querySelector('[data-map]')!;
    const map = (root as unknown as { geoportalMap: Handle }).geoportalMap.olMap;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const origin = map.getViewport().getBoundingClientRect();
    // Every thematic and focus feature's extent corners and centre, as page pixels.
    const pixels: { x: number; y: number }[] = [];
    for (const layer of map.getLayers().getArray()) {
      if ((layer.getZIndex() ?? 0) < 10) continue;
      for (const f of layer.getSource?.()?.getFeatures?.() ?? []) {
        const e = f.getGeometry()?.getExtent();
        if (!e) continue;
        for (const c of [[e[0]!, e[1]!], [e[2]!, e[3]!], [(e[0]! + e[2]!) / 2, (e[1]! + e[3]!) / 2]]) {
          const px = map.getPixelFromCoordinate(c);
          if (px) pixels.push({ x: origin.x + px[0]!, y: origin.y + px[1]! });
        }
      }
    }
    const controls = [...root.querySelectorAll('.ol-control, .map-north, .map-attribution')].filter((el) => el.getClientRects().length > 0).map((el) => ({ name: el.className, ...box(el) }));
    return { notice: box(root.querySelector('.map-offline')!), canvas: box(map.getViewport()), pixels, controls };
  });
}

describe('map controls', () => {
  for (const width of [320, 375, 768, 1280, 1920]) {
    it(`nothing overlaps at ${width} px, on the big map and an embedded one`, async () => {
      const view = await published();
      const notice = view.notices.find((n) => n.geometry)!;
      const context = await newContext(browser, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const p of ['/map/', urls.notice(notice)]) {
        await page.goto(at(p));
        await ready(page);
        const found = await boxes(page);
        expect(found.map((b) => b.name), p).toEqual(expect.arrayContaining(['zoom in', 'zoom out', 'scale bar', 'attribution', ...(p === '/map/' ? [] : ['locator inset'])]));
        const clashes = found.flatMap((a, i) => found.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.name} × ${b.name}`));
        expect(clashes, `${p} at ${width} px`).toEqual([]);
        for (const b of found) expect(b.x + b.width, `${p}: ${b.name} inside the viewport`).toBeLessThanOrEqual(width + 0.5);
      }
      await context.close();
    });
  }

  it('every control meets 3:1 at rest, hovered and focused, and against the map frame, also the locator inset’s', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const notice = (await published()).notices.find((n) => n.geometry)!;
    for (const p of ['/map/', urls.notice(notice)]) {
    await page.goto(at(p));
    await ready(page);
    const frame = await page.locator('.map-frame').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const buttons = page.locator('.map-frame .ol-control button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < (await buttons.count()); i++) {
      const b = buttons.nth(i);
      const name = (await b.getAttribute('title')) ?? (await b.textContent()) ?? `button ${i}`;
      const colours = async () => b.evaluate((el) => ({ fg: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor }));
      const states: Record<string, { fg: string; bg: string }> = { rest: await colours() };
      await b.hover();
      states['hover'] = await colours();
      await b.focus();
      states['focus'] = await colours();
      for (const [state, c] of Object.entries(states)) {
        expect(contrast(c.fg, c.bg), `${name} ${state}: symbol ${c.fg} on ${c.bg}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(c.bg, frame), `${name} ${state}: control ${c.bg} on the frame ${frame}`).toBeGreaterThanOrEqual(3);
      }
    }
    if (p !== '/map/') expect(await page.locator('.map-inset button').count(), 'the inset’s button was checked').toBe(1);
    }
    await context.close();
  });

  for (const width of [375, 1280]) {
    it(`the 示意底图 notice is a strip below the canvas at ${width} px: no feature’s pixel and no control under it`, async () => {
      const view = await published();
      const notice = view.notices.find((n) => n.geometry && n.geometry.type !== 'Point')!;
      const context = await newContext(browser, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const p of ['/map/', urls.notice(notice)]) {
        await page.goto(at(p));
        await ready(page);
        await page.locator('.map-offline').waitFor({ state: 'visible' });
        const found = await layout(page);
        const n = { name: 'notice', ...found.notice };
        expect(found.notice.height, `${p}: the notice shows`).toBeGreaterThan(0);
        // The canvas ends where the notice (and the attribution above it) begin: nothing drawn can be under it.
        expect(found.canvas.y + found.canvas.height, `${p}: canvas bottom vs notice top`).toBeLessThanOrEqual(found.notice.y + 0.5);
        expect(overlap({ name: 'canvas', ...found.canvas }, n), `${p}: canvas × notice`).toBe(false);
        // The features drawn: those whose pixels fall on the canvas (the others are clipped off it).
        const c = found.canvas;
        const drawn = found.pixels.filter((px) => px.x >= c.x && px.x <= c.x + c.width && px.y >= c.y && px.y <= c.y + c.height);
        expect(drawn.length, `${p}: features on the canvas`).toBeGreaterThan(0);
        const under = drawn.filter((px) => px.x >= n.x && px.x <= n.x + n.width && px.y >= n.y && px.y <= n.y + n.height);
        expect(under, `${p}: feature pixels under the notice`).toEqual([]);
        for (const ctl of found.controls) expect(overlap({ ...ctl }, n), `${p}: ${ctl.name} × notice`).toBe(false);
      }
      // The check sees a notice laid over the map (as it was before it became a strip).
      await page.locator('.map-offline').evaluate((el: HTMLElement) => Object.assign(el.style, { position: 'absolute', top: '0', left: '0', right: '0' }));
      const over = await layout(page);
      expect(overlap({ name: 'canvas', ...over.canvas }, { name: 'notice', ...over.notice })).toBe(true);
      await context.close();
    });
  }

  it('an embedded map names the record’s district and coordinates, also without JavaScript', async () => {
    const view = await published();
    const point = view.redSites[0]!;
    const html = await (await fetch(at(urls.redSite(point)))).text();
    const [lon, lat] = point.location.coordinates as [number, number];
    const where = /<p class="map-where[^"]*">([^<]+)<\/p>/.exec(html)?.[1];
    expect(where).toContain(`所在行政区：${point.district}`);
    expect(where).toContain(`${lon.toFixed(5)}°E, ${lat.toFixed(5)}°N`);
    expect(where).toContain('CGCS2000');
    const notice = view.notices.find((n) => n.geometry && n.geometry.type !== 'Point')!;
    const noticeHtml = await (await fetch(at(urls.notice(notice)))).text();
    expect(/<p class="map-where[^"]*">([^<]+)<\/p>/.exec(noticeHtml)?.[1]).toMatch(/^所在行政区：.+　范围中心（CGCS2000）：\d+\.\d{5}°E, \d+\.\d{5}°N/);
    // Where in the city, the locator inset's words.
    expect(where).toMatch(/位于全市(中|东|西|南|北|东北|西北|东南|西南)部/);
    // A page without a map says nothing of the kind.
    expect(await (await fetch(at('/about/'))).text()).not.toContain('map-where');
  });

  it('keyboard: ] and [ on the focused map step through the features in view, with their popup and a spoken status', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(at('/map/'));
    await ready(page);
    type Handle = { geoportalMap: { state(): { selected?: { layer: string; id: string } }; featuresInView(): { features: unknown[] }[] } };
    const selected = () => page.locator('[data-map]').first().evaluate((el) => (el as unknown as Handle).geoportalMap.state().selected);
    const count = await page.locator('[data-map]').first().evaluate((el) => (el as unknown as Handle).geoportalMap.featuresInView().reduce((n, g) => n + g.features.length, 0));
    expect(count, 'features in the default view').toBeGreaterThan(1);
    expect(await selected()).toBeUndefined();
    await page.locator('.map-canvas').first().focus();
    await page.keyboard.press(']');
    await expect.poll(selected).toBeDefined();
    const first = await selected();
    // The popup's pan may change what is in view, so the total is read from the status itself.
    await expect.poll(() => page.locator('.map-status').textContent()).toMatch(/第 1\/\d+ 个要素：/);
    expect(await page.locator('.map-popup').isVisible()).toBe(true);
    await page.keyboard.press(']');
    await expect.poll(async () => (await selected())?.id).not.toBe(first!.id);
    await page.keyboard.press('[');
    await expect.poll(selected).toEqual(first);
    // Back past the first wraps to the last.
    await page.keyboard.press('[');
    await expect.poll(() => page.locator('.map-status').textContent()).toMatch(/第 (\d+)\/\1 个要素/);
    // Other keys leave the selection alone.
    const before = await selected();
    await page.keyboard.press('x');
    expect(await selected()).toEqual(before);
    await context.close();
  });

  it('keyboard measuring: a crosshair, Enter adds its centre, arrows move the map, Shift+Enter ends', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(at('/map/'));
    await ready(page);
    const canvas = page.locator('.map-canvas').first();
    const result = page.locator('.map-measure-result');
    for (const [button, points, expected] of [['测距离', 2, /^长度：[\d.,]+ (米|公里)/], ['测面积', 3, /^面积：[\d.,]+ (平方米|平方公里|公顷|亩)/]] as const) {
      await page.getByRole('button', { name: button }).click();
      // The measuring code loads on the first press (src/map/tools.ts): the button says when it is on.
      await expect.poll(() => page.getByRole('button', { name: button }).getAttribute('aria-pressed'), { message: `${button}: pressed` }).toBe('true');
      expect(await page.locator('.map-crosshair').isVisible(), `${button}: crosshair`).toBe(true);
      await canvas.focus();
      // Too few points: a warning, no result.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Enter');
      await expect.poll(() => page.locator('.map-status').textContent()).toMatch(/至少需要/);
      expect(await result.textContent()).toBe('');
      for (let i = 1; i < points; i++) {
        for (let k = 0; k < 4; k++) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowDown');
        await page.waitForFunction(() => !(document.querySelector('[data-map]') as unknown as { geoportalMap: { olMap: { getView(): { getAnimating(): boolean } } } }).geoportalMap.olMap.getView().getAnimating());
        await page.keyboard.press('Enter');
      }
      await page.keyboard.press('Shift+Enter');
      await expect.poll(() => result.textContent(), { message: button }).toMatch(expected);
      expect(await page.locator('.map-crosshair').isVisible(), `${button}: crosshair gone after the end`).toBe(false);
      await result.evaluate((el) => (el.textContent = ''));
    }
    await context.close();
  });

  it('the check sees a clash and a faint control when there is one', async () => {
    expect(overlap({ name: 'a', x: 0, y: 0, width: 10, height: 10 }, { name: 'b', x: 5, y: 5, width: 10, height: 10 })).toBe(true);
    expect(overlap({ name: 'a', x: 0, y: 0, width: 10, height: 10 }, { name: 'b', x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    // OpenLayers' default: #666 on a red button, about 2:1.
    expect(contrast('rgb(102, 102, 102)', 'rgba(168, 20, 26, 0.9)')).toBeLessThan(3);
    expect(contrast('rgb(255, 255, 255)', 'rgb(168, 20, 26)')).toBeGreaterThan(4.5);
  });
});
