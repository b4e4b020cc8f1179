/**
 * The notice lists in the browser: the default view (公示中 first), the
 * instant filter (form → list, counts, URL, map agree; reload and back
 * restore), withdrawn notices on request with their reason, paging links,
 * the page without JavaScript (facet links, no form), the feed link, and
 * axe (WCAG 2.1 A/AA) on the filtered page.
 */
import axe from 'axe-core';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../src/lib/dates.ts';
import { noticeRows } from '../../src/lib/notice-index.ts';
import { rowStatus } from '../../src/lib/notice-filter.ts';
import { at, injectAxe, launch, mapReady, newContext, published } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, javaScriptEnabled = true) {
  const context = await newContext(browser, { javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(at(path));
  return { page, errors, close: () => context.close() };
}

const shownIds = (page: Page) => page.$$eval('[data-notice-items] li[data-notice-id]', (els) => els.map((e) => (e as HTMLElement).dataset['noticeId']!));
const mapFilter = (page: Page) => page.$eval('[data-notice-map] [data-map]', (e) => (e as HTMLElement).dataset['featureFilter'] ?? null);

describe('notice lists', () => {
  it('lists 公示中 first by default and says so', async () => {
    const view = await published();
    const today = todayInShanghai();
    const rows = noticeRows(view);
    const open = rows.filter((r) => rowStatus(r, today) === 'open').map((r) => r.id);
    const { page, errors, close } = await open_('/notices/');
    const ids = await shownIds(page);
    expect(ids.slice(0, Math.min(open.length, ids.length)).every((id) => open.includes(id))).toBe(true);
    expect(await page.textContent('main')).toContain('公示中的排在最前');
    expect(await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', 'href')).toBe('/notices/feed.xml');
    expect(errors).toEqual([]);
    await close();
  });

  it('filters instantly: list, counts, URL and map agree; a reload restores them', async () => {
    const view = await published();
    const today = todayInShanghai();
    const land = noticeRows(view).filter((r) => r.kind === 'land' && !r.gone);
    const { page, errors, close } = await open_('/notices/');
    await expect.poll(() => page.locator('[data-notice-filters]').isVisible()).toBe(true);
    await page.check('input[name="kind"][value="land"]');
    await expect.poll(() => page.url()).toMatch(/\/notices\/land\/$/);
    await expect.poll(async () => (await shownIds(page)).sort().join()).toBe(land.map((r) => r.id).slice(0, 20).sort().join() || '');
    // Counts beside the controls: as many land notices as the list shows.
    await expect.poll(() => page.textContent('[data-count="kind:land"]')).toBe(`（${land.length}）`);
    const ended = land.filter((r) => rowStatus(r, today) === 'ended').map((r) => r.id).sort();
    await page.check('input[name="status"][value="ended"]');
    await expect.poll(() => page.url()).toMatch(/\/notices\/land\/\?status=ended$/);
    await expect.poll(async () => (await shownIds(page)).sort().join()).toBe(ended.slice(0, 20).join());
    await mapReady(page);
    const requests = JSON.parse((await mapFilter(page))!) as { layer: string; ids: string[] | null }[];
    expect(requests.find((r) => r.layer === 'notices-land')!.ids!.sort()).toEqual(ended);
    await page.reload();
    await expect.poll(async () => (await shownIds(page)).sort().join()).toBe(ended.slice(0, 20).join());
    expect(await page.isChecked('input[name="status"][value="ended"]')).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('finds by text, and says so when nothing matches', async () => {
    const view = await published();
    const n = view.notices.find((x) => x.docNo)!;
    const { page, close } = await open_(`/notices/?q=${encodeURIComponent(n.docNo!)}`);
    await expect.poll(() => shownIds(page)).toEqual([n.id]);
    await page.fill('#nf-q', '没有这样的公告标题');
    await expect.poll(() => page.locator('[data-notice-empty]').count()).toBe(1);
    await close();
  });

  it('lists withdrawn notices only on request, with their reason', async () => {
    const view = await published();
    const gone = view.gone.filter((g) => g.notice);
    const { page, close } = await open_('/notices/?status=revoked');
    await expect.poll(async () => (await shownIds(page)).sort().join()).toBe(gone.map((g) => g.notice!.id).sort().join());
    for (const g of gone) expect(await page.textContent('[data-notice-items]')).toContain(g.reason);
    const all = await open_('/notices/');
    await all.page.check('input[name="kind"][value="planning"]');
    await expect.poll(() => all.page.url()).toMatch(/planning/);
    for (const g of gone) expect(await shownIds(all.page)).not.toContain(g.notice!.id);
    await all.close();
    await close();
  });

  it('works without JavaScript: facet links and pager are links, the form stays hidden', async () => {
    const { page, close } = await open_('/notices/', false);
    expect(await page.locator('[data-notice-filters]').isVisible()).toBe(false);
    await page.click('nav.notice-views a[href="/notices/status/open/"]');
    expect(page.url()).toMatch(/\/notices\/status\/open\/$/);
    expect(await page.textContent('h1')).toContain('公示中');
    await close();
  });

  it('serves a feed a parser reads, and the page passes axe', async () => {
    const res = await fetch(at('/notices/land/feed.xml'));
    // The server types files by extension: .xml is application/xml, which feed readers accept for Atom.
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const feed = parseFeed(await res.text());
    expect(feed.items.length).toBeGreaterThan(0);
    const { page, close } = await open_('/notices/?status=open,upcoming&sort=deadline');
    await expect.poll(() => page.locator('[data-notice-filters]').isVisible()).toBe(true);
    await injectAxe(page, axe.source);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await close();
  });
});

const open_ = open;
