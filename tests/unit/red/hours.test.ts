/** src/lib/red-hours.ts: a site's hours on a date, and in words. */
import { describe, expect, it } from 'vitest';
import { closedWeekdays, describeHours, hoursOn, hoursSummary, inSeason, parsedSpec, specOn } from '../../../src/lib/red-hours.ts';
import type { SiteHours } from '../../../src/schema/red.ts';

const museum: SiteHours = {
  spec: 'Tu-Su 09:00-16:00; Mo off; PH 09:00-16:00',
  seasons: [{ from: '05-01', to: '10-31', spec: 'Tu-Su 08:30-17:00; Mo off; PH 08:30-17:00' }],
  lastEntryMinutes: 30,
  closedDates: [{ from: '2027-01-04', to: '2027-01-08', reason: '检修' }],
};

describe('hoursOn', () => {
  it('takes the season, the weekday, the holiday rule and the last entry', () => {
    // 2026-06-02 is a Tuesday in season; 2026-11-17 a Tuesday out of it.
    expect(hoursOn(museum, '2026-06-02', false)).toEqual({ open: true, spans: [[510, 1020]], rule: 'weekly', lastEntry: [990] });
    expect(hoursOn(museum, '2026-11-17', false).spans).toEqual([[540, 960]]);
    // A Monday is closed, unless it is a 法定节假日.
    expect(hoursOn(museum, '2026-06-01', false)).toMatchObject({ open: false, rule: 'weekly' });
    expect(hoursOn(museum, '2026-10-05', true)).toMatchObject({ open: true, rule: 'PH', spans: [[510, 1020]] });
  });
  it('is closed on a closed date whatever the weekday says, with the reason', () => {
    expect(hoursOn(museum, '2027-01-06', false)).toEqual({ open: false, spans: [], rule: 'closed-date', reason: '检修' });
    expect(hoursOn(museum, '2027-01-09', false).open).toBe(true);
  });
  it('reads seasons that wrap over the new year', () => {
    expect(inSeason('12-15', '11-01', '03-31')).toBe(true);
    expect(inSeason('02-29', '11-01', '03-31')).toBe(true);
    expect(inSeason('04-01', '11-01', '03-31')).toBe(false);
    expect(specOn({ ...museum, seasons: [{ from: '11-01', to: '03-31', spec: 'Mo-Su 10:00-15:00' }] }, '2027-01-20').season).toEqual({ from: '11-01', to: '03-31' });
  });
  it('refuses a spec the schema would have refused', () => {
    expect(() => parsedSpec('Tu-Su 9-17')).toThrow(/开放时间规则有误/);
  });
});

describe('describeHours', () => {
  it('says the seasons, the closed weekday with its holiday exception, the holidays and the last entry', () => {
    const t = describeHours(museum);
    expect(t.opening).toEqual(['5月1日至10月31日：周二至周日 8:30–17:00', '其余时间：周二至周日 9:00–16:00']);
    expect(t.closed).toEqual(['每周一闭馆（逢法定节假日照常开放）', '2027-01-04 至 2027-01-08 闭馆：检修']);
    expect(t.holidays).toBe('5月1日至10月31日：法定节假日开放（8:30–17:00）；其余时间：法定节假日开放（9:00–16:00）');
    expect(t.lastEntry).toBe('闭馆前 30 分钟停止入馆');
  });
  it('says 全天开放 for an outdoor site and names holidays it closes on', () => {
    expect(describeHours({ spec: 'Mo-Su 00:00-24:00', seasons: [], closedDates: [] })).toEqual({ opening: ['全天开放'], closed: [], holidays: '法定节假日按当天是星期几开放' });
    const office = describeHours({ spec: 'Mo-Fr 08:30-11:30,13:30-16:30; PH off', seasons: [], closedDates: [] });
    expect(office.opening).toEqual(['周一至周五 8:30–11:30、13:30–16:30']);
    expect(office.closed).toEqual(['每周六、周日闭馆']);
    expect(office.holidays).toBe('法定节假日闭馆');
    expect(closedWeekdays(parsedSpec('Mo-Fr 08:30-16:30'))).toEqual([6, 7]);
  });
  it('gives one line for lists', () => {
    expect(hoursSummary({ spec: 'Tu-Su 09:00-16:30; Mo off; PH 09:00-16:30', seasons: [], closedDates: [] })).toBe('周二至周日 9:00–16:30，每周一闭馆（逢法定节假日照常开放）');
  });
});
