/**
 * The search interfaces outside the search page, in Chromium against the
 * built server:
 *
 * - header suggestions on every page (src/client/search-suggest.ts): the
 *   ARIA 1.2 combobox, keys and mouse, hints and failures, loading only on
 *   first use, axe with the popup open, elderly mode at 320 px;
 * - the map search on /map/ (src/map/search.ts): q in the permalink, the
 *   located results listed and framed, selection, and hostile input.
 *
 * The server runs without a Tianditu key (the map shows its offline base
 * map); every request that would leave the machine is blocked by newContext().
 * Routing disables Chromium's HTTP cache, so every script and index part a
 * page needs shows up as a request.
 */
import axe from 'axe-core';
import { toLonLat } from 'ol/proj.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapHandle } from '../../src/map/map.ts';
import type { MapViewState } from '../../src/map/types.ts';
import { urls } from '../../src/lib/urls.ts';
import { at, data, injectAxe, launch, newContext, ORIGIN } from './support.ts';

type HandleHost = HTMLElement & { geoportalMap: MapHandle };
type Extent = [number, number, number, number];

let browser: Awaited<ReturnType<typeof launch>>;
/** Every context opened: none may have tried to leave the machine. */
const contexts: (BrowserContext & { blocked: string[] })[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  expect(contexts.flatMap((c) => c.blocked), 'requests that tried to leave the machine').toEqual([]);
  await browser?.close();
});

type Opened = {
  context: BrowserContext & { blocked: string[] };
  close(): Promise<void>;
  page: Page;
  /** Uncaught exceptions in the page. */
  errors: string[];
  /** Every request of the page, in order. */
  requests: { url: string; type: string }[];
};

async function open(options: Parameters<typeof newContext>[1] = {}): Promise<Opened> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: Opened['requests'] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  return { context, page, errors, requests, close: () => context.close() };
}

/** Hostile queries: long, HTML, emoji, regex syntax, and a lone surrogate. */
const HOSTILE = ['江桥'.repeat(100) + 'a(b'.repeat(100), '<img src=x onerror=alert(1)>', '👍🏽江桥🇨🇳', '.*[(', '\ud800江桥'];

const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout, interval: 50 });

/** Requests for the search index: the manifest and the parts under /search/v-…/. */
const isIndexRequest = (url: string) => {
  const u = new URL(url);
  return u.origin === ORIGIN && /^\/search\/(manifest\.json|v-[^/]+\/)/.test(u.pathname);
};

// ------------------------------------------------------------- header box

const BOX = '#site-search-q';
const options = (page: Page) => page.locator('#site-search-listbox [role="option"]');
const popupVisible = (page: Page) => page.locator('#site-search-popup').isVisible();
const activeId = (page: Page) => page.locator(BOX).getAttribute('aria-activedescendant');

/** Types a query into the header box and waits for its options (or note) to show. */
async function suggest(page: Page, query: string): Promise<void> {
  await page.locator(BOX).click();
  await page.locator(BOX).fill(query);
  await poll(() => popupVisible(page)).toBe(true);
  await poll(() => page.locator('#site-search-note').textContent().then((t) => t !== '正在搜索……')).toBe(true);
}

async function jiangqiao() {
  const d = await data();
  const site = d.redSites.find((s) => s.id === 'jiangqiao-kangzhan-jiniandi') ?? d.redSites.find((s) => /江桥/.test(s.name));
  expect(site, 'a red site named 江桥… in the sample data').toBeDefined();
  return site!;
}

describe('header suggestions: loading', () => {
  it('loads no search index and no suggestion or client code with the page; focus loads the code, the first query the index', async () => {
    const { page, errors, requests, close } = await open();
    // A page without a map: a map's own code carries the map search, which is not what this checks.
    await page.goto(at(urls.about), { waitUntil: 'networkidle' });
    const initialScripts = requests.filter((r) => r.type === 'script').map((r) => r.url);
    expect(initialScripts.length, 'the page loads its own small script').toBeGreaterThan(0);
    expect(requests.filter((r) => isIndexRequest(r.url)), 'index requests before focus').toEqual([]);
    // None of the page's scripts carries the suggestion code or the client (recognised by their strings, whatever the chunk names).
    for (const src of initialScripts) {
      const text = await (await fetch(src)).text();
      expect(text, src).not.toContain('manifest.json');
      expect(text, src).not.toContain('搜索暂不可用');
    }
    // The box is a combobox from the start.
    const box = page.locator(BOX);
    expect(await box.getAttribute('role')).toBe('combobox');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-controls')).toBe('site-search-listbox');

    const before = requests.length;
    await box.focus();
    await poll(() => requests.slice(before).filter((r) => r.type === 'script').length).toBeGreaterThan(0);
    const lazy = requests.slice(before).filter((r) => r.type === 'script').map((r) => r.url);
    for (const src of lazy) expect(initialScripts, `${src} was not loaded with the page`).not.toContain(src);
    await page.waitForTimeout(300);
    expect(requests.filter((r) => isIndexRequest(r.url)), 'focus alone fetches no index part').toEqual([]);

    await box.fill('江桥');
    await poll(() => options(page).count()).toBeGreaterThan(0);
    const index = requests.filter((r) => isIndexRequest(r.url)).map((r) => new URL(r.url).pathname);
    expect(index).toContain('/search/manifest.json');
    expect(index.some((p) => /^\/search\/v-[^/]+\/t-\d+\.gz$/.test(p)), 'a term shard').toBe(true);
    // In parts: far fewer files than the index has.
    expect(index.length).toBeLessThan(12);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('header suggestions: the combobox', () => {
  it('suggests records with highlighted titles, a meta line and “查看全部 N 条结果”, and announces the count', async () => {
    const site = await jiangqiao();
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '江桥');
    const box = page.locator(BOX);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#site-search-listbox').getAttribute('role')).toBe('listbox');
    const n = await options(page).count();
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(9); // at most 8 records, then “查看全部”
    const hrefs = await options(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(urls.redSite(site));
    const option = page.locator(`#site-search-listbox [role="option"][href="${urls.redSite(site)}"]`);
    expect(await option.locator('.suggest-title').textContent()).toBe(site.name);
    expect(await option.locator('mark').allTextContents()).toContain('江桥');
    expect(await option.locator('.suggest-meta').textContent()).toMatch(/^红色资源点 · .+ · \d{4}-\d{2}-\d{2}$/);
    const last = options(page).last();
    expect(await last.textContent()).toMatch(/^查看全部 \d+ 条结果$/);
    expect(await last.getAttribute('href')).toBe(`${urls.search}?q=%E6%B1%9F%E6%A1%A5`);
    expect(await page.locator('#site-search-live').textContent()).toMatch(/^\d+ 条建议/);
    // Options are not Tab stops.
    expect(await options(page).evaluateAll((as) => as.every((a) => (a as HTMLElement).tabIndex === -1))).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('ArrowDown moves through the options (aria-activedescendant) and Enter opens the active record', async () => {
    const site = await jiangqiao();
    const { page, errors, close } = await open();
    await page.goto(at(urls.enforcement));
    await suggest(page, site.name);
    const ids = await options(page).evaluateAll((as) => as.map((a) => ({ id: a.id, href: a.getAttribute('href') })));
    const target = ids.findIndex((o) => o.href === urls.redSite(site));
    expect(target, `${site.name} among ${JSON.stringify(ids)}`).toBeGreaterThanOrEqual(0);
    expect(await activeId(page)).toBeNull();
    for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
    expect(await activeId(page)).toBe(ids[target]!.id);
    expect(await page.locator(`#${ids[target]!.id}`).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id), 'focus stays in the box').toBe('site-search-q');
    await Promise.all([page.waitForURL(at(urls.redSite(site))), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toContain(site.name);
    expect(errors).toEqual([]);
    await close();
  });

  it('ArrowUp wraps to “查看全部”, ArrowDown wraps back to the first; Enter on “查看全部” opens the search page', async () => {
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '江桥');
    const ids = await options(page).evaluateAll((as) => as.map((a) => a.id));
    await page.keyboard.press('ArrowUp');
    expect(await activeId(page)).toBe(ids.at(-1));
    await page.keyboard.press('ArrowDown');
    expect(await activeId(page)).toBe(ids[0]);
    await page.keyboard.press('ArrowUp');
    await Promise.all([page.waitForURL((u) => u.pathname === urls.search && u.searchParams.get('q') === '江桥'), page.keyboard.press('Enter')]);
    expect(errors).toEqual([]);
    await close();
  });

  it('Enter without an active option submits the form to the search page', async () => {
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '江桥');
    await Promise.all([page.waitForURL((u) => u.pathname === urls.search && u.searchParams.get('q') === '江桥'), page.keyboard.press('Enter')]);
    expect(errors).toEqual([]);
    await close();
  });

  it('Escape closes the popup and keeps the text; a second Escape clears the box; ArrowDown reopens', async () => {
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '江桥');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await popupVisible(page)).toBe(false);
    expect(await page.locator(BOX).getAttribute('aria-expanded')).toBe('false');
    expect(await activeId(page)).toBeNull();
    expect(await page.locator(BOX).inputValue()).toBe('江桥');
    await page.keyboard.press('ArrowDown');
    await poll(() => popupVisible(page)).toBe(true);
    expect(await options(page).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await page.locator(BOX).inputValue()).toBe('');
    expect(await popupVisible(page)).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('Tab leaves the box to the submit button and closes the popup', async () => {
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '江桥');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('搜索');
    expect(await popupVisible(page)).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('a click on an option opens it; a click outside closes the popup', async () => {
    const site = await jiangqiao();
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '江桥');
    await page.locator('h1, main').first().click({ position: { x: 5, y: 5 } });
    expect(await popupVisible(page)).toBe(false);
    await page.locator(BOX).click();
    await page.keyboard.press('ArrowDown');
    await poll(() => popupVisible(page)).toBe(true);
    await Promise.all([page.waitForURL(at(urls.redSite(site))), page.locator(`#site-search-listbox [href="${urls.redSite(site)}"]`).click()]);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the hint for one Chinese character as a line that cannot be selected', async () => {
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '江');
    const note = page.locator('#site-search-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('两个相连的汉字');
    expect(await note.getAttribute('role')).toBeNull();
    expect(await options(page).count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    expect(await activeId(page)).toBeNull();
    expect(await page.locator('#site-search-live').textContent()).toContain('两个相连的汉字');
    expect(errors).toEqual([]);
    await close();
  });

  it('says so when nothing matches', async () => {
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '鳄鱼鲸鲨');
    expect(await page.locator('#site-search-note').textContent()).toContain('没有找到');
    expect(await options(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('when the index cannot load: says “搜索暂不可用”, and Enter still opens the search page', async () => {
    const { page, errors, close } = await open();
    await page.route('**/search/manifest.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(at('/'));
    await suggest(page, '江桥');
    expect(await page.locator('#site-search-note').textContent()).toBe('搜索暂不可用，请按回车前往搜索页');
    expect(await options(page).count()).toBe(0);
    await Promise.all([page.waitForURL((u) => u.pathname === urls.search && u.searchParams.get('q') === '江桥'), page.keyboard.press('Enter')]);
    expect(errors).toEqual([]);
    await close();
  });

  it('axe: no violations with the popup open and an option active', async () => {
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await suggest(page, '江桥');
    await page.keyboard.press('ArrowDown');
    await injectAxe(page, axe.source);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 160)}`) }));
    });
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    expect(await popupVisible(page), 'the popup was open during the check').toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('fits a 320 px screen in elderly mode: larger text, the popup inside the screen, nothing to scroll sideways', async () => {
    const { context, page, errors, close } = await open({ viewport: { width: 320, height: 640 } });
    await context.addInitScript(() => localStorage.setItem('geoportal.elderly', '1'));
    await page.goto(at('/'));
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true);
    await suggest(page, '江桥');
    const layout = await page.evaluate(() => {
      const popup = document.getElementById('site-search-popup')!.getBoundingClientRect();
      const option = document.querySelector('#site-search-listbox [role="option"] .suggest-title')!;
      return {
        left: popup.left,
        right: popup.right,
        scrollWidth: document.documentElement.scrollWidth,
        optionFont: parseFloat(getComputedStyle(option).fontSize),
        rootFont: parseFloat(getComputedStyle(document.documentElement).fontSize),
      };
    });
    expect(layout.left).toBeGreaterThanOrEqual(0);
    expect(layout.right).toBeLessThanOrEqual(320);
    expect(layout.scrollWidth).toBeLessThanOrEqual(320);
    expect(layout.rootFont).toBe(20);
    expect(layout.optionFont).toBeGreaterThanOrEqual(20);
    expect(errors).toEqual([]);
    await close();
  });

  it('never throws on hostile input (500 characters, HTML, emoji, regex syntax, a lone surrogate) and shows it only as text', async () => {
    const { page, errors, close } = await open();
    await page.goto(at('/'));
    await page.locator(BOX).click();
    for (const q of HOSTILE) {
      // Past maxlength too: set the value as a script could, then signal input.
      await page.locator(BOX).evaluate((el, value) => {
        (el as HTMLInputElement).value = value;
        el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, q);
      await poll(() => popupVisible(page)).toBe(true);
      await poll(() => page.locator('#site-search-note').textContent().then((t) => t !== '正在搜索……')).toBe(true);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      expect(await page.locator('#site-search-popup img').count(), q).toBe(0);
      expect(errors, q).toEqual([]);
      await page.keyboard.press('Escape'); // clears the box for the next one
    }
    await close();
  });
});

// -------------------------------------------------------------- map search

const mapRoot = (page: Page) => page.locator('[data-map]').first();
const mapState = (page: Page): Promise<MapViewState & { query?: string }> => mapRoot(page).evaluate((el) => (el as HandleHost).geoportalMap.state());
const searchState = (page: Page) => page.locator('.map-search').getAttribute('data-state');
const statusText = (page: Page) => page.locator('[data-map-search-status]').textContent().then((t) => t ?? '');
const resultItems = (page: Page) => page.locator('[data-map-search-list] li');

async function openMap(path: string): Promise<Opened> {
  const o = await open();
  await o.page.goto(at(path));
  await o.page.waitForFunction(() => {
    const r = document.querySelector<HTMLElement>('[data-map]')?.dataset['ready'];
    return r === 'true' || r === 'error';
  });
  expect(await mapRoot(o.page).getAttribute('data-ready'), 'the map module loaded').toBe('true');
  return o;
}

/** The view in degrees, once no animation is running. */
async function viewLonLat(page: Page): Promise<{ extent: Extent; zoom: number }> {
  await page.waitForFunction(() => !(document.querySelector('[data-map]') as HandleHost).geoportalMap.olMap.getView().getAnimating());
  const v = await mapRoot(page).evaluate((el) => {
    const h = (el as HandleHost).geoportalMap;
    const view = h.olMap.getView();
    return { extent: view.calculateExtent(h.olMap.getSize()) as Extent, zoom: view.getZoom()!, projection: h.projection };
  });
  if (v.projection === 'EPSG:3857') {
    const [w, s] = toLonLat([v.extent[0], v.extent[1]]);
    const [e, n] = toLonLat([v.extent[2], v.extent[3]]);
    return { extent: [w!, s!, e!, n!], zoom: v.zoom };
  }
  return { extent: v.extent, zoom: v.zoom }; // CGCS2000 / WGS84 degrees
}

const listedBoxes = (page: Page): Promise<Extent[]> =>
  resultItems(page).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset['bbox']!.split(',').map(Number) as [number, number, number, number]));

const contains = (outer: Extent, inner: Extent, slack = 1e-6) =>
  inner[0] >= outer[0] - slack && inner[1] >= outer[1] - slack && inner[2] <= outer[2] + slack && inner[3] <= outer[3] + slack;

async function searched(page: Page): Promise<string> {
  await poll(() => searchState(page)).toMatch(/^(done|error)$/);
  return statusText(page);
}

describe('map search', () => {
  it('/map/?q=江桥 lists the located results and fits the view to all of them', async () => {
    const site = await jiangqiao();
    const home = await openMap(urls.map);
    const before = await viewLonLat(home.page);
    await home.page.close();
    const { page, errors, close } = await openMap(`${urls.map}?q=${encodeURIComponent('江桥')}`);
    expect(await searched(page)).toMatch(/^找到 \d+ 条结果，其中 \d+ 条有位置，地图已缩放到这些位置。$/);
    expect(await page.locator('#map-search-q').inputValue()).toBe('江桥');
    const hrefs = await resultItems(page).locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(urls.redSite(site));
    const boxes = await listedBoxes(page);
    expect(boxes.length).toBeGreaterThan(0);
    const after = await viewLonLat(page);
    for (const b of boxes) expect(contains(after.extent, b), `${b} in ${after.extent}`).toBe(true);
    // The view moved in from the whole city.
    const area = (e: Extent) => (e[2] - e[0]) * (e[3] - e[1]);
    expect(area(after.extent)).toBeLessThan(area(before.extent));
    expect(await page.locator('.map-search mark').first().textContent()).toBe('江桥');
    expect((await mapState(page)).query).toBe('江桥');
    expect(errors).toEqual([]);
    expect(home.errors).toEqual([]);
    await Promise.all([close(), home.close()]);
  });

  it('a single located result is framed closely, and 在地图上显示 selects its feature', async () => {
    const site = await jiangqiao();
    const { page, errors, close } = await openMap(`${urls.map}?q=${encodeURIComponent(site.name)}`);
    await searched(page);
    const item = resultItems(page).filter({ has: page.locator(`a[href="${urls.redSite(site)}"]`) });
    expect(await item.count()).toBe(1);
    const [lon, lat] = site.location.coordinates as [number, number];
    const view = await viewLonLat(page);
    expect(contains(view.extent, [lon, lat, lon, lat])).toBe(true);
    await item.getByRole('button', { name: `在地图上显示：${site.name}` }).click();
    await poll(() => mapRoot(page).getAttribute('data-selected')).toBe(`red-sites:${site.id}`);
    await poll(() => item.getAttribute('class')).toContain('is-selected');
    const zoomed = await viewLonLat(page);
    expect(zoomed.zoom).toBeGreaterThanOrEqual(13);
    expect(contains(zoomed.extent, [lon, lat, lon, lat])).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('an explicit c and z in the link win over the results for the view', async () => {
    const { page, errors, close } = await openMap(`${urls.map}?c=123.918,47.354&z=10&q=${encodeURIComponent('江桥')}`);
    expect(await searched(page)).toMatch(/其中 \d+ 条有位置，列在下方。$/);
    expect(await resultItems(page).count()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    const s = await mapState(page);
    expect(s.center[0]).toBeCloseTo(123.918, 4);
    expect(s.center[1]).toBeCloseTo(47.354, 4);
    expect(s.zoom).toBeCloseTo(10, 5);
    expect(errors).toEqual([]);
    await close();
  });

  it('submitting the box searches, writes q to the URL, counts results without a location; back clears; 清除搜索 removes q', async () => {
    const { page, errors, close } = await openMap(urls.map);
    await page.locator('#map-search-q').fill('执法');
    await page.locator('#map-search-q').press('Enter');
    const status = await searched(page);
    const m = /^找到 (\d+) 条结果/.exec(status);
    expect(m, status).not.toBeNull();
    const total = Number(m![1]);
    const located = await resultItems(page).count();
    const more = page.locator('[data-map-search-more]');
    if (located < total) {
      expect(await more.isVisible()).toBe(true);
      expect(await more.textContent()).toMatch(new RegExp(`^另有 ${total - located} 条结果没有位置，查看全部`));
      expect(await more.locator('a').getAttribute('href')).toBe(`${urls.search}?q=%E6%89%A7%E6%B3%95`);
    } else expect(await more.isVisible()).toBe(false);
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('执法');

    await page.goBack();
    await poll(() => searchState(page)).toBe('idle');
    expect(await resultItems(page).count()).toBe(0);
    expect(await page.locator('#map-search-q').inputValue()).toBe('');

    await page.goForward();
    await poll(() => searchState(page)).toBe('done');
    expect(await page.locator('#map-search-q').inputValue()).toBe('执法');
    await page.getByRole('button', { name: '清除搜索' }).click();
    expect(await searchState(page)).toBe('idle');
    await poll(() => new URL(page.url()).searchParams.has('q')).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('a query without results says so and lists nothing', async () => {
    const { page, errors, close } = await openMap(`${urls.map}?q=${encodeURIComponent('鳄鱼鲸鲨')}`);
    expect(await searched(page)).toContain('没有找到与“鳄鱼鲸鲨”相关的结果');
    expect(await resultItems(page).count()).toBe(0);
    expect(await page.locator('[data-map-search-more]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('a one-character query shows the hint', async () => {
    const { page, errors, close } = await openMap(urls.map);
    await page.locator('#map-search-q').fill('江');
    await page.locator('#map-search-q').press('Enter');
    expect(await searched(page)).toContain('两个相连的汉字');
    expect(await resultItems(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('never throws on hostile input, in the link or in the box', async () => {
    const { page, errors, close } = await openMap(urls.map);
    for (const q of HOSTILE) {
      await page.goto(at(`${urls.map}?${new URLSearchParams({ q })}`)); // a lone surrogate becomes U+FFFD
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-map]')?.dataset['ready'] === 'true');
      if (q.length > 100) {
        // Over 100 characters: the link's q is ignored (one warning), no search runs.
        await poll(() => page.locator('.map-status').textContent()).toContain('链接中有 1 个参数无效');
        expect(await searchState(page)).toBe('idle');
      } else await searched(page);
      await page.locator('#map-search-q').evaluate((el, value) => ((el as HTMLInputElement).value = value), q);
      await page.locator('#map-search-q').press('Enter');
      expect(await searched(page), q).not.toBe('');
      expect(await page.locator('.map-search img').count(), q).toBe(0);
      expect(errors, q).toEqual([]);
    }
    await close();
  });

  it('axe: no serious or critical violations with search results listed', async () => {
    const { page, errors, close } = await openMap(`${urls.map}?q=${encodeURIComponent('江桥')}`);
    await searched(page);
    await injectAxe(page, axe.source);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 160)}`) }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
