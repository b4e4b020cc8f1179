import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/lib/dates.ts';
import { WorkingDayCalendar } from '../../../src/lib/workdays.ts';
import { calendarFromDocument, checkHolidayDocument, holidayCalendarDocument, type PlannerCalendar } from '../../../src/planner/calendar.ts';

// A year the bureau adds in data/holidays.yaml (made up for the test: 元旦 on a Friday, one 调休 Sunday).
const Y2027 = { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-03'] };
const full = new WorkingDayCalendar([Y2027]);

describe('the published holiday calendar document', () => {
  it('gives the browser the same working days and 法定节假日 as the build calendar, every day of 2004–2027', () => {
    const doc = holidayCalendarDocument(full, 2004, 2027);
    const browser = calendarFromDocument(JSON.parse(JSON.stringify(doc)));
    let days = 0;
    for (let d = '2004-01-01'; d <= '2027-12-31'; d = addDays(d, 1), days++) {
      if (browser.isWorkingDay(d) !== full.isWorkingDay(d) || browser.isPublicHoliday(d) !== full.isPublicHoliday(d)) throw new Error(`differs on ${d}`);
    }
    expect(days).toBe(8766);
    const y2026 = doc.years.find((y) => y.year === 2026)!;
    expect(y2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(y2026.publicHolidays).toContain('2026-10-03');
    expect(doc.years.find((y) => y.year === 2027)).toEqual({ year: 2027, publicHolidays: ['2027-01-01'], workdays: ['2027-01-03'] });
  });

  it('is small enough to publish: a few years are a few kilobytes', () => {
    expect(JSON.stringify(holidayCalendarDocument(full, 2025, 2027)).length).toBeLessThan(3000);
  });

  it('leaves out years the calendar does not cover, and the browser calendar then refuses them instead of guessing', () => {
    const doc = holidayCalendarDocument(new WorkingDayCalendar(), 2025, 2028);
    expect(doc.years.map((y) => y.year)).toEqual([2025, 2026]);
    const browser = calendarFromDocument(doc);
    expect(browser.covers(2027)).toBe(false);
    expect(() => browser.isWorkingDay('2027-01-01')).toThrow(/只收录 2025–2026 年，不含 2027 年/);
    expect(() => browser.isPublicHoliday('2027-01-01')).toThrow(RangeError);
    expect(browser.describeCoverage()).toBe('2025–2026 年');
  });

  it('refuses a calendar whose weekday day off is no 法定节假日 (it could not be written faithfully)', () => {
    const odd: Pick<PlannerCalendar, 'covers' | 'isWorkingDay' | 'isPublicHoliday'> = { covers: () => true, isWorkingDay: (d) => d !== '2030-03-05', isPublicHoliday: () => false };
    expect(() => holidayCalendarDocument(odd, 2030, 2030)).toThrow(/2030-03-05/);
  });

  it('checks a fetched document: a broken file is refused, not read as a year without holidays', () => {
    const doc = holidayCalendarDocument(full, 2026, 2026);
    expect(checkHolidayDocument(doc).ok).toBe(true);
    expect(checkHolidayDocument(null)).toEqual({ ok: false, reason: '节假日文档格式不对' });
    expect(checkHolidayDocument({ ...doc, version: 2 }).ok).toBe(false);
    expect(checkHolidayDocument({ ...doc, years: [{ year: 2026, publicHolidays: ['2025-10-01'], workdays: [] }] })).toEqual({ ok: false, reason: '节假日文档中 2026 年的数据无效' });
    expect(checkHolidayDocument({ ...doc, years: [{ year: 2026, publicHolidays: ['2026-02-30'], workdays: [] }] }).ok).toBe(false);
  });
});
