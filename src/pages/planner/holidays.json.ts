/**
 * /planner/holidays.json: the State Council holiday calendar (chinese-days
 * plus data/holidays.yaml, with 调休) for last year, this year and next, as
 * the trip planner reads it in the browser (src/planner/calendar.ts,
 * docs/planner.md §The holiday calendar in the browser). Years the
 * calendar does not cover are left out, so the planner says it cannot know
 * their holidays instead of guessing none. Prerendered: the calendar
 * changes with a build, when the bureau adds a year.
 */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { todayInShanghai } from '../../lib/dates.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { holidayCalendarDocument } from '../../planner/calendar.ts';

export const GET: APIRoute = async () => {
  const year = Number(todayInShanghai().slice(0, 4));
  return jsonResponse(holidayCalendarDocument((await getPublishedView()).calendar, year - 1, year + 1));
};
