/**
 * 一码管地 and 批前公示 opinions in the browser (issue 13 §2–3): the parcel index and pages with
 * their twins, the timeline on a record's page, the parcel link in the map popup; a 批前公示's
 * channels while open and none once ended, also on a page built before the deadline (the
 * browser's clock moved past it). axe on every page visited.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import { at, injectAxe, launch, mapReady, newContext, published } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, setup?: (page: Page) => Promise<void>) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await setup?.(page);
  const res = await page.goto(at(path));
  expect(res?.status(), path).toBe(200);
  return { page, errors, close: () => context.close() };
}

async function axeSerious(page: Page): Promise<unknown[]> {
  await injectAxe(page, axe.source);
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 160)}`) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A parcel with the longest timeline in the build's data. */
async function longest() {
  const v = await published();
  const p = [...v.parcels].sort((a, b) => b.entries.length - a.entries.length)[0]!;
  expect(p.entries.length).toBeGreaterThanOrEqual(3);
  return p;
}

describe('一码管地', () => {
  it('/parcels/ lists every parcel and links its page; axe', async () => {
    const v = await published();
    const { page, errors, close } = await open(urls.parcels);
    const links = await page.locator('main table tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(v.parcels.map((p) => urls.parcel(p)));
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it("a parcel's page shows its records in time with stage and status, and its .json/.geojson twins answer; axe", async () => {
    const p = await longest();
    const { page, errors, close } = await open(urls.parcel(p));
    expect(await page.locator('h1').textContent()).toBe(`宗地 ${p.key}`);
    const items = page.locator('.parcel-timeline li');
    expect(await items.count()).toBe(p.entries.length);
    expect(await items.locator('.parcel-stage').allTextContents()).toEqual(p.entries.map((e) => e.stage));
    expect(await items.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(p.entries.map((e) => urls.notice(e.notice)));
    expect(await items.locator('.badge').count()).toBe(p.entries.length);
    expect(await axeSerious(page)).toEqual([]);
    const json = (await (await fetch(at(`/parcels/${p.key}.json`))).json()) as { key: string; records: { url: string; stage: string }[] };
    expect(json.key).toBe(p.key);
    expect(json.records.map((r) => r.url)).toEqual(p.entries.map((e) => urls.notice(e.notice)));
    const geo = await fetch(at(`/parcels/${p.key}.geojson`));
    expect(geo.status).toBe(p.geometry ? 200 : 404);
    expect(errors).toEqual([]);
    await close();
  });

  it("each record's page marks itself on the timeline and links the parcel; the link is reached by keyboard; axe", async () => {
    const p = await longest();
    const e = p.entries.find((x) => x.notice.kind === 'land') ?? p.entries[0]!;
    const { page, errors, close } = await open(urls.notice(e.notice));
    const section = page.locator('.parcel-timeline');
    expect(await section.locator('h2').textContent()).toBe(`一码管地：宗地 ${p.key}`);
    expect(await section.locator('li[aria-current="page"]').textContent()).toContain('（本公告）');
    expect(await axeSerious(page)).toEqual([]);
    const link = section.locator(`a[href="${urls.parcel(p)}"]`);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(at(urls.parcel(p)));
    expect(errors).toEqual([]);
    await close();
  });

  it("the map popup of a parcel's record links the parcel", async () => {
    const p = await longest();
    const e = p.entries.find((x) => x.notice.kind === 'land')!;
    const { page, errors, close } = await open(urls.mapFeature('notices-land', e.notice.id));
    expect(await mapReady(page)).toBe('true');
    const link = page.locator(`.map-popup a[href="${urls.parcel(p)}"]`);
    await link.waitFor();
    expect(await link.textContent()).toContain(`宗地 ${p.key}`);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('批前公示: opinions during the period, none after it', () => {
  it('an ended 批前公示 says so and offers no channel; axe', async () => {
    const { page, errors, close } = await open('/notices/planning/gh-2026-036/');
    const box = page.locator('section[aria-labelledby="opinions-heading"]');
    expect(await box.locator('a[href^="mailto:"]').count()).toBe(0);
    expect(await box.locator('[data-opinions-open]').count()).toBe(0);
    expect(await box.locator('[data-opinions-ended]').isVisible()).toBe(true);
    expect(await box.locator('[data-opinions-ended]').textContent()).toContain('不再受理意见');
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('an open one shows its mailto (notice named), postal address and deadline; once the browser is past the deadline, they are gone', async () => {
    const path = '/notices/planning/gh-2026-063/';
    const v = await published();
    const n = v.notice('planning', 'gh-2026-063')!;
    if (n.kind !== 'planning' || !n.feedback) throw new Error('sample 批前公示 gh-2026-063 has no feedback');
    const html = await (await fetch(at(path))).text();
    const builtOpen = html.includes('data-opinions-open');
    // Before the deadline in the browser: what the build rendered stays.
    const before = await open(path, (page) => page.clock.setFixedTime(new Date(`${n.feedback!.deadline}T20:00:00+08:00`)));
    const box = before.page.locator('section[aria-labelledby="opinions-heading"]');
    if (builtOpen) {
      const href = (await box.locator('a[href^="mailto:"]').getAttribute('href'))!;
      const subject = new URLSearchParams(href.split('?')[1]).get('subject')!;
      expect(subject).toContain(n.title);
      expect(subject).toContain(n.docNo!);
      expect(await box.textContent()).toContain('邮寄：');
      expect(await box.locator(`time[datetime="${n.feedback.deadline}"]`).first().isVisible()).toBe(true);
      expect(await box.locator('[data-opinions-ended]').isVisible()).toBe(false);
      expect(await axeSerious(before.page)).toEqual([]);
    }
    expect(before.errors).toEqual([]);
    await before.close();
    // The next day in Asia/Shanghai (00:30 +08:00 is still the day before in UTC): no channel, the end said.
    const after = await open(path, (page) => page.clock.setFixedTime(new Date(`${n.feedback!.deadline}T16:30:00Z`)));
    const gone = after.page.locator('section[aria-labelledby="opinions-heading"]');
    expect(await gone.locator('a[href^="mailto:"]').count()).toBe(0);
    expect(await gone.locator('[data-opinions-open]').count()).toBe(0);
    expect(await gone.locator('[data-opinions-ended]').isVisible()).toBe(true);
    expect(await axeSerious(after.page)).toEqual([]);
    expect(after.errors).toEqual([]);
    await after.close();
  });
});
