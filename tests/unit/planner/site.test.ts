import { describe, expect, it } from 'vitest';
import { plannerSite, plannerSiteFromRedSite, plannerSites, type RedSiteMachineFields } from '../../../src/planner/site.ts';
import { FIELDS } from './fixtures.ts';

describe('planner sites', () => {
  it('are built from plain fields, the opening hours parsed, defaults filled and closing dates sorted', () => {
    const r = plannerSite({ ...FIELDS[3]!, closedDates: ['2026-07-01', '2026-06-16'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.site.hours.rules).toEqual([{ days: [2, 3, 4, 5, 6, 7], spans: [[540, 990]] }]);
    expect(r.site.closedDates).toEqual(['2026-06-16', '2026-07-01']);
    expect(plannerSite(FIELDS[0]!)).toMatchObject({ ok: true, site: { lastEntryMinutesBeforeClose: 0, closedDates: [] } });
  });

  it('are refused with every reason: bad hours, id, coordinates, numbers and dates', () => {
    const r = plannerSite({ ...FIELDS[0]!, id: 'Bad Id', lonLat: [NaN, 47], hours: '每日 8:00–17:00', visitMinutes: 0, lastEntryMinutesBeforeClose: -5, closedDates: ['2026-02-30'], groupCapacity: 0, booking: { required: false, groupThreshold: 1.5, leadWorkingDays: 99 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(10); // two in the hours, one per other field
    expect(r.errors[0]).toMatch(/^开放时间：第 1 条/);
    const { sites, problems } = plannerSites([FIELDS[0]!, { ...FIELDS[1]!, hours: '' }]);
    expect([...sites.keys()]).toEqual(['qiqihaer-lieshi-lingyuan']);
    expect(problems).toEqual([{ id: 'qiqihaer-dangshi-jiaoyuguan', errors: ['开放时间：开放时间为空'] }]);
  });
});

describe('the red-site adapter', () => {
  const record: RedSiteMachineFields = {
    id: 'qiqihaer-lieshi-lingyuan',
    name: '齐齐哈尔市烈士陵园',
    location: { type: 'Point', coordinates: [123.9385, 47.3465] },
    visitMinutes: 60,
    hours: { spec: 'Mo-Su 08:00-17:00', lastEntryMinutesBeforeClose: 30, closedDates: ['2026-04-05'] },
    booking: { individualsNeedBooking: false, groupThreshold: 30, leadWorkingDays: 3, contact: { phone: '0452-0000302' } },
    groupCapacity: 200,
  };
  it('maps a record onto the planner’s fields', () => {
    const r = plannerSite(plannerSiteFromRedSite(record));
    expect(r).toMatchObject({ ok: true, site: { lonLat: [123.9385, 47.3465], lastEntryMinutesBeforeClose: 30, closedDates: ['2026-04-05'], booking: { required: false, groupThreshold: 30, leadWorkingDays: 3, phone: '0452-0000302' }, groupCapacity: 200 } });
  });
  it('leaves a broken record for plannerSite to refuse', () => {
    expect(plannerSite(plannerSiteFromRedSite({ ...record, location: { type: 'Point', coordinates: [] } }))).toEqual({ ok: false, errors: ['坐标无效'] });
  });
});
