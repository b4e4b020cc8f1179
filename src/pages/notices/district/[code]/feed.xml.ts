/** /notices/district/<code>/feed.xml: the newest notices of a district, or of 全市 (code city) (Atom 1.0). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../../data/index.ts';
import { feedResponse } from '../../../../lib/notice-feed-response.ts';
import { districtTable } from '../../../../lib/notice-index.ts';
import { urls } from '../../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return districtTable(view).map(([code, name]) => ({ params: { code }, props: { code, name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ code: string; name: string }> = async ({ props, site }) => {
  const view = await getPublishedView();
  const notices = view.notices.filter((n) => n.district === props.name);
  return feedResponse(view, { title: `${props.name}公示公告`, self: urls.noticeDistrictFeed(props.code), alternate: urls.noticeDistrict(props.code) }, notices, site, (g) => g.district === props.name);
};
