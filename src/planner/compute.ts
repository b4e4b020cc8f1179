/**
 * One call from a plan to everything the page shows: points, legs,
 * timetable and warnings. Pure and synchronous (road legs are fetched
 * beforehand by ./routing-client.ts and passed in), so the page can call it
 * on every edit: a 20-stop plan recomputes in well under the 5 ms budget
 * (npm run bench:planner).
 */
import type { PlannerCalendar } from './calendar.ts';
import { computeLegs, planWaypoints, type Leg, type RoadLegs, type Waypoint } from './legs.ts';
import type { Plan } from './model.ts';
import { planDay } from './opening.ts';
import { buildSchedule, type Schedule } from './schedule.ts';
import type { PlannerSite } from './types.ts';
import { planWarnings, type PlanWarning } from './warnings.ts';

export interface PlanContext {
  sites: ReadonlyMap<string, PlannerSite>;
  calendar: PlannerCalendar;
  /** Today in Asia/Shanghai (src/lib/dates.ts todayInShanghai), for booking deadlines. */
  today: string;
  /** Road legs by legKey; absent or missing legs are estimated. */
  roadLegs?: RoadLegs;
  /** Why there are no road legs (e.g. the server has no routing key), for the estimate's note. */
  routingNote?: string;
}

export interface ComputedPlan {
  points: Waypoint[];
  legs: Leg[];
  schedule: Schedule;
  warnings: PlanWarning[];
}

export function computePlan(plan: Plan, ctx: PlanContext): ComputedPlan {
  const points = planWaypoints(plan, ctx.sites);
  const legs = computeLegs(points, plan.mode, ctx.roadLegs);
  const day = plan.date ? planDay(plan.date, ctx.calendar) : null;
  const schedule = buildSchedule(plan, points, legs, ctx.sites, day);
  const warnings = planWarnings({ plan, schedule, sites: ctx.sites, calendar: ctx.calendar, day, today: ctx.today, ...(ctx.routingNote ? { routingNote: ctx.routingNote } : {}) });
  return { points, legs, schedule, warnings };
}
