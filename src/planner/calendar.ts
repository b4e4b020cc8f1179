/**
 * The holiday calendar the planner reads, browser-safe. The State Council
 * calendar (with 调休) lives in src/lib/workdays.ts on chinese-days, which
 * is build-time only; the build publishes a small document of the years
 * the planner may need (holidayCalendarDocument), and the browser builds a
 * calendar from it (calendarFromDocument) without the package. A year the
 * document lacks is not covered: the planner then says so instead of
 * guessing, exactly as WorkingDayCalendar throws.
 */
import { addDays, isIsoDate, isoWeekday } from '../lib/dates.ts';

/** What the planner asks of a calendar; WorkingDayCalendar has it too. */
export interface PlannerCalendar {
  covers(year: number): boolean;
  /** Throws for a date of a year it does not cover. */
  isWorkingDay(iso: string): boolean;
  /** 法定节假日 (weekend days inside an arrangement included); throws like isWorkingDay. */
  isPublicHoliday(iso: string): boolean;
  /** e.g. 2004–2026 年, for messages. */
  describeCoverage(): string;
}

export interface HolidayCalendarYear {
  year: number;
  /** Every 法定节假日 day off, weekend days inside the arrangement included, sorted. */
  publicHolidays: string[];
  /** 调休: Saturdays and Sundays that are working days, sorted. */
  workdays: string[];
}

/** The published document (e.g. /planner/holidays.json). */
export interface HolidayCalendarDocument {
  kind: 'holiday-calendar';
  version: 1;
  timeZone: 'Asia/Shanghai';
  years: HolidayCalendarYear[];
}

/**
 * The document for the years from `fromYear` to `toYear` that `calendar`
 * covers (the others are left out, so they stay uncovered in the browser).
 * A weekday that is not a working day is always a 法定节假日 in the State
 * Council calendar; a calendar that says otherwise cannot be written as
 * this document, and the function refuses rather than lose the day.
 */
export function holidayCalendarDocument(calendar: Pick<PlannerCalendar, 'covers' | 'isWorkingDay' | 'isPublicHoliday'>, fromYear: number, toYear: number): HolidayCalendarDocument {
  const years: HolidayCalendarYear[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    if (!calendar.covers(year)) continue;
    const publicHolidays: string[] = [];
    const workdays: string[] = [];
    for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
      const weekend = isoWeekday(day) > 5;
      const working = calendar.isWorkingDay(day);
      if (calendar.isPublicHoliday(day)) publicHolidays.push(day);
      else if (!working && !weekend) throw new RangeError(`${day} 是周一至周五的休息日，却不是法定节假日：无法写入节假日文档`);
      if (working && weekend) workdays.push(day);
    }
    years.push({ year, publicHolidays, workdays });
  }
  return { kind: 'holiday-calendar', version: 1, timeZone: 'Asia/Shanghai', years };
}

/** Thrown for a date the document does not cover (the planner turns it into a warning). */
export class CalendarNotCoveredError extends RangeError {}

const YEAR_SPAN = (years: number[]): string => {
  const runs: [number, number][] = [];
  for (const y of years) {
    const last = runs.at(-1);
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? `${a} 年` : `${a}–${b} 年`)).join('、');
};

/** Checks a fetched document's shape: a broken file must read as "not covered", never as "no holidays". */
export function checkHolidayDocument(value: unknown): { ok: true; doc: HolidayCalendarDocument } | { ok: false; reason: string } {
  const v = value as Partial<HolidayCalendarDocument> | null;
  if (!v || typeof v !== 'object' || v.kind !== 'holiday-calendar' || v.version !== 1 || !Array.isArray(v.years)) return { ok: false, reason: '节假日文档格式不对' };
  for (const y of v.years) {
    const okYear = y && Number.isInteger(y.year) && Array.isArray(y.publicHolidays) && Array.isArray(y.workdays);
    const prefix = `${y?.year}-`;
    if (!okYear || ![...y.publicHolidays, ...y.workdays].every((d) => typeof d === 'string' && d.startsWith(prefix) && isIsoDate(d))) return { ok: false, reason: `节假日文档中 ${String(y?.year).slice(0, 8)} 年的数据无效` };
  }
  return { ok: true, doc: v as HolidayCalendarDocument };
}

/** A calendar over the document's years only. */
export function calendarFromDocument(doc: HolidayCalendarDocument): PlannerCalendar {
  const years = new Map(doc.years.map((y) => [y.year, { off: new Set(y.publicHolidays), on: new Set(y.workdays) }]));
  const yearOf = (iso: string) => {
    const year = Number(iso.slice(0, 4));
    const y = years.get(year);
    if (!y) throw new CalendarNotCoveredError(`节假日安排只收录 ${describe()}，不含 ${year} 年`);
    return y;
  };
  const describe = () => (years.size ? YEAR_SPAN([...years.keys()].sort((a, b) => a - b)) : '（无）');
  return {
    covers: (year) => years.has(year),
    isWorkingDay: (iso) => {
      const y = yearOf(iso);
      return y.on.has(iso) || (isoWeekday(iso) <= 5 && !y.off.has(iso));
    },
    isPublicHoliday: (iso) => yearOf(iso).off.has(iso),
    describeCoverage: describe,
  };
}
