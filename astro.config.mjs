// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { geoportal } from './src/integrations/geoportal.ts';

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
  adapter: node({ mode: 'middleware', bodySizeLimit: 1024 * 1024 }),
  // The site keeps no sessions (the adapter would otherwise enable file-system ones).
  session: false,
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [geoportal()],
  // No inline <style>: the CSP allows style files only (src/server/headers.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: { resolve: { alias: { 'flexsearch-compact': flexsearchCompact } } },
});
