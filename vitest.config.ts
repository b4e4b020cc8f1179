import { defineConfig } from 'vitest/config';
import { testDay } from './tests/sample-day.ts';
import { flexsearchAlias } from './tests/flexsearch-alias.ts';

// Unit tests: pure modules, schemas, loaders and scripts. Browser tests have
// their own config in tests/e2e/ because they need the built site.
export default defineConfig({
  resolve: { alias: flexsearchAlias },
  test: {
    // The day the sample data is written around (tests/sample-day.ts), unless GEOPORTAL_TODAY says otherwise.
    env: { GEOPORTAL_TODAY: testDay() },
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
