import { defineConfig } from 'vitest/config';
import { flexsearchAlias } from './tests/flexsearch-alias.ts';

// Unit tests: pure modules, schemas, loaders and scripts. Browser tests have
// their own config in tests/e2e/ because they need the built site.
export default defineConfig({
  resolve: { alias: flexsearchAlias },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
