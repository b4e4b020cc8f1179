import { describe, expect, it } from 'vitest';
import { redRouteSchema, redSiteSchema } from '../../../src/schema/red.ts';
import { expectIssue, expectIssueAt, FILES, fixture, issuesOf } from './helpers.ts';

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

describe('redSiteSchema: the structured fields the planner and filters read', () => {
  it('parses hours with seasons and closed dates, group booking rules, capacity, stages and photos', () => {
    const s = redSiteSchema.parse(fixture(FILES.redSite));
    expect(s.hours.seasons[0]).toEqual({ from: '11-01', to: '03-31', spec: 'Tu-Su 09:30-15:30; Mo off; PH 09:30-15:30' });
    expect(s.hours.closedDates).toEqual([{ from: '2026-12-28', to: '2026-12-31', reason: '闭馆维护（示例）' }]);
    expect(s.booking.groups.map((g) => g.minSize)).toEqual([20, 100]);
    expect(s.capacity).toEqual({ group: 120 });
    expect(s.schoolStages).toEqual(['小学', '初中']);
    expect(s.photos[0]).toMatchObject({ licence: 'CC0-1.0', placeholder: true });
    expect(s.admission).toEqual({ free: true, ticket: true });
  });
  it('reports every error in an opening-hours spec, each placed', () => {
    const s = fixture(FILES.redSite);
    s.hours.spec = 'Tu-Xx 09:00-16:30; Mo 9-17';
    s.hours.seasons[0].from = '02-30';
    const issues = issuesOf(redSiteSchema, s);
    expect(issues.filter((i) => i.path === 'hours.spec').map((i) => i.message)).toEqual([
      expect.stringMatching(/^开放时间规则有误：第 1 条.*“Tu-Xx”不是星期/),
      expect.stringMatching(/^开放时间规则有误：第 2 条.*“9-17”不是时段/),
    ]);
    expect(issues.find((i) => i.path === 'hours.seasons[0].from')?.message).toBe('不是有效日期');
  });
  it('says where 爱国主义教育基地 goes now, when it is written as a category', () => {
    expectIssue(redSiteSchema, { ...fixture(FILES.redSite), categories: ['纪念馆', '爱国主义教育基地'] }, 'categories[1]', /是命名称号，不是类别：请写在 designations 中（kind: 爱国主义教育基地/);
  });
  it('rejects a price on a free site, none on a paid one, unsorted group rules and a lead time for individuals who need no booking', () => {
    expectIssue(redSiteSchema, { ...fixture(FILES.redSite), admission: { free: true, price: '20 元' } }, 'admission.price', /免费开放的场馆不写票价/);
    expectIssue(redSiteSchema, { ...fixture(FILES.redSite), admission: { free: false } }, 'admission.price', /须写明票价/);
    const s = fixture(FILES.redSite);
    s.booking.groups = [{ minSize: 100, leadWorkingDays: 3 }, { minSize: 20, leadWorkingDays: 1 }];
    s.booking.individualLeadWorkingDays = 2;
    expectIssue(redSiteSchema, s, 'booking.groups', /按人数从小到大排列/);
    expectIssue(redSiteSchema, s, 'booking.individualLeadWorkingDays', /散客无需预约时/);
  });
  it('rejects a photo that is not a local PNG or JPG, or has no licence, and a site without a school stage', () => {
    const s = fixture(FILES.redSite);
    s.photos[0].href = '/files/red/a.gif';
    delete s.photos[0].licence;
    s.schoolStages = [];
    expectIssue(redSiteSchema, s, 'photos[0].href', /PNG 或 JPG/);
    expectIssueAt(redSiteSchema, s, 'photos[0].licence');
    expectIssue(redSiteSchema, s, 'schoolStages', /至少选择一个适合学段/);
  });
});

describe('redRouteSchema: start time and days', () => {
  it('parses the start time and defaults it', () => {
    expect(redRouteSchema.parse(fixture(FILES.redRoute)).startTime).toBe('09:00');
    const r = fixture(FILES.redRoute);
    delete r.startTime;
    expect(redRouteSchema.parse(r).startTime).toBe('08:30');
  });
  it('rejects a malformed start time, a second day on a one-day route and a day that goes back', () => {
    const r = fixture(FILES.redRoute);
    r.startTime = '9:00';
    r.stops[1].day = 2;
    expectIssue(redRouteSchema, r, 'startTime', /HH:MM/);
    expectIssue(redRouteSchema, r, 'stops[1].day', /一日线路只有 1 天/);
    const two = { ...fixture(FILES.redRoute), duration: '两日' };
    two.stops[0].day = 2;
    two.stops[1].day = 1;
    expectIssue(redRouteSchema, two, 'stops[1].day', /早于前一站/);
  });
});
