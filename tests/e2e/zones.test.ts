/**
 * 基准地价 and 控制性详细规划 in the browser: the list pages (table = the HTML
 * list of the map, graded / 用地用海 legend, map layers loaded with every
 * zone), a zone page of each (prices, indicators, 批前公示 links, twins), the
 * zone layers on /map/ (offered, off by default, legend as filled squares),
 * each page checked with axe (WCAG 2.1 A/AA).
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import { LAND_PRICE_LAYERS, ZONING_LAYER } from '../../src/lib/zones.ts';
import { at, injectAxe, launch, mapReady, newContext, published } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(at(path));
  return { page, errors, status: res?.status(), context, close: () => context.close() };
}

async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await injectAxe(page, axe.source);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 120)}`) }));
  });
}

/** Feature ids a thematic layer of the page's first map holds. */
const layerIds = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const root = document.querySelector('[data-map]') as HTMLElement & { geoportalMap?: { olMap: { getLayers(): { getArray(): { get(k: string): unknown; getSource(): { getFeatures(): { getId(): unknown }[] } }[] } } } };
    const l = root.geoportalMap?.olMap.getLayers().getArray().find((x) => x.get('geoportal:layer') === id);
    return l ? l.getSource().getFeatures().map((f) => String(f.getId())).sort() : null;
  }, layer);

describe('基准地价', () => {
  it('the list: a table row per zone, both land types on the map, a graded legend, no axe violations', async () => {
    const view = await published();
    const { page, errors, status, close } = await open(urls.landPrice);
    expect(status).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('基准地价');
    const rows = await page.$$eval('tr[data-zone-id]', (els) => els.map((e) => (e as HTMLElement).dataset['zoneId']!).sort());
    expect(rows).toEqual(view.landPriceZones.map((z) => z.id).sort());
    // 示例数据 is marked on every sample row.
    expect(await page.locator('tr[data-zone-id] .badge-sample').count()).toBeGreaterThanOrEqual(view.landPriceZones.filter((z) => z.sample).length);
    expect(await page.getByRole('list', { name: /图例：基准地价土地级别/ }).getByRole('listitem').first().textContent()).toContain('Ⅰ级');
    expect(await mapReady(page)).toBe('true');
    for (const t of ['国有建设用地', '集体建设用地'] as const)
      await expect.poll(() => layerIds(page, LAND_PRICE_LAYERS[t])).toEqual(view.landPriceZones.filter((z) => z.landType === t).map((z) => z.id).sort());
    // Each approving document is linked, with its 文号.
    for (const docNo of new Set(view.landPriceZones.map((z) => z.approval.docNo))) expect(await page.locator('#approvals-heading + ul').textContent()).toContain(docNo);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('a zone page: prices in 元/平方米 and 万元/亩, dates, 文号, the document, twins', async () => {
    const view = await published();
    const z = view.landPriceZones[0]!;
    const { page, errors, close } = await open(urls.landPriceZone(z));
    const table = await page.locator('#prices + .table-wrap table').textContent();
    for (const p of z.prices) expect(table).toContain(String(p.yuanPerM2));
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain(z.approval.docNo);
    expect(facts).toContain('实施日期');
    const doc = page.locator('.attachments a').first();
    expect(await doc.getAttribute('href')).toBe(z.documents[0]!.href);
    expect((await page.request.get(at(z.documents[0]!.href))).status()).toBe(200);
    const json = await (await page.request.get(at(`${urls.landPriceZone(z).replace(/\/$/, '')}.json`))).json();
    expect(json.id).toBe(z.id);
    expect(json.prices[0].wanPerMu).toBeGreaterThan(0);
    const geo = await (await page.request.get(at(`${urls.landPriceZone(z).replace(/\/$/, '')}.geojson`))).json();
    expect(geo.type).toBe('Feature');
    expect(geo.properties.sample).toBe(z.sample);
    expect(await mapReady(page)).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('控制性详细规划', () => {
  it('the list: a row per 地块 with its 用地用海 code and 批前公示 links, the map holds them all, no axe violations', async () => {
    const view = await published();
    const { page, errors, close } = await open(urls.zoning);
    const rows = await page.$$eval('tr[data-zone-id]', (els) => els.map((e) => (e as HTMLElement).dataset['zoneId']!).sort());
    expect(rows).toEqual(view.zoningZones.map((z) => z.id).sort());
    const z = view.zoningZones.find((x) => x.preApprovalNotices.length > 0)!;
    const row = page.locator(`tr[data-zone-id="${z.id}"]`);
    expect(await row.textContent()).toContain(`${z.landUse.code} ${z.landUse.name}`);
    const notice = view.preApprovalNoticesOf(z)[0]!;
    expect(await row.locator(`a[href="${urls.notice(notice)}"]`).count()).toBe(1);
    expect(await page.getByRole('list', { name: /图例：用地用海分类/ }).textContent()).toContain('07 居住用地');
    expect(await mapReady(page)).toBe('true');
    await expect.poll(() => layerIds(page, ZONING_LAYER)).toEqual(view.zoningZones.map((x) => x.id).sort());
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('a 地块 page: class with its 一级类, indicators, approval, 批前公示 that open', async () => {
    const view = await published();
    const z = view.zoningZones.find((x) => x.indicators.heightMaxM !== undefined && x.preApprovalNotices.length > 0)!;
    const { page, errors, close } = await open(urls.zoningZone(z));
    const text = await page.locator('article').textContent();
    expect(text).toContain(`${z.landUse.code} ${z.landUse.name}`);
    expect(text).toContain(`${z.indicators.heightMaxM} 米`);
    expect(text).toContain(z.approval.docNo);
    const link = page.locator('#notices + ul a').first();
    await link.click();
    await page.waitForURL(/\/notices\/planning\//);
    expect(new URL(page.url()).pathname).toBe(urls.notice(view.preApprovalNoticesOf(z)[0]!));
    await page.goBack();
    expect(await mapReady(page)).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('/map/', () => {
  it('offers the zone layers, off by default, with filled-square legends; turning one on loads its zones', async () => {
    const view = await published();
    const { page, errors, close } = await open(urls.map);
    expect(await mapReady(page)).toBe('true');
    for (const id of [LAND_PRICE_LAYERS['国有建设用地'], LAND_PRICE_LAYERS['集体建设用地'], ZONING_LAYER]) {
      const box = page.locator(`.map-layer[data-layer-id="${id}"] input[name="layer"]`);
      expect(await box.isChecked()).toBe(false);
      expect(await page.locator(`.map-layer[data-layer-id="${id}"] .swatch-area`).count()).toBeGreaterThan(0);
    }
    await page.locator(`.map-layer[data-layer-id="${ZONING_LAYER}"] input[name="layer"]`).check();
    await expect.poll(() => layerIds(page, ZONING_LAYER)).toEqual(view.zoningZones.map((x) => x.id).sort());
    expect(new URL(page.url()).searchParams.get('l') ?? '').toContain(ZONING_LAYER);
    // The HTML list of everything on the map names the zones too.
    expect(await page.locator('#layer-zoning').textContent()).toContain(`（${view.zoningZones.length} 个要素）`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
