/**
 * The site under its Content-Security-Policy (src/server/headers.ts): every
 * page type, the map with its share dialog (QR code), PNG export and print,
 * the search page and the header suggestions run without a single CSP
 * violation report, and the policy arrives on pages, assets and errors alike.
 * The map runs without a key here (the offline 示意底图), as most deployments do.
 */
import type { Browser } from 'playwright-core';
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

describe('under the CSP', () => {
  it('pages, the embedded map and the search page report no violation', async () => {
    const view = await published();
    const notice = view.notices.find((n) => n.geometry)!;
    const route = view.redRoutes[0]!;
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const p of ['/', '/notices/', urls.notice(notice), urls.redRoute(route), urls.redSite(view.redSites[0]!), '/about/', '/no-such-page/']) {
      const res = await page.goto(at(p));
      expect(res?.headers()['content-security-policy'], p).toMatch(/script-src 'self' 'sha256-/);
      if (await page.locator('[data-map]').count()) await mapReady(page);
    }
    // The elderly mode's inline snippet is the one allowed by hash: it must run.
    await page.goto(at('/'));
    await page.evaluate(() => localStorage.setItem('geoportal.elderly', '1'));
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true);
    // Search page with results, and the header suggestions.
    await page.goto(at(`${urls.search}?q=${encodeURIComponent(notice.title.slice(0, 4))}`));
    await page.locator('#search-results li').first().waitFor({ timeout: 15_000 });
    const box = page.locator('header input[type="search"]').first();
    await box.fill(notice.title.slice(0, 3));
    await page.locator('header [role="listbox"] [role="option"]').first().waitFor({ timeout: 15_000 });
    expect(context.cspViolations).toEqual([]);
    await context.close();
  });

  it('the map: QR code, PNG export and print report no violation', async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(at('/map/'));
    expect(await mapReady(page)).toBe('true');
    await page.getByRole('button', { name: '分享' }).click();
    const qr = page.locator('dialog.map-share img.map-qr');
    await qr.waitFor({ state: 'visible' });
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    await page.locator('dialog.map-share').getByRole('button', { name: '关闭' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出图片' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.map-legend').first().isVisible()).toBe(true);
    expect(context.cspViolations).toEqual([]);
    await context.close();
  });

  it('catches a violation when one happens (the check is live)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(at('/'));
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.head.append(s);
    });
    await expect.poll(() => context.cspViolations.length).toBeGreaterThan(0);
    expect(context.cspViolations[0]).toMatch(/script-src/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await context.close();
  });
});

describe('headers on every answer', () => {
  it('pages, hashed assets, data twins, 404 and 410 carry the same security headers', async () => {
    const view = await published();
    const home = await fetch(at('/'));
    const html = await home.text();
    const asset = /(?:src|href)="(\/_astro\/[^"]+)"/.exec(html)![1]!;
    const gone = view.gone[0]!;
    const answers = await Promise.all(['/', asset, '/geo/districts.geojson', '/no-such-page/', gone.page, gone.json[0]!, '/config/map.json'].map(async (p) => [p, await fetch(at(p), { headers: { 'accept-encoding': 'br' } })] as const));
    const reference = answers[0]![1].headers;
    for (const [p, r] of answers) {
      for (const h of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy']) {
        expect(r.headers.get(h), `${p} ${h}`).toBe(reference.get(h));
      }
    }
    const byPath = new Map(answers.map(([p, r]) => [p, r]));
    expect(byPath.get(asset)!.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(byPath.get('/')!.headers.get('cache-control')).toBe('no-cache');
    expect(byPath.get('/no-such-page/')!.status).toBe(404);
    expect(byPath.get(gone.page)!.status).toBe(410);
    // fetch() decodes the body; the header says what came over the wire.
    expect(byPath.get('/geo/districts.geojson')!.headers.get('content-encoding')).toBe('br');
    expect(byPath.get('/geo/districts.geojson')!.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('a badly encoded path gets the site’s 400 page; a map link whose query does not decode opens the map with its notice', async () => {
    const bad = await fetch(at('/notices/%E4%B8/'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('请求无效');
    const context = await newContext(browser);
    const page = await context.newPage();
    const res = await page.goto(at('/map/?z=%E4%B8&c=%ZZ'));
    expect(res?.status()).toBe(200);
    await mapReady(page);
    expect(await page.locator('.map-status').textContent()).toMatch(/链接中有 \d+ 个参数无效/);
    await context.close();
  });

  it('anything but GET and HEAD gets 405 with Allow, TRACE included', async () => {
    for (const [method, p] of [['POST', '/'], ['PUT', '/notices/'], ['DELETE', '/config/map.json'], ['PATCH', '/geo/districts.geojson']] as const) {
      const r = await fetch(at(p), { method });
      expect(r.status, `${method} ${p}`).toBe(405);
      expect(r.headers.get('allow'), `${method} ${p}`).toBe('GET, HEAD');
    }
    // fetch() refuses to send TRACE: node:http does.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const r = request(at('/config/map.json'), { method: 'TRACE' }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      r.on('error', reject);
      r.end();
    });
    expect(status).toBe(405);
  });
});
