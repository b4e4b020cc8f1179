import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import type { ZoningZone } from '../../schema/index.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { urls } from '../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.zoningZones.map((zone) => ({ params: { id: zone.id }, props: { zone, notices: view.preApprovalNoticesOf(zone).map((n) => ({ id: n.id, title: n.title, url: urls.notice(n) })) } }));
}) satisfies GetStaticPaths;

// The 批前公示 are resolved to their pages, so a reader of the twin can follow them.
export const GET: APIRoute<{ zone: ZoningZone; notices: { id: string; title: string; url: string }[] }> = ({ props }) =>
  jsonResponse({ ...props.zone, preApprovalNoticeLinks: props.notices, url: urls.zoningZone(props.zone) });
