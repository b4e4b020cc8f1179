/**
 * 国办发〔2018〕118号's publication deadline of a 事后公开 decision: 许可 and
 * 处罚 within 7 working days of the decision, the others within 20, counted
 * on the State Council calendar with 调休 (./workdays.ts). The decision day
 * itself is not counted: a decision published on the day it is made took 0.
 */
import { publicationDeadlineWorkingDays, type DecisionCategory } from '../schema/enforcement.ts';
import { addDays } from './dates.ts';
import type { WorkingDayCalendar } from './workdays.ts';

export type PublicationDelay = {
  /** The rule's limit in working days. */
  limit: number;
  /** Working days after the decision day, up to and including the publication day. */
  taken: number;
  /** The last day within the limit (the limit-th working day after the decision). */
  latest: string;
  late: boolean;
};

/** Throws CalendarRangeError when the calendar does not cover the dates. */
export function publicationDelay(calendar: WorkingDayCalendar, category: DecisionCategory, decisionDate: string, publishDate: string): PublicationDelay {
  const limit = publicationDeadlineWorkingDays[category];
  const dayAfter = addDays(decisionDate, 1);
  const taken = publishDate < dayAfter ? 0 : calendar.countWorkingDays(dayAfter, publishDate);
  const latest = calendar.addWorkingDays(dayAfter, limit);
  return { limit, taken, latest, late: taken > limit };
}
