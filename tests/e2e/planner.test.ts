/**
 * 研学行程规划 (/planner/) in the browser (issue 12 §4 and its Checks): a
 * 4-stop plan built by keyboard alone reloads from its link with the same
 * times; each warning is raised; the print view holds what a printed
 * itinerary needs, on one A4 page; the GPX and KML exports are read by
 * GDAL's ogrinfo and by @tmcw/togeojson; a link with unknown ids, too many
 * stops and malformed values loads what it can and says what it dropped;
 * drag and drop, the map (pick the school, add the selected site), road
 * legs from a stubbed routing answer (Tianditu itself is never reached),
 * the tab's earlier plan offered for merging; axe, also in the elderly mode.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gpx as gpxToGeoJson, kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canInstall, ensurePackages, GDAL } from '../../scripts/lib/system-deps.ts';
import { addDays, isoWeekday, todayInShanghai } from '../../src/lib/dates.ts';
import { hoursOn } from '../../src/lib/red-hours.ts';
import { urls } from '../../src/lib/urls.ts';
import { planInstant } from '../../src/planner/itinerary.ts';
import { ROUTE_PATH } from '../../src/planner/routing-protocol.ts';
import { at, injectAxe, launch, mapReady, newContext, published } from './support.ts';

let browser: Browser;
const dirs: string[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const LIESHI = 'qiqihaer-lieshi-lingyuan'; // Mo-Su, groups of 30 book 3 working days ahead
const DANGSHI = 'qiqihaer-dangshi-jiaoyuguan'; // Tu-Su 09:00-16:30, last entry 30 min before, groups of 20 (2 days) and 200 (5 days), 300 at once
const SHENGWEI = 'zhonggong-nenjiang-shengwei-jiuzhi';
const XIMAN = 'ximan-junqu-silingbu-jiuzhi';

async function open(pathAndQuery: string, options: Parameters<typeof newContext>[1] = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(at(pathAndQuery));
  if (pathAndQuery.startsWith(urls.planner)) await ready(page);
  return { page, errors, context, close: () => context.close() };
}

/** The page has computed the plan and heard back from the routing route (data-state, src/client/planner/main.ts). */
const ready = (page: Page) => page.waitForFunction(() => document.querySelector<HTMLElement>('[data-planner]')?.dataset['state'] === 'ready');
const stopIds = (page: Page) => page.$$eval('ol[data-plan-stops] > li', (ls) => ls.map((l) => (l as HTMLElement).dataset['site']!));
const stopTimes = (page: Page) => page.$$eval('ol[data-plan-stops] > li [data-stop-times]', (ps) => ps.map((p) => p.textContent!.trim()));
const codes = (page: Page) => page.$$eval('[data-plan-warnings] li[data-code]', (ls) => ls.map((l) => (l as HTMLElement).dataset['code']!));
const warningText = (page: Page, code: string) => page.$$eval(`[data-plan-warnings] li[data-code="${code}"]`, (ls) => ls.map((l) => l.textContent!.trim()));
const announced = (page: Page) => page.textContent('[data-planner-announce]');

/** Presses Tab (or Shift+Tab) until the focus is on `selector`: the control is reachable by keyboard, in page order. */
async function tabTo(page: Page, selector: string, { back = false, max = 400 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} not reached by ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses`);
}

/** Types a date into <input type="date"> by keyboard, in whichever field order the browser's locale shows (y-m-d or m-d-y). */
async function typeDate(page: Page, selector: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  for (const order of [`${m}${d}${y}`, `${y}${m}${d}`]) {
    await page.keyboard.type(order);
    if ((await page.inputValue(selector)) === iso) return;
    // Back to the first field, then clear every field (Backspace empties one).
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Backspace');
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
  }
  throw new Error(`could not type ${iso} into ${selector}: ${await page.inputValue(selector)}`);
}

/** A day from `from` on that is an ordinary (not holiday) day of `weekday`, in a year the site's calendar covers, when every given site is open. */
async function dayWhen(weekday: number, siteIds: string[], from = addDays(todayInShanghai(), 12)): Promise<string> {
  const view = await published();
  const sites = siteIds.map((id) => view.redSites.find((s) => s.id === id)!);
  for (let d = from, i = 0; i < 400; d = addDays(d, 1), i++) {
    if (!view.calendar.covers(Number(d.slice(0, 4)))) continue;
    if (isoWeekday(d) !== weekday || view.calendar.isPublicHoliday(d)) continue;
    if (sites.every((s) => hoursOn(s.hours, d, false).open)) return d;
  }
  throw new Error(`no weekday ${weekday} with ${siteIds.join(', ')} open`);
}

describe('a plan built by keyboard alone', () => {
  it('adds 4 sites, reorders them, sets the school, date, time, group and lunch, and reloads from its link to the same times', async () => {
    const view = await published();
    const name = (id: string) => view.redSites.find((s) => s.id === id)!.name;
    const date = await dayWhen(3, [LIESHI, DANGSHI, SHENGWEI, XIMAN]);
    const { page, errors, close, context } = await open(urls.planner);
    expect(await page.locator('[data-plan-empty]').isVisible()).toBe(true);

    // Four sites from the list: filter by name, Tab to the site's button, Enter.
    for (const id of [LIESHI, DANGSHI, SHENGWEI, XIMAN]) {
      await tabTo(page, '#site-filter', { back: true });
      await page.keyboard.press('Control+A');
      await page.keyboard.type(name(id));
      await tabTo(page, `button[data-add-site="${id}"]`);
      await page.keyboard.press('Enter');
      await ready(page);
      expect(await announced(page)).toContain(`已把“${name(id)}”加入行程`);
    }
    expect(await stopIds(page)).toEqual([LIESHI, DANGSHI, SHENGWEI, XIMAN]);

    // Reorder: the last stop's 上移 button, then Alt+↑ on the same control; each move is announced.
    await tabTo(page, `ol[data-plan-stops] li[data-site="${XIMAN}"] [data-control="up"]`, { back: true });
    await page.keyboard.press('Enter');
    await ready(page);
    expect(await stopIds(page)).toEqual([LIESHI, DANGSHI, XIMAN, SHENGWEI]);
    expect(await announced(page)).toBe(`已将“${name(XIMAN)}”移到第 3 位（共 4 个地点）。`);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest('li')?.dataset['site'])).toBe(XIMAN);
    await page.keyboard.press('Alt+ArrowUp');
    await ready(page);
    expect(await stopIds(page)).toEqual([LIESHI, XIMAN, DANGSHI, SHENGWEI]);
    expect(await announced(page)).toBe(`已将“${name(XIMAN)}”移到第 2 位（共 4 个地点）。`);
    // At the top, a move up is said, not silently ignored.
    await tabTo(page, `ol[data-plan-stops] li[data-site="${LIESHI}"] [data-control="minutes"]`, { back: true });
    await page.keyboard.press('Alt+ArrowUp');
    expect(await announced(page)).toBe(`“${name(LIESHI)}”已经是第一个地点。`);
    // Minutes at a stop: 90 instead of the suggested 60.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('90');
    await page.keyboard.press('Tab');
    await ready(page);

    // The school by coordinates in the search box, then its name.
    await tabTo(page, '#start-q');
    await page.keyboard.type('123.95,47.34');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-start-results] button');
    await page.keyboard.press('Enter');
    await ready(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start-name');
    await page.keyboard.type('第一中学');
    await page.keyboard.press('Tab');
    await tabTo(page, '#plan-date');
    await typeDate(page, '#plan-date', date);
    await tabTo(page, '#plan-time');
    await page.keyboard.type('0730');
    await tabTo(page, '#plan-group');
    await page.keyboard.type('45');
    await tabTo(page, '#plan-return');
    await page.keyboard.type('1700');
    await tabTo(page, 'input[name="lunch"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await ready(page);

    const link = new URL(page.url());
    expect(link.searchParams.get('p')).toBe(`${LIESHI}:90,${XIMAN},${DANGSHI},${SHENGWEI}`);
    expect(Object.fromEntries([...link.searchParams].filter(([k]) => k !== 'p'))).toEqual({ s: '123.95,47.34', sn: '第一中学', d: date, t: '07:30', l: '11:30,60', g: '45', r: '17:00' });
    const times = await stopTimes(page);
    expect(times).toHaveLength(4);
    expect(times[0]).toMatch(/^7:\d\d 到达/);
    const summary = await page.textContent('[data-plan-summary]');
    const ends = [await page.textContent('[data-plan-start]'), await page.textContent('[data-plan-end]')];
    expect(ends[0]).toContain('第一中学');
    expect(summary).toContain('午餐');
    expect(errors).toEqual([]);
    expect(context.cspViolations).toEqual([]);
    await close();

    // The link alone, in a new browser context (no tab memory): the same plan, the same times.
    const again = await open(`${link.pathname}${link.search}`);
    expect(await stopIds(again.page)).toEqual([LIESHI, XIMAN, DANGSHI, SHENGWEI]);
    expect(await stopTimes(again.page)).toEqual(times);
    expect(await again.page.textContent('[data-plan-summary]')).toBe(summary);
    expect([await again.page.textContent('[data-plan-start]'), await again.page.textContent('[data-plan-end]')]).toEqual(ends);
    expect(await again.page.inputValue('#plan-group')).toBe('45');
    expect(again.page.url()).toBe(link.href);
    await again.close();
  });
});

describe('warnings, each with its reason', () => {
  it('closed that day, after the last entry, booking and how far ahead, too late to book, over capacity, past the return time, a year the calendar lacks', async () => {
    const view = await published();
    const monday = await dayWhen(1, [LIESHI]);
    const wednesday = await dayWhen(3, [DANGSHI]);
    const check = async (query: string, code: string, pattern: RegExp) => {
      const { page, errors, close } = await open(`${urls.planner}?${query}`);
      const found = await warningText(page, code);
      expect(found, `${query}: ${code} in ${JSON.stringify(await codes(page))}`).toHaveLength(1);
      expect(found[0], query).toMatch(pattern);
      // The stop's own item carries it too, next to its times.
      if (code !== 'past-return' && code !== 'calendar-not-covered') expect(await page.locator(`ol[data-plan-stops] li [data-code="${code}"]`).count(), query).toBe(1);
      expect(errors).toEqual([]);
      await close();
    };
    await check(`p=${DANGSHI}&d=${monday}`, 'closed', /党史教育馆当天不开放：该馆每周一闭馆（开放时间：/);
    await check(`p=${DANGSHI}&d=${wednesday}&t=16:20`, 'after-last-entry', /预计 16:20 到达齐齐哈尔市党史教育馆，晚于最晚入馆时间 16:00（16:30 闭馆，闭馆前 30 分钟停止入馆）/);
    await check(`p=${DANGSHI}&d=${wednesday}&g=45`, 'booking', /团队 45 人，达到 20 人须预约，须提前 2 个工作日，最晚 \d{4}年\d{1,2}月\d{1,2}日（周.）预约。预约电话 0452-0000305/);
    await check(`p=${DANGSHI}&d=${wednesday}&g=250`, 'booking', /达到 200 人须预约，须提前 5 个工作日/);
    // Tomorrow, or the next day the venue opens, with three working days' notice: too late.
    const soon = [1, 2, 3, 4].map((n) => addDays(todayInShanghai(), n)).find((d) => view.calendar.covers(Number(d.slice(0, 4))))!;
    await check(`p=${LIESHI}&d=${soon}&g=45`, 'booking-too-late', /须提前 3 个工作日预约，最晚应在 .*今天（.*）已来不及/);
    await check(`p=${DANGSHI}&d=${wednesday}&g=400`, 'over-capacity', /团队 400 人，超过齐齐哈尔市党史教育馆单批接待上限 300 人：需分 2 批参观/);
    await check(`s=123.95,47.34&p=${LIESHI}&d=${wednesday}&r=08:30`, 'past-return', /晚于要求的 8:30（超出/);
    const year = Number(todayInShanghai().slice(0, 4)) + 5;
    await check(`p=${LIESHI}&d=${year}-06-16`, 'calendar-not-covered', new RegExp(`节假日安排只收录 .*不含 ${year} 年`));
  });

  it('without a date or a group size says what it cannot check', async () => {
    const { page, close } = await open(`${urls.planner}?p=${DANGSHI}`);
    expect(await codes(page)).toEqual(expect.arrayContaining(['no-date', 'booking-unknown-size']));
    expect((await warningText(page, 'booking-unknown-size'))[0]).toContain('20 人以上的团队须预约（提前 2 个工作日），200 人以上提前 5 个工作日；请填写团队人数');
    await close();
  });
});

describe('the printed itinerary', () => {
  it('one A4 page: title, summary, sketch with numbered stops, timetable with legs and booking phones, warnings, 安全须知, the link and its QR code', async () => {
    const date = await dayWhen(3, [LIESHI, DANGSHI, SHENGWEI, XIMAN]);
    const query = `s=123.95,47.34&sn=%E7%AC%AC%E4%B8%80%E4%B8%AD%E5%AD%A6&p=${LIESHI}:90,${DANGSHI},${SHENGWEI},${XIMAN}&d=${date}&t=07:30&l=11:30,60&g=45&r=17:00`;
    const { page, errors, close } = await open(`${urls.planner}?${query}`);
    // The QR code follows the link, drawn once the share section is in view (qrcode loads on use).
    await page.locator('#share-heading').scrollIntoViewIfNeeded();
    await page.waitForFunction((href) => document.querySelector<HTMLImageElement>('[data-print-qr] img')?.dataset['for'] === href, page.url());
    await page.emulateMedia({ media: 'print' });
    const print = page.locator('[data-plan-print]');
    expect(await print.isVisible()).toBe(true);
    for (const hidden of ['form[data-planner-form]', 'ol[data-plan-stops]', '[data-plan-map]', '.planner-sites']) expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    const text = (await print.innerText()).replace(/\s+/g, ' ');
    expect(await print.locator('[data-print-title]').textContent()).toMatch(/^第一中学研学行程 \d{4}年/);
    for (const needed of ['大巴（包车）', '7:30 出发', '午餐', '返回', '齐齐哈尔市烈士陵园', '齐齐哈尔市党史教育馆', '电话 0452-0000302', '电话 0452-0000305', '直线估算', '安全须知', '紧急电话：报警 110', '须提前 2 个工作日预约，最晚', '须提前 3 个工作日预约，最晚', '需要注意', '单批接待上限']) expect(text, needed).toContain(needed);
    expect(await print.locator('[data-print-link]').textContent()).toBe(page.url());
    expect(await print.locator('[data-print-qr] img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // The sketch: a marker per stop (numbered), one for the school (起), the line; rows: start, 4 stops, return.
    const labels = await print.locator('[data-print-sketch] svg g.marker text:first-of-type').allTextContents();
    expect(labels).toEqual(['起', '1', '2', '3', '4']);
    expect(await print.locator('[data-print-sketch] svg path').count()).toBe(1);
    expect(await print.locator('tbody[data-print-rows] tr').count()).toBe(6);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages, 'printed pages').toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('exports', () => {
  beforeAll(() => {
    // Like Chromium for the whole suite (scripts/lib/system-deps.ts): installed when it may be, else one line.
    if (GDAL.present()) return;
    if (!canInstall()) throw new Error('需要先安装：sudo apt-get install gdal-bin');
    ensurePackages([GDAL]);
  });

  async function downloads(page: Page): Promise<Record<'gpx' | 'kml' | 'geojson', string>> {
    const dir = mkdtempSync(path.join(tmpdir(), 'planner-export-'));
    dirs.push(dir);
    const out = {} as Record<'gpx' | 'kml' | 'geojson', string>;
    for (const ext of ['gpx', 'kml', 'geojson'] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="export-${ext}"]`)]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^研学行程-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));
      out[ext] = path.join(dir, `plan.${ext}`);
      await download.saveAs(out[ext]);
    }
    return out;
  }

  /** ogrinfo's listing of one layer, or of all of them. */
  const ogr = (file: string, layer?: string) => {
    const r = spawnSync('ogrinfo', layer ? ['-ro', '-q', file, layer] : ['-ro', '-al', '-q', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it('GPX and KML are read by GDAL’s ogrinfo and by @tmcw/togeojson: every point with its Chinese name and time, every leg', async () => {
    const date = await dayWhen(3, [LIESHI, DANGSHI, SHENGWEI]);
    const { page, errors, close } = await open(`${urls.planner}?s=123.95,47.34&sn=%E7%AC%AC%E4%B8%80%E4%B8%AD%E5%AD%A6%3C%26%3E&p=${LIESHI},${DANGSHI},${SHENGWEI}&d=${date}&t=07:30`);
    const files = await downloads(page);
    const firstArrival = (await stopTimes(page))[0]!.match(/^(\d{1,2}):(\d\d)/)!;
    // 7:43 in Asia/Shanghai is 23:43 the day before in UTC.
    const arrivalUtc = planInstant(date, Number(firstArrival[1]) * 60 + Number(firstArrival[2]));

    // GDAL: the GPX driver's layers (waypoints, routes, tracks), the names in UTF-8, the escaped start name.
    const layers = spawnSync('ogrinfo', ['-ro', '-q', files.gpx], { encoding: 'utf8' });
    expect(layers.status, layers.stderr).toBe(0);
    expect(layers.stdout).toMatch(/waypoints \(Point\)/);
    expect(layers.stdout).toMatch(/routes \(Line String\)/);
    expect(layers.stdout).toMatch(/tracks \(Multi Line String\)/);
    const wpts = ogr(files.gpx, 'waypoints');
    expect(wpts.match(/OGRFeature\(waypoints\)/g)).toHaveLength(5);
    for (const n of ['出发：第一中学<&>', '1. 齐齐哈尔市烈士陵园', '2. 齐齐哈尔市党史教育馆', '3. 中共嫩江省委旧址', '终点：第一中学<&>']) expect(wpts).toContain(n);
    expect(wpts).toContain(arrivalUtc.replace('T', ' ').replace('Z', '+00').replace(/-/g, '/'));
    expect(ogr(files.gpx, 'tracks')).toMatch(/MULTILINESTRING \(\(123\.95 47\.34/);

    const kml = ogr(files.kml);
    expect(kml.match(/OGRFeature\(/g)).toHaveLength(5 + 4); // points and legs
    expect(kml).toContain('1. 齐齐哈尔市烈士陵园');
    expect(kml).toMatch(/LINESTRING \(123\.95 47\.34/);

    // @tmcw/togeojson over @xmldom/xmldom: the same points, with their times.
    const parse = (f: string) => new DOMParser().parseFromString(readFileSync(f, 'utf8'), 'text/xml') as unknown as Document;
    const fromGpx = gpxToGeoJson(parse(files.gpx));
    const gpxPoints = fromGpx.features.filter((f) => f.geometry?.type === 'Point');
    expect(gpxPoints.map((f) => f.properties?.['name'])).toEqual(['出发：第一中学<&>', '1. 齐齐哈尔市烈士陵园', '2. 齐齐哈尔市党史教育馆', '3. 中共嫩江省委旧址', '终点：第一中学<&>']);
    expect(gpxPoints[1]!.properties?.['time']).toBe(arrivalUtc);
    const fromKml = kmlToGeoJson(parse(files.kml));
    expect(fromKml.features.filter((f) => f.geometry?.type === 'LineString')).toHaveLength(4);
    expect(fromKml.features.find((f) => f.properties?.['name'] === '1. 齐齐哈尔市烈士陵园')?.properties?.['timestamp']).toBe(arrivalUtc);

    const geojson = JSON.parse(readFileSync(files.geojson, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    expect(geojson.features.filter((f) => f.properties['kind'] === 'stop').map((f) => f.properties['siteId'])).toEqual([LIESHI, DANGSHI, SHENGWEI]);
    expect(geojson.features.filter((f) => f.properties['kind'] === 'leg').every((f) => f.properties['source'] === 'estimate' && f.properties['label'] === '直线估算')).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a link that does not fit', () => {
  it('loads what it can and says what it dropped: unknown ids, more than 20 stops, malformed times and dates', async () => {
    const view = await published();
    const ids = view.redSites.map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(23);
    const stops = ['no-such-site', ...ids.slice(0, 22), 'BAD_ID', ids[0]!].join(',');
    const { page, errors, close } = await open(`${urls.planner}?p=${stops}&t=25:00&d=2026-02-30&r=7.30&g=0&m=car&l=11:30&utm_source=wechat`);
    const message = await page.textContent('[data-planner-messages] [data-url-warnings]');
    expect(message).toMatch(/^链接中有 \d+ 处问题，其余内容已载入：/);
    for (const said of ['“no-such-site” 不在红色资源名录中', '“BAD_ID” 的写法无效', '重复出现', '行程最多 20 个地点，已舍去其后的 2 个', `“${ids[20]}”`, `“${ids[21]}”`, '出发时间 “25:00” 无效', '日期 “2026-02-30” 无效', '返回时间 “7.30” 无效', '人数 “0” 无效', '交通方式 “car” 无效', '午餐 “11:30” 无效'])
      expect(message, said).toContain(said);
    expect(await stopIds(page)).toEqual(ids.slice(0, 20));
    // The link now says what was loaded, and nothing else.
    const link = new URL(page.url());
    expect([...link.searchParams.keys()]).toEqual(['p']);
    expect(link.searchParams.get('p')).toBe(ids.slice(0, 20).join(','));
    expect(await page.inputValue('#plan-time')).toBe('08:00');
    expect(errors).toEqual([]);
    await close();
  });

  it('a name with markup is text', async () => {
    const { page, errors, close } = await open(`${urls.planner}?s=123.95,47.34&sn=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&p=${LIESHI}`);
    expect(await page.textContent('[data-plan-start]')).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-plan-start] img').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('reordering by drag and drop, optimise order', () => {
  it('drags a stop onto another; optimise shortens the day and Back restores the order', async () => {
    // Tall enough for both stops to be on screen: a drag does not scroll the page.
    const { page, errors, close } = await open(`${urls.planner}?s=123.95,47.34&p=${XIMAN},${DANGSHI},${LIESHI},${SHENGWEI}`, { viewport: { width: 1280, height: 2400 } });
    // From the stop's handle to the top edge of the first stop: dropped before it.
    await page.dragAndDrop(`ol[data-plan-stops] > li[data-site="${SHENGWEI}"]`, `ol[data-plan-stops] > li[data-site="${XIMAN}"]`, { sourcePosition: { x: 12, y: 14 }, targetPosition: { x: 40, y: 4 } });
    await ready(page);
    expect(await stopIds(page)).toEqual([SHENGWEI, XIMAN, DANGSHI, LIESHI]);
    expect(await announced(page)).toContain('移到第 1 位');
    const before = page.url();
    await page.click('[data-action="optimise"]');
    await ready(page);
    expect(await announced(page)).toMatch(/^已优化顺序：直线距离由 [\d.]+ 公里缩短为 [\d.]+ 公里/);
    expect(page.url()).not.toBe(before);
    await page.goBack();
    await ready(page);
    expect(page.url()).toBe(before);
    expect(await stopIds(page)).toEqual([SHENGWEI, XIMAN, DANGSHI, LIESHI]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('the map', () => {
  it('picks the school by keyboard under the crosshair, and adds the site selected on the map', async () => {
    const { page, errors, close } = await open(`${urls.planner}?p=${LIESHI}`);
    expect(await mapReady(page)).toBe('true');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-plan-map]')?.dataset['planMapReady'] === 'true');
    await page.click('[data-action="pick-start"]');
    expect(await page.getAttribute('[data-plan-map]', 'data-pick-point')).toBe('start');
    await page.locator('[data-plan-map] .map-canvas').focus();
    await page.keyboard.press('Enter');
    await ready(page);
    expect(await page.getAttribute('[data-plan-map]', 'data-pick-point')).toBeNull();
    expect(new URL(page.url()).searchParams.get('s')).toMatch(/^12[2-6]\.\d+,4[5-8]\.\d+$/);
    expect(await page.textContent('[data-plan-start]')).toContain('东经');
    // The overlay the map draws: the start, the stop, the legs there and back.
    const overlay = JSON.parse((await page.getAttribute('[data-plan-map]', 'data-plan-overlay'))!) as { legs: unknown[]; points: { label: string }[] };
    expect(overlay.points.map((p) => p.label)).toEqual(['起', '1']);
    expect(overlay.legs).toHaveLength(2);

    // ] selects the first site in view; the box below the map offers it.
    await page.locator('[data-plan-map] .map-canvas').focus();
    await page.keyboard.press(']');
    await page.waitForFunction(() => !!document.querySelector('[data-map-selected] button[data-map-add]'));
    const id = (await page.getAttribute('[data-map-selected] button[data-map-add]', 'data-map-add'))!;
    const wasIn = (await stopIds(page)).includes(id);
    await page.click('[data-map-selected] button[data-map-add]');
    await ready(page);
    expect((await stopIds(page)).includes(id)).toBe(!wasIn);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('road legs', () => {
  it('uses the routing route’s road distances where it answers, labelled 道路距离（天地图）, and estimates the rest', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // The server's own route is stubbed: the browser test never reaches Tianditu, nor needs a key.
    await page.route(`**${ROUTE_PATH}?*`, (route) => {
      const points = new URL(route.request().url()).searchParams.get('p')!.split(';');
      const legs = points.slice(1).map((_, i) => (i === 0 ? { ok: true, distanceM: 2345, durationS: 400, line: [points[0]!.split(',').map(Number), points[1]!.split(',').map(Number)] } : { ok: false, reason: '天地图：上游服务返回 429' }));
      return route.fulfill({ json: { routing: 'tianditu', legs } });
    });
    await page.goto(at(`${urls.planner}?s=123.95,47.34&p=${LIESHI},${DANGSHI}`));
    await page.waitForFunction(() => document.querySelector('ol[data-plan-stops] .plan-leg')?.textContent?.includes('道路距离'));
    await ready(page);
    const legs = await page.$$eval('ol[data-plan-stops] > li .plan-leg', (ps) => ps.map((p) => p.textContent));
    expect(legs[0]).toMatch(/^从出发地前往：2\.3 公里，约 \d+ 分钟，道路距离（天地图）$/);
    expect(legs[1]).toMatch(/直线估算$/);
    expect((await warningText(page, 'estimated-legs'))[0]).toContain('2 段路程为直线估算');
    expect((await warningText(page, 'estimated-legs'))[0]).toContain('天地图：上游服务返回 429');
    await context.close();
  });
});

describe('a site page’s 加入研学计划 after a plan in the same tab', () => {
  it('offers the earlier plan with the site added, and merges only when asked', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(at(`${urls.planner}?s=123.95,47.34&sn=%E7%AC%AC%E4%B8%80%E4%B8%AD%E5%AD%A6&p=${LIESHI},${DANGSHI}&g=45`));
    await ready(page);
    const view = await published();
    const site = view.redSites.find((s) => s.id === XIMAN)!;
    await page.goto(at(urls.redSite(site)));
    await page.click(`a[href="${urls.plannerWithSite(site)}"]`);
    await ready(page);
    expect(await stopIds(page)).toEqual([XIMAN]);
    const offer = page.locator('[data-merge-offer]');
    expect(await offer.textContent()).toContain(`要把“${site.name}”加到那份行程的后面吗`);
    await offer.getByRole('button', { name: /加入之前的行程/ }).click();
    await ready(page);
    expect(await stopIds(page)).toEqual([LIESHI, DANGSHI, XIMAN]);
    expect(new URL(page.url()).searchParams.get('g')).toBe('45');
    await context.close();
  });

  it('a route page’s 以此线路为起点 opens its stops, mode and start time', async () => {
    const view = await published();
    const route = view.redRoutes.find((r) => r.mode === '公交')!;
    const { page, close } = await open(urls.redRoute(route));
    await page.getByRole('link', { name: '以此线路为起点' }).click();
    await ready(page);
    expect(await stopIds(page)).toEqual(route.stops.map((s) => s.site));
    expect(new URL(page.url()).searchParams.get('m')).toBe('transit');
    expect(await page.inputValue('#plan-time')).toBe(route.startTime);
    await close();
  });
});

describe('accessibility', () => {
  async function violations(page: Page) {
    await injectAxe(page, axe.source);
    return page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 120)}`) }));
    });
  }

  it('axe: no violations with a plan, warnings, the map loaded and a pick under way; none in the elderly mode either', async () => {
    const date = await dayWhen(1, [LIESHI]);
    const { page, errors, close, context } = await open(`${urls.planner}?s=123.95,47.34&p=${LIESHI},${DANGSHI},no-such-site&d=${date}&g=400&l=11:30,60`);
    await mapReady(page);
    await page.click('[data-action="pick-start"]');
    await page.fill('#start-q', '烈士');
    await page.click('[data-action="start-search"]');
    await page.waitForFunction(() => !document.querySelector('[data-start-results]')?.hasAttribute('hidden'));
    expect(await violations(page)).toEqual([]);
    await page.click('[data-elderly-toggle]');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(context.cspViolations).toEqual([]);
    await close();
  });

  it('without JavaScript every site is listed with its hours and booking; the planner’s controls stay hidden', async () => {
    const view = await published();
    const { page, close } = await (async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const p = await context.newPage();
      await p.goto(at(urls.planner));
      return { page: p, close: () => context.close() };
    })();
    expect(await page.locator('.planner-sites li[data-site-id]').count()).toBe(view.redSites.length);
    expect(await page.locator('form[data-planner-form]').isVisible()).toBe(false);
    expect(await page.locator('button[data-add-site]:visible').count()).toBe(0);
    await close();
  });
});
