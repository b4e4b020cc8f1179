/**
 * The search page in Chromium: a 文号 typed with other brackets finds its
 * notice; an empty query shows a hint; hostile queries throw nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import { at, data, launch, newContext } from './support.ts';

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

  it('shows a hint for an empty query', async () => {
    const { context, page, errors } = await open();
    await page.goto(at(urls.search));
    expect(await page.locator('#search-hint').isVisible(), 'the hint under the field').toBe(true);
    await page.locator('#search-form button[type="submit"]').click();
    expect(await settled(page)).toContain('请输入');
    expect(await resultHrefs(page)).toEqual([]);
    await page.goto(at(`${urls.search}?q=${encodeURIComponent('   ')}`));
    await page.locator('#search-form button[type="submit"]').click();
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
      expect(status).toMatch(/没有找到|找到 \d+ 条结果/);
      // Typed into the form as well (the field takes at most 100 characters).
      await page.locator('#search-q').fill(q);
      await page.locator('#search-form button[type="submit"]').click();
      await settled(page);
      expect(await page.locator('#search-results img').count(), 'query text is never HTML').toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
