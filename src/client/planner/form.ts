/**
 * The settings form and the plan: what the form shows for a plan
 * (formValues) and the plan a form's values make (applyForm), with a
 * message per field that cannot be used. A bad field keeps its old value in
 * the plan, so the timetable never jumps to a half-typed number. The ranges
 * are the link grammar's (src/planner/model.ts LIMITS), so the form cannot
 * make a plan its own link would refuse.
 */
import { DEFAULT_LUNCH, LIMITS, type Plan } from '../../planner/model.ts';
import { isTransportMode } from '../../planner/modes.ts';
import { formatTime } from '../../planner/url.ts';
import { isIsoDate } from '../../lib/dates.ts';

export interface FormValues {
  /** 出发地名称 */
  sn: string;
  end: 'start' | 'none' | 'point';
  en: string;
  d: string;
  t: string;
  m: string;
  lunch: boolean;
  lunchFrom: string;
  lunchMinutes: string;
  g: string;
  r: string;
}

export type FieldError = { field: keyof FormValues; message: string };

/** HH:MM (an <input type="time"> may add :SS) to minutes; undefined when it is not a time. */
export function parseClock(v: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/.exec(v.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

const wholeNumber = (v: string): number | undefined => (/^\d{1,5}$/.test(v.trim()) ? Number(v.trim()) : undefined);
// Names follow the link grammar's cleaning (control characters out, one line, at most 40 characters).
const cleanName = (v: string): string => [...v.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/g, ' ').trim()].slice(0, LIMITS.nameChars).join('');

export function formValues(plan: Plan): FormValues {
  const lunch = plan.lunch ?? DEFAULT_LUNCH;
  return {
    sn: plan.start?.name ?? '',
    end: plan.end === 'start' ? 'start' : plan.end === 'none' ? 'none' : 'point',
    en: typeof plan.end === 'object' ? (plan.end.name ?? '') : '',
    d: plan.date ?? '',
    t: formatTime(plan.departure),
    m: plan.mode,
    lunch: plan.lunch !== null,
    lunchFrom: formatTime(lunch.from),
    lunchMinutes: String(lunch.minutes),
    g: plan.groupSize === null ? '' : String(plan.groupSize),
    r: plan.returnBy === null ? '' : formatTime(plan.returnBy),
  };
}

/**
 * The plan with the form's values. The points themselves (start and end
 * coordinates) come from the map or the search, not from the form: `end:
 * 'point'` keeps the plan's end point (or its old end until one is picked).
 */
export function applyForm(plan: Plan, v: FormValues): { plan: Plan; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const next: { -readonly [K in keyof Plan]: Plan[K] } = { ...plan };

  if (plan.start) {
    const name = cleanName(v.sn);
    next.start = { lonLat: plan.start.lonLat, ...(name ? { name } : {}) };
  }
  if (v.end === 'start' || v.end === 'none') next.end = v.end;
  else if (typeof plan.end === 'object') {
    const name = cleanName(v.en);
    next.end = { lonLat: plan.end.lonLat, ...(name ? { name } : {}) };
  }

  if (v.d.trim() === '') next.date = null;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(v.d.trim()) && isIsoDate(v.d.trim())) next.date = v.d.trim();
  else errors.push({ field: 'd', message: '日期无效，请按“年-月-日”选择日期' });

  const t = parseClock(v.t);
  if (t !== undefined) next.departure = t;
  else errors.push({ field: 't', message: '出发时间无效，请填写如 07:30 的时间' });

  if (isTransportMode(v.m)) next.mode = v.m;
  else errors.push({ field: 'm', message: '请选择交通方式' });

  if (!v.lunch) next.lunch = null;
  else {
    const from = parseClock(v.lunchFrom);
    const minutes = wholeNumber(v.lunchMinutes);
    if (from === undefined) errors.push({ field: 'lunchFrom', message: '午餐开始时间无效，请填写如 11:30 的时间' });
    if (minutes === undefined || minutes < LIMITS.lunchMinutes.min || minutes > LIMITS.lunchMinutes.max)
      errors.push({ field: 'lunchMinutes', message: `午餐时长应为 ${LIMITS.lunchMinutes.min}–${LIMITS.lunchMinutes.max} 分钟` });
    if (from !== undefined && minutes !== undefined && minutes >= LIMITS.lunchMinutes.min && minutes <= LIMITS.lunchMinutes.max) next.lunch = { from, minutes };
  }

  if (v.g.trim() === '') next.groupSize = null;
  else {
    const g = wholeNumber(v.g);
    if (g !== undefined && g >= LIMITS.groupSize.min && g <= LIMITS.groupSize.max) next.groupSize = g;
    else errors.push({ field: 'g', message: `团队人数应为 ${LIMITS.groupSize.min}–${LIMITS.groupSize.max} 的整数` });
  }

  if (v.r.trim() === '') next.returnBy = null;
  else {
    const r = parseClock(v.r);
    if (r !== undefined) next.returnBy = r;
    else errors.push({ field: 'r', message: '返回时间无效，请填写如 17:00 的时间，或留空' });
  }
  return { plan: next, errors };
}

/** A stop's own minutes from its input: undefined for the site's suggestion (empty), an error message otherwise. */
export function stopMinutes(v: string): { ok: true; minutes: number | undefined } | { ok: false; message: string } {
  if (v.trim() === '') return { ok: true, minutes: undefined };
  const n = wholeNumber(v);
  if (n === undefined || n < LIMITS.stopMinutes.min || n > LIMITS.stopMinutes.max) return { ok: false, message: `参观时长应为 ${LIMITS.stopMinutes.min}–${LIMITS.stopMinutes.max} 分钟的整数` };
  return { ok: true, minutes: n };
}
