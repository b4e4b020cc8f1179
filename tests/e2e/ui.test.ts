/**
 * What a person does with the page shell: the skip link, elderly mode across
 * pages, a 320 px phone, printing, and Chinese text that renders.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
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

/** A fresh context and page; page errors are collected. */
async function open(options: Parameters<typeof newContext>[1] = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}


const elderlyState = (page: Page) =>
  page.evaluate(() => ({
    cls: document.documentElement.classList.contains('elderly'),
    pressed: document.querySelector('[data-elderly-toggle]')?.getAttribute('aria-pressed') ?? null,
    fontPx: parseFloat(getComputedStyle(document.documentElement).fontSize),
  }));

describe('skip link', () => {
  it('is the first Tab stop and moves focus to #main', async () => {
    const { context, page, errors } = await open();
    await page.goto(at('/'));
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const r = el?.getBoundingClientRect();
      return { text: el?.textContent?.trim() ?? '', href: el?.getAttribute('href') ?? null, visible: !!r && r.bottom > 0 && r.top < innerHeight && r.width > 0 };
    });
    expect(first.text).toBe('跳到主要内容');
    expect(first.href).toBe('#main');
    expect(first.visible, 'the focused skip link is on screen').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('elderly mode (长者模式)', () => {
  it('turns on with larger text, stays on across pages, and turns off', async () => {
    const { context, page, errors } = await open();
    await page.goto(at('/'));
    const before = await elderlyState(page);
    expect(before).toMatchObject({ cls: false, pressed: 'false' });

    await page.getByRole('button', { name: '长者模式' }).click();
    const on = await elderlyState(page);
    expect(on.cls, 'html.elderly').toBe(true);
    expect(on.pressed).toBe('true');
    expect(on.fontPx, 'root font size grows').toBeGreaterThan(before.fontPx);

    await page.goto(at(urls.notices));
    const after = await elderlyState(page);
    expect(after).toMatchObject({ cls: true, pressed: 'true' });
    expect(after.fontPx).toBe(on.fontPx);

    await page.getByRole('button', { name: '长者模式' }).click();
    expect(await elderlyState(page)).toMatchObject({ cls: false, pressed: 'false', fontPx: before.fontPx });
    await page.goto(at(urls.red));
    expect(await elderlyState(page)).toMatchObject({ cls: false, pressed: 'false', fontPx: before.fontPx });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a 320 px wide screen', () => {
  async function pages(): Promise<string[]> {
    const d = await data();
    // One active notice of each kind: their fact lists carry long 文号, URLs and tables.
    const notices = (['planning', 'land', 'mining', 'surveying'] as const).map((kind) =>
      d.notices.find((n) => n.kind === kind && n.status.state !== 'withdrawn' && (kind !== 'land' || (n.kind === 'land' && n.listing?.tradingUrl))),
    );
    for (const n of notices) expect(n, 'an active notice of each kind in the data').toBeDefined();
    // And the pages with grids, fieldsets and file inputs: the search facets, the 压覆 inputs, the application form.
    return [urls.home, ...notices.map((n) => urls.notice(n!)), urls.enforcement, urls.map, urls.redSite(d.redSites[0]!), urls.search, urls.overlay, urls.submitApplication];
  }

  for (const elderly of [false, true]) {
    it(`needs no horizontal scrolling on the home, notice, enforcement, map, red-site, search, 压覆 and application pages${elderly ? ' (elderly mode)' : ''}`, async () => {
      const { context, page } = await open({ viewport: { width: 320, height: 640 } });
      if (elderly) await context.addInitScript(() => localStorage.setItem('geoportal.elderly', '1'));
      const wide: string[] = [];
      for (const p of await pages()) {
        await page.goto(at(p));
        if (elderly) expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true);
        const { scrollWidth, culprits } = await page.evaluate(() => {
          // What sticks out past the right edge (boxes and text), to say what overflows.
          const clipped = (el: Element | null): boolean => {
            for (let e = el; e && e !== document.body; e = e.parentElement) {
              const s = getComputedStyle(e);
              if (s.overflowX !== 'visible' || s.getPropertyValue('clip') !== 'auto' || s.clipPath !== 'none' || s.position === 'fixed') return true;
            }
            return false;
          };
          const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
          const out: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n && out.length < 5; n = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            const right = range.getBoundingClientRect().right;
            if (right > 320.5 && !clipped(n.parentElement)) out.push(`${name(n.parentElement!)} “${n.textContent!.trim().slice(0, 40)}…” (right ${Math.round(right)})`);
          }
          for (const el of document.querySelectorAll('body *')) {
            const right = el.getBoundingClientRect().right;
            if (out.length < 8 && right > 320.5 && !clipped(el.parentElement)) out.push(`${name(el)} (right ${Math.round(right)})`);
          }
          return { scrollWidth: document.documentElement.scrollWidth, culprits: out };
        });
        if (scrollWidth > 320) wide.push(`${p}: scrollWidth ${scrollWidth} — ${culprits.join(', ')}`);
      }
      expect(wide, wide.join('\n')).toEqual([]);
      await context.close();
    });
  }
});

describe('print', () => {
  it('hides the main navigation', async () => {
    const { context, page } = await open();
    await page.goto(at('/'));
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.isVisible(), 'visible on screen').toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await nav.isVisible(), 'hidden in print').toBe(false);
    expect(await page.locator('main').isVisible(), 'the content still prints').toBe(true);
    await context.close();
  });
});

describe('Chinese text', () => {
  it('has a CJK font installed', () => {
    const families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
    expect(families, 'fc-list :lang=zh').not.toBe('');
  });

  it('renders the home page with a CJK font (screenshot in test-results/home.png)', async () => {
    const { context, page } = await open({ viewport: { width: 1280, height: 800 } });
    await page.goto(at('/'));
    const out = path.resolve('test-results', 'home.png');
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });

    // Ask Chromium which fonts actually drew the site title's glyphs.
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.site-title a' });
    expect(nodeId, '.site-title a').toBeGreaterThan(0);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const cjk = fonts.filter((f) => /CJK|Han|Hei|Song|Kai|Ming|WenQuanYi|Droid Sans Fallback/i.test(f.familyName));
    expect(cjk.map((f) => f.familyName), `fonts used: ${fonts.map((f) => `${f.familyName} (${f.glyphCount})`).join(', ')}`).not.toEqual([]);
    expect(cjk.reduce((n, f) => n + f.glyphCount, 0), 'glyphs drawn with a CJK font').toBeGreaterThanOrEqual(10);
    await context.close();
  });
});
