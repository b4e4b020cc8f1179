/**
 * data/holidays.yaml (optional): a year of the State Council holiday
 * arrangement, transcribed by bureau staff from the 国务院办公厅 notice when
 * chinese-days does not carry it yet. Working-day checks use it in place of the
 * package for that year.
 */
import { z } from 'zod';
import { isoWeekday } from '../lib/dates.ts';
import { isoDate, nonEmptyText, whenValid } from './common.ts';

export const holidayYearSchema = z
  .strictObject({
    year: z.number({ error: '应为年份' }).int('应为整数年份').min(2004, '年份不早于 2004').max(2100, '年份不晚于 2100'),
    /** The notice it was transcribed from, e.g. 国办发明电〔2026〕7号: the value a reviewer checks against. */
    source: nonEmptyText,
    /** 放假的日期 (weekends inside a holiday may be listed too). */
    holidays: z.array(isoDate).min(1, '至少应有一天放假'),
    /** 调休上班的周六、周日. */
    workdays: z.array(isoDate).default([]),
  })
  .superRefine((y, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    for (const field of ['holidays', 'workdays'] as const) {
      const seen = new Set<string>();
      y[field].forEach((d, i) => {
        if (!d.startsWith(`${y.year}-`)) issue([field, i], `${d} 不在 ${y.year} 年内`);
        if (seen.has(d)) issue([field, i], `${d} 重复`);
        seen.add(d);
      });
    }
    const off = new Set(y.holidays);
    y.workdays.forEach((d, i) => {
      if (off.has(d)) issue(['workdays', i], `${d} 同时列为放假和调休上班`);
      if (isoWeekday(d) <= 5) issue(['workdays', i], `${d} 不是周六或周日：调休上班日只列本来休息的周末`);
    });
  }, whenValid('year', 'holidays', 'workdays'));

export const holidayCalendarSchema = z
  .strictObject({ years: z.array(holidayYearSchema).min(1, '至少应有一年') })
  .superRefine((c, ctx) => {
    const seen = new Set<number>();
    c.years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${y.year} 年重复` });
      seen.add(y.year);
    });
  }, whenValid('years'));

export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

/** From this day of the year (MM-DD) the next year's arrangement is expected: the 国务院办公厅 notice comes out in late October or November. */
export const NEXT_YEAR_CALENDAR_FROM = '11-01';

/**
 * A warning when next year's holiday arrangement is missing late in the year:
 * working-day counts that run into it (a 依申请公开 reply date, publication
 * deadlines, booking lead times) cannot be computed until data/holidays.yaml
 * carries it, and are stated by their rule only. Undefined when all is well.
 */
export function nextYearCalendarReason(calendar: { covers(year: number): boolean; describeCoverage(): string }, today: string): string | undefined {
  const next = Number(today.slice(0, 4)) + 1;
  if (today.slice(5) < NEXT_YEAR_CALENDAR_FROM || calendar.covers(next)) return undefined;
  return `工作日历尚未收录 ${next} 年的法定节假日安排（现有 ${calendar.describeCoverage()}）：国务院办公厅通知公布后，请在 data/holidays.yaml 按通知补充 ${next} 年的放假和调休上班日期；在此之前，跨入 ${next} 年的工作日期限（如依申请公开的答复期限）只写明法定期限，不给出具体日期`;
}

/** The same as a data issue of data/holidays.yaml, for `npm run check`. */
export function nextYearCalendarIssue(calendar: Parameters<typeof nextYearCalendarReason>[0], today: string): { file: string; field: string; reason: string; severity: 'warning' } | undefined {
  const reason = nextYearCalendarReason(calendar, today);
  return reason ? { file: 'holidays.yaml', field: 'years', reason, severity: 'warning' } : undefined;
}
