/**
 * Calendar dates in the bureau's time zone (Asia/Shanghai).
 *
 * Dates in data files are civil dates ("2026-11-02"), never instants: a notice
 * published on 2 November is published on 2 November in 齐齐哈尔, whatever the
 * server's or the reader's clock says. Comparisons are done on ISO strings.
 */

export const TIME_ZONE = 'Asia/Shanghai';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** True for "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (the 网页设计规范 PubDate form). */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  if (!isIsoDate(value.slice(0, 10))) return false;
  if (m[4] === undefined) return true;
  return Number(m[4]) < 24 && Number(m[5]) < 60;
}

/**
 * A sortable key for "YYYY-MM-DD" or "YYYY-MM-DD HH:MM". A bare date means the
 * start of the day when it opens an interval and its end when it closes one,
 * so a deadline "2026-11-30 10:00" falls inside a window ending "2026-11-30".
 */
export function dateTimeKey(value: string, edge: 'start' | 'end'): string {
  return value.length === 10 ? `${value} ${edge === 'start' ? '00:00' : '23:59'}` : value;
}

// One formatter, built on first use: building an Intl.DateTimeFormat with a time zone costs far more than
// formatting with one (every page asks for today), and building it when the module loads would put that cost
// on every page that imports a date helper, asked for today or not (some 15 ms of the map page's start-up).
let shanghaiDay: Intl.DateTimeFormat | undefined;
const SHANGHAI_DAY = { format: (at: number | Date) => (shanghaiDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })).format(at) };

/*
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

/** The pinned day, or undefined when the clock is real; throws on a value that is not a calendar date. */
export function pinnedDay(env: Record<string, string | undefined> | undefined = globalThis.process?.env): string | undefined {
  const value = env?.[TODAY_VARIABLE]?.trim();
  if (!value) return undefined;
  if (!isIsoDate(value)) throw new Error(`${TODAY_VARIABLE}=${value}：不是 YYYY-MM-DD 格式的日期`);
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

/** Today's date in Asia/Shanghai as YYYY-MM-DD, on the site's clock (siteNow) unless `now` is given. */
export function todayInShanghai(now: Date = siteNow()): string {
  // en-CA formats as YYYY-MM-DD.
  return SHANGHAI_DAY.format(now);
}

/** "2026-11-02" → "2026年11月2日". */
export function formatChineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Adds calendar days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** "2026-11-23" → days since 1970-01-01 (a civil date, no time zone involved); '' → 0. */
export function dayNumber(iso: string | undefined): number {
  if (!iso) return 0;
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days between two dates, both ends included. */
export function countCalendarDays(startIso: string, endIso: string): number {
  return dayNumber(endIso) - dayNumber(startIso) + 1;
}

/** Day of the week of an ISO date, Monday = 1 … Sunday = 7 (calendar arithmetic in UTC: no time zone involved). */
export function isoWeekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
}
