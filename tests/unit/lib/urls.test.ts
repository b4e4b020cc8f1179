import { describe, expect, it } from 'vitest';
import { isNoticeListingPage } from '../../../src/lib/urls.ts';

describe('isNoticeListingPage', () => {
  it('is a kind, status or district list of notices, or a later page of one', () => {
    for (const p of ['/notices/land/', '/notices/land/page/2/', '/notices/page/3/', '/notices/status/open/', '/notices/status/open/page/2/', '/notices/district/230202/', '/notices/district/city/'])
      expect(isNoticeListingPage(p), p).toBe(true);
  });
  it('is not the notices column, a notice, or another page', () => {
    for (const p of ['/notices/', '/notices/land/td-2026-033/', '/parcels/', '/red/', '/notices/land/page/x/', '/notices/status/open/feed.xml']) expect(isNoticeListingPage(p), p).toBe(false);
  });
});
