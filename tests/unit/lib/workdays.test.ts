import { describe, expect, it } from 'vitest';
import { addWorkingDays, CALENDAR_LAST_YEAR, CalendarRangeError, countWorkingDays, isWorkingDay, WorkingDayCalendar } from '../../../src/lib/workdays.ts';

// 2026 facts, checked against chinese-days 1.5.7 (State Council 国办发明电 calendar):
// 国庆+中秋 2026: 10-01…10-07 off; 09-20 (Sunday) and 10-10 (Saturday) are 调休 working days.
describe('isWorkingDay', () => {
  it('treats 国庆 as a holiday, even on weekdays', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false); // Thursday
    expect(isWorkingDay('2026-10-07')).toBe(false); // Wednesday
  });
  it('treats 调休 weekend days as working days', () => {
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday
  });
  it('keeps ordinary weekdays and weekends', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-10-11')).toBe(false); // Sunday, no 调休
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
  });

  // chinese-days stops at CALENDAR_LAST_YEAR: later dates are refused, not guessed.
  it('does not silently count days after CALENDAR_LAST_YEAR (元旦 2027)', () => {
    expect(CALENDAR_LAST_YEAR).toBe(2026);
    let result: boolean | 'refused';
    try {
      result = isWorkingDay('2027-01-01');
    } catch {
      result = 'refused';
    }
    expect(result).not.toBe(true);
  });
});

describe('countWorkingDays', () => {
  it('counts two plain weeks as 10', () => {
    expect(countWorkingDays('2026-11-02', '2026-11-13')).toBe(10);
  });
  it('counts across 国庆 with 调休: 09-28…10-12 is 7 working days', () => {
    // 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12.
    expect(countWorkingDays('2026-09-28', '2026-10-12')).toBe(7);
  });
  it('is 0 inside the holiday and when the end is before the start', () => {
    expect(countWorkingDays('2026-10-01', '2026-10-07')).toBe(0);
    expect(countWorkingDays('2026-11-13', '2026-11-02')).toBe(0);
  });
});

describe('addWorkingDays', () => {
  it('skips the holiday: 2 working days from 09-30 is 10-08', () => {
    expect(addWorkingDays('2026-09-30', 2)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-01', 1)).toBe('2026-10-08');
  });
  it('lands on a 调休 Saturday when it is the n-th working day', () => {
    expect(addWorkingDays('2026-10-08', 3)).toBe('2026-10-10');
  });
});

// A test year, not the official 2027 arrangement: 01-01 (Friday) off, 01-09 (Saturday) a 调休 working day.
const TEST_2027 = { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'] };

describe('WorkingDayCalendar with years from data/holidays.yaml', () => {
  const calendar = new WorkingDayCalendar([TEST_2027]);
  it('uses the added year: listed holidays off, 调休 weekend days on, other days by weekday', () => {
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // Friday, holiday
    expect(calendar.isWorkingDay('2027-01-09')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2027-01-10')).toBe(false); // Sunday
    // Across the year boundary: 12-28…12-31 (4) + 01-04…01-09 (6, with the 调休 Saturday).
    expect(calendar.countWorkingDays('2026-12-28', '2027-01-09')).toBe(10);
    expect(calendar.addWorkingDays('2026-12-31', 2)).toBe('2027-01-04');
    // chinese-days still answers for its own years.
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.describeCoverage()).toBe('2004–2026 年、2027 年');
  });
  it('still refuses a year nobody has added, and names the file to add it in', () => {
    expect(() => calendar.isWorkingDay('2028-01-03')).toThrow(CalendarRangeError);
    expect(() => calendar.isWorkingDay('2028-01-03')).toThrow(/data\/holidays\.yaml.*2028 年/);
    expect(() => isWorkingDay('2027-01-04')).toThrow(CalendarRangeError);
  });
  it('lets an added year replace the package year', () => {
    const corrected = new WorkingDayCalendar([{ year: 2026, holidays: ['2026-10-02'], workdays: [] }]);
    expect(corrected.isWorkingDay('2026-10-01')).toBe(true);
    expect(corrected.isWorkingDay('2026-10-02')).toBe(false);
  });
});

describe('isPublicHoliday', () => {
  it('is a day off of a holiday arrangement, its weekend days included', () => {
    const c = new WorkingDayCalendar();
    expect(c.isPublicHoliday('2026-10-01')).toBe(true);
    expect(c.isPublicHoliday('2026-10-03')).toBe(true); // a Saturday inside 国庆
    expect(c.isPublicHoliday('2026-01-01')).toBe(true);
  });
  it('an ordinary weekend, a working day and a 调休 working Saturday are not', () => {
    const c = new WorkingDayCalendar();
    expect(c.isPublicHoliday('2026-12-05')).toBe(false);
    expect(c.isPublicHoliday('2026-12-01')).toBe(false);
    expect(c.isPublicHoliday('2026-10-10')).toBe(false);
    const later = new WorkingDayCalendar([{ year: 2027, holidays: ['2027-10-04'], workdays: ['2027-10-09'] }]);
    expect(later.isPublicHoliday('2027-10-04')).toBe(true);
    expect(later.isPublicHoliday('2027-10-09')).toBe(false);
    expect(() => c.isPublicHoliday('2031-10-01')).toThrow(/工作日历只收录/);
  });
});
