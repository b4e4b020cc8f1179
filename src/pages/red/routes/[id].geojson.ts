import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import { jsonResponse } from '../../../lib/responses.ts';
import { routeFeatureCollection, routePlan } from '../../../lib/red-route.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.redRoutes.map((route) => ({ params: { id: route.id }, props: { collection: routeFeatureCollection(routePlan(route, view.routeSites(route))) } }));
}) satisfies GetStaticPaths;

/** The route's line and its stops as points, in visiting order (RFC 7946, CGCS2000 ≈ WGS84). */
export const GET: APIRoute<{ collection: ReturnType<typeof routeFeatureCollection> }> = ({ props }) => jsonResponse(props.collection, 'application/geo+json');
