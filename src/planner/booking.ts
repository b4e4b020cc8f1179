/**
 * Booking lead times in working days (提前3个工作日预约). The latest day to
 * book is found by counting working days back from the visit on the State
 * Council calendar, 调休 included, so a visit after 国庆节 is not promised a
 * deadline inside the holiday. Any day of the count that the calendar does
 * not cover makes the deadline unknown, never guessed.
 */
import { addDays } from '../lib/dates.ts';
import type { PlannerCalendar } from './calendar.ts';
import type { PlannerBooking } from './types.ts';

export type BookingNeed =
  | { kind: 'no' }
  /** Only groups from some size book, and no group size was given. */
  | { kind: 'unknown-size' }
  /**
   * This group books: because individuals must (`individuals`, lead from
   * the individual rule) or because it reaches a group rule (`group`, that
   * rule's lead). `lead` undefined: the venue states no lead time.
   */
  | { kind: 'yes'; by: 'individuals' | 'group'; lead?: number; minSize?: number };

/**
 * Whether this group must book, and how far ahead: the last group rule the
 * group reaches (a group of one is an individual visitor), else the
 * individual rule when individuals book too (a small group books as
 * individuals do), as src/lib/red-site-text.ts says it on the site page.
 */
export function bookingNeeded(booking: PlannerBooking, groupSize: number | null): BookingNeed {
  const groups = booking.groups ?? [];
  const rule = groupSize !== null && groupSize > 1 ? groups.findLast((g) => groupSize >= g.minSize) : undefined;
  if (rule) return { kind: 'yes', by: 'group', lead: rule.leadWorkingDays, minSize: rule.minSize };
  if (booking.required) return { kind: 'yes', by: 'individuals', ...(booking.leadWorkingDays !== undefined ? { lead: booking.leadWorkingDays } : {}) };
  if (groups.length === 0) return { kind: 'no' };
  return groupSize === null ? { kind: 'unknown-size' } : { kind: 'no' };
}

export type BookingDeadline =
  /** The last day to book, and whether today is still on or before it. */
  | { kind: 'date'; latest: string; reachable: boolean }
  | { kind: 'not-covered'; year: number };

/**
 * The latest booking day for a visit on `visit` with `lead` working days'
 * notice: the `lead`-th working day before the visit (the visit day itself
 * does not count). lead 0: the visit day. `today` decides whether it is
 * still reachable.
 */
export function bookingDeadline(calendar: PlannerCalendar, visit: string, lead: number, today: string): BookingDeadline {
  if (lead <= 0) return { kind: 'date', latest: visit, reachable: today <= visit };
  let day = visit;
  let counted = 0;
  // 10 × lead + 30 days back is more than any holiday run can need; the loop ends on the count.
  for (let guard = 0; guard < lead * 10 + 30; guard++) {
    day = addDays(day, -1);
    const year = Number(day.slice(0, 4));
    if (!calendar.covers(year)) return { kind: 'not-covered', year };
    if (calendar.isWorkingDay(day)) counted += 1;
    if (counted === lead) return { kind: 'date', latest: day, reachable: today <= day };
  }
  throw new RangeError(`无法推算 ${visit} 前 ${lead} 个工作日`);
}
