import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../src/data/status.ts';

const period = { start: '2026-11-16', end: '2026-11-24' };

describe('statusOf', () => {
  it('is open on the first and last day of the period, both included', () => {
    expect(statusOf({ superseded: false, period }, '2026-11-16')).toBe('open');
    expect(statusOf({ superseded: false, period }, '2026-11-24')).toBe('open');
  });
  it('is upcoming before and ended after the period', () => {
    expect(statusOf({ superseded: false, period }, '2026-11-15')).toBe('upcoming');
    expect(statusOf({ superseded: false, period }, '2026-11-25')).toBe('ended');
  });
  it('is published when the record has no period', () => {
    expect(statusOf({ superseded: false }, '2026-11-23')).toBe('published');
  });
  it('lets replacement win over the period', () => {
    expect(statusOf({ superseded: true, period }, '2026-11-20')).toBe('superseded');
  });
  it('reads day numbers with the same rule', () => {
    expect(statusOf({ superseded: false, period: { start: 10, end: 12 } }, 9)).toBe('upcoming');
    expect(statusOf({ superseded: false, period: { start: 10, end: 12 } }, 12)).toBe('open');
    expect(statusOf({ superseded: false, period: { start: 10, end: 12 } }, 13)).toBe('ended');
  });
});
