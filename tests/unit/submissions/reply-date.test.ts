/** The statutory reply date of an application: 20 working days after the day of receipt, 调休 counted, never guessed. */
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../../src/lib/workdays.ts';
import { statutoryReplyDate } from '../../../src/submissions/reply-date.ts';
import { nextYearCalendarReason } from '../../../src/schema/holidays.ts';

const calendar = new WorkingDayCalendar();

describe('statutoryReplyDate', () => {
  it('counts 20 working days from the day after receipt, over 国庆 and its 调休 Saturday', () => {
    // Received Tuesday 1 December 2026: 2–4, 7–11, 14–18, 21–25, 28, 29 December.
    expect(statutoryReplyDate(calendar, '2026-12-01')).toEqual({ covered: true, date: '2026-12-29' });
    // Received Thursday 24 September 2026: 中秋 (25 September) and 国庆 (1–7 October) off, Saturday 10 October a working day.
    expect(statutoryReplyDate(calendar, '2026-09-24')).toEqual({ covered: true, date: '2026-10-29' });
  });
  it('states the missing year instead of a date when the count runs past the calendar', () => {
    expect(statutoryReplyDate(calendar, '2026-12-04')).toEqual({ covered: false, year: 2027 });
    const with2027 = new WorkingDayCalendar([{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]);
    expect(statutoryReplyDate(with2027, '2026-12-04')).toEqual({ covered: true, date: '2027-01-04' });
  });
});

describe('nextYearCalendarReason (npm run check)', () => {
  it('warns from 1 November while next year is missing, and not once data/holidays.yaml adds it', () => {
    expect(nextYearCalendarReason(calendar, '2026-10-31')).toBeUndefined();
    expect(nextYearCalendarReason(calendar, '2026-11-01')).toContain('2027 年');
    expect(nextYearCalendarReason(calendar, '2026-12-01')).toContain('data/holidays.yaml');
    expect(nextYearCalendarReason(new WorkingDayCalendar([{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]), '2026-12-01')).toBeUndefined();
  });
});
