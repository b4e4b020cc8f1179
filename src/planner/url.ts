/**
 * The plan in the URL (docs/planner-url.md), so a plan is shared as a link
 * and reloads to the same times. The grammar reads like the map's
 * (docs/permalink.md): short parameters in a fixed order, each written only
 * when it differs from the default, only `a–z 0–9 . , - : = &` outside the
 * percent-encoded names. Reading never throws: each bad parameter is
 * ignored on its own with a warning, bad stops are dropped one by one with
 * the reason, and everything else still loads.
 */
import { isIsoDate } from '../lib/dates.ts';
import { insideExtent, type Extent } from './extent.ts';
import { DEFAULT_PLAN, LIMITS, MAX_STOPS, type Plan, type PlanEnd, type PlanPoint, type PlanStop } from './model.ts';
import { isTransportMode } from './modes.ts';
import type { LonLat } from './types.ts';

export const MAX_QUERY_CHARS = 16_384;
export const MAX_VALUE_CHARS = 2_048;
const MAX_WARNINGS = 20;

export type DropReason = 'invalid' | 'unknown' | 'duplicate' | 'over-limit';

export interface UrlWarning {
  /** The parameter, or '' for the whole query. */
  param: string;
  message: string;
}

export interface ParsedPlan {
  plan: Plan;
  warnings: UrlWarning[];
  /** Stops that were in the link but not loaded, in link order. */
  dropped: { id: string; reason: DropReason }[];
}

export interface ParseOptions {
  /** Whether a site id is in the catalogue; without it, every well-formed id is kept. */
  knownSite?: (id: string) => boolean;
  /** Start and end must lie in this box (site.yaml map.homeExtent), when given. */
  extent?: Extent;
}

const COORD = /^(-?\d{1,3}(?:\.\d{1,6})?),(-?\d{1,3}(?:\.\d{1,6})?)$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT = /^\d{1,4}$/;
export const SITE_ID = /^[a-z0-9-]{1,80}$/;
const STOP = /^([a-z0-9-]{1,80})(?::(\d{1,4}))?$/;
// Control, format and separator characters other than the plain space: a name is one line of text.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu;

/** A value quoted for a message: at most 40 characters. */
const quote = (v: string): string => `“${[...v].length > 40 ? `${[...v].slice(0, 40).join('')}…` : v}”`;

const parseTime = (v: string): number | undefined => {
  const m = TIME.exec(v);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};

export const formatTime = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function parsePoint(v: string, extent: Extent | undefined): LonLat | string {
  const m = COORD.exec(v);
  if (!m) return '应为“经度,纬度”，如 123.918,47.354';
  const p: LonLat = [Number(m[1]), Number(m[2])];
  if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return '经纬度超出范围（经度在前）';
  if (extent && !insideExtent(p, extent)) return '不在本市范围内';
  return p;
}

function parseName(v: string): string | undefined {
  const clean = v.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  return [...clean].length <= LIMITS.nameChars ? clean : undefined;
}

/** Reads a plan from a query string (with or without the leading `?`). */
export function parsePlanQuery(search: string, options: ParseOptions = {}): ParsedPlan {
  const warnings: UrlWarning[] = [];
  const dropped: ParsedPlan['dropped'] = [];
  const warn = (param: string, message: string) => warnings.push({ param, message });
  const plan: Plan = { ...DEFAULT_PLAN, stops: [] };
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length > MAX_QUERY_CHARS) {
    warn('', `链接过长（超过 ${MAX_QUERY_CHARS} 个字符），未能读取行程`);
    return { plan, warnings, dropped };
  }

  // A Map, so that names such as __proto__ reach no prototype; a repeated parameter is ambiguous.
  const params = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [k, v] of new URLSearchParams(query)) {
    if (params.has(k)) repeated.add(k);
    params.set(k, v);
  }
  const KNOWN = ['s', 'sn', 'e', 'en', 'p', 'd', 't', 'm', 'l', 'g', 'r'];
  for (const k of KNOWN) {
    if (repeated.has(k)) {
      warn(k, `参数 ${k} 出现了不止一次，已忽略`);
      params.delete(k);
    } else if ((params.get(k)?.length ?? 0) > MAX_VALUE_CHARS) {
      warn(k, `参数 ${k} 过长，已忽略`);
      params.delete(k);
    }
  }
  const get = (k: string) => params.get(k);

  const pointParam = (k: 's' | 'e'): LonLat | undefined => {
    const v = get(k);
    if (v === undefined) return undefined;
    const p = parsePoint(v, options.extent);
    if (typeof p === 'string') {
      warn(k, `${k === 's' ? '出发地' : '终点'}坐标 ${quote(v)} ${p}，已忽略`);
      return undefined;
    }
    return p;
  };
  const nameParam = (k: 'sn' | 'en', point: LonLat | undefined): string | undefined => {
    const v = get(k);
    if (v === undefined) return undefined;
    if (!point) {
      warn(k, `${k === 'sn' ? '出发地' : '终点'}名称没有对应的坐标，已忽略`);
      return undefined;
    }
    const name = parseName(v);
    if (name === undefined) warn(k, `名称 ${quote(v)} 超过 ${LIMITS.nameChars} 个字，已忽略`);
    return name || undefined;
  };

  const start = pointParam('s');
  const startName = nameParam('sn', start);
  if (start) plan.start = { lonLat: start, ...(startName ? { name: startName } : {}) };

  const e = get('e');
  if (e === 'none') plan.end = 'none';
  const end = e === 'none' ? undefined : pointParam('e');
  const endName = nameParam('en', end);
  if (end) plan.end = { lonLat: end, ...(endName ? { name: endName } : {}) };

  const p = get('p');
  if (p !== undefined && p !== '') {
    const seen = new Set<string>();
    const invalidMinutes: string[] = [];
    // An empty entry (a trailing comma a chat app left) is no stop, and nothing was dropped.
    for (const entry of p.split(',').filter((x) => x !== '')) {
      const m = STOP.exec(entry);
      if (!m) {
        dropped.push({ id: entry.slice(0, 80), reason: 'invalid' });
        continue;
      }
      const id = m[1]!;
      if (seen.has(id)) {
        dropped.push({ id, reason: 'duplicate' });
        continue;
      }
      if (options.knownSite && !options.knownSite(id)) {
        dropped.push({ id, reason: 'unknown' });
        continue;
      }
      seen.add(id);
      if (plan.stops.length >= MAX_STOPS) {
        dropped.push({ id, reason: 'over-limit' });
        continue;
      }
      const minutes = m[2] === undefined ? undefined : Number(m[2]);
      const okMinutes = minutes !== undefined && minutes >= LIMITS.stopMinutes.min && minutes <= LIMITS.stopMinutes.max;
      if (minutes !== undefined && !okMinutes) invalidMinutes.push(id);
      plan.stops = [...plan.stops, okMinutes ? { siteId: id, minutes } : { siteId: id }];
    }
    const by = (r: DropReason) => dropped.filter((d) => d.reason === r).map((d) => quote(d.id));
    if (by('invalid').length) warn('p', `地点 ${by('invalid').join('、')} 的写法无效，已略去`);
    if (by('unknown').length) warn('p', `地点 ${by('unknown').join('、')} 不在红色资源名录中（可能已更名或撤下），已略去`);
    if (by('duplicate').length) warn('p', `地点 ${by('duplicate').join('、')} 重复出现，只保留第一次`);
    if (by('over-limit').length) warn('p', `行程最多 ${MAX_STOPS} 个地点，已舍去其后的 ${by('over-limit').length} 个：${by('over-limit').join('、')}`);
    if (invalidMinutes.length) warn('p', `${invalidMinutes.map(quote).join('、')} 的参观时长应为 ${LIMITS.stopMinutes.min}–${LIMITS.stopMinutes.max} 分钟，已改用建议时长`);
  }

  const d = get('d');
  if (d !== undefined) {
    if (DATE.test(d) && isIsoDate(d)) plan.date = d;
    else warn('d', `日期 ${quote(d)} 无效（应为 2026-06-15 这样的年-月-日），已忽略`);
  }
  const timeParam = (k: 't' | 'r', what: string): number | undefined => {
    const v = get(k);
    if (v === undefined) return undefined;
    const t = parseTime(v);
    if (t === undefined) warn(k, `${what} ${quote(v)} 无效（应为 08:00 这样的时:分），已忽略`);
    return t;
  };
  plan.departure = timeParam('t', '出发时间') ?? plan.departure;
  plan.returnBy = timeParam('r', '返回时间') ?? null;

  const mode = get('m');
  if (mode !== undefined) {
    if (isTransportMode(mode)) plan.mode = mode;
    else warn('m', `交通方式 ${quote(mode)} 无效（应为 walk、coach 或 transit），已忽略`);
  }

  const l = get('l');
  if (l !== undefined && l !== '') {
    const [from = '', minutes = '', extra] = l.split(',');
    const f = parseTime(from);
    const n = INT.test(minutes) ? Number(minutes) : NaN;
    if (extra === undefined && f !== undefined && n >= LIMITS.lunchMinutes.min && n <= LIMITS.lunchMinutes.max) plan.lunch = { from: f, minutes: n };
    else warn('l', `午餐 ${quote(l)} 无效（应为 11:30,60：开始时间和分钟数 ${LIMITS.lunchMinutes.min}–${LIMITS.lunchMinutes.max}），已忽略`);
  }

  const g = get('g');
  if (g !== undefined) {
    const n = INT.test(g) ? Number(g) : NaN;
    if (n >= LIMITS.groupSize.min && n <= LIMITS.groupSize.max) plan.groupSize = n;
    else warn('g', `人数 ${quote(g)} 无效（应为 ${LIMITS.groupSize.min}–${LIMITS.groupSize.max} 的整数），已忽略`);
  }

  if (warnings.length > MAX_WARNINGS) {
    const more = warnings.length - MAX_WARNINGS;
    warnings.splice(MAX_WARNINGS, more, { param: '', message: `另有 ${more} 处问题` });
  }
  return { plan, warnings, dropped };
}

/** One line for the page: 链接中有 2 处问题，已忽略：… */
export function describeUrlWarnings(warnings: readonly UrlWarning[]): string {
  if (warnings.length === 0) return '';
  return `链接中有 ${warnings.length} 处问题，其余内容已载入：${warnings.map((w) => w.message).join('；')}。`;
}

/** 5 decimals (about 1 m), trailing zeros dropped, never -0. */
const coord = (v: number): string => String(Math.round(v * 1e5) / 1e5 || 0);
const point = (p: LonLat): string => `${coord(p[0])},${coord(p[1])}`;
/** encodeURIComponent, plus ! ' ( ) *, at which some chat apps end a link. */
const encodeName = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Writes the query string (without `?`) for a plan: parameters in the order
 * s sn e en p d t m l g r, each only when it differs from the default.
 * Stop ids that do not fit the grammar are left out rather than written
 * as links that would be refused.
 */
export function formatPlanQuery(plan: Plan): string {
  const out: string[] = [];
  const add = (k: string, v: string) => out.push(`${k}=${v}`);
  const name = (k: string, p: PlanPoint) => {
    const n = p.name === undefined ? undefined : parseName(p.name);
    if (n) add(k, encodeName(n));
  };
  if (plan.start) {
    add('s', point(plan.start.lonLat));
    name('sn', plan.start);
  }
  const end: PlanEnd = plan.end;
  if (end === 'none') add('e', 'none');
  else if (end !== 'start') {
    add('e', point(end.lonLat));
    name('en', end);
  }
  const stops = plan.stops.filter((s) => SITE_ID.test(s.siteId)).slice(0, MAX_STOPS);
  if (stops.length) add('p', stops.map((s: PlanStop) => (s.minutes === undefined ? s.siteId : `${s.siteId}:${s.minutes}`)).join(','));
  if (plan.date) add('d', plan.date);
  if (plan.departure !== DEFAULT_PLAN.departure) add('t', formatTime(plan.departure));
  if (plan.mode !== DEFAULT_PLAN.mode) add('m', plan.mode);
  if (plan.lunch) add('l', `${formatTime(plan.lunch.from)},${plan.lunch.minutes}`);
  if (plan.groupSize !== null) add('g', String(plan.groupSize));
  if (plan.returnBy !== null) add('r', formatTime(plan.returnBy));
  return out.join('&');
}

/** The share link's path and query: /planner/?… (the page's path is the UI's to choose). */
export function planHref(plan: Plan, path = '/planner/'): string {
  const q = formatPlanQuery(plan);
  return q ? `${path}?${q}` : path;
}
