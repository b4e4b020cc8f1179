/**
 * What the server answers: 404 for unknown paths, 410 with the reason for a
 * withdrawn notice (page and twins), JSON/GeoJSON twins of live notices, and
 * the home page's latest notices of each kind.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls, twinUrl } from '../../src/lib/urls.ts';
import { createSearchClient } from '../../src/search/client.ts';
import { noticeKinds, noticeKindNames } from '../../src/schema/index.ts';
import { at, data, launch, newContext, published } from './support.ts';
import { fileSize } from '../../src/lib/format.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function getJson(p: string): Promise<{ status: number; type: string; body: unknown }> {
  const res = await fetch(at(p));
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, type, body };
}

describe('404', () => {
  it('answers an unknown path with the 404 page: search form and links to the columns', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const p of [`/no-such-page-${Date.now()}/`, '/notices/planning/no-such-notice/', '/nope.json']) {
      const res = await page.goto(at(p));
      expect(res?.status(), p).toBe(404);
      expect(await res?.headerValue('content-type'), p).toContain('text/html');
      const main = page.locator('main');
      expect(await main.locator('h1').textContent(), p).toContain('404');
      const form = main.locator('form[role="search"]');
      expect(await form.count(), `${p}: search form`).toBe(1);
      expect(await form.getAttribute('action')).toBe(urls.search);
      expect(await form.locator('input[name="q"]').count()).toBe(1);
      const hrefs = await main.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const col of [urls.map, urls.red, urls.notices, urls.enforcement, urls.search]) expect(hrefs, `${p}: link to ${col}`).toContain(col);
    }
    await context.close();
  });
});

describe('attachments', async () => {
  const v = await published();
  const records = [...v.notices.map((n) => ({ page: urls.notice(n), links: v.attachmentsOf(n.attachments) })), ...v.enforcement.map((r) => ({ page: urls.enforcementRecord(r), links: v.attachmentsOf(r.attachments) }))].filter((r) => r.links.length > 0);
  const types: Record<string, string> = { PDF: 'application/pdf', JPG: 'image/jpeg', PNG: 'image/png', XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

  it('every local attachment on a published page opens: 200, its type, its size', async () => {
    const local = records.flatMap((r) => r.links.filter((l) => !l.external));
    expect(local.length).toBeGreaterThanOrEqual(50);
    for (const a of local) {
      const res = await fetch(at(a.href));
      expect(res.status, a.href).toBe(200);
      expect(res.headers.get('content-type'), a.href).toContain(types[a.format!]);
      expect((await res.arrayBuffer()).byteLength, a.href).toBe(a.bytes);
    }
  });

  it('the .json twin carries the attachments as published: format, size, external', async () => {
    for (const r of records) {
      const body = (await getJson(twinUrl(r.page))).body as { attachments: unknown };
      expect(body.attachments, r.page).toEqual(JSON.parse(JSON.stringify(r.links)));
    }
  });

  it('each record page shows its attachments with format and size, external links marked', async () => {
    let external = 0;
    for (const r of records) {
      const html = await (await fetch(at(r.page))).text();
      for (const a of r.links) {
        const facts = a.external ? `（外部链接${a.format ? `，${a.format}` : ''}）` : `（${a.format}，${fileSize(a.bytes!)}）`;
        expect(html, `${r.page}: ${a.title}`).toContain(`${a.title}</a><span class="meta">${facts}</span>`);
        if (a.external) {
          external++;
          expect(html).toContain(`<a href="${a.href}" rel="external noopener noreferrer">`);
        }
      }
    }
    expect(external).toBeGreaterThan(0);
  });

  it('the attachment of a withdrawn record is not on the site', async () => {
    const d = await data();
    const publishedFiles = new Set(v.files.keys());
    const withdrawnFiles = d.notices.filter((n) => !v.notices.includes(n)).flatMap((n) => n.attachments.map((a) => a.href)).filter((h) => h.startsWith('/files/') && !publishedFiles.has(h));
    expect(withdrawnFiles.length).toBeGreaterThan(0);
    for (const href of withdrawnFiles) {
      const res = await fetch(at(href));
      expect(res.status, href).toBe(404);
      await res.arrayBuffer();
    }
  });
});

describe('withdrawn notice', async () => {
  const d = await data();
  const withdrawn = d.notices.filter((n) => n.status.state === 'withdrawn');
  const live = d.notices.filter((n) => n.status.state !== 'withdrawn');

  it('exists in the sample data', () => {
    expect(withdrawn.length, 'notices with status.state: withdrawn').toBeGreaterThan(0);
  });

  it('answers 410 Gone with its reason in the HTML', async () => {
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const n of withdrawn) {
      if (n.status.state !== 'withdrawn') continue;
      const res = await fetch(at(urls.notice(n)));
      expect(res.status, urls.notice(n)).toBe(410);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain(n.status.reason);
      expect(html).toContain(n.title);
      expect(html).toContain('撤回');
      // Also without the trailing slash.
      const bare = await fetch(at(urls.notice(n).replace(/\/$/, '')), { redirect: 'follow' });
      expect(bare.status, `${urls.notice(n)} without /`).toBe(410);
      await bare.arrayBuffer();
    }
  });

  it('its .json and .geojson twins answer 410 JSON with the reason', async () => {
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const n of withdrawn) {
      if (n.status.state !== 'withdrawn') continue;
      for (const ext of ['json', 'geojson'] as const) {
        const p = twinUrl(urls.notice(n), ext);
        const r = await getJson(p);
        expect(r.status, p).toBe(410);
        expect(r.type, p).toMatch(/json/);
        expect(r.body, p).toMatchObject({ reason: n.status.reason });
      }
    }
  });

  it('is left out of the search index, the sitemap and its kind list', async () => {
    expect(withdrawn.length).toBeGreaterThan(0);
    const search = createSearchClient({ fetch: ((u: RequestInfo | URL) => fetch(at(String(u)))) as typeof fetch });
    const list = await (await fetch(at(urls.noticeKind(withdrawn[0]!.kind)))).text();
    for (const n of withdrawn) {
      const hits = await search.rows(await search.ids(n.title));
      expect(hits.map((h) => h.url), urls.notice(n)).not.toContain(urls.notice(n));
      if (n.kind === withdrawn[0]!.kind) expect(list).not.toContain(`href="${urls.notice(n)}"`);
    }
    expect((await search.manifest()).docs).toBeGreaterThan(0);
  });

  it('an active notice’s .json twin answers 200 JSON with the same id', async () => {
    expect(live.length).toBeGreaterThan(0);
    for (const n of [live[0]!, live[live.length - 1]!]) {
      const p = twinUrl(urls.notice(n));
      const r = await getJson(p);
      expect(r.status, p).toBe(200);
      expect(r.type, p).toMatch(/json/);
      expect(r.body, p).toMatchObject({ id: n.id, kind: n.kind, title: n.title });
    }
  });

  it('a .geojson twin answers a GeoJSON Feature', async () => {
    const withGeometry = live.find((n) => n.geometry !== undefined);
    expect(withGeometry, 'an active notice with a geometry').toBeDefined();
    const p = twinUrl(urls.notice(withGeometry!), 'geojson');
    const r = await getJson(p);
    expect(r.status, p).toBe(200);
    expect(r.type, p).toMatch(/json/);
    const f = r.body as { type?: string; geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> };
    expect(f.type).toBe('Feature');
    expect(f.geometry?.type).toBe(withGeometry!.geometry!.type);
    expect(Array.isArray(f.geometry?.coordinates)).toBe(true);
    expect(f.properties).toBeTypeOf('object');
  });
});

describe('home page', () => {
  it('lists the latest notices of each of the 4 kinds, with links that resolve', async () => {
    const d = await data();
    const context = await newContext(browser);
    const page = await context.newPage();
    const res = await page.goto(at('/'));
    expect(res?.status()).toBe(200);
    expect(noticeKinds.length).toBe(4);
    const links = new Set<string>();
    for (const kind of noticeKinds) {
      const section = page.getByRole('region', { name: noticeKindNames[kind], exact: true });
      expect(await section.count(), `section ${noticeKindNames[kind]}`).toBe(1);
      const hrefs = await section.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const expected = d.notices.filter((n) => n.kind === kind && n.status.state !== 'withdrawn').slice(0, 5).map((n) => urls.notice(n));
      const listed = hrefs.filter((h) => h.startsWith(`/notices/${kind}/`) && h !== urls.noticeKind(kind));
      expect(listed, `latest ${kind} notices, newest first`).toEqual(expected);
      expect(hrefs, `${kind}: link to the full list`).toContain(urls.noticeKind(kind));
      for (const h of hrefs) links.add(h);
    }
    expect([...links].filter((h) => /^\/notices\/[^/]+\/[^/]+\/$/.test(h)).length, 'notice links on the home page').toBeGreaterThan(0);
    const broken: string[] = [];
    for (const h of links) {
      const r = await fetch(new URL(h, at('/')));
      await r.arrayBuffer();
      if (r.status !== 200) broken.push(`${h}: ${r.status}`);
    }
    expect(broken, broken.join('\n')).toEqual([]);
    await context.close();
  });
});
