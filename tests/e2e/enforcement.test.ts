/**
 * 执法严起来 in the browser: the verification page (lazy lookup of the
 * roster JSON: a valid, an invalid and an unknown credential; the list
 * without JavaScript), the decision list's instant filter (form → list, URL,
 * map), and axe (WCAG 2.1 A/AA) on the verification, decision-list and
 * statistics pages.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialStatus } from '../../src/lib/officers.ts';
import { rosterEntry } from '../../src/lib/roster.ts';
import { todayInShanghai } from '../../src/lib/dates.ts';
import { at, injectAxe, launch, newContext, published } from './support.ts';

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
  return { page, errors, context, close: () => context.close() };
}

const axeViolations = async (page: Page) => {
  await injectAxe(page, axe.source);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
};

describe('执法人员身份核验 (事中公示)', () => {
  it('loads the roster only on use and tells a valid, an invalid and an unknown credential apart; passes axe', async () => {
    const view = await published();
    const today = todayInShanghai();
    const roster = view.officers.map(rosterEntry);
    const valid = roster.find((o) => credentialStatus(o, today) === '有效')!;
    const cancelled = roster.find((o) => credentialStatus(o, today) !== '有效')!;
    const { page, errors, context, close } = await open('/enforcement/verify/');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.waitForLoadState('networkidle');
    expect(requests).not.toContain('/enforcement/officers.json');
    const result = page.locator('[data-officer-result]');
    await page.fill('#verify-q', valid.certificateNo.toLowerCase());
    await page.press('#verify-q', 'Enter');
    await expect.poll(() => result.textContent()).toContain('证件有效');
    expect(await result.textContent()).toContain(valid.name);
    await page.fill('#verify-q', cancelled.certificateNo);
    await page.click('form[data-officer-verify] button[type="submit"]');
    await expect.poll(() => result.textContent()).toContain(`证件${credentialStatus(cancelled, today)}`);
    await page.fill('#verify-q', '不存在的人');
    await page.press('#verify-q', 'Enter');
    await expect.poll(() => result.textContent()).toContain('未查到姓名为“不存在的人”');
    expect(requests.filter((p) => p === '/enforcement/officers.json')).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(context.cspViolations).toEqual([]);
    await close();
  });
  it('without JavaScript the form opens the full roster list', async () => {
    const { page, close } = await open('/enforcement/verify/', false);
    await page.fill('#verify-q', '王');
    await page.press('#verify-q', 'Enter');
    await page.waitForURL(/\/enforcement\/officers\/\?q=/);
    expect(await page.locator('table.roster tbody tr').count()).toBeGreaterThan(5);
    await close();
  });
});

describe('事后公开 decision list and statistics', () => {
  it('filters by category and party type with the URL and the map following; the list and the report pass axe', async () => {
    const { page, errors, context, close } = await open('/enforcement/decisions/');
    await page.waitForSelector('form[data-decision-filters]:not([hidden])');
    const before = await page.locator('[data-decision-items] > li').count();
    await page.check('input[name="category"][value="penalty"]');
    await page.check('input[name="party"][value="person"]');
    await page.waitForURL(/\/enforcement\/decisions\/penalty\/\?party=person$/);
    const titles = await page.$$eval('[data-decision-items] > li .meta', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(before + 1);
    for (const t of titles) expect(t).toMatch(/行政处罚[\s\S]*当事人：.{1,2}某（自然人）/);
    const filter = JSON.parse((await page.getAttribute('[data-decision-map] [data-map]', 'data-feature-filter')) ?? '[]');
    expect(filter[0].ids).toHaveLength(titles.length);
    expect(await page.locator('[data-decision-count]').textContent()).toContain('当事人为自然人');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(at('/enforcement/statistics/2025/'));
    expect(await page.locator('svg.stat-chart[role="img"]').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(context.cspViolations).toEqual([]);
    await close();
  });
});
