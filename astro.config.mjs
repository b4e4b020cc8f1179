// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { geoportal } from './src/integrations/geoportal.ts';
import { MAX_ROUTE_BODY_BYTES } from './src/server/routes.ts';

// See src/env.d.ts: the search client loads FlexSearch's smaller `compact` build.
const flexsearchCompact = path.resolve('node_modules/flexsearch/dist/flexsearch.compact.module.min.js');

export default defineConfig({
  // The canonical origin for sitemap.xml and canonical links. Unset, the
  // integration sets it from the domain in site.yaml (it is the one reader of data/).
  site: process.env.SITE_URL || undefined,
  // scripts/build.ts builds into a staging directory and swaps it in only
  // when the build succeeded, so a failed build never replaces dist/.
  outDir: process.env.GEOPORTAL_OUT_DIR ?? './dist',
  trailingSlash: 'ignore',
  // Pages are prerendered; the few request-time routes opt out with
  // `export const prerender = false`.
  output: 'static',
  // Middleware mode: our own server (src/server/main.ts) serves the files,
  // sets the headers and limits, and hands Astro only the request-time routes.
  // Body limits are per route (src/server/routes.ts, read as it arrives by src/submissions/form-data.ts); Astro's is the largest of them.
  adapter: node({ mode: 'middleware', bodySizeLimit: MAX_ROUTE_BODY_BYTES }),
  // The form routes check Origin themselves (src/submissions/form-token.ts), against the site's canonical origin too,
  // and answer in Chinese with the site's page; Astro's check would answer a bare English 403 first.
  security: { checkOrigin: false },
  // The site keeps no sessions (the adapter would otherwise enable file-system ones).
  session: false,
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [geoportal()],
  // No inline <style>: the CSP allows style files only (src/server/headers.ts).
  // Two pages at a time: one renders while the other's file is written (one at a time leaves the main thread waiting on the disk a third of the time).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  devToolbar: { enabled: false },
  vite: { resolve: { alias: { 'flexsearch-compact': flexsearchCompact } } },
});
