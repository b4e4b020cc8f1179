/**
 * Whether and when a venue is open on the plan's date, and when a group
 * arriving at a given time can get in: the first opening span whose last
 * entry (停止入馆) it can still make, waiting for the doors if it is early.
 * The rule in force is the season's containing the date, else the yearly
 * one; a published closure (闭馆维护) closes the day whatever the rule.
 * The date's 法定节假日 status comes from the calendar; when the calendar
 * does not cover the year, the weekly rule is applied and the day is marked
 * `holidayUnknown`, so the warnings can say that holiday closures were not
 * checked.
 */
import { isoWeekday } from '../lib/dates.ts';
import { spansOn, type OpeningHours, type Span } from '../lib/opening-hours.ts';
import type { PlannerCalendar } from './calendar.ts';
import type { PlannerClosure, PlannerSite } from './types.ts';

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
  | { kind: 'closed'; why: 'closed-date' | 'holiday' | 'weekly' | 'not-listed'; holidayUnknown: boolean; hours: OpeningHours; closure?: PlannerClosure }
  | { kind: 'open'; spans: readonly Span[]; rule: 'PH' | 'weekly'; holidayUnknown: boolean; hours: OpeningHours };

/** The opening hours in force on a date (YYYY-MM-DD): the first season containing it, else the yearly rule. */
export function hoursInForce(site: Pick<PlannerSite, 'hours' | 'seasons'>, date: string): OpeningHours {
  const md = date.slice(5, 10);
  // A season may wrap over the new year (11-01 to 03-31).
  const season = site.seasons.find((s) => (s.from <= s.to ? md >= s.from && md <= s.to : md >= s.from || md <= s.to));
  return season?.hours ?? site.hours;
}

export function openingOn(site: PlannerSite, day: PlanDay | null): DayOpening {
  if (!day) return { kind: 'no-date' };
  const holidayUnknown = day.publicHoliday === null;
  const hours = hoursInForce(site, day.date);
  const closure = site.closedDates.find((c) => day.date >= c.from && day.date <= c.to);
  if (closure) return { kind: 'closed', why: 'closed-date', holidayUnknown, hours, closure };
  const { spans, rule } = spansOn(hours, day.weekday, day.publicHoliday === true);
  if (spans.length === 0) return { kind: 'closed', why: rule === 'PH' ? 'holiday' : rule === 'weekly' ? 'weekly' : 'not-listed', holidayUnknown, hours };
  return { kind: 'open', spans, rule: rule === 'PH' ? 'PH' : 'weekly', holidayUnknown, hours };
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
