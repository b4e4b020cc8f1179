import { describe, expect, it } from 'vitest';
import {
  boundaryCollection,
  DistrictLocator,
  enforcementSchema,
  noticeSchema,
  redRouteSchema,
  redSiteSchema,
  siteSchema,
  validateDataset,
  verticesOf,
  type DataIssue,
  type DatasetInput,
} from '../../../src/schema/index.ts';
import { FILES, fixture } from './helpers.ts';

const boundaries = boundaryCollection.parse(fixture(FILES.boundaries));

/** Raw (unparsed) fixture records, one mutable copy per test. */
function raw() {
  return {
    redSites: [fixture(FILES.redSite), fixture(FILES.redSite2)],
    redRoutes: [fixture(FILES.redRoute)],
    notices: [fixture(FILES.planning), fixture(FILES.land), fixture(FILES.mining), fixture(FILES.surveying)],
    enforcement: [fixture(FILES.penalty), fixture(FILES.inspectionList)],
  };
}
type Raw = ReturnType<typeof raw>;

/** Parses raw records with their schemas and runs the cross-record checks. */
function check(edit?: (r: Raw) => void): DataIssue[] {
  const r = raw();
  edit?.(r);
  const entries = <T>(parse: (v: unknown) => T, list: unknown[], dir: string) =>
    list.map((v, i) => ({ file: `${dir}/${i}.yaml`, record: parse(v) }));
  const input: DatasetInput = {
    site: { file: 'site.yaml', record: siteSchema.parse(fixture(FILES.site)) },
    boundaries: { file: 'boundaries/districts.geojson', record: boundaries },
    redSites: entries((v) => redSiteSchema.parse(v), r.redSites, 'red/sites'),
    redRoutes: entries((v) => redRouteSchema.parse(v), r.redRoutes, 'red/routes'),
    notices: entries((v) => noticeSchema.parse(v), r.notices, 'notices'),
    enforcement: entries((v) => enforcementSchema.parse(v), r.enforcement, 'enforcement'),
  };
  return validateDataset(input);
}

const only = (issues: DataIssue[]) => {
  expect(issues).toHaveLength(1);
  return issues[0]!;
};

describe('DistrictLocator', () => {
  const locator = new DistrictLocator(boundaries);
  it('finds the district of each label point', () => {
    for (const f of boundaries.features) expect(locator.locate(f.properties.labelPoint, f.properties.name)).toBe(f.properties.name);
  });
  it('finds nothing in 北京 or at GCJ-02/WGS84 swapped coordinates', () => {
    expect(locator.locate([116.397, 39.909])).toBeUndefined();
    expect(locator.locate([47.315233, 123.950929])).toBeUndefined();
  });
});

describe('verticesOf', () => {
  it('flattens every geometry type to [lon, lat] pairs, dropping altitude', () => {
    expect(verticesOf({ type: 'Point', coordinates: [1, 2, 3] })).toEqual([[1, 2]]);
    expect(verticesOf({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] })).toHaveLength(4);
  });
});

describe('validateDataset', () => {
  it('finds nothing wrong with the fixture', () => {
    expect(check()).toEqual([]);
  });
  it('reports an unknown district', () => {
    const i = only(check((r) => (r.redSites[0].district = '龙沙县')));
    expect(i).toMatchObject({ file: 'red/sites/0.yaml', field: 'district', severity: 'error' });
    expect(i.reason).toMatch(/未知的行政区“龙沙县”/);
  });
  it('accepts 全市 as a district', () => {
    expect(check((r) => (r.notices[2].district = '全市'))).toEqual([]);
  });
  it('reports a geometry outside the city, naming the vertex', () => {
    const i = only(check((r) => (r.enforcement[0].location.coordinates = [116.397, 39.909])));
    expect(i).toMatchObject({ file: 'enforcement/0.yaml', field: 'location', severity: 'error' });
    expect(i.reason).toMatch(/齐齐哈尔市范围之外.*第 1 个坐标 \[116.397, 39.909\]/);
  });
  it('warns when a geometry lies in another district of the city', () => {
    // 龙沙区's label point, on a record filed under 建华区.
    const i = only(check((r) => (r.notices[0].geometry.coordinates = [123.950929, 47.315233])));
    expect(i).toMatchObject({ file: 'notices/0.yaml', field: 'geometry', severity: 'warning' });
    expect(i.reason).toMatch(/不在所填行政区“建华区”内/);
  });
  it('reports a parcel outside the city on its own field', () => {
    const i = only(check((r) => (r.notices[1].parcels[0].geometry.coordinates = [[[0, 0], [1, 0], [1, 1], [0, 0]]])));
    expect(i).toMatchObject({ field: 'parcels[0].geometry', severity: 'error' });
  });
  it('reports a route stop that is not a registered site and a repeated stop', () => {
    const i = only(check((r) => (r.redRoutes[0].stops[1].site = 'no-such-site')));
    expect(i).toMatchObject({ file: 'red/routes/0.yaml', field: 'stops[1].site' });
    expect(i.reason).toMatch(/“no-such-site”不是已登记的红色资源点/);
    const j = only(check((r) => (r.redRoutes[0].stops[1].site = 'longsha-memorial')));
    expect(j).toMatchObject({ field: 'stops', reason: '同一站点在线路中出现了两次' });
  });
  it('reports a duplicate id within a collection, on the second file', () => {
    const i = only(check((r) => (r.enforcement[1].id = r.enforcement[0].id)));
    expect(i).toMatchObject({ file: 'enforcement/1.yaml', field: 'id' });
    expect(i.reason).toMatch(/id“2026-penalty-01”重复，已在 enforcement\/0.yaml 中使用/);
  });
  it('allows the same id in different collections', () => {
    expect(check((r) => (r.enforcement[0].id = r.notices[0].id))).toEqual([]);
  });
  it('reports a 文号 shared by a notice and an enforcement record, ignoring width and spaces', () => {
    const i = only(check((r) => (r.enforcement[0].docNo = ' 齐自然资规公〔２０２６〕15号')));
    expect(i).toMatchObject({ file: 'enforcement/0.yaml', field: 'docNo' });
    expect(i.reason).toMatch(/文号.*重复，已在 notices\/0.yaml 中使用/);
  });
  it('checks the stated length of a period against the working-day calendar', () => {
    const i = only(check((r) => (r.notices[0].period.days = 7)));
    expect(i).toMatchObject({ field: 'period.days' });
    expect(i.reason).toMatch(/写明 7 个工作日.*实际为 10 个/);
  });
  it('reports a period starting before publication', () => {
    const i = only(check((r) => (r.notices[0].period = { start: '2026-11-01', end: '2026-11-13' })));
    expect(i).toMatchObject({ field: 'period.start' });
  });
  it('reports an 报名截止 after the listing end and warns on a listing within 20 days', () => {
    const i = only(check((r) => (r.notices[1].listing.applyDeadline = '2026-11-21 16:00')));
    expect(i).toMatchObject({ field: 'listing.applyDeadline', severity: 'error' });
    const w = only(check((r) => Object.assign(r.notices[1], { publishDate: '2026-10-25', period: undefined })));
    expect(w).toMatchObject({ field: 'listing.start', severity: 'warning' });
    expect(w.reason).toMatch(/20 日前/);
  });
  it('reports a related notice that does not exist', () => {
    const i = only(check((r) => (r.notices[0].related = ['no-such-notice'])));
    expect(i).toMatchObject({ field: 'related' });
  });
  it('warns when a 行政处罚 is published more than 7 working days after the decision', () => {
    // 2026-09-28 → 2026-10-12: 7 working days in all (国庆 in between), so 6 taken: fine.
    expect(check((r) => Object.assign(r.enforcement[0], { decisionDate: '2026-09-28', publishDate: '2026-10-12' }))).toEqual([]);
    const w = only(check((r) => Object.assign(r.enforcement[0], { decisionDate: '2026-09-18', publishDate: '2026-10-12' })));
    expect(w).toMatchObject({ field: 'publishDate', severity: 'warning' });
  });
  // Personal data is the privacy guard's (tests/unit/schema/privacy.test.ts): the loader runs it on raw files.
  it('leaves personal data to the privacy guard', () => {
    expect(check((r) => (r.notices[0].body = '联系人手机 139-1234-5678'))).toEqual([]);
  });
});

describe('references to oneself', () => {
  it('rejects a notice related to itself', () => {
    const e = only(check((r) => { const n = r.notices[0] as Record<string, unknown>; n['related'] = [n['id']]; }));
    expect(e.field).toBe('related');
  });
  it('accepts related notices that exist', () => {
    expect(check((r) => { (r.notices[0] as Record<string, unknown>)['related'] = [(r.notices[1] as Record<string, unknown>)['id']]; }).filter((i) => i.severity === 'error')).toEqual([]);
  });
});
