/**
 * A red site's opening hours on a date, and the same rule in Chinese.
 * The site's `hours` (src/schema/red.ts) are a yearly rule in the
 * opening-hours grammar (./opening-hours.ts), seasonal rules that replace it
 * between two days of the year, a last-entry time and closed dates. Pure and
 * browser-safe: the list page's "open on a date" filter runs it in the
 * browser with the holidays the page carries; pages and the planner call it
 * at build time with WorkingDayCalendar.isPublicHoliday.
 */
import type { SiteHours } from '../schema/red.ts';
import { describeOpeningHours, formatMinutes, parseOpeningHours, spansOn, type OpeningHours, type Span } from './opening-hours.ts';
import { isoWeekday } from './dates.ts';

const parsed = new Map<string, OpeningHours>();

/** A spec the schema has checked, parsed once per spec text. */
export function parsedSpec(spec: string): OpeningHours {
  let hours = parsed.get(spec);
  if (!hours) {
    const result = parseOpeningHours(spec);
    // The schema refuses a spec that does not parse; reaching this is a programming error.
    if (!result.ok) throw new Error(`开放时间规则有误：${result.errors.join('；')}`);
    parsed.set(spec, (hours = result.hours));
  }
  return hours;
}

/** Whether MM-DD lies in [from, to], a range that may wrap over the new year (11-01 to 03-31). */
export function inSeason(monthDay: string, from: string, to: string): boolean {
  return from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to;
}

/** The rule in force on a date: the first season containing it, else the yearly spec. */
export function specOn(hours: SiteHours, iso: string): { spec: string; season?: { from: string; to: string } } {
  const md = iso.slice(5, 10);
  const season = hours.seasons.find((s) => inSeason(md, s.from, s.to));
  return season ? { spec: season.spec, season: { from: season.from, to: season.to } } : { spec: hours.spec };
}

export type DayHours = {
  open: boolean;
  /** Opening spans that day, minutes after midnight. */
  spans: readonly Span[];
  /** What decided: a closed date, the PH rule, the weekday rule, or no rule naming the weekday. */
  rule: 'closed-date' | 'PH' | 'weekly' | 'none';
  /** The closed date's reason. */
  reason?: string;
  /** Last entry of each span (close − lastEntryMinutes), when the site stops entry early. */
  lastEntry?: readonly number[];
};

/** The site's hours on a date (YYYY-MM-DD), given whether it is a 法定节假日. */
export function hoursOn(hours: SiteHours, iso: string, publicHoliday: boolean): DayHours {
  const closed = hours.closedDates.find((c) => iso >= c.from && iso <= (c.to ?? c.from));
  if (closed) return { open: false, spans: [], rule: 'closed-date', reason: closed.reason };
  const { spans, rule } = spansOn(parsedSpec(specOn(hours, iso).spec), isoWeekday(iso), publicHoliday);
  const last = hours.lastEntryMinutes;
  return {
    open: spans.length > 0,
    spans,
    rule,
    ...(last !== undefined && spans.length > 0 ? { lastEntry: spans.map(([, close]) => close - last) } : {}),
  };
}

const DAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const ALL_DAY: Span = [0, 1440];
const isAllDay = (spans: readonly Span[]) => spans.length === 1 && spans[0]![0] === ALL_DAY[0] && spans[0]![1] === ALL_DAY[1];

/** 5月1日, from MM-DD. */
export const formatMonthDay = (md: string): string => `${Number(md.slice(0, 2))}月${Number(md.slice(3, 5))}日`;

/** The weekly opening of one spec in words, without its closed days and holidays: 周二至周日 9:00–16:30, 全天开放. */
function weeklyText(hours: OpeningHours): string {
  const open = hours.rules.filter((r) => r.days !== 'PH' && r.spans.length > 0);
  if (open.length === 0) return '不开放';
  if (open.every((r) => r.days !== 'PH' && r.days.length === 7 && isAllDay(r.spans))) return '全天开放';
  return describeOpeningHours({ spec: hours.spec, rules: open });
}

/** Weekdays (1–7) a spec keeps closed outside holidays. */
export function closedWeekdays(hours: OpeningHours): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((d) => spansOn(hours, d, false).spans.length === 0);
}

function weekdayList(days: readonly number[]): string {
  // A run of three or more reads 周六至周日… as in describeOpeningHours; short lists are named.
  return days.map((d) => DAY_NAMES[d - 1]).join('、');
}

export type HoursText = {
  /** 开放时间: per season when there are seasons. */
  opening: string[];
  /** 闭馆日: weekly closed days and closed dates; empty when open every day. */
  closed: string[];
  /** 节假日: how 法定节假日 are kept. */
  holidays: string;
  /** 停止入馆, when entry stops before closing. */
  lastEntry?: string;
  note?: string;
};

/** The hours in Chinese, derived from the one structured rule (the page's 开放时间, 闭馆日, 节假日). */
export function describeHours(hours: SiteHours): HoursText {
  const base = parsedSpec(hours.spec);
  const specs = [...hours.seasons.map((s) => ({ label: `${formatMonthDay(s.from)}至${formatMonthDay(s.to)}`, hours: parsedSpec(s.spec) })), { label: hours.seasons.length > 0 ? '其余时间' : '', hours: base }];
  const opening = specs.map((s) => (s.label ? `${s.label}：${weeklyText(s.hours)}` : weeklyText(s.hours)));

  // Closed weekdays and the holiday rule: the same in every season for nearly every venue; said per season where they differ.
  const closedBy = specs.map((s) => weekdayList(closedWeekdays(s.hours)));
  const holidayBy = specs.map((s) => {
    const ph = s.hours.rules.findLast((r) => r.days === 'PH');
    if (!ph) return '法定节假日按当天是星期几开放';
    if (ph.spans.length === 0) return '法定节假日闭馆';
    return isAllDay(ph.spans) ? '法定节假日全天开放' : `法定节假日开放（${ph.spans.map(([a, b]) => `${formatMinutes(a)}–${formatMinutes(b)}`).join('、')}）`;
  });
  const same = (xs: string[]) => xs.every((x) => x === xs[0]);
  const phOpen = specs.every((s) => (s.hours.rules.findLast((r) => r.days === 'PH')?.spans.length ?? 0) > 0);
  const closed: string[] = [];
  if (same(closedBy)) {
    if (closedBy[0]) closed.push(`每${closedBy[0]}闭馆${phOpen ? '（逢法定节假日照常开放）' : ''}`);
  } else {
    specs.forEach((s, i) => closedBy[i] && closed.push(`${s.label}：每${closedBy[i]}闭馆`));
  }
  for (const c of hours.closedDates) closed.push(`${c.to && c.to !== c.from ? `${c.from} 至 ${c.to}` : c.from} 闭馆：${c.reason}`);
  const holidays = same(holidayBy) ? holidayBy[0]! : specs.map((s, i) => `${s.label}：${holidayBy[i]}`).join('；');

  return {
    opening,
    closed,
    holidays,
    ...(hours.lastEntryMinutes ? { lastEntry: `闭馆前 ${hours.lastEntryMinutes} 分钟停止入馆` } : {}),
    ...(hours.note ? { note: hours.note } : {}),
  };
}

/** One line for lists and the itinerary: 周二至周日 9:00–16:00，周一闭馆. */
export function hoursSummary(hours: SiteHours): string {
  const t = describeHours(hours);
  return [t.opening.join('；'), ...t.closed.filter((c) => c.startsWith('每'))].join('，');
}
