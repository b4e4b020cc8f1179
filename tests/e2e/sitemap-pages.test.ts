/**
 * Every page in the sitemap, visited once in real Chromium (a few tabs at a
 * time): axe-core (WCAG 2.1 A/AA) and the page-shell requirements — zh-CN,
 * title, one h1, government metadata, footer identity block, 示例数据.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, data, injectAxe, isArticlePath, launch, newContext, pool, sitemapUrls } from './support.ts';

const TABS = 4;

type Shell = {
  lang: string | null;
  title: string;
  h1: number;
  meta: Record<string, string | null>;
  footer: {
    present: boolean;
    text: string;
    links: { text: string; href: string }[];
  };
  bodyText: string;
};

type Violation = { id: string; impact: string | null | undefined; help: string; targets: string[] };
type Visit = { url: string; path: string; status: number; contentType: string; shell?: Shell; violations?: Violation[]; error?: string; pageErrors: string[] };

const META = ['SiteName', 'SiteDomain', 'SiteIDCode', 'ColumnName', 'ColumnType', 'ArticleTitle', 'PubDate', 'ContentSource'];

let browser: Browser;
let visits: Visit[] = [];

beforeAll(async () => {
  const urls = await sitemapUrls();
  browser = await launch();
  const context = await newContext(browser);
  // axe-core goes in as an init script: measured here ~40% faster for the
  // whole sweep than page.addScriptTag({ content: axe.source }) on every page
  // (no 550 KB protocol message per page). It only defines window.axe.
  await context.addInitScript({ content: axe.source });
  const tabs = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
  const pageErrors: string[][] = tabs.map(() => []);
  tabs.forEach((tab, i) => tab.on('pageerror', (e) => pageErrors[i]!.push(e.message)));

  visits = await pool(urls, TABS, async (url, worker) => {
    const tab = tabs[worker]!;
    pageErrors[worker] = [];
    const v: Visit = { url, path: new URL(url).pathname, status: 0, contentType: '', pageErrors: [] };
    try {
      const res = await tab.goto(url, { waitUntil: 'load' });
      v.status = res?.status() ?? 0;
      v.contentType = (await res?.headerValue('content-type')) ?? '';
      v.shell = await tab.evaluate((names: string[]): Shell => {
        const footer = document.querySelector('footer');
        return {
          lang: document.documentElement.getAttribute('lang'),
          title: document.title,
          h1: document.querySelectorAll('h1').length,
          meta: Object.fromEntries(names.map((n) => [n, document.querySelector(`meta[name="${n}"]`)?.getAttribute('content') ?? null])),
          footer: {
            present: footer !== null,
            text: footer?.textContent?.replace(/\s+/g, ' ') ?? '',
            links: [...(footer?.querySelectorAll('a[href]') ?? [])].map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
          },
          bodyText: document.body.innerText,
        };
      }, META);
      if (!(await tab.evaluate(() => typeof window.axe?.run === 'function'))) await injectAxe(tab, axe.source);
      const result = await tab.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations'],
        });
        return r.violations.map((x) => ({ id: x.id, impact: x.impact, help: x.help, targets: x.nodes.map((n) => n.target.join(' ')) }));
      });
      v.violations = result;
    } catch (e) {
      v.error = (e as Error).message.split('\n')[0] ?? String(e);
    }
    v.pageErrors = [...pageErrors[worker]!];
    return v;
  });
  await context.close();
  // Every violation of every impact, for people to read.
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/axe.json',
    JSON.stringify(visits.filter((v) => v.violations?.length).map((v) => ({ page: v.path, violations: v.violations })), null, 2),
  );
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/** Fails with every problem at once, one line each. */
function expectNone(problems: string[], what: string) {
  expect(problems, `${what}:\n${problems.join('\n')}`).toEqual([]);
}

describe('every page in the sitemap', () => {
  it('was visited: HTML, 200, no script errors', () => {
    expect(visits.length).toBeGreaterThan(10);
    const problems = visits.flatMap((v) => [
      ...(v.error ? [`${v.path}: ${v.error}`] : []),
      ...(v.status !== 200 ? [`${v.path}: status ${v.status}`] : []),
      ...(!v.contentType.includes('text/html') ? [`${v.path}: content-type ${v.contentType}`] : []),
      ...v.pageErrors.map((e) => `${v.path}: page error: ${e}`),
    ]);
    expectNone(problems, 'pages that did not load cleanly');
  });

  it('has no serious or critical axe violations (WCAG 2.1 A/AA)', () => {
    const problems: string[] = [];
    for (const v of visits) {
      for (const x of v.violations ?? []) {
        if (x.impact !== 'serious' && x.impact !== 'critical') continue;
        problems.push(`${BASE}${v.path} — ${x.id} (${x.impact}: ${x.help}) — ${x.targets.slice(0, 5).join(' | ')}${x.targets.length > 5 ? ` … +${x.targets.length - 5}` : ''}`);
      }
    }
    expect(visits.filter((v) => v.violations).length).toBe(visits.length);
    expectNone(problems, `${problems.length} serious/critical axe violations`);
  });

  it('is zh-CN with a title and exactly one h1', () => {
    const problems = visits.flatMap((v) => {
      const s = v.shell;
      if (!s) return [`${v.path}: not checked`];
      return [
        ...(s.lang !== 'zh-CN' ? [`${v.path}: lang=${s.lang}`] : []),
        ...(s.title.trim() === '' ? [`${v.path}: empty <title>`] : []),
        ...(s.h1 !== 1 ? [`${v.path}: ${s.h1} <h1> elements`] : []),
      ];
    });
    expectNone(problems, 'page shell');
  });

  it('carries the government metadata (SiteName … ColumnType; ArticleTitle, PubDate, ContentSource on articles)', async () => {
    const { site } = await data();
    const problems: string[] = [];
    let articles = 0;
    for (const v of visits) {
      const m = v.shell?.meta;
      if (!m) {
        problems.push(`${v.path}: not checked`);
        continue;
      }
      if (m['SiteName'] !== site.bureauName) problems.push(`${v.path}: SiteName=${m['SiteName']}`);
      if (m['SiteDomain'] !== site.domain) problems.push(`${v.path}: SiteDomain=${m['SiteDomain']}`);
      if (m['SiteIDCode'] !== site.siteIdCode) problems.push(`${v.path}: SiteIDCode=${m['SiteIDCode']}`);
      for (const n of ['ColumnName', 'ColumnType']) if (!m[n]?.trim()) problems.push(`${v.path}: ${n} missing`);
      if (isArticlePath(v.path)) {
        articles++;
        if (!m['ArticleTitle']?.trim()) problems.push(`${v.path}: ArticleTitle missing`);
        if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(m['PubDate'] ?? '')) problems.push(`${v.path}: PubDate=${m['PubDate']}`);
        if (!m['ContentSource']?.trim()) problems.push(`${v.path}: ContentSource missing`);
      }
    }
    expect(articles, 'article pages in the sitemap').toBeGreaterThan(0);
    expectNone(problems, 'metadata');
  });

  it('has the footer identity block', async () => {
    const { site } = await data();
    const problems: string[] = [];
    for (const v of visits) {
      const f = v.shell?.footer;
      if (!f?.present) {
        problems.push(`${v.path}: no <footer>`);
        continue;
      }
      const need = (ok: boolean, what: string) => ok || problems.push(`${v.path}: ${what}`);
      const link = (text: string) => f.links.find((l) => l.text.includes(text));
      need(f.text.includes(`政府网站标识码：${site.siteIdCode}`) || (f.text.includes('政府网站标识码') && f.text.includes(site.siteIdCode)), '政府网站标识码 missing');
      need(f.text.includes(site.icp) && /ICP/.test(site.icp), `ICP备案号 ${site.icp} missing`);
      const psb = link(site.psb.number);
      need(psb !== undefined && psb.href === site.psb.url, `公安备案号 ${site.psb.number} without its link ${site.psb.url}`);
      need(f.text.includes(`主办单位：${site.sponsor}`), '主办单位 missing');
      need(link('网站地图')?.href === '/sitemap/', '网站地图 link missing');
      need(link('我为政府网站找错')?.href === site.errorReportUrl, `我为政府网站找错 link to ${site.errorReportUrl} missing`);
    }
    expectNone(problems, 'footer identity block');
  });

  it('says 示例数据 (the site runs on sample data)', async () => {
    const { site } = await data();
    expect(site.sample, 'site.yaml sample').toBe(true);
    const problems = visits.filter((v) => !v.shell?.bodyText.includes('示例数据')).map((v) => `${v.path}: no visible 示例数据`);
    expectNone(problems, '示例数据 banner');
  });
});
