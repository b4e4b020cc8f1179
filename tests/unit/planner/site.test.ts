import { describe, expect, it } from 'vitest';
import { plannerSite, plannerSiteFromRedSite, plannerSites, type RedSiteMachineFields } from '../../../src/planner/site.ts';
import { FIELDS } from './fixtures.ts';

describe('planner sites', () => {
  it('are built from plain fields, the opening hours parsed, defaults filled and closing dates sorted', () => {
    const r = plannerSite({ ...FIELDS[3]!, closedDates: ['2026-07-01', '2026-06-16'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.site.hours.rules).toEqual([{ days: [2, 3, 4, 5, 6, 7], spans: [[540, 990]] }]);
    expect(r.site.closedDates).toEqual([
      { from: '2026-06-16', to: '2026-06-16' },
      { from: '2026-07-01', to: '2026-07-01' },
    ]);
    expect(plannerSite(FIELDS[0]!)).toMatchObject({ ok: true, site: { lastEntryMinutesBeforeClose: 0, closedDates: [] } });
  });

  it('are refused with every reason: bad hours, id, coordinates, numbers and dates', () => {
    const r = plannerSite({ ...FIELDS[0]!, id: 'Bad Id', lonLat: [NaN, 47], hours: '每日 8:00–17:00', visitMinutes: 0, lastEntryMinutesBeforeClose: -5, closedDates: ['2026-02-30', { from: '2026-05-02', to: '2026-05-01', reason: '改陈' }], groupCapacity: 0, booking: { required: false, groups: [{ minSize: 1.5, leadWorkingDays: 2 }], leadWorkingDays: 99 }, seasons: [{ from: '11-1', to: '03-31', hours: 'Mo 9-17' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(12); // two in the hours, two in the season, one per other field
    expect(r.errors).toContain('闭馆日期无效：2026-02-30、2026-05-02 至 2026-05-01');
    expect(r.errors[0]).toMatch(/^开放时间：第 1 条/);
    const { sites, problems } = plannerSites([FIELDS[0]!, { ...FIELDS[1]!, hours: '' }]);
    expect([...sites.keys()]).toEqual(['qiqihaer-lieshi-lingyuan']);
    expect(problems).toEqual([{ id: 'qiqihaer-dangshi-jiaoyuguan', errors: ['开放时间：开放时间为空'] }]);
  });
});

describe('the red-site adapter', () => {
  // A record as src/schema/red.ts parses it (defaults filled).
  const record: RedSiteMachineFields = {
    id: 'qiqihaer-dangshi-jiaoyuguan',
    name: '齐齐哈尔市党史教育馆',
    location: { type: 'Point', coordinates: [123.9855, 47.3682] },
    visitMinutes: 90,
    hours: {
      spec: 'Tu-Su 09:00-16:30; Mo off; PH 09:00-16:30',
      seasons: [{ from: '11-01', to: '03-31', spec: 'Tu-Su 09:00-16:00; Mo off' }],
      lastEntryMinutes: 30,
      closedDates: [{ from: '2026-04-05', reason: '布展' }, { from: '2026-03-01', to: '2026-03-03', reason: '闭馆维护' }],
    },
    booking: {
      individualsNeedBooking: true,
      individualLeadWorkingDays: 1,
      groups: [{ minSize: 20, leadWorkingDays: 2 }, { minSize: 200, leadWorkingDays: 5 }],
      url: 'https://example.gov.cn/booking/dangshiguan',
      contact: { unit: '齐齐哈尔市党史教育馆（示例）', phone: '0452-0000305' },
    },
    capacity: { group: 300, daily: 2000 },
  };
  it('maps a record onto the planner’s fields: seasons, last entry, closures with reasons, booking rules, group capacity', () => {
    const r = plannerSite(plannerSiteFromRedSite(record));
    expect(r).toMatchObject({
      ok: true,
      site: {
        lonLat: [123.9855, 47.3682],
        seasons: [{ from: '11-01', to: '03-31', hours: { spec: 'Tu-Su 09:00-16:00; Mo off' } }],
        lastEntryMinutesBeforeClose: 30,
        closedDates: [
          { from: '2026-03-01', to: '2026-03-03', reason: '闭馆维护' },
          { from: '2026-04-05', to: '2026-04-05', reason: '布展' },
        ],
        booking: { required: true, leadWorkingDays: 1, groups: [{ minSize: 20, leadWorkingDays: 2 }, { minSize: 200, leadWorkingDays: 5 }], phone: '0452-0000305', url: 'https://example.gov.cn/booking/dangshiguan' },
        groupCapacity: 300,
      },
    });
    // No seasons, no group rules, no capacity: none of them invented.
    const plain = plannerSiteFromRedSite({ ...record, hours: { spec: 'Mo-Su 08:00-17:00', seasons: [], closedDates: [] }, booking: { individualsNeedBooking: false, groups: [] }, capacity: {} });
    expect(plain).toEqual({ id: record.id, name: record.name, lonLat: [123.9855, 47.3682], hours: 'Mo-Su 08:00-17:00', closedDates: [], visitMinutes: 90, booking: { required: false } });
  });
  it('every sample record maps onto a planner site', async () => {
    const { getPublishedView } = await import('../../../src/data/index.ts');
    const { problems, sites } = plannerSites((await getPublishedView()).redSites.map(plannerSiteFromRedSite));
    expect(problems).toEqual([]);
    expect(sites.size).toBeGreaterThan(10);
  });
  it('leaves a broken record for plannerSite to refuse', () => {
    const broken = { ...record, location: { type: 'Point', coordinates: [] } } as unknown as RedSiteMachineFields;
    expect(plannerSite(plannerSiteFromRedSite(broken))).toEqual({ ok: false, errors: ['坐标无效'] });
  });
});
