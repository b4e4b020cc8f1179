/**
 * The alias astro.config.mjs gives Vite (see src/env.d.ts): the search client
 * imports FlexSearch's `compact` build, which the package's exports map hides.
 * Every Vitest config uses it so tests run the same file as the browser.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const flexsearchAlias = { 'flexsearch-compact': path.join(root, 'node_modules/flexsearch/dist/flexsearch.compact.module.min.js') };
