import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import { noticeFeature, type Feature } from '../../../lib/geojson.ts';
import { parcelPopupLink } from '../../../data/parcels.ts';
import { jsonResponse } from '../../../lib/responses.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.notices.flatMap((n) => {
    const feature = noticeFeature(n, view.statusRule(n), view.parcelsOf(n).map(parcelPopupLink));
    return feature ? [{ params: { kind: n.kind, id: n.id }, props: { feature } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feature: Feature }> = ({ props }) => jsonResponse(props.feature, 'application/geo+json');
