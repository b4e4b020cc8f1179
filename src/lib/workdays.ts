/**
 * Working-day arithmetic on the State Council holiday calendar, 调休 included,
 * from chinese-days. Build-time only: it keeps the calendar out of pages.
 */
import * as chineseDaysModule from 'chinese-days';
import { addDays } from './dates.ts';

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

export function isWorkingDay(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  if (year > CALENDAR_LAST_YEAR || year < CALENDAR_FIRST_YEAR)
    throw new CalendarRangeError(`工作日历只收录 ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 年的法定节假日安排，无法计算 ${iso}`);
  return chineseDays.isWorkday(iso);
}

/**
 * Working days between two dates, both ends included, following the State
 * Council holiday calendar with 调休 (via chinese-days).
 */
export function countWorkingDays(startIso: string, endIso: string): number {
  let n = 0;
  for (let day = startIso; day <= endIso; day = addDays(day, 1)) {
    if (isWorkingDay(day)) n += 1;
  }
  return n;
}


/** The date that is the n-th working day counting from start (start counts as 1 if it is a working day). */
export function addWorkingDays(startIso: string, n: number): string {
  let day = startIso;
  let counted = isWorkingDay(day) ? 1 : 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}
