/**
 * The site's clock: what day it is for notice periods, opinion windows,
 * receipts and reply dates.
 *
 * GEOPORTAL_TODAY=YYYY-MM-DD makes the build, the server and the scripts take
 * that day as today (time of day keeps running): the test suite pins the day its
 * sample data is written around (tests/sample-day.ts), so a notice whose period
 * ends next week does not turn the tests red next week, and staff can preview
 * how the site will look on a later day. Production leaves it unset; the server
 * says so in its log and /health.json when it is set. Elapsed time (form-token
 * ages, rate limits, time-outs) always uses the real clock.
 *
 * In the browser there is no environment: the real clock, shifted by the same
 * whole days in the browser tests (tests/e2e/support.ts).
 */

export const TODAY_VARIABLE = 'GEOPORTAL_TODAY';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The pinned day, or undefined when the clock is real; throws on a value that is not a calendar date. */
export function pinnedDay(env: Record<string, string | undefined> | undefined = globalThis.process?.env): string | undefined {
  const value = env?.[TODAY_VARIABLE]?.trim();
  if (!value) return undefined;
  const m = DAY.exec(value);
  const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw new Error(`${TODAY_VARIABLE}=${value}：不是 YYYY-MM-DD 格式的日期`);
  return value;
}

/** Milliseconds to add to the real clock so that its Asia/Shanghai day is `day` (whole days, so the time of day is kept). */
export function dayShiftMs(day: string, realNow: number = Date.now()): number {
  const realDay = SHANGHAI_DAY.format(realNow);
  return Date.parse(`${day}T00:00:00Z`) - Date.parse(`${realDay}T00:00:00Z`);
}

/** Now on the site's clock: the real instant, moved to the pinned day if there is one. */
export function siteNow(): Date {
  const real = Date.now();
  const day = pinnedDay();
  return new Date(day ? real + dayShiftMs(day, real) : real);
}
