import { describe, expect, it } from 'vitest';
import { redRouteSchema, redSiteSchema } from '../../../src/schema/red.ts';
import { expectIssue, expectIssueAt, FILES, fixture } from './helpers.ts';

describe('redSiteSchema', () => {
  it('parses both fixture sites and fills defaults', () => {
    const a = redSiteSchema.parse(fixture(FILES.redSite));
    expect(a.location.coordinates).toEqual([123.950929, 47.315233]);
    const b = redSiteSchema.parse(fixture(FILES.redSite2));
    expect(b.designations).toEqual([]);
    expect(b.photos).toEqual([]);
    expect(b.hours.seasons).toEqual([]);
  });
  it('rejects a site without a category', () => {
    expectIssue(redSiteSchema, { ...fixture(FILES.redSite), categories: [] }, 'categories', /至少选择一个类别/);
  });
  it('rejects a location that is not a point and a longitude out of range', () => {
    const s = fixture(FILES.redSite);
    s.location.coordinates = [223.95, 47.31];
    expectIssue(redSiteSchema, s, 'location.coordinates[0]', /经度应在/);
    expectIssueAt(redSiteSchema, { ...fixture(FILES.redSite), location: { type: 'Polygon', coordinates: [] } }, 'location.type');
  });
  it('rejects an unclosed 保护范围 ring', () => {
    const s = fixture(FILES.redSite);
    s.protectionArea = { type: 'Polygon', coordinates: [[[123.95, 47.31], [123.96, 47.31], [123.96, 47.32], [123.95, 47.32]]] };
    expectIssue(redSiteSchema, s, 'protectionArea.coordinates[0]', /未闭合/);
  });
  it('rejects a blank name and a bad update date', () => {
    expectIssue(redSiteSchema, { ...fixture(FILES.redSite), name: '   ' }, 'name', /不能为空/);
    expectIssue(redSiteSchema, { ...fixture(FILES.redSite), updated: '2026-11-31' }, 'updated', /不是有效日期/);
  });
});

describe('redRouteSchema', () => {
  it('parses the fixture route', () => {
    const r = redRouteSchema.parse(fixture(FILES.redRoute));
    expect(r.stops.map((s) => s.site)).toEqual(['longsha-memorial', 'tailai-battlefield']);
  });
  it('rejects a route with a single stop', () => {
    const r = fixture(FILES.redRoute);
    r.stops = r.stops.slice(0, 1);
    expectIssue(redRouteSchema, r, 'stops', /线路至少需要 2 个站点/);
  });
  it('rejects a stop id that is not a record id and an unknown travel mode', () => {
    const r = fixture(FILES.redRoute);
    r.stops[1].site = 'Tailai Battlefield';
    r.mode = '飞机';
    expectIssue(redRouteSchema, r, 'stops[1].site', /id 只能用小写字母/);
    expectIssueAt(redRouteSchema, r, 'mode');
  });
});
