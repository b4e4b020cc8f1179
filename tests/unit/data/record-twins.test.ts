/**
 * Every published record's .json/.geojson twin comes from one list
 * (src/data/record-twins.ts), written by the build itself with its
 * compressed twins (src/integrations/record-twins-writer.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { recordTwins, twinBytes } from '../../../src/data/record-twins.ts';
import { writeRecordTwins } from '../../../src/integrations/record-twins-writer.ts';
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
    const placeless = view.notices.find((n) => !n.geometry);
    if (placeless) expect(paths.has(twinUrl(urls.notice(placeless), 'geojson'))).toBe(false);
  });
  it('writes each twin with brotli and gzip copies that decode to the same bytes, and returns their manifest entries', async () => {
    const view = await getPublishedView();
    const dir = mkdtempSync(path.join(tmpdir(), 'record-twins-'));
    dirs.push(dir);
    const done = await writeRecordTwins(view, dir);
    expect(done.size).toBe([...recordTwins(view)].length);
    const [key, entry] = [...done].find(([k, e]) => k.endsWith('.json') && e.br !== undefined)!;
    const raw = readFileSync(path.join(dir, key));
    expect(entry.size).toBe(raw.length);
    expect(entry.type).toBe('application/json; charset=utf-8');
    expect(brotliDecompressSync(readFileSync(`${path.join(dir, key)}.br`)).equals(raw)).toBe(true);
    expect(gunzipSync(readFileSync(`${path.join(dir, key)}.gz`)).equals(raw)).toBe(true);
  });
});
