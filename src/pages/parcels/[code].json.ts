import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { parcelDocument } from '../../data/parcels.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.parcels.map((p) => ({ params: { code: p.key }, props: { doc: parcelDocument(p, view.statusRule) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: ReturnType<typeof parcelDocument> }> = ({ props }) => jsonResponse(props.doc);
