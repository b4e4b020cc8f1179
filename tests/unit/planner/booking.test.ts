import { describe, expect, it } from 'vitest';
import { bookingDeadline, bookingNeeded } from '../../../src/planner/booking.ts';
import { calendarFromDocument, holidayCalendarDocument } from '../../../src/planner/calendar.ts';
import { CALENDAR } from './fixtures.ts';

describe('who must book', () => {
  const tiers = { required: false, groups: [{ minSize: 20, leadWorkingDays: 2 }, { minSize: 200, leadWorkingDays: 5 }] };
  it('everyone where the venue says so; groups from a rule on, a larger group by the last rule it reaches', () => {
    expect(bookingNeeded({ required: true, leadWorkingDays: 1 }, 1)).toEqual({ kind: 'yes', by: 'individuals', lead: 1 });
    expect(bookingNeeded({ required: false, groups: [{ minSize: 30, leadWorkingDays: 3 }] }, 30)).toEqual({ kind: 'yes', by: 'group', lead: 3, minSize: 30 });
    expect(bookingNeeded(tiers, 199)).toEqual({ kind: 'yes', by: 'group', lead: 2, minSize: 20 });
    expect(bookingNeeded(tiers, 450)).toEqual({ kind: 'yes', by: 'group', lead: 5, minSize: 200 });
    // Individuals book a day ahead; a group below every group rule books as individuals do, one that reaches a rule by the rule.
    const both = { required: true, leadWorkingDays: 1, groups: [{ minSize: 30, leadWorkingDays: 3 }] };
    expect(bookingNeeded(both, 12)).toEqual({ kind: 'yes', by: 'individuals', lead: 1 });
    expect(bookingNeeded(both, 45)).toEqual({ kind: 'yes', by: 'group', lead: 3, minSize: 30 });
  });
  it('no rule or a small group: no booking; group rules and no group size: unknown, not no', () => {
    expect(bookingNeeded({ required: false }, 500)).toEqual({ kind: 'no' });
    expect(bookingNeeded(tiers, 19)).toEqual({ kind: 'no' });
    // A group of one is an individual visitor, whatever the group rules say.
    expect(bookingNeeded({ required: false, groups: [{ minSize: 1, leadWorkingDays: 2 }] }, 1)).toEqual({ kind: 'no' });
    expect(bookingNeeded(tiers, null)).toEqual({ kind: 'unknown-size' });
  });
});

describe('the latest day to book', () => {
  it('counts working days back over 国庆节 and its 调休', () => {
    // Visit Friday 9 October 2026, five working days' notice: 8 Oct, then 1–7 Oct are off, 30, 29, 28 Sep, 25–27 Sep off, 24 Sep.
    expect(bookingDeadline(CALENDAR, '2026-10-09', 5, '2026-09-01')).toEqual({ kind: 'date', latest: '2026-09-24', reachable: true });
    // Saturday 10 October 2026 is a 调休 working day: one day's notice for Monday the 12th ends on that Saturday.
    expect(bookingDeadline(CALENDAR, '2026-10-12', 1, '2026-10-10')).toEqual({ kind: 'date', latest: '2026-10-10', reachable: true });
    expect(bookingDeadline(CALENDAR, '2026-06-15', 0, '2026-06-15')).toEqual({ kind: 'date', latest: '2026-06-15', reachable: true });
  });

  it('says when it is too late, and never guesses over a year the calendar lacks', () => {
    expect(bookingDeadline(CALENDAR, '2026-10-09', 5, '2026-09-25')).toEqual({ kind: 'date', latest: '2026-09-24', reachable: false });
    expect(bookingDeadline(CALENDAR, '2027-03-01', 3, '2026-12-01')).toEqual({ kind: 'not-covered', year: 2027 });
    // A browser calendar of 2026 only: a January 2026 visit counting back into 2025 is not covered either.
    const only2026 = calendarFromDocument(holidayCalendarDocument(CALENDAR, 2026, 2026));
    expect(bookingDeadline(only2026, '2026-01-05', 3, '2025-12-01')).toEqual({ kind: 'not-covered', year: 2025 });
  });
});
