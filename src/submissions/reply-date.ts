/**
 * The statutory reply date of a 依申请公开 application: 政府信息公开条例
 * Art 33 (自收到申请之日起 20 个工作日内予以答复), with the day of receipt not
 * counted (民法典 Art 201: 开始的当日不计入), on the State Council calendar with
 * 调休 (src/lib/workdays.ts, plus the years the bureau adds in data/holidays.yaml).
 * An online application is received on the day the receipt confirms it (Art 31(3)).
 *
 * Never guessed: when the 20 working days run into a year the calendar does not
 * cover yet (the 国务院办公厅 notice comes out in November or so), the receipt
 * states the rule and says the date follows once the arrangement is published.
 */
import { addDays, isoWeekday } from '../lib/dates.ts';
import { CalendarRangeError, type WorkingDayCalendar } from '../lib/workdays.ts';

export const REPLY_WORKING_DAYS = 20;

export type ReplyDate = { covered: true; date: string } | { covered: false; year: number };

export function statutoryReplyDate(calendar: WorkingDayCalendar, receivedOn: string): ReplyDate {
  try {
    return { covered: true, date: calendar.addWorkingDays(addDays(receivedOn, 1), REPLY_WORKING_DAYS) };
  } catch (e) {
    if (!(e instanceof CalendarRangeError)) throw e;
    // The first year the count needs and the calendar lacks.
    let year = Number(receivedOn.slice(0, 4));
    while (calendar.covers(year)) year += 1;
    return { covered: false, year };
  }
}

/** The rule in the words of the 条例, as the receipt and the guide state it. */
export const REPLY_RULE =
  '本局自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日（《中华人民共和国政府信息公开条例》第三十三条）。征求第三方和其他机关意见所需时间不计算在内。';

/**
 * For the purge date only (src/lib/retention.ts counts from the reply date),
 * when the calendar does not cover the count: the covered days as the
 * calendar says, the rest Monday to Friday. Never shown as a reply date.
 */
export function replyDateForRetention(calendar: WorkingDayCalendar, receivedOn: string): string {
  const reply = statutoryReplyDate(calendar, receivedOn);
  if (reply.covered) return reply.date;
  let day = receivedOn;
  for (let counted = 0; counted < REPLY_WORKING_DAYS; ) {
    day = addDays(day, 1);
    const working = calendar.covers(Number(day.slice(0, 4))) ? calendar.isWorkingDay(day) : isoWeekday(day) <= 5;
    if (working) counted += 1;
  }
  return day;
}
