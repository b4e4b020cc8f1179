/**
 * Building a PlannerSite from plain fields, checked, so that whatever feeds
 * the planner (the red-site records once their machine fields land, a
 * test, a bench) goes through one gate. The red column's adapter is
 * `plannerSiteFromRedSite` below: it maps a record's fields onto
 * PlannerSiteFields and calls plannerSite; until src/schema/red.ts has the
 * machine fields, its input type is declared here by what it needs.
 */
import { isIsoDate } from '../lib/dates.ts';
import { parseOpeningHours } from '../lib/opening-hours.ts';
import type { LonLat, PlannerBooking, PlannerSite } from './types.ts';

/** A site with its opening hours still as a spec (Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00). */
export interface PlannerSiteFields {
  id: string;
  name: string;
  lonLat: LonLat;
  hours: string;
  lastEntryMinutesBeforeClose?: number;
  closedDates?: readonly string[];
  visitMinutes: number;
  booking: PlannerBooking;
  groupCapacity?: number;
}

export type PlannerSiteResult = { ok: true; site: PlannerSite } | { ok: false; errors: string[] };

const wholeIn = (v: number | undefined, min: number, max: number): boolean => v === undefined || (Number.isInteger(v) && v >= min && v <= max);

export function plannerSite(f: PlannerSiteFields): PlannerSiteResult {
  const errors: string[] = [];
  const hours = parseOpeningHours(f.hours);
  if (!hours.ok) errors.push(...hours.errors.map((e) => `开放时间：${e}`));
  if (!/^[a-z0-9-]{1,80}$/.test(f.id)) errors.push('id 只能用小写字母、数字和连字符，1–80 个字符');
  if (!f.name.trim()) errors.push('名称为空');
  const [lon, lat] = f.lonLat;
  if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) errors.push('坐标无效');
  if (!wholeIn(f.visitMinutes, 5, 600)) errors.push('建议参观时长应为 5–600 分钟的整数');
  if (!wholeIn(f.lastEntryMinutesBeforeClose, 0, 240)) errors.push('停止入馆时间应为闭馆前 0–240 分钟的整数');
  if (!wholeIn(f.booking.groupThreshold, 1, 10_000)) errors.push('团体预约人数应为正整数');
  if (!wholeIn(f.booking.leadWorkingDays, 0, 60)) errors.push('提前预约工作日数应为 0–60 的整数');
  if (!wholeIn(f.groupCapacity, 1, 10_000)) errors.push('单批接待上限应为正整数');
  const closed = [...(f.closedDates ?? [])];
  const bad = closed.filter((d) => !isIsoDate(d));
  if (bad.length) errors.push(`闭馆日期无效：${bad.slice(0, 3).join('、')}`);
  if (!hours.ok || errors.length) return { ok: false, errors };
  return {
    ok: true,
    site: {
      id: f.id,
      name: f.name.trim(),
      lonLat: [lon, lat],
      hours: hours.hours,
      lastEntryMinutesBeforeClose: f.lastEntryMinutesBeforeClose ?? 0,
      closedDates: closed.sort(),
      visitMinutes: f.visitMinutes,
      booking: f.booking,
      ...(f.groupCapacity !== undefined ? { groupCapacity: f.groupCapacity } : {}),
    },
  };
}

/** The sites by id, and the problems of those that could not be read (the page lists them, the planner skips them). */
export function plannerSites(fields: readonly PlannerSiteFields[]): { sites: Map<string, PlannerSite>; problems: { id: string; errors: string[] }[] } {
  const sites = new Map<string, PlannerSite>();
  const problems: { id: string; errors: string[] }[] = [];
  for (const f of fields) {
    const r = plannerSite(f);
    if (r.ok) sites.set(r.site.id, r.site);
    else problems.push({ id: f.id, errors: r.errors });
  }
  return { sites, problems };
}

/**
 * What the red-site adapter reads from a record (src/schema/red.ts, once it
 * has the machine fields). Named after the fields as the red column's owner
 * described them; the adapter is the only place to change when the names
 * settle.
 */
export interface RedSiteMachineFields {
  id: string;
  name: string;
  location: { type: 'Point'; coordinates: readonly number[] };
  visitMinutes: number;
  hours: { spec: string; lastEntryMinutesBeforeClose?: number; closedDates?: readonly string[] };
  booking: { individualsNeedBooking: boolean; groupThreshold?: number; leadWorkingDays?: number; url?: string; contact?: { phone?: string } };
  groupCapacity?: number;
}

/** The red-site adapter: one record to PlannerSiteFields (then plannerSite checks it). */
export function plannerSiteFromRedSite(r: RedSiteMachineFields): PlannerSiteFields {
  const [lon = NaN, lat = NaN] = r.location.coordinates;
  const { individualsNeedBooking, groupThreshold, leadWorkingDays, url, contact } = r.booking;
  return {
    id: r.id,
    name: r.name,
    lonLat: [lon, lat],
    hours: r.hours.spec,
    ...(r.hours.lastEntryMinutesBeforeClose !== undefined ? { lastEntryMinutesBeforeClose: r.hours.lastEntryMinutesBeforeClose } : {}),
    closedDates: r.hours.closedDates ?? [],
    visitMinutes: r.visitMinutes,
    booking: {
      required: individualsNeedBooking,
      ...(groupThreshold !== undefined ? { groupThreshold } : {}),
      ...(leadWorkingDays !== undefined ? { leadWorkingDays } : {}),
      ...(contact?.phone ? { phone: contact.phone } : {}),
      ...(url ? { url } : {}),
    },
    ...(r.groupCapacity !== undefined ? { groupCapacity: r.groupCapacity } : {}),
  };
}
