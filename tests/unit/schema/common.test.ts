import { describe, expect, it } from 'vitest';
import { attachment, geometry, isoDate, isoDateTime, orgContact, period, publicationState, recordId } from '../../../src/schema/common.ts';
import { expectIssue, expectIssueAt, issuesOf } from './helpers.ts';

const square = [[[123.97, 47.337], [123.973, 47.337], [123.973, 47.339], [123.97, 47.339], [123.97, 47.337]]];

describe('recordId', () => {
  it('accepts lowercase URL-safe ids', () => {
    for (const id of ['2026-g-015', 'longsha-memorial', 'a1']) expect(recordId.safeParse(id).success, id).toBe(true);
  });
  it('rejects capitals, underscores, Chinese, a leading hyphen and one character', () => {
    for (const id of ['2026-G-015', 'long_sha', '龙沙', '-abc', 'a', 'a'.repeat(81)])
      expect(issuesOf(recordId, id)[0]?.message, id).toMatch(/id 只能用小写字母/);
  });
});

describe('isoDate / isoDateTime', () => {
  it('accepts valid values', () => {
    expect(isoDate.parse('2026-11-23')).toBe('2026-11-23');
    expect(isoDateTime.parse('2026-11-23 09:00')).toBe('2026-11-23 09:00');
  });
  it('rejects impossible dates and non-strings with Chinese reasons', () => {
    expect(issuesOf(isoDate, '2026-02-30')[0]?.message).toMatch(/不是有效日期/);
    expect(issuesOf(isoDate, 20261123)[0]?.message).toMatch(/应为日期/);
    expect(issuesOf(isoDateTime, '2026-11-23T09:00')[0]?.message).toMatch(/不是有效日期时间/);
  });
});

describe('geometry', () => {
  it('accepts every supported type', () => {
    const samples = [
      { type: 'Point', coordinates: [123.95, 47.31] },
      { type: 'Point', coordinates: [123.95, 47.31, 150] },
      { type: 'MultiPoint', coordinates: [[123.95, 47.31]] },
      { type: 'LineString', coordinates: [[123.95, 47.31], [123.96, 47.32]] },
      { type: 'MultiLineString', coordinates: [[[123.95, 47.31], [123.96, 47.32]]] },
      { type: 'Polygon', coordinates: square },
      { type: 'MultiPolygon', coordinates: [square] },
    ];
    for (const g of samples) expect(geometry.safeParse(g).success, g.type).toBe(true);
  });
  it('rejects an unclosed polygon ring', () => {
    const open = [[[123.97, 47.337], [123.973, 47.337], [123.973, 47.339], [123.97, 47.339]]];
    expectIssue(geometry, { type: 'Polygon', coordinates: open }, 'coordinates[0]', /未闭合/);
  });
  it('rejects a ring with fewer than 4 positions', () => {
    expectIssue(geometry, { type: 'Polygon', coordinates: [[[1, 1], [2, 2], [1, 1]]] }, 'coordinates[0]', /至少需要 4 个点/);
  });
  it('rejects longitude and latitude out of range', () => {
    expectIssue(geometry, { type: 'Point', coordinates: [181, 47] }, 'coordinates[0]', /经度应在/);
    expectIssue(geometry, { type: 'Point', coordinates: [123, -91] }, 'coordinates[1]', /纬度应在/);
    expectIssue(geometry, { type: 'LineString', coordinates: [[123, 47], [-180.5, 47]] }, 'coordinates[1][0]', /经度应在/);
  });
  it('rejects an unknown type', () => {
    expectIssue(geometry, { type: 'Polygonn', coordinates: square }, 'type', /不是有效的 GeoJSON 几何/);
  });
  it('rejects a one-point line and a position with one number', () => {
    expectIssue(geometry, { type: 'LineString', coordinates: [[123, 47]] }, 'coordinates', /线至少需要 2 个点/);
    expectIssueAt(geometry, { type: 'Point', coordinates: [123] }, 'coordinates[1]');
    expectIssue(geometry, { type: 'Point', coordinates: '123,47' }, 'coordinates', /坐标应为 \[经度, 纬度\]/);
  });
  it('rejects foreign members on a geometry (strict)', () => {
    expectIssueAt(geometry, { type: 'Point', coordinates: [123, 47], crs: 'EPSG:4490' }, '');
  });
});

describe('period', () => {
  it('accepts a period and defaults the unit to calendar days', () => {
    expect(period.parse({ start: '2026-11-02', end: '2026-11-13', days: 10 })).toEqual({ start: '2026-11-02', end: '2026-11-13', days: 10, unit: 'calendar' });
    expect(period.safeParse({ start: '2026-11-02', end: '2026-11-02' }).success).toBe(true);
  });
  it('rejects an end before the start, on end', () => {
    expectIssue(period, { start: '2026-11-13', end: '2026-11-02' }, 'end', /结束日期早于开始日期/);
  });
  it('rejects a zero or fractional length and an unknown unit', () => {
    expectIssueAt(period, { start: '2026-11-02', end: '2026-11-13', days: 0 }, 'days');
    expectIssueAt(period, { start: '2026-11-02', end: '2026-11-13', days: 2.5 }, 'days');
    expectIssueAt(period, { start: '2026-11-02', end: '2026-11-13', unit: 'hours' }, 'unit');
  });
});

describe('publicationState', () => {
  it('accepts active, withdrawn and superseded', () => {
    expect(publicationState.safeParse({ state: 'active' }).success).toBe(true);
    expect(publicationState.safeParse({ state: 'withdrawn', date: '2026-11-20', reason: '项目调整' }).success).toBe(true);
    expect(publicationState.safeParse({ state: 'superseded', date: '2026-11-20', reason: '更正', supersededBy: 'a-2' }).success).toBe(true);
  });
  it('rejects an unknown state and a superseded record without its successor', () => {
    expectIssue(publicationState, { state: 'deleted' }, 'state', /state 应为 active、withdrawn 或 superseded/);
    expectIssueAt(publicationState, { state: 'superseded', date: '2026-11-20', reason: '更正' }, 'supersededBy');
    expectIssue(publicationState, { state: 'withdrawn', date: '2026-11-20', reason: '  ' }, 'reason', /不能为空/);
  });
});

describe('attachment / orgContact', () => {
  it('accepts site files, https links and office lines', () => {
    expect(attachment.safeParse({ title: '规划总平面图', href: '/files/2026/plan.pdf', format: 'PDF' }).success).toBe(true);
    expect(attachment.safeParse({ title: '交易系统', href: 'https://example.gov.cn/a' }).success).toBe(true);
    for (const phone of ['0452-2345678', '0452-2345678-801', '12345', '400-123-4567'])
      expect(orgContact.safeParse({ unit: '办公室', phone }).success, phone).toBe(true);
  });
  it('rejects http links and personal mobiles', () => {
    expectIssue(attachment, { title: 'x', href: 'http://example.gov.cn/a.pdf' }, 'href', /附件地址应为/);
    expectIssue(orgContact, { unit: '办公室', phone: '13912345678' }, 'phone', /不得填写个人手机号/);
    expectIssue(orgContact, { unit: '办公室', email: 'not-an-email' }, 'email', /邮箱格式不正确/);
  });
});
