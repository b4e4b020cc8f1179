import { afterEach, describe, expect, it } from 'vitest';
import { dayShiftMs, pinnedDay, siteNow, todayInShanghai, TODAY_VARIABLE } from '../../../src/lib/dates.ts';

const saved = process.env[TODAY_VARIABLE];
afterEach(() => {
  if (saved === undefined) delete process.env[TODAY_VARIABLE];
  else process.env[TODAY_VARIABLE] = saved;
});

describe('the site clock (GEOPORTAL_TODAY)', () => {
  it('takes the pinned day as today and keeps the time of day running', () => {
    process.env[TODAY_VARIABLE] = '2027-03-15';
    expect(todayInShanghai()).toBe('2027-03-15');
    const real = new Date();
    const shifted = siteNow();
    // Whole days only: the Shanghai time of day is the real one.
    expect((shifted.getTime() - real.getTime()) % 86_400_000).toBeLessThan(1_000);
    expect(shifted.toISOString().slice(11, 16)).toBe(real.toISOString().slice(11, 16));
  });

  it('moves across a Shanghai midnight by the calendar, not by UTC', () => {
    // 2026-12-01 16:30 UTC is 2 December 00:30 in Shanghai: one day to 3 December.
    expect(dayShiftMs('2026-12-03', Date.parse('2026-12-01T16:30:00Z'))).toBe(86_400_000);
    expect(dayShiftMs('2026-12-02', Date.parse('2026-12-01T16:30:00Z'))).toBe(0);
  });

  it('runs on the real clock when unset or blank', () => {
    delete process.env[TODAY_VARIABLE];
    expect(pinnedDay()).toBeUndefined();
    expect(todayInShanghai()).toBe(todayInShanghai(new Date()));
    process.env[TODAY_VARIABLE] = '  ';
    expect(pinnedDay()).toBeUndefined();
  });

  it('refuses a value that is not a calendar day', () => {
    for (const bad of ['2026-02-30', '2026-12-1', 'tomorrow']) {
      process.env[TODAY_VARIABLE] = bad;
      expect(() => todayInShanghai(), bad).toThrow(/GEOPORTAL_TODAY=.*YYYY-MM-DD/);
    }
  });
});
