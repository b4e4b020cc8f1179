import { describe, expect, it } from 'vitest';
import { addDays, countCalendarDays, dateTimeKey, formatChineseDate, isIsoDate, isIsoDateTime, isoWeekday, todayInShanghai } from '../../../src/lib/dates.ts';

describe('isIsoDate', () => {
  it('accepts real calendar dates, leap day included', () => {
    expect(isIsoDate('2026-11-23')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
  it('rejects impossible dates and other formats', () => {
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '2026/11/23', '2026-11-23 09:00', '20261123', ''])
      expect(isIsoDate(bad), bad).toBe(false);
  });
});

describe('isIsoDateTime', () => {
  it('accepts a date and a date with HH:MM', () => {
    expect(isIsoDateTime('2026-11-02')).toBe(true);
    expect(isIsoDateTime('2026-11-02 09:30')).toBe(true);
    expect(isIsoDateTime('2026-11-02 23:59')).toBe(true);
  });
  it('rejects out-of-range times, ISO T form, seconds and bad dates', () => {
    for (const bad of ['2026-11-02 24:00', '2026-11-02 09:60', '2026-11-02T09:30', '2026-11-02 09:30:00', '2026-02-30 09:00', '2026-11-02 9:30'])
      expect(isIsoDateTime(bad), bad).toBe(false);
  });
});

describe('todayInShanghai', () => {
  it('gives the civil date in 齐齐哈尔, not the UTC date', () => {
    // 16:30 UTC on 22 Nov is 00:30 on 23 Nov in Asia/Shanghai.
    expect(todayInShanghai(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(todayInShanghai(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
  });
});

describe('formatChineseDate', () => {
  it('writes 年月日 without leading zeros, ignoring a time part', () => {
    expect(formatChineseDate('2026-11-02')).toBe('2026年11月2日');
    expect(formatChineseDate('2026-01-09 08:00')).toBe('2026年1月9日');
  });
  it('returns anything that is not a date unchanged', () => {
    expect(formatChineseDate('长期')).toBe('长期');
  });
});

describe('addDays / countCalendarDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
  });
  it('counts both ends', () => {
    expect(countCalendarDays('2026-11-02', '2026-11-02')).toBe(1);
    expect(countCalendarDays('2026-10-20', '2026-11-09')).toBe(21);
    expect(countCalendarDays('2026-12-25', '2027-01-05')).toBe(12);
  });
  it('is not positive when the end is before the start', () => {
    expect(countCalendarDays('2026-11-10', '2026-11-02')).toBeLessThanOrEqual(0);
  });
});

describe('dateTimeKey', () => {
  it('reads a bare date as the start or the end of that day', () => {
    expect(dateTimeKey('2026-11-30', 'start')).toBe('2026-11-30 00:00');
    expect(dateTimeKey('2026-11-30', 'end')).toBe('2026-11-30 23:59');
    expect(dateTimeKey('2026-11-30 10:00', 'start') <= dateTimeKey('2026-11-30', 'end')).toBe(true);
  });
  it('keeps a time that is given', () => {
    expect(dateTimeKey('2026-11-30 10:00', 'end')).toBe('2026-11-30 10:00');
    expect(dateTimeKey('2026-12-01 00:00', 'start') > dateTimeKey('2026-11-30', 'end')).toBe(true);
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-05')).toBe(6);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(isoWeekday('2027-01-01')).toBe(5);
  });
  it('never answers 0 for a Sunday', () => {
    expect(isoWeekday('2026-11-22')).not.toBe(0);
  });
});
