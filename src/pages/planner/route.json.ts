/**
 * /planner/route.json on the Node server: road legs for the trip planner
 * from Tianditu's 驾车规划 with the server key (TIANDITU_SERVER_KEY, read
 * per request), inside the city's home extent baked in at build time
 * (src/server/road-routing.ts; the grammar in src/planner/routing-protocol.ts).
 * The route's limits (src/server/routes.ts) refuse other parameters, bodies
 * and floods before this runs.
 */
import type { APIRoute } from 'astro';
import { mapSite } from 'virtual:geoportal/build-data';
import { roadRouting } from '../../server/road-routing.ts';

export const prerender = false;

const answer = roadRouting({ homeExtent: mapSite.map.homeExtent, key: () => process.env['TIANDITU_SERVER_KEY'] });

export const GET: APIRoute = async ({ url }) => {
  const a = await answer(url.searchParams);
  return new Response(a.body, { status: a.status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': a.cacheControl } });
};
