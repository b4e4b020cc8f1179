// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { parse } from 'yaml';
import { geoportal } from './src/integrations/geoportal.ts';

// See src/env.d.ts: the search client loads FlexSearch's smaller `compact` build.
const flexsearchCompact = path.resolve('node_modules/flexsearch/dist/flexsearch.compact.module.min.js');

const dataDir = path.resolve(process.env.GEOPORTAL_DATA_DIR ?? 'data');
// The canonical origin goes into sitemap.xml and the SiteDomain metadata.
const domain = /** @type {{ domain?: string }} */ (parse(readFileSync(path.join(dataDir, 'site.yaml'), 'utf8')) ?? {}).domain;

export default defineConfig({
  site: process.env.SITE_URL ?? `https://${domain ?? 'localhost'}`,
  // scripts/build.ts builds into a staging directory and swaps it in only
  // when the build succeeded, so a failed build never replaces dist/.
  outDir: process.env.GEOPORTAL_OUT_DIR ?? './dist',
  trailingSlash: 'ignore',
  // Pages are prerendered; the few request-time routes opt out with
  // `export const prerender = false`.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [geoportal()],
  build: { format: 'directory', inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
  vite: { resolve: { alias: { 'flexsearch-compact': flexsearchCompact } } },
});
