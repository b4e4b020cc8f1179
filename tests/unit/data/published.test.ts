/**
 * The published view: one place decides what is public, what is gone (410)
 * and why, the sitemap and each record's status rule; the map collections
 * and search documents read it.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../../src/data/load.ts';
import { publishedView } from '../../../src/data/published.ts';
import { getPublishedView, loadPublishedView } from '../../../src/data/index.ts';
import { mapCollections } from '../../../src/lib/collections.ts';
import { urls } from '../../../src/lib/urls.ts';
import { noticeGeometry } from '../../../src/lib/geojson.ts';
import { searchDocuments } from '../../../src/search/documents.ts';

const FIXTURE = 'tests/fixtures/minimal';

async function fixture(): Promise<Dataset> {
  const { dataset, issues } = await loadDataset(FIXTURE);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return dataset!;
}

/** The fixture with its first notice withdrawn and its second superseded by the third. */
function withStates(d: Dataset): Dataset {
  const [first, second, third, ...rest] = d.notices;
  return {
    ...d,
    notices: [
      { ...first!, status: { state: 'withdrawn', date: '2026-11-20', reason: '方案调整，撤回公示' } },
      { ...second!, related: [first!.id, third!.id], status: { state: 'superseded', date: '2026-11-21', reason: '更正面积', supersededBy: third!.id } },
      third!,
      ...rest,
    ],
  };
}

describe('what is published', () => {
  it('publishes every valid record of every collection, notices also per kind', async () => {
    const d = await fixture();
    const v = publishedView(d);
    expect(v.notices).toEqual(d.notices);
    expect(v.enforcement).toEqual(d.enforcement);
    expect(v.redSites).toEqual(d.redSites);
    expect(v.gone).toEqual([]);
    for (const kind of ['planning', 'land', 'mining', 'surveying'] as const) expect(v.noticesByKind[kind].map((n) => n.kind).every((k) => k === kind)).toBe(true);
    expect(Object.values(v.noticesByKind).flat()).toHaveLength(d.notices.length);
  });
  it('leaves a withdrawn notice out of every list, the map and search, and lists it as gone with its reason', async () => {
    const d = withStates(await fixture());
    const withdrawn = d.notices[0]!;
    const v = publishedView(d);
    expect(v.notices).not.toContainEqual(withdrawn);
    expect(v.noticesByKind[withdrawn.kind]).not.toContainEqual(withdrawn);
    expect(mapCollections(v).flatMap((c) => c.features.map((f) => f.id))).not.toContain(withdrawn.id);
    expect(searchDocuments(v).map((s) => s.url)).not.toContain(urls.notice(withdrawn));
    const gone = v.gone.find((g) => g.page === urls.notice(withdrawn));
    expect(gone).toMatchObject({ column: 'notices', reason: '方案调整，撤回公示', date: '2026-11-20', title: withdrawn.title });
    expect(gone!.json).toEqual([`/notices/${withdrawn.kind}/${withdrawn.id}.json`, `/notices/${withdrawn.kind}/${withdrawn.id}.geojson`]);
  });
  it('keeps a superseded notice, marked, with when, why and its published replacement', async () => {
    const d = withStates(await fixture());
    const [, superseded, replacement] = d.notices;
    const v = publishedView(d);
    expect(v.notices).toContainEqual(superseded);
    expect(v.statusRule(superseded!).superseded).toBe(true);
    expect(v.supersession(superseded!)).toEqual({ date: '2026-11-21', reason: '更正面积', replacement });
    expect(v.supersession(replacement!)).toBeUndefined();
  });
  it('links related notices only when they are published', async () => {
    const d = withStates(await fixture());
    const [, superseded, third] = d.notices;
    expect(publishedView(d).relatedOf(superseded!)).toEqual([third]);
  });
  it('finds published records by collection, kind and id, and not a withdrawn one', async () => {
    const d = withStates(await fixture());
    const v = publishedView(d);
    const [withdrawn, superseded] = d.notices;
    expect(v.notice(superseded!.kind, superseded!.id)).toBe(superseded);
    expect(v.notice(withdrawn!.kind, withdrawn!.id)).toBeUndefined();
    expect(v.notice(superseded!.kind === 'land' ? 'mining' : 'land', superseded!.id)).toBeUndefined();
    expect(v.enforcementRecord(d.enforcement[0]!.id)).toBe(d.enforcement[0]);
    expect(v.redSite(d.redSites[0]!.id)).toBe(d.redSites[0]);
    expect(v.redRoute(d.redRoutes[0]!.id)).toBe(d.redRoutes[0]);
    expect(v.redSite('no-such-site')).toBeUndefined();
  });
  it('refuses the status rule of a record it did not publish', async () => {
    const d = withStates(await fixture());
    expect(() => publishedView(d).statusRule(d.notices[0]!)).toThrow(/不是已发布的记录/);
  });
});

describe('status rules', () => {
  it('read a notice against its 公示期 and an enforcement record against its 公示截止期', async () => {
    const d = await fixture();
    const v = publishedView(d);
    for (const n of v.notices) expect(v.statusRule(n)).toEqual({ superseded: false, ...(n.period ? { period: { start: n.period.start, end: n.period.end } } : {}) });
    for (const r of v.enforcement)
      expect(v.statusRule(r)).toEqual({ superseded: false, ...(r.displayUntil ? { period: { start: r.publishDate.slice(0, 10), end: r.displayUntil } } : {}) });
  });
});

describe('the sitemap', () => {
  it('lists every published record page once', async () => {
    const v = publishedView(await fixture());
    const paths = v.sitemap.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const n of v.notices) expect(paths).toContain(urls.notice(n));
    for (const s of v.redSites) expect(paths).toContain(urls.redSite(s));
    for (const r of v.enforcement) expect(paths).toContain(urls.enforcementRecord(r));
  });
  it('drops a withdrawn notice from the sitemap', async () => {
    const d = withStates(await fixture());
    expect(publishedView(d).sitemap.map((p) => p.path)).not.toContain(urls.notice(d.notices[0]!));
  });
});

describe('loaded once', () => {
  it('gives every caller in the process the same view of a data directory', async () => {
    const a = await getPublishedView(FIXTURE);
    const b = await getPublishedView(FIXTURE);
    expect(a).toBe(b);
    expect((await loadPublishedView(FIXTURE)).view).toBe(a);
  });
  it('throws with every error when the data does not validate', async () => {
    await expect(getPublishedView('tests/fixtures/does-not-exist')).rejects.toThrow(/数据校验未通过/);
  });
});

describe('map collections', () => {
  it('publishes every located record with a link to its page', async () => {
    const v = publishedView(await fixture());
    const byName = Object.fromEntries(mapCollections(v).map((c) => [c.name, c]));
    expect(byName['red-sites']!.features).toHaveLength(v.redSites.length);
    expect(byName['districts']!.features).toHaveLength(v.boundaries.features.length);
    const noticeFeatures = ['planning', 'land', 'mining', 'surveying'].flatMap((k) => byName[`notices-${k}`]!.features);
    expect(noticeFeatures.map((f) => f.properties['url']).sort()).toEqual(v.notices.filter((n) => v.placeOf(n)).map((n) => urls.notice(n)).sort());
    // The map page lists a layer's newest features and links the rest to the layer's column list.
    expect(byName['notices-land']!.listUrl).toBe(urls.noticeKind('land'));
    expect(byName['red-sites']!.listUrl).toBe(urls.red);
    expect(byName['enforcement']!.listUrl).toBe(urls.enforcementDecisions);
  });
});

describe('notice geometry', () => {
  it('falls back to the parcels of a land notice without its own geometry', async () => {
    const d = await fixture();
    const land = d.notices.find((n) => n.kind === 'land' && n.parcels.some((p) => p.geometry));
    expect(land).toBeDefined();
    const g = noticeGeometry({ ...land!, geometry: undefined });
    expect(g?.type).toBe('MultiPolygon');
  });
  it('borrows the outline other records give its parcel (一码管地) when a notice has none, and says so', async () => {
    const v = await getPublishedView('data');
    const borrowing = v.notices.filter((n) => !noticeGeometry(n) && v.parcelsOf(n).some((t) => t.geometry));
    expect(borrowing.length, 'a 供地结果 without an outline in the sample data').toBeGreaterThan(0);
    for (const n of borrowing) {
      const place = v.placeOf(n)!;
      expect(place.from.length, n.id).toBeGreaterThan(0);
      expect(place.geometry.type).toBe('Polygon');
      expect(place.geometry).toEqual(place.from[0]!.geometry);
      const feature = v.noticeFeatureOf(n)!;
      expect(feature.properties).toMatchObject({ outline: 'parcel', url: urls.notice(n) });
      // One feature per notice: the map layer and the .geojson twin are the same object.
      expect(v.noticeFeatureOf(n)).toBe(feature);
    }
    // A notice with its own outline keeps it and borrows nothing.
    const own = v.notices.find((n) => noticeGeometry(n))!;
    expect(v.placeOf(own)).toEqual({ geometry: noticeGeometry(own), from: [] });
    expect(v.noticeFeatureOf(own)!.properties['outline']).toBeUndefined();
  });
  it('has no place, and no feature, for a notice nothing locates', async () => {
    const v = await getPublishedView('data');
    const nowhere = v.notices.filter((n) => !noticeGeometry(n) && !v.parcelsOf(n).some((t) => t.geometry));
    expect(nowhere.length).toBeGreaterThan(0);
    for (const n of nowhere) {
      expect(v.placeOf(n), n.id).toBeUndefined();
      expect(v.noticeFeatureOf(n)).toBeUndefined();
    }
  });
  it('is undefined for a notice with no location at all', async () => {
    const d = await fixture();
    const surveying = d.notices.find((n) => n.kind === 'surveying')!;
    expect(noticeGeometry({ ...surveying, geometry: undefined })).toBeUndefined();
  });
});

describe('控规 zones and their 批前公示, both ways', () => {
  it('a 批前公示 names the zones that cite it; a notice no zone cites names none', async () => {
    const v = await getPublishedView();
    const zone = v.zoningZones.find((z) => z.preApprovalNotices.length > 0)!;
    const notice = v.preApprovalNoticesOf(zone)[0]!;
    expect(v.zonesOf(notice).map((z) => z.id)).toContain(zone.id);
    const cited = new Set(v.zoningZones.flatMap((z) => z.preApprovalNotices));
    const uncited = v.notices.find((n) => !cited.has(n.id))!;
    expect(v.zonesOf(uncited)).toEqual([]);
  });
});
