import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { enforcementFeature } from '../../lib/collections.ts';
import type { Feature } from '../../lib/geojson.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.enforcement.flatMap((r) => {
    const feature = enforcementFeature(r, view.statusRule(r));
    return feature ? [{ params: { id: r.id }, props: { feature } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feature: Feature }> = ({ props }) => jsonResponse(props.feature, 'application/geo+json');
