import { describe, expect, it } from 'vitest';
import { twinUrl, urls } from '../../../src/lib/urls.ts';
import { pageCount, pageSlice, pageUrl, PAGE_SIZE } from '../../../src/lib/paging.ts';

describe('record URLs', () => {
  it('builds stable page URLs and their twins', () => {
    const page = urls.notice({ kind: 'land', id: 'land-2026-001' });
    expect(page).toBe('/notices/land/land-2026-001/');
    expect(twinUrl(page)).toBe('/notices/land/land-2026-001.json');
    expect(twinUrl(page, 'geojson')).toBe('/notices/land/land-2026-001.geojson');
    expect(urls.redSite({ id: 'jiangqiao' })).toBe('/red/sites/jiangqiao/');
    expect(urls.enforcementRecord({ id: 'cf-2026-01' })).toBe('/enforcement/cf-2026-01/');
  });
  it('does not double the slash or the extension', () => {
    expect(twinUrl('/red/routes/a')).toBe('/red/routes/a.json');
  });
});

describe('pagination', () => {
  it('puts page 1 at the column URL and later pages under page/n/', () => {
    expect(pageUrl('/notices/land/', 1)).toBe('/notices/land/');
    expect(pageUrl('/notices/land/', 3)).toBe('/notices/land/page/3/');
  });
  it('counts pages, with one empty page for an empty list', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
  });
  it('slices a page without going past the end', () => {
    const items = Array.from({ length: PAGE_SIZE + 3 }, (_, i) => i);
    expect(pageSlice(items, 2)).toEqual([PAGE_SIZE, PAGE_SIZE + 1, PAGE_SIZE + 2]);
    expect(pageSlice(items, 5)).toEqual([]);
  });
});
