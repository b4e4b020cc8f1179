/**
 * The day's timetable: departure, each stop's arrival, entry and
 * departure, the lunch break and the return. Rules (docs/planner.md):
 * - a group that arrives before a venue opens waits for it (the wait is
 *   shown); one that arrives closed, or after the last entry, still gets its
 *   visit in the timetable, so later times stay meaningful, and a warning;
 * - lunch is taken at the first moment from `lunch.from` on that the group
 *   is neither travelling nor visiting: on arrival at a stop (before the
 *   visit), after a visit, or once back at the end;
 * - times run on past midnight rather than wrap (a warning says so).
 */
import type { Leg, Waypoint } from './legs.ts';
import type { Plan } from './model.ts';
import { entryFor, openingOn, type DayOpening, type Entry, type PlanDay } from './opening.ts';
import type { PlannerSite } from './types.ts';

export interface Visit {
  stopIndex: number;
  site: PlannerSite;
  /** The leg that brings the group here; null for a first stop without a start point. */
  legIn: Leg | null;
  arrival: number;
  /** When the group is ready to go in: the arrival, or the end of a lunch taken on arrival. */
  ready: number;
  /** Entry (after any wait for the doors). */
  start: number;
  end: number;
  minutes: number;
  /** Minutes between ready and entry, waiting for the doors. */
  wait: number;
  opening: DayOpening;
  /** How the group gets in; absent when the venue is closed that day or no date is set. */
  entry?: Entry;
}

export type LunchPlace = { kind: 'start' } | { kind: 'before' | 'after'; stopIndex: number; siteName: string } | { kind: 'end' };

export interface LunchSlot {
  start: number;
  end: number;
  place: LunchPlace;
}

export interface Schedule {
  departure: number;
  visits: Visit[];
  lunch: LunchSlot | null;
  /** The leg to the end point; null when the day ends at the last stop. */
  returnLeg: Leg | null;
  /** Arrival at the end point, or the end of the last visit. */
  finish: number;
  totals: { distanceM: number; travelMinutes: number; visitMinutes: number; waitMinutes: number; roadLegs: number; estimatedLegs: number };
}

export function buildSchedule(plan: Plan, points: readonly Waypoint[], legs: readonly Leg[], sites: ReadonlyMap<string, PlannerSite>, day: PlanDay | null): Schedule {
  let t = plan.departure;
  let pendingLunch = plan.lunch;
  let lunch: LunchSlot | null = null;
  const takeLunch = (place: LunchPlace): void => {
    if (!pendingLunch || t < pendingLunch.from) return;
    lunch = { start: t, end: t + pendingLunch.minutes, place };
    t = lunch.end;
    pendingLunch = null;
  };
  const visits: Visit[] = [];
  let returnLeg: Leg | null = null;
  let finish = t;
  let waitMinutes = 0;

  points.forEach((p, i) => {
    const legIn = i > 0 ? legs[i - 1]! : null;
    if (legIn) t += legIn.minutes;
    if (p.kind === 'start') {
      takeLunch({ kind: 'start' });
      return;
    }
    if (p.kind === 'end') {
      returnLeg = legIn;
      finish = t;
      takeLunch({ kind: 'end' });
      return;
    }
    const stop = plan.stops[p.stopIndex!]!;
    const site = sites.get(stop.siteId)!;
    const arrival = t;
    takeLunch({ kind: 'before', stopIndex: p.stopIndex!, siteName: site.name });
    const ready = t;
    const opening = openingOn(site, day);
    const entry = opening.kind === 'open' ? entryFor(opening.spans, ready, site.lastEntryMinutesBeforeClose) : undefined;
    const start = entry?.kind === 'in' ? entry.start : ready;
    const minutes = stop.minutes ?? site.visitMinutes;
    waitMinutes += start - ready;
    t = start + minutes;
    visits.push({ stopIndex: p.stopIndex!, site, legIn, arrival, ready, start, end: t, minutes, wait: start - ready, opening, ...(entry ? { entry } : {}) });
    finish = t;
    takeLunch({ kind: 'after', stopIndex: p.stopIndex!, siteName: site.name });
  });

  const road = legs.filter((l) => l.source === 'road').length;
  return {
    departure: plan.departure,
    visits,
    lunch,
    returnLeg,
    finish,
    totals: {
      distanceM: legs.reduce((s, l) => s + l.distanceM, 0),
      travelMinutes: legs.reduce((s, l) => s + l.minutes, 0),
      visitMinutes: visits.reduce((s, v) => s + v.minutes, 0),
      waitMinutes,
      roadLegs: road,
      estimatedLegs: legs.length - road,
    },
  };
}
