/**
 * Whether and when a venue is open on the plan's date, and when a group
 * arriving at a given time can get in: the first opening span whose last
 * entry (停止入馆) it can still make, waiting for the doors if it is early.
 * The date's 法定节假日 status comes from the calendar; when the calendar
 * does not cover the year, the weekly rule is applied and the day is marked
 * `holidayUnknown`, so the warnings can say that holiday closures were not
 * checked.
 */
import { isoWeekday } from '../lib/dates.ts';
import { spansOn, type Span } from '../lib/opening-hours.ts';
import type { PlannerCalendar } from './calendar.ts';
import type { PlannerSite } from './types.ts';

export interface PlanDay {
  date: string;
  weekday: number;
  /** null: the calendar does not cover the year. */
  publicHoliday: boolean | null;
}

export function planDay(date: string, calendar: PlannerCalendar): PlanDay {
  const covered = calendar.covers(Number(date.slice(0, 4)));
  return { date, weekday: isoWeekday(date), publicHoliday: covered ? calendar.isPublicHoliday(date) : null };
}

export type DayOpening =
  | { kind: 'no-date' }
  | { kind: 'closed'; why: 'closed-date' | 'holiday' | 'weekly' | 'not-listed'; holidayUnknown: boolean }
  | { kind: 'open'; spans: readonly Span[]; rule: 'PH' | 'weekly'; holidayUnknown: boolean };

export function openingOn(site: PlannerSite, day: PlanDay | null): DayOpening {
  if (!day) return { kind: 'no-date' };
  const holidayUnknown = day.publicHoliday === null;
  if (site.closedDates.includes(day.date)) return { kind: 'closed', why: 'closed-date', holidayUnknown };
  const { spans, rule } = spansOn(site.hours, day.weekday, day.publicHoliday === true);
  if (spans.length === 0) return { kind: 'closed', why: rule === 'PH' ? 'holiday' : rule === 'weekly' ? 'weekly' : 'not-listed', holidayUnknown };
  return { kind: 'open', spans, rule: rule === 'PH' ? 'PH' : 'weekly', holidayUnknown };
}

export type Entry = { kind: 'in'; start: number; span: Span } | { kind: 'too-late'; lastEntry: number; span: Span };

/** The latest entry into a span. */
export const lastEntryOf = (span: Span, beforeClose: number): number => Math.max(span[0], span[1] - beforeClose);

/** When a group arriving at `arrival` gets in: at once, after waiting for a span to open, or not at all that day. */
export function entryFor(spans: readonly Span[], arrival: number, beforeClose: number): Entry {
  for (const span of spans) {
    const start = Math.max(arrival, span[0]);
    if (start <= lastEntryOf(span, beforeClose)) return { kind: 'in', start, span };
  }
  const last = spans[spans.length - 1]!;
  return { kind: 'too-late', lastEntry: lastEntryOf(last, beforeClose), span: last };
}
