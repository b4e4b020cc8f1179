/**
 * The search page in Chromium: a 文号 typed with other brackets finds its
 * notice; substrings that cut a run of digits find their record and are
 * highlighted; an empty query shows a hint; hostile queries throw nothing.
 */
import type { Browser, Page } from 'playwright-core';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import { at, data, injectAxe, launch, newContext } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open() {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

const statusText = (page: Page) => page.locator('#search-status').textContent().then((t) => t?.trim() ?? '');

/** Waits until the search has finished (the status is set and not “searching”). */
async function settled(page: Page): Promise<string> {
  await expect.poll(() => statusText(page), { timeout: 15_000 }).toMatch(/^(?!正在搜索).+/);
  return statusText(page);
}

const resultHrefs = (page: Page) => page.locator('#search-results a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

describe('search page', () => {
  it('finds a notice by its 文号 written with [] instead of 〔〕', async () => {
    const d = await data();
    const n = d.notices.find((x) => x.status.state !== 'withdrawn' && x.docNo && /〔\d{4}〕/.test(x.docNo));
    expect(n, 'an active notice with a 文号 like 〔2026〕').toBeDefined();
    const q = n!.docNo!.replace('〔', '[').replace('〕', ']');
    expect(q).not.toBe(n!.docNo);
    const { context, page, errors } = await open();
    await page.goto(at(`${urls.search}?q=${encodeURIComponent(q)}`));
    const status = await settled(page);
    expect(status).toMatch(/找到 \d+ 条结果/);
    expect(await resultHrefs(page)).toContain(urls.notice(n!));
    const link = page.locator(`#search-results a[href="${urls.notice(n!)}"]`);
    expect(await link.textContent()).toBe(n!.title);
    expect(await page.locator('#search-q').inputValue()).toBe(q);
    // Following the result opens the notice.
    await Promise.all([page.waitForURL(at(urls.notice(n!))), link.click()]);
    expect(await page.locator('h1').textContent()).toContain(n!.title);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds substrings that cut a run of digits (26年度国有, 规划局202) and highlights them', async () => {
    const d = await data();
    const plan = d.notices.find((x) => x.status.state !== 'withdrawn' && x.title.includes('2026年度国有建设用地供应计划'));
    const list = d.enforcement.find((x) => x.status.state !== 'withdrawn' && x.title.includes('规划局2026年度'));
    expect(plan, 'the sample 2026 supply plan').toBeDefined();
    expect(list, 'the sample 2026 inspection list').toBeDefined();
    const { context, page, errors } = await open();
    for (const [q, href, title] of [
      ['26年度国有', urls.notice(plan!), plan!.title],
      ['规划局202', urls.enforcementRecord(list!), list!.title],
    ] as const) {
      await page.goto(at(`${urls.search}?q=${encodeURIComponent(q)}`));
      expect(await settled(page), q).toMatch(/找到 \d+ 条结果/);
      expect(await resultHrefs(page), q).toContain(href);
      const marks = await page.locator(`#search-results a[href="${href}"] mark`).allTextContents();
      expect(marks, q).toEqual([q]);
      expect(await page.locator(`#search-results a[href="${href}"]`).textContent(), q).toBe(title);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a hint for an empty query', async () => {
    const { context, page, errors } = await open();
    await page.goto(at(urls.search));
    expect(await page.locator('#search-hint').isVisible(), 'the hint under the field').toBe(true);
    await page.locator('#search-submit').click();
    expect(await settled(page)).toContain('请输入');
    expect(await resultHrefs(page)).toEqual([]);
    await page.goto(at(`${urls.search}?q=${encodeURIComponent('   ')}`));
    await page.locator('#search-submit').click();
    expect(await settled(page)).toContain('请输入');
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [name, q] of [
    ['regex-special characters', '.*+?^${}()|[]\\/ (( [[ ** \\d+ $&'],
    ['500 characters', '江桥'.repeat(100) + 'a(b'.repeat(100)],
    ['HTML', '<img src=x onerror="throw new Error(1)">'],
  ] as const) {
    it(`does not throw on a query of ${name}`, async () => {
      expect(name !== '500 characters' || q.length === 500).toBe(true);
      const { context, page, errors } = await open();
      await page.goto(at(`${urls.search}?q=${encodeURIComponent(q)}`));
      const status = await settled(page);
      // Results, none, or the hint for a query of lone characters (the regex one leaves only the d of \d).
      expect(status).toMatch(/没有找到|找到 \d+ 条结果|请至少输入两个相连的字/);
      // Typed into the form as well (the field takes at most 100 characters).
      await page.locator('#search-q').fill(q);
      await page.locator('#search-submit').click();
      await settled(page);
      expect(await page.locator('#search-results img').count(), 'query text is never HTML').toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('keeps query, filters and page in the URL, and the back button restores them', async () => {
    const { context, page, errors } = await open();
    await page.goto(at(`${urls.search}?q=${encodeURIComponent('公告')}`));
    const first = await settled(page);
    const total = Number(/找到 (\d+) 条结果/.exec(first)?.[1]);
    expect(total).toBeGreaterThan(1);
    // Facet counts arrive after the results.
    await expect.poll(() => page.locator('#facet-collection option[value="notice"]').textContent()).toMatch(/（\d+）/);
    await page.locator('#facet-collection').selectOption('notice');
    await expect.poll(() => new URL(page.url()).searchParams.get('c')).toBe('notice');
    const filtered = Number(/找到 (\d+) 条结果/.exec(await settled(page))?.[1]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThanOrEqual(total);
    for (const href of await resultHrefs(page)) expect(href).toMatch(/^\/notices\//);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('c')).toBeNull();
    expect(await page.locator('#facet-collection').inputValue()).toBe('');
    await expect.poll(() => statusText(page)).toContain(`找到 ${total} 条结果`);
    // A link with every parameter opens in the same state.
    const d = await data();
    const n = d.notices.find((x) => x.status.state !== 'withdrawn')!;
    await page.goto(at(`${urls.search}?q=${encodeURIComponent('公告')}&c=notice&d=${encodeURIComponent(n.district)}&y=${n.publishDate.slice(0, 4)}`));
    await settled(page);
    expect(await page.locator('#facet-district').inputValue()).toBe(n.district);
    expect(await page.locator('#facet-year').inputValue()).toBe(n.publishDate.slice(0, 4));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pages through many results with links that carry the page number', async () => {
    const { context, page, errors } = await open();
    await page.goto(at(`${urls.search}?q=${encodeURIComponent('公告')}`));
    await settled(page);
    const firstPage = await resultHrefs(page);
    expect(firstPage).toHaveLength(20);
    await page.locator('#search-pager a[rel="next"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe('2');
    await expect.poll(() => statusText(page)).toMatch(/显示第 21–\d+ 条/);
    const second = await resultHrefs(page);
    expect(second.some((h) => firstPage.includes(h))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('highlights the query in titles with <mark>, and finds a place by pinyin and initials', async () => {
    const { context, page, errors } = await open();
    await page.goto(at(`${urls.search}?q=${encodeURIComponent('江桥')}`));
    await settled(page);
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toBe('江桥');
    const byHanzi = await resultHrefs(page);
    for (const q of ['jiangqiao', 'jq']) {
      await page.goto(at(`${urls.search}?q=${q}`));
      const status = await settled(page);
      expect(status, q).toContain('按拼音匹配');
      expect(status, q).toContain('江桥');
      const hrefs = await resultHrefs(page);
      expect(hrefs.filter((h) => byHanzi.includes(h)).length, q).toBeGreaterThan(0);
    }
    await page.goto(at(`${urls.search}?q=zzzzqx`));
    expect(await settled(page)).toContain('没有找到');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves between results with the arrow keys and back to the field with Escape', async () => {
    const { context, page, errors } = await open();
    await page.goto(at(`${urls.search}?q=${encodeURIComponent('纪念')}`));
    await settled(page);
    const links = page.locator('#search-results > li > a');
    expect(await links.count()).toBeGreaterThan(1);
    await page.locator('#search-q').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(await links.nth(0).getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(await links.nth(1).getAttribute('href'));
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks for two characters when one is typed, and downloads only part of the index for a query', async () => {
    const { context, page, errors } = await open();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(at(urls.search));
    expect(requested.filter((p) => p.startsWith('/search/v-') || p === '/search/manifest.json'), 'nothing before a query').toEqual([]);
    await page.locator('#search-q').fill('江');
    await page.locator('#search-submit').click();
    expect(await settled(page)).toContain('两个');
    await page.locator('#search-q').fill('纪念馆');
    await page.locator('#search-submit').click();
    expect(await settled(page)).toMatch(/找到 \d+ 条结果/);
    const manifest = (await (await page.request.get(at('/search/manifest.json'))).json()) as { shards: number };
    const shards = requested.filter((p) => /^\/search\/v-[0-9a-f]+\/t-\d+\.gz$/.test(p));
    expect(shards.length).toBeGreaterThan(0);
    expect(shards.length).toBeLessThan(manifest.shards);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('axe: no violations on a results page with facets and highlights', async () => {
    const { context, page, errors } = await open();
    await page.goto(at(`${urls.search}?q=${encodeURIComponent('江桥')}`));
    await settled(page);
    await expect.poll(() => page.locator('#facet-collection option[value="red-site"]').textContent()).toMatch(/（\d+）/);
    await injectAxe(page, axe.source);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

