import { describe, expect, it } from 'vitest';
import { bandMinutes, isTransportMode, legMinutes, TRANSPORT_MODES } from '../../../src/planner/modes.ts';

const { walk, coach, transit } = TRANSPORT_MODES;

describe('transport modes', () => {
  it('time a leg from its distance: the speed bands plus the overhead, rounded up to whole minutes', () => {
    expect(bandMinutes(walk, 2000)).toBeCloseTo(30);
    expect(legMinutes(walk, 2000)).toBe(35);
    // Coach: 10 km at 30 km/h (20 min), 60 km at 70 km/h (≈51.4 min), plus 10 min.
    expect(bandMinutes(coach, 70_000)).toBeCloseTo(20 + (60 / 70) * 60);
    expect(legMinutes(coach, 70_000)).toBe(82);
    expect(legMinutes(transit, 5000)).toBe(32);
  });

  it('use a routing answer’s driving time for the coach, slowed by its factor, but not for walking', () => {
    expect(legMinutes(coach, 12_000, 900)).toBe(Math.ceil(15 * 1.2 + 10));
    expect(legMinutes(walk, 2000, 60)).toBe(35);
  });

  it('take no time for a leg of no length, and know only their own names', () => {
    expect(legMinutes(coach, 0)).toBe(0);
    expect(isTransportMode('coach')).toBe(true);
    expect(isTransportMode('car')).toBe(false);
    expect(isTransportMode('__proto__')).toBe(false);
  });
});
