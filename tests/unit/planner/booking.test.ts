import { describe, expect, it } from 'vitest';
import { bookingDeadline, bookingNeeded } from '../../../src/planner/booking.ts';
import { calendarFromDocument, holidayCalendarDocument } from '../../../src/planner/calendar.ts';
import { CALENDAR } from './fixtures.ts';

describe('who must book', () => {
  it('everyone where the venue says so; groups from the threshold on', () => {
    expect(bookingNeeded({ required: true }, 1)).toBe('yes');
    expect(bookingNeeded({ required: false, groupThreshold: 30 }, 30)).toBe('yes');
    expect(bookingNeeded({ required: false, groupThreshold: 30 }, 29)).toBe('no');
  });
  it('no rule: no booking; a threshold and no group size: unknown, not no', () => {
    expect(bookingNeeded({ required: false }, 500)).toBe('no');
    expect(bookingNeeded({ required: false, groupThreshold: 30 }, null)).toBe('unknown-size');
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
