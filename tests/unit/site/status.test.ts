import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../src/lib/status.ts';

const period = { start: '2026-11-16', end: '2026-11-24' };

describe('statusOf', () => {
  it('is open on the first and last day of the period, both included', () => {
    expect(statusOf({ state: 'active' }, period, '2026-11-16')).toBe('open');
    expect(statusOf({ state: 'active' }, period, '2026-11-24')).toBe('open');
  });
  it('is upcoming before and ended after the period', () => {
    expect(statusOf({ state: 'active' }, period, '2026-11-15')).toBe('upcoming');
    expect(statusOf({ state: 'active' }, period, '2026-11-25')).toBe('ended');
  });
  it('is published when the notice has no period', () => {
    expect(statusOf({ state: 'active' }, undefined, '2026-11-23')).toBe('published');
  });
  it('lets withdrawal and replacement win over the period', () => {
    expect(statusOf({ state: 'withdrawn', date: '2026-11-20', reason: '规划方案调整' }, period, '2026-11-20')).toBe('withdrawn');
    expect(statusOf({ state: 'superseded', date: '2026-11-20', reason: '更正', supersededBy: 'x-2' }, period, '2026-11-20')).toBe('superseded');
  });
});
