import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests: pure modules, schemas, loaders and scripts. Browser tests have
// their own config in tests/e2e/ because they need the built site.
export default defineConfig({
  // The same alias as astro.config.mjs (see src/env.d.ts).
  resolve: { alias: { 'flexsearch-compact': path.resolve('node_modules/flexsearch/dist/flexsearch.compact.module.min.js') } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
