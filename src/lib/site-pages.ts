/** Every prerendered HTML page, for sitemap.xml. */
import type { Dataset } from '../data/load.ts';
import { noticeKinds } from '../schema/index.ts';
import { columns } from './columns.ts';
import { pageCount, pageUrl } from './paging.ts';
import { urls } from './urls.ts';

export type SitePage = { path: string; lastmod?: string };

export function sitePages(d: Dataset): SitePage[] {
  const pages: SitePage[] = Object.values(columns).map((c) => ({ path: c.href }));
  const liveNotices = d.notices.filter((n) => n.status.state !== 'withdrawn');
  for (const kind of noticeKinds) {
    const count = pageCount(liveNotices.filter((n) => n.kind === kind).length);
    for (let p = 1; p <= count; p++) pages.push({ path: pageUrl(urls.noticeKind(kind), p) });
  }
  for (const n of liveNotices) pages.push({ path: urls.notice(n), lastmod: n.status.state === 'superseded' ? n.status.date : n.publishDate.slice(0, 10) });
  for (const r of d.enforcement) if (r.status.state !== 'withdrawn') pages.push({ path: urls.enforcementRecord(r), lastmod: r.publishDate.slice(0, 10) });
  for (const s of d.redSites) pages.push({ path: urls.redSite(s), lastmod: s.updated });
  for (const r of d.redRoutes) pages.push({ path: urls.redRoute(r), lastmod: r.updated });
  return pages;
}

/** The sitemap protocol allows 50,000 URLs per file; we split well below it. */
export const SITEMAP_CHUNK = 10_000;

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
