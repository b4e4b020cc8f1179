import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { parcelFeature } from '../../data/parcels.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.parcels.flatMap((p) => {
    const feature = parcelFeature(p);
    return feature ? [{ params: { code: p.key }, props: { feature } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feature: NonNullable<ReturnType<typeof parcelFeature>> }> = ({ props }) => jsonResponse(props.feature, 'application/geo+json');
