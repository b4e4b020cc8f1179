/**
 * The trip planner's vocabulary (issue 12 §4). The planner reads its own
 * site type, not the red-site schema, so that a plan is computable from any
 * source that can fill these fields (./site.ts checks and builds one; its
 * plannerSiteFromRedSite maps a red-site record onto them).
 */
import type { OpeningHours } from '../lib/opening-hours.ts';

/** CGCS2000 decimal degrees, longitude first (Tianditu's order, and GeoJSON's). */
export type LonLat = readonly [number, number];

/** From a group size on, groups book this many working days (调休 counted) ahead. */
export interface PlannerGroupRule {
  minSize: number;
  leadWorkingDays: number;
}

/** When a venue wants to be told in advance. */
export interface PlannerBooking {
  /** Everyone must book, individual visitors (散客) too, whatever the group's size. */
  required: boolean;
  /** Working days ahead an individual visitor (or a group below every group rule) books, with `required`. */
  leadWorkingDays?: number;
  /**
   * Group rules, smallest group first: a group of `minSize` or more books
   * `leadWorkingDays` ahead; a larger group takes the last rule it reaches
   * (20 人以上提前 2 个工作日, 200 人以上提前 5 个工作日).
   */
  groups?: readonly PlannerGroupRule[];
  /** The venue's public booking phone, shown with the warning. */
  phone?: string;
  /** The venue's own booking page: the planner never books for anyone. */
  url?: string;
}

/** Opening hours that replace the yearly rule between two days of any year (MM-DD, inclusive; may wrap over the new year). */
export interface PlannerSeason {
  from: string;
  to: string;
  hours: OpeningHours;
}

/** Days closed outside the weekly rule (闭馆维护, 改陈布展), YYYY-MM-DD, inclusive. */
export interface PlannerClosure {
  from: string;
  to: string;
  reason?: string;
}

/** A venue a plan can visit, with the machine fields the schedule and warnings read. */
export interface PlannerSite {
  id: string;
  name: string;
  lonLat: LonLat;
  /** The yearly rule, or the rule outside every season. */
  hours: OpeningHours;
  /** Seasonal rules; the first containing the date wins (as on the site page, src/lib/red-hours.ts). */
  seasons: readonly PlannerSeason[];
  /** Last entry this many minutes before each span closes (停止入馆); 0 = entry until closing. */
  lastEntryMinutesBeforeClose: number;
  /** Closures outside the weekly rule, sorted by their first day. */
  closedDates: readonly PlannerClosure[];
  /** Suggested visit length in minutes; a stop may override it. */
  visitMinutes: number;
  booking: PlannerBooking;
  /** Most people the venue takes as one group (单批接待上限). */
  groupCapacity?: number;
}

export type TransportModeId = 'walk' | 'coach' | 'transit';
