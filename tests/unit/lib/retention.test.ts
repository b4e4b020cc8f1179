import { describe, expect, it } from 'vitest';
import { addMonths, retainUntil, retentionSentence } from '../../../src/lib/retention.ts';
import { siteSchema } from '../../../src/schema/site.ts';

const rule = { opinionMonthsAfterDeadline: 12, applicationMonthsAfterReplyDate: 6 };

describe('retention (site.yaml submissions.retention)', () => {
  it('adds months, the 31st becoming the month’s last day', () => {
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
  it('dates an opinion from the notice’s deadline and an application from its reply date', () => {
    expect(retainUntil('opinion', '2026-12-10', rule)).toBe('2027-12-10');
    expect(retainUntil('application', '2026-12-29', rule)).toBe('2027-06-29');
    expect(() => retainUntil('opinion', '2026/12/10', rule)).toThrow(TypeError);
  });
  it('tells the sender the same period', () => {
    expect(retentionSentence('opinion', rule)).toContain('12 个月');
    expect(retentionSentence('application', rule)).toContain('6 个月');
  });
  it('defaults to 12 months each when site.yaml says nothing, and refuses nonsense', () => {
    const shape = siteSchema.shape.submissions;
    expect(shape.parse(undefined)).toEqual({ retention: { opinionMonthsAfterDeadline: 12, applicationMonthsAfterReplyDate: 12 } });
    expect(shape.safeParse({ retention: { opinionMonthsAfterDeadline: 0 } }).success).toBe(false);
    expect(shape.safeParse({ retention: { opinionMonthsAfterDeadline: 1.5 } }).success).toBe(false);
    expect(shape.safeParse({ retention: { forever: true } }).success).toBe(false);
  });
});
