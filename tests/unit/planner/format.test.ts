import { describe, expect, it } from 'vitest';
import { formatClock, formatDateWithWeekday, formatDistance, formatDuration } from '../../../src/planner/format.ts';

describe('planner formatting', () => {
  it('writes clock times, durations, distances and dates in Chinese', () => {
    expect([formatClock(485), formatClock(0), formatClock(1439)]).toEqual(['8:05', '0:00', '23:59']);
    expect([formatDuration(45), formatDuration(60), formatDuration(65)]).toEqual(['45 分钟', '1 小时', '1 小时 5 分钟']);
    expect([formatDistance(850), formatDistance(999.6), formatDistance(12_345)]).toEqual(['850 米', '1.0 公里', '12.3 公里']);
    expect(formatDateWithWeekday('2026-06-15')).toBe('2026年6月15日（周一）');
  });
  it('never wraps a day, and shows nonsense as a dash', () => {
    expect([formatClock(1470), formatClock(2 * 1440 + 5)]).toEqual(['次日 0:30', '第 3 天 0:05']);
    expect([formatDistance(NaN), formatDistance(-1)]).toEqual(['—', '—']);
    expect(formatDuration(-3)).toBe('0 分钟');
  });
});
