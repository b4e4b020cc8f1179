import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import type { Feature } from '../../lib/geojson.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { zoningFeature } from '../../lib/zones.ts';

export const getStaticPaths = (async () => {
  const { zoningZones } = await getPublishedView();
  return zoningZones.map((zone) => ({ params: { id: zone.id }, props: { feature: zoningFeature(zone) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feature: Feature }> = ({ props }) => jsonResponse(props.feature, 'application/geo+json');
