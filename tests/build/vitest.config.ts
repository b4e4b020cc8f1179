import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testDay } from '../sample-day.ts';
import { flexsearchAlias } from '../flexsearch-alias.ts';

// Tests of the build itself and of its output in dist/ (run `npm run build`
// first; `npm test` does). No server or browser needed.
export default defineConfig({
  resolve: { alias: flexsearchAlias },
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  test: {
    // The day the sample data is written around (tests/sample-day.ts), unless GEOPORTAL_TODAY says otherwise.
    env: { GEOPORTAL_TODAY: testDay() },
    include: ['tests/build/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
