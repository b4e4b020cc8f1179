/**
 * 红色资源 in the browser: the list's filters (URL, keyboard, the map
 * showing the same sites), a site page, a route page with its numbered
 * stops and line, the printed A4 itinerary, and the 专题图 — each checked
 * with axe (WCAG 2.1 A/AA).
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import { isoWeekday } from '../../src/lib/dates.ts';
import { hoursOn } from '../../src/lib/red-hours.ts';
import { routePlan } from '../../src/lib/red-route.ts';
import { at, injectAxe, launch, mapReady, newContext, published } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: Parameters<typeof newContext>[1] = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(at(path));
  return { page, errors, context, close: () => context.close() };
}

async function axeViolations(page: Page): Promise<{ id: string; impact: string | null | undefined; nodes: string[] }[]> {
  await injectAxe(page, axe.source);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 120)}`) }));
  });
}

const shownIds = (page: Page) => page.$$eval('[data-red-list] li[data-site-id]:not([hidden])', (els) => els.map((e) => (e as HTMLElement).dataset['siteId']!).sort());
/** The ids of the red sites the map's layer holds now (the filter takes the others out). */
const mapIds = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-red-map] [data-map]') as HTMLElement & { geoportalMap?: { olMap: { getLayers(): { getArray(): { get(k: string): unknown; getSource(): unknown }[] } } } };
    const layer = root.geoportalMap?.olMap.getLayers().getArray().find((l) => l.get('geoportal:layer') === 'red-sites');
    type Src = { getSource?: () => Src; getFeatures(): { getId(): unknown }[] };
    const cluster = layer?.getSource() as Src | undefined;
    const source = cluster?.getSource?.() ?? cluster;
    return source ? source.getFeatures().map((f) => String(f.getId())).sort() : null;
  });

describe('red-site list filters', () => {
  it('filter by category and level: list, count, URL and map agree; a reload restores them', async () => {
    const view = await published();
    const national = view.redSites.filter((s) => s.designations.some((d) => d.kind === '爱国主义教育基地' && d.level === '国家级')).map((s) => s.id).sort();
    expect(national.length).toBeGreaterThan(0);
    const { page, errors, close } = await open(urls.red);
    await expect.poll(() => page.locator('[data-red-filters]').isVisible()).toBe(true);
    await mapReady(page);
    await page.getByRole('checkbox', { name: '全国', exact: true }).check();
    await expect.poll(() => shownIds(page)).toEqual(national);
    expect(new URL(page.url()).search).toBe('?cat=base&level=national');
    // A level says “bases of this level”: the category box follows, and unticking it drops the level.
    expect(await page.getByRole('checkbox', { name: '爱国主义教育基地', exact: true }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('[data-red-count]').textContent()).toContain(`${national.length} 个`);
    await expect.poll(() => mapIds(page)).toEqual(national);

    await page.reload();
    await expect.poll(() => shownIds(page)).toEqual(national);
    expect(await page.getByRole('checkbox', { name: '全国', exact: true }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: '爱国主义教育基地', exact: true }).uncheck();
    expect(await page.getByRole('checkbox', { name: '全国', exact: true }).isChecked()).toBe(false);
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('checkbox', { name: '纪念馆', exact: true }).check();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => shownIds(page)).toHaveLength(view.redSites.length);
    expect(new URL(page.url()).search).toBe('');
    await mapReady(page);
    await expect.poll(() => mapIds(page)).toHaveLength(view.redSites.length);
    expect(errors).toEqual([]);
    await close();
  });

  it('by keyboard: stage, district and free combine (AND), values within a facet are alternatives', async () => {
    const view = await published();
    const code = view.boundaries.features.find((f) => f.properties.name === '龙沙区')!.properties.code;
    const expected = view.redSites.filter((s) => s.district === '龙沙区' && (s.schoolStages.includes('小学') || s.schoolStages.includes('初中')) && s.admission.free).map((s) => s.id).sort();
    const { page, errors, close } = await open(urls.red);
    await expect.poll(() => page.locator('[data-red-filters]').isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: '小学' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.getByLabel('区县').focus();
    await page.getByLabel('区县').selectOption(code); // a native select: what the keyboard's arrows do
    await page.getByRole('checkbox', { name: '只看免费开放' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => shownIds(page)).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('stage')).toBe('primary,junior');
    expect(new URL(page.url()).searchParams.get('district')).toBe(code);
    // Districts without a match are hidden with their heading.
    expect(await page.locator('[data-red-list] section[data-district]:not([hidden])').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('open on a date: a Monday closes the Tuesday-to-Sunday venues, a public-holiday Monday opens them', async () => {
    const view = await published();
    // A Monday that is a 法定节假日 (国庆节), and an ordinary Monday, from the site's own calendar.
    const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)).filter((d) => d.startsWith('2026'));
    const phMonday = days.find((d) => isoWeekday(d) === 1 && view.calendar.isPublicHoliday(d))!;
    const monday = days.find((d) => isoWeekday(d) === 1 && !view.calendar.isPublicHoliday(d) && d >= '2026-06-01')!;
    expect(phMonday).toBeDefined();
    const openOn = (d: string) => view.redSites.filter((s) => hoursOn(s.hours, d, view.calendar.isPublicHoliday(d)).open).map((s) => s.id).sort();
    expect(openOn(monday)).not.toContain('qiqihaer-dangshi-jiaoyuguan');
    expect(openOn(phMonday)).toContain('qiqihaer-dangshi-jiaoyuguan');

    const { page, errors, close } = await open(`${urls.red}?open=${monday}`);
    await expect.poll(() => shownIds(page)).toEqual(openOn(monday));
    expect(await page.getByLabel('在这一天开放').inputValue()).toBe(monday);
    await page.getByLabel('在这一天开放').fill(phMonday);
    await expect.poll(() => shownIds(page)).toEqual(openOn(phMonday));
    expect(new URL(page.url()).searchParams.get('open')).toBe(phMonday);
    expect(errors).toEqual([]);
    await close();
  });

  it('a link with unknown values loads what it can and says what it dropped', async () => {
    const { page, errors, close } = await open(`${urls.red}?cat=martyrs,museum&open=2026-13-01&colour=red`);
    await expect.poll(() => page.locator('[data-red-count]').textContent()).toContain('3 个筛选条件无效');
    expect(await page.getByRole('checkbox', { name: '烈士纪念设施' }).isChecked()).toBe(true);
    const view = await published();
    expect(await shownIds(page)).toEqual(view.redSites.filter((s) => s.categories.includes('烈士纪念设施')).map((s) => s.id).sort());
    expect(errors).toEqual([]);
    await close();
  });

  it('without JavaScript the list is complete and the filter form stays hidden', async () => {
    const view = await published();
    const { page, close } = await open(urls.red, { javaScriptEnabled: false });
    expect(await page.locator('[data-red-list] li[data-site-id]').count()).toBe(view.redSites.length);
    expect(await page.locator('[data-red-filters]').isVisible()).toBe(false);
    await close();
  });

  it('axe: no violations with filters applied and the map loaded', async () => {
    const { page, errors, close } = await open(`${urls.red}?cat=martyrs&stage=senior`);
    await mapReady(page);
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('red-site page', () => {
  it('shows photo with credit and licence, hours, closed days, holidays, booking, capacity, history and nearby sites', async () => {
    const view = await published();
    const s = view.redSite('jiangqiao-kangzhan-jiniandi')!;
    const { page, errors, close } = await open(urls.redSite(s));
    const figure = page.locator('figure.site-photo').first();
    expect(await figure.locator('img').getAttribute('alt')).toBe(s.photos[0]!.alt);
    const caption = await figure.locator('figcaption').textContent();
    expect(caption).toContain('示例图');
    expect(caption).toContain(s.photos[0]!.credit);
    expect(caption).toContain('CC0 1.0');
    expect(await page.locator('figure.site-photo img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 ? true : new Promise((r) => img.addEventListener('load', () => r(true))))).toBe(true);
    const facts = await page.locator('dl.facts').first().textContent();
    expect(facts).toContain('5月1日至10月31日：周二至周日 8:30–17:00');
    expect(facts).toContain('每周一闭馆（逢法定节假日照常开放）');
    expect(facts).toContain('闭馆前 30 分钟停止入馆');
    expect(facts).toContain('每批（团）最多接待 100 人');
    const booking = page.getByRole('link', { name: /到场馆预约系统预约/ });
    expect(await booking.getAttribute('href')).toBe(s.booking.url);
    expect(await page.locator('#booking + ul').textContent()).toContain('20 人及以上团队需提前 2 个工作日预约');
    expect(await page.locator('#history + .prose p').count()).toBe(2);
    const nearby = await page.locator('ol.nearby li').allTextContents();
    expect(nearby).toHaveLength(5);
    expect(nearby[0]).toMatch(/嫩江铁路桥抗战遗址.*直线距离 \d+(\.\d)? 公里/);
    expect(await mapReady(page)).toBe('true');
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('route page and itinerary', () => {
  const ROUTE = 'jiangqiao-kangzhan-zijia';

  it('numbers the stops on the map and in the list, joined by the line, with legs and times', async () => {
    const view = await published();
    const plan = routePlan(view.redRoute(ROUTE)!, view.routeSites(view.redRoute(ROUTE)!));
    const { page, errors, close } = await open(urls.redRoute(plan.route));
    expect(await mapReady(page)).toBe('true');
    // The route layer: one line through the stops, one numbered marker per stop, in order.
    const drawn = await page.evaluate(() => {
      const root = document.querySelector('[data-map]') as HTMLElement & { geoportalMap?: { olMap: { getLayers(): { getArray(): { getZIndex(): number | undefined; getSource(): { getFeatures(): { get(k: string): unknown; getGeometry(): { getType(): string } }[] } | null }[] } } } };
      const layer = root.geoportalMap!.olMap.getLayers().getArray().find((l) => l.getZIndex() === 18)!;
      return layer.getSource()!.getFeatures().map((f) => `${f.getGeometry().getType()}:${f.get('label') ?? ''}`);
    });
    expect(drawn).toEqual(['LineString:', ...plan.sites.map((_, i) => `Point:${i + 1}`)]);
    const items = page.locator('ol.stops > li');
    expect(await items.count()).toBe(plan.sites.length);
    expect(await items.nth(0).locator('.stop-name').textContent()).toContain(`第 1 站：${plan.sites[0]!.name}`);
    expect(await items.nth(1).locator('.stop-leg').textContent()).toMatch(/从上一站约 \d+(\.\d)? 公里，自驾约 .+（直线估算）/);
    expect(await items.nth(0).locator('.stop-time').textContent()).toContain('8:30–9:00');
    expect(await page.locator('dl.route-facts').textContent()).toContain('直线估算');
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('prints as an A4 itinerary: sketch map, stops, times, booking phones and contacts, at most two pages', async () => {
    const view = await published();
    const route = view.redRoute(ROUTE)!;
    const sites = view.routeSites(route);
    const { page, errors, close } = await open(urls.redRoute(route));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.route-sketch').isVisible()).toBe(true);
    expect(await page.locator('.route-sketch circle').count()).toBe(sites.length);
    expect(await page.locator('[data-map]').isVisible()).toBe(false);
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    const text = (await page.locator('ol.stops').innerText()).replace(/\s+/g, ' ');
    for (const s of sites) {
      expect(text).toContain(s.name);
      if (s.booking.contact?.phone) expect(text).toContain(s.booking.contact.phone);
      if (s.booking.contact) expect(text).toContain(s.booking.contact.unit);
    }
    expect(text).toMatch(/8:30–9:00/);
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(errors).toEqual([]);
    await close();
  });

  it('has a .geojson twin: the line plus the stop points, in order', async () => {
    const view = await published();
    const route = view.redRoute(ROUTE)!;
    const sites = view.routeSites(route);
    const res = await fetch(at(urls.redRoute(route).replace(/\/$/, '.geojson')));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = (await res.json()) as { type: string; features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]!.geometry).toEqual({ type: 'LineString', coordinates: sites.map((s) => s.location.coordinates) });
    expect(fc.features.slice(1).map((f) => [f.geometry.type, f.properties['order'], f.properties['site']])).toEqual(sites.map((s, i) => ['Point', i + 1, s.id]));
  });
});

describe('专题图', () => {
  it('shows every site clustered by category and every route, with the legend; axe', async () => {
    const view = await published();
    const { page, errors, close } = await open(urls.redMap);
    expect(await mapReady(page)).toBe('true');
    const legend = await page.locator('.map-layers').innerText();
    for (const r of view.redRoutes) expect(legend).toContain(r.name);
    expect(legend).toContain('烈士纪念设施');
    expect(await page.getByRole('checkbox', { name: '研学线路' }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('[data-feature-list] li').count()).toBeGreaterThan(0);
    expect(await page.locator('#all-routes + p + ul > li').count()).toBe(view.redRoutes.length);
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
