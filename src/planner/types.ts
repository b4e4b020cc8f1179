/**
 * The trip planner's vocabulary (issue 12 §4). The planner reads its own
 * site type, not the red-site schema: the column's schema is still growing,
 * and a plan must be computable from any source that can fill these fields
 * (./site.ts checks and builds one).
 */
import type { OpeningHours } from '../lib/opening-hours.ts';

/** CGCS2000 decimal degrees, longitude first (Tianditu's order, and GeoJSON's). */
export type LonLat = readonly [number, number];

/** When a venue wants to be told in advance. */
export interface PlannerBooking {
  /** Everyone must book, whatever the group's size. */
  required: boolean;
  /** Groups of this many people or more must book. */
  groupThreshold?: number;
  /** The booking must be made at least this many working days (调休 counted) before the visit. */
  leadWorkingDays?: number;
  /** The venue's public booking phone, shown with the warning. */
  phone?: string;
  /** The venue's own booking page: the planner never books for anyone. */
  url?: string;
}

/** A venue a plan can visit, with the machine fields the schedule and warnings read. */
export interface PlannerSite {
  id: string;
  name: string;
  lonLat: LonLat;
  hours: OpeningHours;
  /** Last entry this many minutes before each span closes (停止入馆); 0 = entry until closing. */
  lastEntryMinutesBeforeClose: number;
  /** Dates closed outside the weekly rule (闭馆维护, 布展), YYYY-MM-DD, sorted. */
  closedDates: readonly string[];
  /** Suggested visit length in minutes; a stop may override it. */
  visitMinutes: number;
  booking: PlannerBooking;
  /** Most people the venue takes as one group (单批接待上限). */
  groupCapacity?: number;
}

export type TransportModeId = 'walk' | 'coach' | 'transit';
