import { describe, expect, it } from 'vitest';
import { siteSchema } from '../../../src/schema/site.ts';
import { retainUntil, retentionOf } from '../../../src/submissions/retention.ts';

describe('retention configuration (site.yaml submissions.retention)', () => {
  const shape = siteSchema.shape.submissions;
  it('defaults to one year for each kind when site.yaml says nothing', () => {
    expect(shape.parse(undefined)).toEqual({ retention: { opinion: 1, application: 1 } });
    expect(shape.parse({ retention: { application: 2 } })).toEqual({ retention: { opinion: 1, application: 2 } });
  });
  it('refuses anything but whole years from 1 to 30, and unknown keys', () => {
    for (const bad of [{ opinion: 0 }, { opinion: 1.5 }, { application: 31 }, { opinion: '1' }, { forever: true }]) expect(shape.safeParse({ retention: bad }).success).toBe(false);
  });
  it('is what the routes date each submission by', () => {
    const site = { submissions: shape.parse({ retention: { opinion: 2 } }) };
    expect(retentionOf(site)).toEqual({ opinion: 2, application: 1 });
    expect(retainUntil('2026-12-01', retentionOf(site).opinion)).toBe('2028-12-01');
  });
});
