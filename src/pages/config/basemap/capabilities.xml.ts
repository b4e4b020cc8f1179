/**
 * /config/basemap/capabilities.xml on the Node server: the WMTS base map's
 * GetCapabilities, fetched only from the URL in site.yaml (map.wmts, when map.basemap is wmts),
 * checked and cached (src/server/basemap-capabilities.ts). Without a WMTS
 * base map configured: 404. The request's query and body are refused by the
 * route's limits (src/server/routes.ts) before this runs.
 */
import type { APIRoute } from 'astro';
import { mapSite } from 'virtual:geoportal/build-data';
import { capabilitiesSource } from '../../../server/basemap-capabilities.ts';

export const prerender = false;

const source = mapSite.basemap.kind === 'wmts' ? capabilitiesSource(mapSite.basemap.wmts) : undefined;

export const GET: APIRoute = async () => {
  if (!source) return new Response(JSON.stringify({ status: 404, error: '未配置 WMTS 底图' }), { status: 404, headers: { 'content-type': 'application/json; charset=utf-8' } });
  const answer = await source();
  return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType, 'cache-control': 'no-cache' } });
};
