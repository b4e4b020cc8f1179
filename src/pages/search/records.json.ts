/**
 * The search page's record list: title, codes and place of every published
 * record, one row each. Built from the same dataset as the pages.
 */
import type { APIRoute } from 'astro';
import { getDataset } from '../../data/index.ts';
import { noticeKindNames } from '../../schema/index.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { urls } from '../../lib/urls.ts';

export type SearchRow = [url: string, title: string, column: string, district: string, date: string, codes: string];

export const GET: APIRoute = async () => {
  const d = await getDataset();
  const rows: SearchRow[] = [
    ...d.notices
      .filter((n) => n.status.state !== 'withdrawn')
      .map((n): SearchRow => [
        urls.notice(n),
        n.title,
        `${noticeKindNames[n.kind]} · ${n.subKind}`,
        n.district,
        n.publishDate.slice(0, 10),
        [n.docNo, ...(n.kind === 'land' ? n.parcels.map((p) => p.code) : []), ...(n.kind === 'planning' ? [n.permitNo, n.projectName, n.location] : [])].filter(Boolean).join(' '),
      ]),
    ...d.enforcement
      .filter((r) => r.status.state !== 'withdrawn')
      .map((r): SearchRow => [urls.enforcementRecord(r), r.title, `执法严起来 · ${r.category}`, r.district, r.publishDate.slice(0, 10), [r.docNo, r.party?.name, r.parcelCode].filter(Boolean).join(' ')]),
    ...d.redSites.map((s): SearchRow => [urls.redSite(s), s.name, '红色资源', s.district, s.updated, s.address]),
    ...d.redRoutes.map((r): SearchRow => [urls.redRoute(r), r.name, '研学线路', '', r.updated, r.theme]),
  ];
  return jsonResponse(rows);
};
