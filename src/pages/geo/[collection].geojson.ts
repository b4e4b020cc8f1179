import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { mapCollections, type MapCollection } from '../../lib/collections.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const getStaticPaths = (async () => {
  const data = await getPublishedView();
  return mapCollections(data).map((c) => ({ params: { collection: c.name }, props: { collection: c } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ collection: MapCollection }> = ({ props }) =>
  jsonResponse({ type: 'FeatureCollection', name: props.collection.name, title: props.collection.title, features: props.collection.features }, 'application/geo+json');
