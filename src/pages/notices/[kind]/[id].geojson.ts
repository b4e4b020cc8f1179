import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../../data/index.ts';
import type { Geometry, Notice } from '../../../schema/index.ts';
import { jsonResponse, noticeFeature } from '../../../lib/geojson.ts';

export const getStaticPaths = (async () => {
  const { notices } = await getDataset();
  return notices
    .filter((n): n is Notice & { geometry: Geometry } => n.status.state !== 'withdrawn' && n.geometry !== undefined)
    .map((n) => ({ params: { kind: n.kind, id: n.id }, props: { notice: n } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ notice: Notice & { geometry: Geometry } }> = ({ props }) =>
  jsonResponse(noticeFeature(props.notice), 'application/geo+json');
