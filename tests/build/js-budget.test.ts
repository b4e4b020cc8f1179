/**
 * The JavaScript budget, measured on the built pages in dist/client: every
 * page other than the map and the search ships at most 30 KB gzipped
 * (inline scripts + script src + modulepreload + their static imports).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { JsBudget, PAGE_BUDGET_BYTES, isExempt, listHtmlPages, measureAll, pageType, pageUrl, staticImports } from '../../scripts/lib/js-budget.ts';
import { budgetOf } from '../../scripts/lib/budgets.ts';

const CLIENT = path.resolve('dist', 'client');

describe('JavaScript budget (dist/client)', () => {
  it('pages without the map or search ship at most 30 KB of gzipped JavaScript; the planner at most 60 KB before its map loads', () => {
    expect(existsSync(CLIENT), 'dist/client exists (run npm run build)').toBe(true);
    const pages = measureAll(CLIENT);
    expect(pages.length).toBeGreaterThan(10);
    const types = new Set(pages.map((p) => pageType(p.url)));
    for (const t of ['home', 'column list', 'notice detail', 'red site', 'map', 'search', '404'] as const) expect(types, `a ${t} page`).toContain(t);
    const over = pages.filter((p) => !isExempt(p.url) && p.gzipBytes > budgetOf(p.url).js).map((p) => `${p.url}: ${p.gzipBytes} B gzipped (${p.files.join(', ')})`);
    const planner = pages.find((p) => p.url === '/planner/');
    expect(planner, 'the planner page').toBeDefined();
    expect(budgetOf('/planner/').js).toBe(60 * 1024);
    expect(budgetOf('/red/').js).toBe(PAGE_BUDGET_BYTES);
    expect(over, over.join('\n')).toEqual([]);
    const missing = pages.filter((p) => p.missing.length > 0).map((p) => `${p.url}: ${p.missing.join(', ')}`);
    expect(missing, `scripts referenced but not in dist/client:\n${missing.join('\n')}`).toEqual([]);
  });
});

describe('the map page’s preload (dist/client)', () => {
  const html = (page: string) => readFileSync(path.join(CLIENT, page), 'utf8');
  const preloads = (page: string) => [...html(page).matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);

  it('the full maps (/map/, /red/map/) preload the same map code', () => {
    expect(preloads('red/map/index.html')).toEqual(preloads('map/index.html'));
  });

  it('preloads the map code its loader imports at once, and files that exist', () => {
    const hrefs = preloads('map/index.html');
    expect(hrefs.length).toBeGreaterThan(2);
    for (const href of hrefs) expect(existsSync(path.join(CLIENT, href)), href).toBe(true);
    // The loader (the MapView script) imports the ui chunk dynamically: that chunk is preloaded.
    const loader = /<script type="module" src="(\/_astro\/MapView[^"]+)"/.exec(html('map/index.html'))![1]!;
    const ui = /import\(`\.\/(ui\.[\w-]+\.js)`\)/.exec(readFileSync(path.join(CLIENT, loader), 'utf8'))![1]!;
    expect(hrefs).toContain(`/_astro/${ui}`);
    expect(hrefs.some((h) => /\/tools\./.test(h))).toBe(true);
    expect(hrefs.some((h) => /offline-basemap/.test(h)), 'the 示意底图 is only needed without Tianditu').toBe(false);
  });

  it('preloads nothing on pages whose map loads when scrolled to', () => {
    const notice = listHtmlPages(CLIENT).find((p) => pageType(pageUrl(p)) === 'notice detail' && html(p).includes('data-map'))!;
    expect(notice, 'a notice page with an embedded map').toBeDefined();
    expect(preloads(notice)).toEqual([]);
  });
});

describe('the budget measure', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'js-budget-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const gz = (s: string) => gzipSync(s).length;

  it('counts inline scripts, src, modulepreload and static imports once each, not data or dynamic imports', () => {
    const a = 'import{b as x}from"./b.js";import"/_astro/c.js";export{x};' + 'let q=1;'.repeat(50);
    const b = 'export const b=2;' + 'console.log(1);'.repeat(40);
    const c = 'import"./b.js";const l=()=>import("./lazy.js");' + 'void 0;'.repeat(30);
    const shared = 'window.s=1;';
    write('_astro/a.js', a);
    write('_astro/b.js', b);
    write('_astro/c.js', c);
    write('_astro/lazy.js', 'x'.repeat(100_000));
    write('_astro/shared.js', shared);
    write('_astro/preload.js', 'import"./shared.js";');
    const inline = 'try{document.documentElement.classList.add("x")}catch(e){}';
    write(
      'p/index.html',
      `<html><head><script>${inline}</script><script type="application/ld+json">{"a":1}</script>` +
        `<link rel="modulepreload" href="/_astro/preload.js"><script type="module" src="/_astro/a.js"></script>` +
        `<script type="module">import "/_astro/shared.js";</script></head><body><a href="https://example.invalid/x.js">x</a>` +
        `<script src="https://cdn.example.invalid/lib.js"></script></body></html>`,
    );
    const m = new JsBudget(dir).measure('p/index.html');
    expect(m.url).toBe('/p/');
    expect(new Set(m.files)).toEqual(new Set(['/_astro/preload.js', '/_astro/shared.js', '/_astro/a.js', '/_astro/b.js', '/_astro/c.js']));
    expect(m.inlineScripts).toBe(2);
    const expected = [inline, 'import "/_astro/shared.js";', a, b, c, shared, 'import"./shared.js";'].reduce((n, s) => n + gz(s), 0);
    expect(m.gzipBytes).toBe(expected);
    expect(m.missing).toEqual([]);
  });

  it('finds static imports in minified code but not dynamic ones', () => {
    expect(staticImports('import{a as b,c}from"./x.js";import*as n from\'./y.js\';export*from"./z.js";const q=import("./lazy.js");import "./w.js"')).toEqual([
      './x.js',
      './y.js',
      './z.js',
      './w.js',
    ]);
  });

  it('sorts URLs into page types', () => {
    expect(pageType('/')).toBe('home');
    expect(pageType('/notices/land/')).toBe('column list');
    expect(pageType('/notices/land/page/2/')).toBe('column list');
    expect(pageType('/notices/land/td-2026-001/')).toBe('notice detail');
    expect(pageType('/red/sites/x/')).toBe('red site');
    expect(pageType('/enforcement/')).toBe('column list');
    expect(pageType('/enforcement/zf-1/')).toBe('enforcement detail');
    expect(pageType('/enforcement/decisions/penalty/page/2/')).toBe('enforcement decisions');
    expect(pageType('/enforcement/verify/')).toBe('enforcement verify');
    expect(pageType('/enforcement/statistics/2025/')).toBe('enforcement column');
    expect(pageType('/enforcement/before/')).toBe('enforcement column');
    expect(pageType('/map/')).toBe('map');
    expect(pageType('/red/map/')).toBe('map');
    expect(pageType('/search/')).toBe('search');
    expect(pageType('/planner/')).toBe('planner');
    expect(pageType('/planner/holidays.json')).toBe('other');
    expect(pageType('/404.html')).toBe('404');
    expect(isExempt('/map/')).toBe(true);
    expect(isExempt('/notices/')).toBe(false);
  });
});
