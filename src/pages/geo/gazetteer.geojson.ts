/**
 * /geo/gazetteer.geojson: the towns, 街道, villages and named places of the
 * published view (data/boundaries/gazetteer.geojson, validated by
 * src/schema/gazetteer.ts), with where they come from. The 示意底图 draws
 * their names (src/map/gazetteer-layer.ts); /map/ lists them. An empty
 * collection when the bureau keeps no gazetteer, so the map never meets a 404.
 */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const GET: APIRoute = async () => {
  const view = await getPublishedView();
  return jsonResponse(
    { type: 'FeatureCollection', name: 'gazetteer', title: '地名', ...(view.gazetteerMetadata ? { metadata: view.gazetteerMetadata } : {}), features: view.gazetteer },
    'application/geo+json',
  );
};
