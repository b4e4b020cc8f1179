/**
 * Building a PlannerSite from plain fields, checked, so that whatever feeds
 * the planner (the red-site records, a test, a bench) goes through one
 * gate. The red column's adapter is `plannerSiteFromRedSite` below: it maps
 * a record of src/schema/red.ts onto PlannerSiteFields and plannerSite
 * checks the result, so the planner page reads the same hours, seasons,
 * closures and booking rules as the site page.
 */
import { isIsoDate } from '../lib/dates.ts';
import { parseOpeningHours } from '../lib/opening-hours.ts';
import type { RedSite } from '../schema/red.ts';
import type { LonLat, PlannerBooking, PlannerClosure, PlannerSeason, PlannerSite } from './types.ts';

/** A site with its opening hours still as specs (Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00). */
export interface PlannerSiteFields {
  id: string;
  name: string;
  lonLat: LonLat;
  hours: string;
  /** Seasonal specs between two days of the year (MM-DD). */
  seasons?: readonly { from: string; to: string; hours: string }[];
  lastEntryMinutesBeforeClose?: number;
  /** Single days (YYYY-MM-DD) or ranges with their reason. */
  closedDates?: readonly (string | { from: string; to?: string; reason?: string })[];
  visitMinutes: number;
  booking: PlannerBooking;
  groupCapacity?: number;
}

export type PlannerSiteResult = { ok: true; site: PlannerSite } | { ok: false; errors: string[] };

const wholeIn = (v: number | undefined, min: number, max: number): boolean => v === undefined || (Number.isInteger(v) && v >= min && v <= max);
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function plannerSite(f: PlannerSiteFields): PlannerSiteResult {
  const errors: string[] = [];
  const hours = parseOpeningHours(f.hours);
  if (!hours.ok) errors.push(...hours.errors.map((e) => `开放时间：${e}`));
  const seasons: PlannerSeason[] = [];
  (f.seasons ?? []).forEach((s, i) => {
    const parsed = parseOpeningHours(s.hours);
    if (!MONTH_DAY.test(s.from) || !MONTH_DAY.test(s.to)) errors.push(`第 ${i + 1} 个季节：起止日期应写作 MM-DD`);
    if (!parsed.ok) errors.push(...parsed.errors.map((e) => `第 ${i + 1} 个季节的开放时间：${e}`));
    else seasons.push({ from: s.from, to: s.to, hours: parsed.hours });
  });
  if (!/^[a-z0-9-]{1,80}$/.test(f.id)) errors.push('id 只能用小写字母、数字和连字符，1–80 个字符');
  if (!f.name.trim()) errors.push('名称为空');
  const [lon, lat] = f.lonLat;
  if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) errors.push('坐标无效');
  if (!wholeIn(f.visitMinutes, 5, 600)) errors.push('建议参观时长应为 5–600 分钟的整数');
  if (!wholeIn(f.lastEntryMinutesBeforeClose, 0, 240)) errors.push('停止入馆时间应为闭馆前 0–240 分钟的整数');
  if (!wholeIn(f.booking.leadWorkingDays, 0, 60)) errors.push('提前预约工作日数应为 0–60 的整数');
  const groups = f.booking.groups ?? [];
  if (!groups.every((g, i) => wholeIn(g.minSize, 1, 10_000) && wholeIn(g.leadWorkingDays, 0, 60) && (i === 0 || g.minSize > groups[i - 1]!.minSize)))
    errors.push('团队预约规则应为人数（正整数，从小到大）和提前工作日数（0–60）');
  if (!wholeIn(f.groupCapacity, 1, 10_000)) errors.push('单批接待上限应为正整数');
  const closed: PlannerClosure[] = (f.closedDates ?? []).map((c) => (typeof c === 'string' ? { from: c, to: c } : { from: c.from, to: c.to ?? c.from, ...(c.reason ? { reason: c.reason } : {}) }));
  const bad = closed.filter((c) => !isIsoDate(c.from) || !isIsoDate(c.to) || c.to < c.from).map((c) => (c.from === c.to ? c.from : `${c.from} 至 ${c.to}`));
  if (bad.length) errors.push(`闭馆日期无效：${bad.slice(0, 3).join('、')}`);
  if (!hours.ok || errors.length) return { ok: false, errors };
  return {
    ok: true,
    site: {
      id: f.id,
      name: f.name.trim(),
      lonLat: [lon, lat],
      hours: hours.hours,
      seasons,
      lastEntryMinutesBeforeClose: f.lastEntryMinutesBeforeClose ?? 0,
      closedDates: closed.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
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

/** What the red-site adapter reads from a record (src/schema/red.ts). */
export type RedSiteMachineFields = Pick<RedSite, 'id' | 'name' | 'location' | 'visitMinutes' | 'hours' | 'booking' | 'capacity'>;

/**
 * The red-site adapter: one record to PlannerSiteFields (then plannerSite
 * checks it). The record's booking says whether individual visitors book
 * and how far ahead, and group rules by size; the planner's booking has the
 * same shape. `hours.note` (清明节前后延长开放…) is words for people and
 * stays on the site page.
 */
export function plannerSiteFromRedSite(r: RedSiteMachineFields): PlannerSiteFields {
  const [lon = NaN, lat = NaN] = r.location.coordinates;
  const { individualsNeedBooking, individualLeadWorkingDays, groups, url, contact } = r.booking;
  return {
    id: r.id,
    name: r.name,
    lonLat: [lon, lat],
    hours: r.hours.spec,
    ...(r.hours.seasons.length ? { seasons: r.hours.seasons.map((s) => ({ from: s.from, to: s.to, hours: s.spec })) } : {}),
    ...(r.hours.lastEntryMinutes !== undefined ? { lastEntryMinutesBeforeClose: r.hours.lastEntryMinutes } : {}),
    closedDates: r.hours.closedDates.map((c) => ({ from: c.from, ...(c.to ? { to: c.to } : {}), reason: c.reason })),
    visitMinutes: r.visitMinutes,
    booking: {
      required: individualsNeedBooking,
      ...(individualLeadWorkingDays !== undefined ? { leadWorkingDays: individualLeadWorkingDays } : {}),
      ...(groups.length ? { groups: groups.map((g) => ({ minSize: g.minSize, leadWorkingDays: g.leadWorkingDays })) } : {}),
      ...(contact?.phone ? { phone: contact.phone } : {}),
      ...(url ? { url } : {}),
    },
    ...(r.capacity.group !== undefined ? { groupCapacity: r.capacity.group } : {}),
  };
}

