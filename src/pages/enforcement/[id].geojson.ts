import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../data/index.ts';
import { enforcementFeature } from '../../lib/collections.ts';
import type { Feature } from '../../lib/geojson.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const getStaticPaths = (async () => {
  const { enforcement } = await getDataset();
  return enforcement.flatMap((r) => {
    const feature = r.status.state === 'withdrawn' ? undefined : enforcementFeature(r);
    return feature ? [{ params: { id: r.id }, props: { feature } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feature: Feature }> = ({ props }) => jsonResponse(props.feature, 'application/geo+json');
