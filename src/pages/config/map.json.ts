/**
 * /config/map.json on the Node server: the runtime map configuration
 * (RuntimeMapConfig), assembled per request from the site settings baked in
 * at build time and the environment (TIANDITU_KEY, TIANDITU_MATRIX_SET), so
 * a new key needs only a restart, never a rebuild. Query strings and bodies
 * are ignored; nothing is fetched or proxied. A static deployment gets the
 * same document as a file written by the build (GEOPORTAL_STATIC_CONFIG=1).
 */
import type { APIRoute } from 'astro';
import { mapSite } from 'virtual:geoportal/build-data';
import { buildRuntimeConfig, onceLogger, runtimeConfigJson } from '../../map/runtime-config.ts';

export const prerender = false;

const warnOnce = onceLogger((message) => console.warn(`[geoportal] ${message}`));

export const GET: APIRoute = () => {
  const { config, warnings } = buildRuntimeConfig(mapSite, { TIANDITU_KEY: process.env['TIANDITU_KEY'], TIANDITU_MATRIX_SET: process.env['TIANDITU_MATRIX_SET'] });
  warnOnce(warnings);
  return new Response(runtimeConfigJson(config), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' },
  });
};
