/**
 * Shared helpers for the browser tests: the base URL, Chromium with no
 * network beyond the site under test, the sitemap, and the data.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadDataset, resolveDataDir, type Dataset } from '../../src/data/load.ts';
import { getPublishedView, type PublishedView } from '../../src/data/index.ts';
import { dayShiftMs, pinnedDay, todayInShanghai, TODAY_VARIABLE } from '../../src/lib/dates.ts';
import { ENFORCEMENT_RESERVED_IDS, isNoticeListingPage } from '../../src/lib/urls.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function baseUrl(): string {
  const raw = process.env['E2E_BASE_URL'];
  if (!raw) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm test`, or start the server and set E2E_BASE_URL=http://127.0.0.1:PORT');
  return raw.replace(/\/+$/, '');
}

/** The server under test, without a trailing slash, e.g. http://127.0.0.1:4321. */
export const BASE = baseUrl();
export const ORIGIN = new URL(BASE).origin;

/** An absolute URL on the server under test. */
export const at = (p: string): string => `${BASE}${p.startsWith('/') ? p : `/${p}`}`;

// The tests, the server and the pages in the browser must agree on today (src/lib/dates.ts): say so at once when the server runs on another day.
const serverClock = (await (await fetch(at('/health.json'))).json()) as { clock?: { today: string } };
if (serverClock.clock?.today !== todayInShanghai())
  throw new Error(`服务器的今天是 ${serverClock.clock?.today ?? '（未知）'}，测试按 ${todayInShanghai()}：启动服务器时设 ${TODAY_VARIABLE}=${todayInShanghai()}`);
/** How far the pages' clock is moved so that the browser's today is the tests' (whole days; 0 on the real clock). */
const TEST_DAY = pinnedDay();
const BROWSER_SHIFT_MS = TEST_DAY ? dayShiftMs(TEST_DAY) : 0;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--lang=zh-CN',
    ],
  });
}

/** In the page, before its scripts: Date and Date.now run `shift` ms ahead; timers, performance.now and requestAnimationFrame are untouched. */
function shiftClock(shift: number): void {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(realNow() + shift);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return realNow() + shift;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

/**
 * A context whose pages can reach the server under test and nothing else.
 * `cspViolations` collects every Content-Security-Policy violation its pages
 * report (the securitypolicyviolation event, registered before any page script).
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext & { blocked: string[]; cspViolations: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const blocked: string[] = [];
  const cspViolations: string[] = [];
  await context.exposeBinding('__geoportalCspViolation', ({ page }, text: string) => {
    cspViolations.push(`${page.url()}: ${text}`);
  });
  if (BROWSER_SHIFT_MS !== 0) await context.addInitScript(shiftClock, BROWSER_SHIFT_MS);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __geoportalCspViolation: (t: string) => void }).__geoportalCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${ORIGIN}/`) || url === ORIGIN) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return Object.assign(context, { blocked, cspViolations });
}

/** Every page URL in the sitemap index, mapped to the server under test. */
export async function sitemapUrls(): Promise<string[]> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const toLocal = (loc: string) => {
    const u = new URL(loc);
    return at(`${u.pathname}${u.search}`);
  };
  const indexRes = await fetch(at('/sitemap.xml'));
  if (indexRes.status !== 200) throw new Error(`/sitemap.xml answered ${indexRes.status}`);
  const index = await indexRes.text();
  if (!index.includes('<sitemapindex')) throw new Error('/sitemap.xml is not a sitemap index');
  const out: string[] = [];
  for (const chunk of locs(index)) {
    const res = await fetch(toLocal(chunk));
    if (res.status !== 200) throw new Error(`${chunk} answered ${res.status}`);
    out.push(...locs(await res.text()).map(toLocal));
  }
  if (out.length === 0) throw new Error('the sitemap lists no page');
  return [...new Set(out)];
}

let view: Promise<PublishedView> | undefined;
/** The published view of the data the site was built from. */
export function published(): Promise<PublishedView> {
  view ??= getPublishedView(resolveDataDir());
  return view;
}

let dataset: Promise<Dataset> | undefined;
/** The validated data the site was built from (GEOPORTAL_DATA_DIR or data/). */
export function data(): Promise<Dataset> {
  dataset ??= loadDataset(resolveDataDir()).then(({ dataset: d, issues }) => {
    if (!d) throw new Error(`the data does not load: ${issues.map((i) => `${i.file}: ${i.field}: ${i.reason}`).join('; ')}`);
    return d;
  });
  return dataset;
}

/** Runs fn over items with at most n at a time; results in input order. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (item: T, worker: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, worker);
      }
    }),
  );
  return out;
}

/** Detail pages, which carry ArticleTitle, PubDate and ContentSource. */
export function isArticlePath(p: string): boolean {
  return (
    (/^\/notices\/[^/]+\/(?!page\/)[^/]+\/$/.test(p) && !isNoticeListingPage(p)) ||
    // An enforcement record, not one of the column's own pages (docs/enforcement.md); a year's statistics report.
    (/^\/enforcement\/[^/]+\/$/.test(p) && !(ENFORCEMENT_RESERVED_IDS as readonly string[]).includes(p.split('/')[2]!)) ||
    /^\/enforcement\/statistics\/\d{4}\/$/.test(p) ||
    /^\/red\/(sites|routes)\/[^/]+\/$/.test(p)
  );
}

/**
 * Puts axe-core into a page. Evaluated through the DevTools protocol, which the
 * page's CSP does not govern, unlike an injected <script> tag.
 */
export async function injectAxe(page: Page, source: string): Promise<void> {
  if (await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')) return;
  await page.evaluate(source);
}

/** Scrolls the page's first map into view (embedded maps load then) and waits for mountMap() to finish; returns its data-ready ('true' or 'error'). */
export async function mapReady(page: Page): Promise<string | null> {
  const root = page.locator('[data-map]').first();
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const r = document.querySelector<HTMLElement>('[data-map]')?.dataset['ready'];
    return r === 'true' || r === 'error';
  });
  return root.getAttribute('data-ready');
}

/** Resolves at the first map's next 'rendercomplete' (all tiles and data of the current view drawn); rejects after 15 s. */
export function settle(page: Page): Promise<void> {
  return page
    .locator('[data-map]')
    .first()
    .evaluate(
      (el) =>
        new Promise<void>((resolve, reject) => {
          const map = (el as HTMLElement & { geoportalMap: { olMap: { once(t: string, f: () => void): void; render(): void } } }).geoportalMap.olMap;
          const timer = setTimeout(() => reject(new Error('no rendercomplete within 15 s')), 15_000);
          map.once('rendercomplete', () => {
            clearTimeout(timer);
            resolve();
          });
          map.render();
        }),
    );
}

