import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../../data/index.ts';
import { noticeFeature, type Feature } from '../../../lib/geojson.ts';
import { jsonResponse } from '../../../lib/responses.ts';

export const getStaticPaths = (async () => {
  const { notices } = await getDataset();
  return notices.flatMap((n) => {
    const feature = n.status.state === 'withdrawn' ? undefined : noticeFeature(n);
    return feature ? [{ params: { kind: n.kind, id: n.id }, props: { feature } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feature: Feature }> = ({ props }) => jsonResponse(props.feature, 'application/geo+json');
