/**
 * What may go wrong with a plan, each with its reason in one Chinese
 * sentence a teacher can act on. `error`: the plan does not work as it
 * stands (closed, too late to book, too late to enter); `warning`: it works
 * only if something is done (book, split the group, leave earlier);
 * `info`: worth knowing (a wait, estimated legs).
 */
import { describeOpeningHours, formatMinutes } from '../lib/opening-hours.ts';
import { bookingDeadline, bookingNeeded } from './booking.ts';
import type { PlannerCalendar } from './calendar.ts';
import { formatClock, formatDateWithWeekday, formatDuration, weekdayName } from './format.ts';
import type { Plan } from './model.ts';
import type { PlanDay } from './opening.ts';
import type { Schedule, Visit } from './schedule.ts';
import type { PlannerGroupRule, PlannerSite } from './types.ts';

export type WarningCode =
  | 'unknown-site'
  | 'no-date'
  | 'date-past'
  | 'calendar-not-covered'
  | 'closed'
  | 'after-last-entry'
  | 'visit-past-closing'
  | 'waiting'
  | 'booking'
  | 'booking-too-late'
  | 'booking-unknown-size'
  | 'over-capacity'
  | 'past-return'
  | 'past-midnight'
  | 'lunch-not-taken'
  | 'lunch-late'
  | 'estimated-legs';

export type Severity = 'error' | 'warning' | 'info';

export interface PlanWarning {
  code: WarningCode;
  severity: Severity;
  message: string;
  /** Index in plan.stops, for warnings about one stop. */
  stopIndex?: number;
  siteId?: string;
}

export interface WarningContext {
  plan: Plan;
  schedule: Schedule;
  sites: ReadonlyMap<string, PlannerSite>;
  calendar: PlannerCalendar;
  day: PlanDay | null;
  /** Today in Asia/Shanghai (todayInShanghai()). */
  today: string;
  /** Why routing gave no road legs, when it was asked (the server's reason). */
  routingNote?: string;
}

const contactOf = (site: PlannerSite): string => {
  const parts = [site.booking.phone && `预约电话 ${site.booking.phone}`, site.booking.url && `网上预约 ${site.booking.url}`].filter(Boolean);
  return parts.length ? `${parts.join('，')}。` : '';
};

/** 预计 9:10 到达某馆, or, when lunch came first, 午餐后预计 12:20 到达某馆入口. */
const arriving = (v: Visit): string => (v.ready === v.arrival ? `预计 ${formatClock(v.arrival)} 到达${v.site.name}` : `午餐后预计 ${formatClock(v.ready)} 进入${v.site.name}`);

/** 20 人以上的团队须预约（提前 2 个工作日），200 人以上提前 5 个工作日. */
function groupRulesText(groups: readonly PlannerGroupRule[]): string {
  const ahead = (d: number) => (d === 0 ? '当天预约即可' : `提前 ${d} 个工作日`);
  const [first, ...more] = groups;
  if (!first) return '';
  return [`${first.minSize} 人以上的团队须预约（${ahead(first.leadWorkingDays)}）`, ...more.map((g) => `${g.minSize} 人以上${ahead(g.leadWorkingDays)}`)].join('，');
}

function visitWarnings(v: Visit, ctx: WarningContext): PlanWarning[] {
  const { site } = v;
  const at = { stopIndex: v.stopIndex, siteId: site.id };
  const out: PlanWarning[] = [];
  // The rule in force that day (a season's, else the yearly one), as the teacher would read it on the site page.
  const hours = describeOpeningHours(v.opening.kind === 'no-date' ? site.hours : v.opening.hours);
  const dateText = ctx.day ? formatDateWithWeekday(ctx.day.date) : '';
  if (v.opening.kind === 'closed') {
    const why = {
      'closed-date': `${dateText}为该馆公布的闭馆日${v.opening.kind === 'closed' && v.opening.closure?.reason ? `（${v.opening.closure.reason}）` : ''}`,
      holiday: `${dateText}是法定节假日，该馆法定节假日闭馆`,
      weekly: `该馆每${weekdayName(ctx.day!.weekday)}闭馆`,
      'not-listed': `该馆开放时间不含${weekdayName(ctx.day!.weekday)}`,
    }[v.opening.why];
    out.push({ code: 'closed', severity: 'error', message: `${site.name}当天不开放：${why}（开放时间：${hours}）。请改期或换一个地点。`, ...at });
  } else if (v.opening.kind === 'open' && v.entry) {
    if (v.entry.kind === 'too-late') {
      const closed = v.entry.lastEntry >= v.entry.span[1];
      out.push({
        code: 'after-last-entry',
        severity: 'error',
        message: closed
          ? `${arriving(v)}，已过 ${formatMinutes(v.entry.span[1])} 闭馆时间（开放时间：${hours}）。`
          : `${arriving(v)}，晚于最晚入馆时间 ${formatMinutes(v.entry.lastEntry)}（${formatMinutes(v.entry.span[1])} 闭馆，闭馆前 ${site.lastEntryMinutesBeforeClose} 分钟停止入馆）。`,
        ...at,
      });
    } else {
      if (v.end > v.entry.span[1])
        out.push({ code: 'visit-past-closing', severity: 'warning', message: `${site.name}的参观将持续到 ${formatClock(v.end)}，超过 ${formatMinutes(v.entry.span[1])} 闭馆时间：请缩短参观时间或提早到达。`, ...at });
      if (v.wait > 0)
        out.push({ code: 'waiting', severity: 'info', message: `${arriving(v)}，${formatMinutes(v.entry.start)} 开馆，需等候 ${formatDuration(v.wait)}。`, ...at });
    }
  }

  const needed = bookingNeeded(site.booking, ctx.plan.groupSize);
  if (needed.kind === 'unknown-size') {
    out.push({ code: 'booking-unknown-size', severity: 'info', message: `${site.name}：${groupRulesText(site.booking.groups ?? [])}；请填写团队人数。${contactOf(site)}`, ...at });
  } else if (needed.kind === 'yes') {
    const { lead } = needed;
    const who = needed.by === 'individuals' ? '该馆参观须预约' : `团队 ${ctx.plan.groupSize} 人，达到 ${needed.minSize} 人须预约`;
    if (lead === undefined || lead === 0 || !ctx.day) {
      const when = lead === undefined ? '（场馆未注明提前天数，请尽早联系）' : lead === 0 ? '，当天预约即可' : `，须提前 ${lead} 个工作日`;
      out.push({ code: 'booking', severity: 'warning', message: `${site.name}需预约：${who}${when}。${contactOf(site)}`, ...at });
    } else {
      const deadline = bookingDeadline(ctx.calendar, ctx.day.date, lead, ctx.today);
      if (deadline.kind === 'not-covered')
        out.push({ code: 'booking', severity: 'warning', message: `${site.name}需预约：${who}，须提前 ${lead} 个工作日；节假日安排不含 ${deadline.year} 年，无法推算最晚预约日，请向场馆确认。${contactOf(site)}`, ...at });
      else if (deadline.reachable)
        out.push({ code: 'booking', severity: 'warning', message: `${site.name}需预约：${who}，须提前 ${lead} 个工作日，最晚 ${formatDateWithWeekday(deadline.latest)}预约。${contactOf(site)}`, ...at });
      else
        out.push({
          code: 'booking-too-late',
          severity: 'error',
          message: `${site.name}须提前 ${lead} 个工作日预约，最晚应在 ${formatDateWithWeekday(deadline.latest)}，今天（${formatDateWithWeekday(ctx.today)}）已来不及：请改期，或先与场馆联系确认。${contactOf(site)}`,
          ...at,
        });
    }
  }

  if (site.groupCapacity !== undefined && ctx.plan.groupSize !== null && ctx.plan.groupSize > site.groupCapacity)
    out.push({ code: 'over-capacity', severity: 'warning', message: `团队 ${ctx.plan.groupSize} 人，超过${site.name}单批接待上限 ${site.groupCapacity} 人：需分 ${Math.ceil(ctx.plan.groupSize / site.groupCapacity)} 批参观，并预留时间。`, ...at });
  return out;
}

export function planWarnings(ctx: WarningContext): PlanWarning[] {
  const { plan, schedule } = ctx;
  const out: PlanWarning[] = [];
  plan.stops.forEach((s, stopIndex) => {
    if (!ctx.sites.has(s.siteId)) out.push({ code: 'unknown-site', severity: 'error', message: `地点“${s.siteId.slice(0, 40)}”不在红色资源名录中（可能已更名或撤下），已从行程中略去。`, stopIndex, siteId: s.siteId });
  });
  if (!ctx.day) out.push({ code: 'no-date', severity: 'info', message: '尚未选择出行日期：无法检查闭馆日、法定节假日和预约期限。' });
  else {
    if (ctx.day.date < ctx.today) out.push({ code: 'date-past', severity: 'error', message: `出行日期 ${formatDateWithWeekday(ctx.day.date)}已过（今天是 ${formatDateWithWeekday(ctx.today)}）。` });
    if (ctx.day.publicHoliday === null)
      out.push({
        code: 'calendar-not-covered',
        severity: 'warning',
        message: `节假日安排只收录 ${ctx.calendar.describeCoverage()}，不含 ${ctx.day.date.slice(0, 4)} 年：无法判断${formatDateWithWeekday(ctx.day.date)}是否为法定节假日，闭馆和开放时间按平日规则检查，请向场馆确认。`,
      });
  }
  for (const v of schedule.visits) out.push(...visitWarnings(v, ctx));

  if (plan.returnBy !== null && schedule.finish > plan.returnBy)
    out.push({ code: 'past-return', severity: 'warning', message: `预计 ${formatClock(schedule.finish)} ${schedule.returnLeg ? '返回' : '结束'}，晚于要求的 ${formatClock(plan.returnBy)}（超出 ${formatDuration(schedule.finish - plan.returnBy)}）：请减少地点、缩短参观或提早出发。` });
  if (schedule.finish >= 1440) out.push({ code: 'past-midnight', severity: 'warning', message: `行程持续到${formatClock(schedule.finish)}，超过一天：请减少地点或分两天安排。` });
  if (plan.lunch && !schedule.lunch) out.push({ code: 'lunch-not-taken', severity: 'info', message: `行程在 ${formatClock(plan.lunch.from)} 前结束，未安排午餐。` });
  if (plan.lunch && schedule.lunch && schedule.lunch.start >= plan.lunch.from + 120)
    out.push({ code: 'lunch-late', severity: 'info', message: `午餐推迟到 ${formatClock(schedule.lunch.start)}（计划 ${formatClock(plan.lunch.from)} 起）：途中没有空档，可调整顺序或缩短参观。` });
  if (schedule.totals.estimatedLegs > 0)
    out.push({
      code: 'estimated-legs',
      severity: 'info',
      message: `${schedule.totals.estimatedLegs} 段路程为直线估算（直线距离乘以道路系数），实际距离和用时可能不同${ctx.routingNote ? `：${ctx.routingNote}` : ''}。`,
    });
  return out;
}
