/**
 * Every published record's .json/.geojson twin comes from one list
 * (src/data/record-twins.ts), written by the build itself with its
 * compressed twins (src/integrations/record-twins-writer.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { recordTwins, twinBytes } from '../../../src/data/record-twins.ts';
import { dataFiles, writeRecordTwins } from '../../../src/integrations/record-twins-writer.ts';
import { writeWithTwins } from '../../../src/server/static-files.ts';
import { twinUrl, urls } from '../../../src/lib/urls.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('record twins', () => {
  it('gives every published record a .json twin naming its page, and a .geojson twin where it has a place', async () => {
    const view = await getPublishedView();
    const twins = new Map([...recordTwins(view)].map((t) => [t.path, t]));
    const pages = [...view.notices.map(urls.notice), ...view.enforcement.map(urls.enforcementRecord), ...view.redSites.map(urls.redSite), ...view.redRoutes.map(urls.redRoute), ...view.landPriceZones.map(urls.landPriceZone), ...view.zoningZones.map(urls.zoningZone), ...view.parcels.map(urls.parcel)];
    expect(twins.size).toBeGreaterThan(pages.length);
    for (const page of pages) expect(twins.get(twinUrl(page))?.type, page).toBe('application/json');
    const notice = view.notices.find((n) => n.geometry)!;
    const body = JSON.parse(twinBytes(twins.get(twinUrl(urls.notice(notice)))!).toString('utf8')) as { id: string; url: string };
    expect(body).toMatchObject({ id: notice.id, url: urls.notice(notice) });
    const feature = JSON.parse(twinBytes(twins.get(twinUrl(urls.notice(notice), 'geojson'))!).toString('utf8')) as { type: string };
    expect(feature.type).toBe('Feature');
  });
  it('gives a withdrawn record no twin (its URLs answer 410), and a record without a place no .geojson', async () => {
    const view = await getPublishedView();
    const paths = new Set([...recordTwins(view)].map((t) => t.path));
    expect(view.gone.length).toBeGreaterThan(0);
    for (const g of view.gone) for (const p of g.json) expect(paths.has(p), p).toBe(false);
    const placeless = view.notices.find((n) => !view.placeOf(n));
    expect(placeless, 'a notice nothing locates').toBeDefined();
    expect(paths.has(twinUrl(urls.notice(placeless!), 'geojson'))).toBe(false);
    // One whose parcel another record outlines has one (PublishedView.placeOf).
    const borrowing = view.notices.find((n) => view.placeOf(n)?.from.length);
    expect(borrowing).toBeDefined();
    expect(paths.has(twinUrl(urls.notice(borrowing!), 'geojson'))).toBe(true);
  });
  it('writes each twin as it is (no compressed copies: programs fetch them, nginx gzips on the fly) and returns their manifest entries', async () => {
    const view = await getPublishedView();
    const dir = mkdtempSync(path.join(tmpdir(), 'record-twins-'));
    dirs.push(dir);
    const { files: done, recordPages } = await writeRecordTwins(view, dir);
    expect(recordPages.has(`${urls.notice(view.notices[0]!).slice(1)}index.html`), 'a record page, compressed as such').toBe(true);
    expect([...recordPages].some((p) => p.startsWith('geo/')), 'the map collections are no record pages').toBe(false);
    expect(done.size).toBe([...dataFiles(view)].length);
    expect(done.get('/geo/notices-land.geojson')?.br, 'a map collection, compressed hardest').toBeGreaterThan(0);
    const [key, entry] = [...done].find(([k]) => k.endsWith('.json'))!;
    const raw = readFileSync(path.join(dir, key));
    expect(entry).toMatchObject({ size: raw.length, type: 'application/json; charset=utf-8' });
    expect(entry.br ?? entry.gzip).toBeUndefined();
    expect(existsSync(`${path.join(dir, key)}.gz`)).toBe(false);
  });
});

describe('compression by class (src/server/static-files.ts)', () => {
  const page = Buffer.from('<!doctype html><title>示例</title>' + '<p>公示公告 批前公示 出让公告</p>'.repeat(200), 'utf8');
  it('gives a list page brotli and gzip, a record page gzip only, a shared asset the smallest brotli', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twins-class-'));
    dirs.push(dir);
    const list = await writeWithTwins(dir, 'list.html', page, true, 'page');
    const record = await writeWithTwins(dir, 'record.html', page, true, 'record');
    const shared = await writeWithTwins(dir, 'shared.html', page, true, 'shared');
    expect(list.entry.br).toBeGreaterThan(0);
    expect(list.entry.gzip).toBeGreaterThan(0);
    expect(record.entry.br).toBeUndefined();
    expect(gunzipSync(readFileSync(path.join(dir, 'record.html.gz'))).equals(page)).toBe(true);
    expect(brotliDecompressSync(readFileSync(path.join(dir, 'shared.html.br'))).equals(page)).toBe(true);
    expect(shared.entry.br!).toBeLessThanOrEqual(list.entry.br!);
  });
  it('writes no twin for class none, nor for a file too small to gain', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twins-class-'));
    dirs.push(dir);
    expect((await writeWithTwins(dir, 'a.json', page, true, 'none')).twins).toBe(0);
    expect((await writeWithTwins(dir, 'b.html', Buffer.from('<p>短</p>'), true, 'page')).twins).toBe(0);
    expect(existsSync(path.join(dir, 'a.json.gz'))).toBe(false);
  });
});
