/**
 * Working-day arithmetic on the State Council holiday calendar, 调休 included.
 * Years up to CALENDAR_LAST_YEAR come from chinese-days; later years (or
 * corrections) come from the bureau's data/holidays.yaml, transcribed from the
 * 国务院办公厅 notice, because the package lags the notice by months.
 * Build-time only: it keeps the calendar out of pages.
 */
import * as chineseDaysModule from 'chinese-days';
import { addDays, isoWeekday } from './dates.ts';

type ChineseDays = { isWorkday: (date: string) => boolean; getDayDetail: (date: string) => { work: boolean; name: string } };
// The package is CommonJS under Node (no named exports detected) and ESM in Vite.
const ns = chineseDaysModule as unknown as ChineseDays & { default?: ChineseDays };
const chineseDays: ChineseDays = ns.default?.isWorkday ? ns.default : ns;

/** The last year chinese-days carries the official calendar for. */
export const CALENDAR_LAST_YEAR = 2026;

/** The first year chinese-days covers. */
export const CALENDAR_FIRST_YEAR = 2004;

/** Thrown for a date the calendar does not cover: guessing would count 元旦 as a working day. */
export class CalendarRangeError extends RangeError {}

/** One year's arrangement as the State Council publishes it. */
export type HolidayYear = {
  year: number;
  /** Days off that would otherwise be working days (Monday–Friday); weekend days listed here change nothing. */
  holidays: readonly string[];
  /** 调休: Saturdays and Sundays that are working days. */
  workdays: readonly string[];
};

export class WorkingDayCalendar {
  private readonly extra = new Map<number, { off: Set<string>; on: Set<string> }>();

  /** `years` add to or replace chinese-days' years. */
  constructor(years: readonly HolidayYear[] = []) {
    for (const y of years) this.extra.set(y.year, { off: new Set(y.holidays), on: new Set(y.workdays) });
  }

  covers(year: number): boolean {
    return this.extra.has(year) || (year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR);
  }

  /** Human-readable coverage, e.g. 2004–2026 年、2027 年. */
  describeCoverage(): string {
    const added = [...this.extra.keys()].filter((y) => y < CALENDAR_FIRST_YEAR || y > CALENDAR_LAST_YEAR).sort((a, b) => a - b);
    return [`${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 年`, ...added.map((y) => `${y} 年`)].join('、');
  }

  isWorkingDay(iso: string): boolean {
    const year = Number(iso.slice(0, 4));
    const extra = this.extra.get(year);
    if (extra) {
      if (extra.on.has(iso)) return true;
      return isoWeekday(iso) <= 5 && !extra.off.has(iso);
    }
    if (!this.covers(year))
      throw new CalendarRangeError(
        `工作日历只收录 ${this.describeCoverage()}的法定节假日安排，无法计算 ${iso}（可在 data/holidays.yaml 按国务院办公厅通知补充 ${year} 年安排）`,
      );
    return chineseDays.isWorkday(iso);
  }

  /**
   * A 法定节假日: a day off of a holiday arrangement (国庆节, 春节…), weekend
   * days inside the arrangement included; an ordinary weekend is not one.
   * For years from data/holidays.yaml, which lists weekday days off only,
   * those days. Opening hours' PH rules read this (./opening-hours.ts).
   */
  isPublicHoliday(iso: string): boolean {
    const year = Number(iso.slice(0, 4));
    const extra = this.extra.get(year);
    if (extra) return extra.off.has(iso);
    if (!this.covers(year)) this.isWorkingDay(iso); // throws the CalendarRangeError with its advice
    const detail = chineseDays.getDayDetail(iso);
    // chinese-days names a holiday day "National Day,国庆节,3"; an ordinary weekend "Saturday".
    return !detail.work && detail.name.includes(',');
  }

  /** Working days between two dates, both ends included. */
  countWorkingDays(startIso: string, endIso: string): number {
    let n = 0;
    for (let day = startIso; day <= endIso; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) n += 1;
    }
    return n;
  }

  /** The date that is the n-th working day counting from start (start counts as 1 if it is a working day). */
  addWorkingDays(startIso: string, n: number): string {
    let day = startIso;
    let counted = this.isWorkingDay(day) ? 1 : 0;
    while (counted < n) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }
}

/** chinese-days alone, for code that has no data directory (the corpus generator, tests). */
const packageCalendar = new WorkingDayCalendar();

export function isWorkingDay(iso: string): boolean {
  return packageCalendar.isWorkingDay(iso);
}

export function countWorkingDays(startIso: string, endIso: string): number {
  return packageCalendar.countWorkingDays(startIso, endIso);
}

export function addWorkingDays(startIso: string, n: number): string {
  return packageCalendar.addWorkingDays(startIso, n);
}
