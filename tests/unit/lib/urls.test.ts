import { describe, expect, it } from 'vitest';
import { isListingPage, isNoticeListingPage } from '../../../src/lib/urls.ts';

describe('isNoticeListingPage', () => {
  it('is a kind, status or district list of notices, or a later page of one', () => {
    for (const p of ['/notices/land/', '/notices/land/page/2/', '/notices/page/3/', '/notices/status/open/', '/notices/status/open/page/2/', '/notices/district/230202/', '/notices/district/city/'])
      expect(isNoticeListingPage(p), p).toBe(true);
  });
  it('is not the notices column, a notice, or another page', () => {
    for (const p of ['/notices/', '/notices/land/td-2026-033/', '/parcels/', '/red/', '/notices/land/page/x/', '/notices/status/open/feed.xml']) expect(isNoticeListingPage(p), p).toBe(false);
  });
});

describe('isListingPage', () => {
  it('adds the decision lists by category and their pages, not the decisions column or a decision', () => {
    for (const p of ['/enforcement/decisions/penalty/', '/enforcement/decisions/page/2/', '/enforcement/decisions/permit/page/3/', '/notices/land/']) expect(isListingPage(p), p).toBe(true);
    for (const p of ['/enforcement/decisions/', '/enforcement/zf-2026-cf-012/', '/enforcement/before/', '/enforcement/decisions/index.json']) expect(isListingPage(p), p).toBe(false);
  });
});
