import { describe, expect, it } from 'vitest';
import { addWorkingDays, CALENDAR_LAST_YEAR, countWorkingDays, isWorkingDay } from '../../../src/lib/workdays.ts';

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
