import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import { redSiteFeature } from '../../../lib/collections.ts';
import type { Feature } from '../../../lib/geojson.ts';
import { jsonResponse } from '../../../lib/responses.ts';

export const getStaticPaths = (async () => {
  const { redSites } = await getPublishedView();
  return redSites.map((site) => ({ params: { id: site.id }, props: { feature: redSiteFeature(site) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feature: Feature }> = ({ props }) => jsonResponse(props.feature, 'application/geo+json');
