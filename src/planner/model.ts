/**
 * The plan: what a teacher chooses, nothing computed. Everything derived
 * (legs, times, warnings) comes from ./compute.ts, so the URL
 * (./url.ts) only ever carries this and a reloaded link gives the same day.
 * Times are minutes after midnight of the plan's date in Asia/Shanghai.
 */
import type { LonLat, TransportModeId } from './types.ts';

/** At most 20 stops (issue 12): a school day has room for far fewer, and routing answers stay small. */
export const MAX_STOPS = 20;

/** Allowed ranges, shared by the URL grammar and the UI's inputs. */
export const LIMITS = {
  stopMinutes: { min: 5, max: 600 },
  lunchMinutes: { min: 10, max: 240 },
  groupSize: { min: 1, max: 2000 },
  nameChars: 40,
} as const;

/** The school (start) or another named place, picked on the map or found by search. */
export interface PlanPoint {
  lonLat: LonLat;
  name?: string;
}

export interface PlanStop {
  siteId: string;
  /** Minutes at this stop; absent: the site's suggested visit length. */
  minutes?: number;
}

/** A lunch break of `minutes`, taken at the first moment from `from` on that the group is not travelling or visiting. */
export interface Lunch {
  from: number;
  minutes: number;
}

/** Where the day ends: back at the start (the school), at another point, or at the last stop. */
export type PlanEnd = 'start' | 'none' | PlanPoint;

export interface Plan {
  start: PlanPoint | null;
  end: PlanEnd;
  stops: readonly PlanStop[];
  /** YYYY-MM-DD; null until chosen (closures and booking cannot be checked without it). */
  date: string | null;
  departure: number;
  mode: TransportModeId;
  lunch: Lunch | null;
  /** Pupils and teachers; null until given (booking thresholds and capacities cannot be checked). */
  groupSize: number | null;
  /** The time the group must be back; null: no limit. */
  returnBy: number | null;
}

/** The plan a link without parameters stands for. */
export const DEFAULT_PLAN: Plan = {
  start: null,
  end: 'start',
  stops: [],
  date: null,
  departure: 8 * 60,
  mode: 'coach',
  lunch: null,
  groupSize: null,
  returnBy: null,
};

/** The lunch break the UI offers first: from 11:30, an hour. */
export const DEFAULT_LUNCH: Lunch = { from: 11 * 60 + 30, minutes: 60 };

/** Adds a stop at the end (or at `index`); a site already in the plan, or a 21st stop, is refused. */
export function addStop(plan: Plan, stop: PlanStop, index = plan.stops.length): { ok: true; plan: Plan } | { ok: false; reason: string } {
  if (plan.stops.some((s) => s.siteId === stop.siteId)) return { ok: false, reason: '该地点已在行程中' };
  if (plan.stops.length >= MAX_STOPS) return { ok: false, reason: `行程最多 ${MAX_STOPS} 个地点` };
  const stops = [...plan.stops];
  stops.splice(Math.max(0, Math.min(index, stops.length)), 0, stop);
  return { ok: true, plan: { ...plan, stops } };
}

export function removeStop(plan: Plan, index: number): Plan {
  return { ...plan, stops: plan.stops.filter((_, i) => i !== index) };
}

/** Moves the stop at `from` to position `to` (drag and drop, or the keyboard's up and down). */
export function moveStop(plan: Plan, from: number, to: number): Plan {
  if (from < 0 || from >= plan.stops.length) return plan;
  const stops = [...plan.stops];
  const [moved] = stops.splice(from, 1);
  stops.splice(Math.max(0, Math.min(to, stops.length)), 0, moved!);
  return { ...plan, stops };
}
