import { describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../../src/data/load.ts';
import { mapCollections } from '../../../src/lib/collections.ts';
import { sitePages } from '../../../src/lib/site-pages.ts';
import { goneRecords } from '../../../src/integrations/geoportal.ts';
import { urls } from '../../../src/lib/urls.ts';
import { noticeGeometry } from '../../../src/lib/geojson.ts';

async function fixture(): Promise<Dataset> {
  const { dataset, issues } = await loadDataset('tests/fixtures/minimal');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return dataset!;
}

/** The fixture with its first notice withdrawn. */
function withWithdrawn(d: Dataset): Dataset {
  const [first, ...rest] = d.notices;
  return { ...d, notices: [{ ...first!, status: { state: 'withdrawn', date: '2026-11-20', reason: '方案调整，撤回公示' } }, ...rest] };
}

describe('map collections', () => {
  it('publishes every located record with a link to its page', async () => {
    const d = await fixture();
    const byName = Object.fromEntries(mapCollections(d).map((c) => [c.name, c]));
    expect(byName['red-sites']!.features).toHaveLength(d.redSites.length);
    expect(byName['districts']!.features).toHaveLength(d.boundaries.features.length);
    const noticeFeatures = ['planning', 'land', 'mining', 'surveying'].flatMap((k) => byName[`notices-${k}`]!.features);
    expect(noticeFeatures.map((f) => f.properties['url']).sort()).toEqual(
      d.notices.filter((n) => noticeGeometry(n)).map((n) => urls.notice(n)).sort(),
    );
  });
  it('leaves withdrawn notices off the map', async () => {
    const d = withWithdrawn(await fixture());
    const ids = mapCollections(d).flatMap((c) => c.features.map((f) => f.id));
    expect(ids).not.toContain(d.notices[0]!.id);
  });
});

describe('site pages and withdrawn records', () => {
  it('lists every record page once in the sitemap', async () => {
    const d = await fixture();
    const paths = sitePages(d).map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const n of d.notices) expect(paths).toContain(urls.notice(n));
    for (const s of d.redSites) expect(paths).toContain(urls.redSite(s));
    for (const r of d.enforcement.filter((e) => e.status.state !== 'withdrawn')) expect(paths).toContain(urls.enforcementRecord(r));
  });
  it('moves a withdrawn notice from the sitemap to the 410 list with its reason', async () => {
    const d = withWithdrawn(await fixture());
    const withdrawn = d.notices[0]!;
    expect(sitePages(d).map((p) => p.path)).not.toContain(urls.notice(withdrawn));
    const gone = goneRecords(d);
    expect(gone).toContainEqual(expect.objectContaining({ page: urls.notice(withdrawn), reason: '方案调整，撤回公示' }));
    expect(gone.find((g) => g.page === urls.notice(withdrawn))!.json).toContain(`/notices/${withdrawn.kind}/${withdrawn.id}.json`);
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
  it('is undefined for a notice with no location at all', async () => {
    const d = await fixture();
    const surveying = d.notices.find((n) => n.kind === 'surveying')!;
    expect(noticeGeometry({ ...surveying, geometry: undefined })).toBeUndefined();
  });
});
