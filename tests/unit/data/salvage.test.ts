import { describe, expect, it } from 'vitest';
import { salvage } from '../../../src/data/salvage.ts';
import { noticeSchema, redSiteSchema } from '../../../src/schema/index.ts';
import { FILES, fixture } from '../schema/helpers.ts';

describe('salvage: the valid fields of an invalid record', () => {
  it('keeps every top-level field that is valid on its own, defaults applied', () => {
    const raw = { ...(fixture(FILES.planning) as Record<string, unknown>), title: undefined, publishDate: '2026年11月2日' };
    const s = salvage(noticeSchema, raw) as Record<string, unknown>;
    expect(s['id']).toBe('2026-jianhua-school-pre');
    expect(s['district']).toBe('建华区');
    expect(s['related']).toEqual([]);
    expect(s).not.toHaveProperty('title');
    expect(s).not.toHaveProperty('publishDate');
  });
  it('picks the notice kind by its discriminator', () => {
    const s = salvage(noticeSchema, { kind: 'land', id: 'x-1', parcels: 'not a list' }) as Record<string, unknown>;
    expect(s).toEqual({ kind: 'land', id: 'x-1', related: [], attachments: [], status: { state: 'active' }, sample: false });
  });
  it('gives nothing for a value that is not a record, or of an unknown kind', () => {
    expect(salvage(redSiteSchema, ['a'])).toBeUndefined();
    expect(salvage(redSiteSchema, 'text')).toBeUndefined();
    expect(salvage(noticeSchema, { kind: 'weather', id: 'x' })).toBeUndefined();
  });
});
