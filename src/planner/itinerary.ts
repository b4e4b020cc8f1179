/**
 * The computed plan as an itinerary: one entry per point with its times
 * and a Chinese description, one per leg with its figures. The three
 * exports (GPX, KML, GeoJSON) and the print view read this, so they all say
 * the same thing in the same words.
 */
import type { ComputedPlan } from './compute.ts';
import { formatClock, formatDateWithWeekday, formatDistance, formatDuration } from './format.ts';
import type { Plan } from './model.ts';
import { TRANSPORT_MODES } from './modes.ts';
import type { LonLat } from './types.ts';

export interface ItineraryPoint {
  kind: 'start' | 'stop' | 'end';
  /** 1-based stop number; 0 for start and end. */
  number: number;
  name: string;
  lonLat: LonLat;
  siteId?: string;
  /** Minutes after midnight: arrival (stops, end) and departure (start, stops). */
  arrival?: number;
  departure?: number;
  description: string;
}

export interface ItineraryLeg {
  number: number;
  fromName: string;
  toName: string;
  distanceM: number;
  minutes: number;
  source: 'road' | 'estimate';
  label: string;
  line: readonly LonLat[];
  description: string;
}

export interface Itinerary {
  title: string;
  /** One line: date, mode, departure and return. */
  summary: string;
  date: string | null;
  points: ItineraryPoint[];
  legs: ItineraryLeg[];
}

export function itinerary(plan: Plan, computed: ComputedPlan, title?: string): Itinerary {
  const { schedule } = computed;
  const visits = new Map(schedule.visits.map((v) => [v.stopIndex, v]));
  let number = 0;
  const points = computed.points.map((p): ItineraryPoint => {
    const lunchHere = schedule.lunch?.place.kind === p.kind ? schedule.lunch : null;
    if (p.kind === 'start') {
      const leave = lunchHere ? lunchHere.end : schedule.departure;
      return { kind: 'start', number: 0, name: p.name, lonLat: p.lonLat, departure: leave, description: `${lunchHere ? `${formatClock(lunchHere.start)} 午餐，` : ''}${formatClock(leave)} 出发` };
    }
    if (p.kind === 'end')
      return { kind: 'end', number: 0, name: p.name, lonLat: p.lonLat, arrival: schedule.finish, description: `${formatClock(schedule.finish)} 到达${lunchHere ? `，${formatClock(lunchHere.start)} 午餐` : ''}` };
    const v = visits.get(p.stopIndex!)!;
    number += 1;
    const lunchAfter = schedule.lunch?.place.kind === 'after' && schedule.lunch.place.stopIndex === v.stopIndex ? schedule.lunch : null;
    const leave = lunchAfter ? lunchAfter.end : v.end;
    const parts = [
      `${formatClock(v.arrival)} 到达`,
      v.ready > v.arrival && `午餐至 ${formatClock(v.ready)}`,
      v.wait > 0 && `等候 ${formatDuration(v.wait)}，${formatClock(v.start)} 入馆`,
      `参观 ${formatDuration(v.minutes)}`,
      lunchAfter && `${formatClock(lunchAfter.start)} 午餐`,
      `${formatClock(leave)} 离开`,
    ];
    return { kind: 'stop', number, name: p.name, lonLat: p.lonLat, siteId: p.siteId!, arrival: v.arrival, departure: leave, description: parts.filter(Boolean).join('，') };
  });
  const legs = computed.legs.map((l, i): ItineraryLeg => ({
    number: i + 1,
    fromName: l.from.name,
    toName: l.to.name,
    distanceM: l.distanceM,
    minutes: l.minutes,
    source: l.source,
    label: l.label,
    line: l.line,
    description: `${formatDistance(l.distanceM)}，约 ${formatDuration(l.minutes)}，${l.label}`,
  }));
  const mode = TRANSPORT_MODES[plan.mode].label;
  const when = plan.date ? formatDateWithWeekday(plan.date) : '日期未定';
  const lunch = schedule.lunch ? `，午餐 ${formatClock(schedule.lunch.start)}–${formatClock(schedule.lunch.end)}` : '';
  const end = schedule.returnLeg ? `${formatClock(schedule.finish)} 返回` : `${formatClock(schedule.finish)} 结束`;
  return {
    title: title?.trim() || `研学行程 ${when}`,
    summary: `${when}，${mode}，${formatClock(schedule.departure)} 出发${lunch}，${end}；共 ${points.filter((p) => p.kind === 'stop').length} 个地点，${formatDistance(schedule.totals.distanceM)}`,
    date: plan.date,
    points,
    legs,
  };
}

/** An instant for a plan time: the date's midnight in Asia/Shanghai (UTC+8, no summer time) plus the minutes. */
export function planInstant(date: string, minutes: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 0, minutes - 8 * 60)).toISOString().replace('.000Z', 'Z');
}
