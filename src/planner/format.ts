/**
 * How the planner writes times, durations and distances in Chinese, one
 * way everywhere (timetable, warnings, exports, print).
 */
import { formatChineseDate, isoWeekday } from '../lib/dates.ts';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 8:05; past midnight 次日 0:30 (a day is never wrapped silently). */
export function formatClock(minutes: number): string {
  const m = Math.round(minutes);
  const day = Math.floor(m / 1440);
  const rest = m - day * 1440;
  const clock = `${Math.floor(rest / 60)}:${String(rest % 60).padStart(2, '0')}`;
  return day === 0 ? clock : day === 1 ? `次日 ${clock}` : `第 ${day + 1} 天 ${clock}`;
}

/** 45 分钟, 1 小时 5 分钟, 2 小时. */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (h === 0) return `${r} 分钟`;
  return r === 0 ? `${h} 小时` : `${h} 小时 ${r} 分钟`;
}

/** 850 米 below 1 km, then 12.3 公里 (a plan needs no finer figure). */
export function formatDistance(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return '—';
  if (Math.round(metres) < 1000) return `${Math.round(metres)} 米`;
  return `${(metres / 1000).toFixed(1)} 公里`;
}

/** 2026年6月15日（周一）. */
export function formatDateWithWeekday(iso: string): string {
  return `${formatChineseDate(iso)}（${WEEKDAYS[isoWeekday(iso) - 1]}）`;
}

export const weekdayName = (isoWeekdayNumber: number): string => WEEKDAYS[isoWeekdayNumber - 1]!;
