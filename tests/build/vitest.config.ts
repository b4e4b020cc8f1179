import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests of the build itself and of its output in dist/ (run `npm run build`
// first; `npm test` does). No server or browser needed.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  // The same alias as astro.config.mjs (see src/env.d.ts).
  resolve: { alias: { 'flexsearch-compact': path.join(root, 'node_modules/flexsearch/dist/flexsearch.compact.module.min.js') } },
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  test: {
    include: ['tests/build/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
