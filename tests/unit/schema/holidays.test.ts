import { describe, expect, it } from 'vitest';
import { holidayCalendarSchema } from '../../../src/schema/holidays.ts';
import { expectIssue } from './helpers.ts';

// A test year, not the official 2027 arrangement.
const year = () => ({ year: 2027, source: '测试用假期安排', holidays: ['2027-01-01', '2027-01-02'], workdays: ['2027-01-09'] });

describe('holidayCalendarSchema (data/holidays.yaml)', () => {
  it('parses years of holidays and 调休 working days; workdays may be left out', () => {
    const { workdays: _, ...noWorkdays } = { ...year(), year: 2028, holidays: ['2028-01-03'] };
    const parsed = holidayCalendarSchema.parse({ years: [year(), noWorkdays] });
    expect(parsed.years.map((y) => y.year)).toEqual([2027, 2028]);
    expect(parsed.years[1]!.workdays).toEqual([]);
  });
  it('rejects dates outside the year, duplicates and a day both off and on', () => {
    expectIssue(holidayCalendarSchema, { years: [{ ...year(), holidays: ['2026-12-31'] }] }, 'years[0].holidays[0]', /不在 2027 年内/);
    expectIssue(holidayCalendarSchema, { years: [{ ...year(), holidays: ['2027-01-01', '2027-01-01'] }] }, 'years[0].holidays[1]', /重复/);
    expectIssue(holidayCalendarSchema, { years: [{ ...year(), holidays: ['2027-01-09'] }] }, 'years[0].workdays[0]', /同时列为放假和调休上班/);
  });
  it('rejects a 调休 day on a weekday, a repeated year and a year without a source', () => {
    expectIssue(holidayCalendarSchema, { years: [{ ...year(), workdays: ['2027-01-08'] }] }, 'years[0].workdays[0]', /不是周六或周日/);
    expectIssue(holidayCalendarSchema, { years: [year(), year()] }, 'years[1].year', /2027 年重复/);
    expectIssue(holidayCalendarSchema, { years: [{ ...year(), source: '' }] }, 'years[0].source', /不能为空/);
  });
});
