import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testDay } from '../sample-day.ts';
import { flexsearchAlias } from '../flexsearch-alias.ts';

// Browser tests against the real built server. `npm test` builds, starts the
// server and sets E2E_BASE_URL; to run them alone, start the server yourself:
//   PORT=4321 npm run serve &  E2E_BASE_URL=http://127.0.0.1:4321 npm run test:e2e
export default defineConfig({
  resolve: { alias: flexsearchAlias },
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  test: {
    // The day the sample data is written around (tests/sample-day.ts), unless GEOPORTAL_TODAY says otherwise.
    env: { GEOPORTAL_TODAY: testDay() },
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file starts its own Chromium; two at a time suits 2 cores.
    maxWorkers: 2,
    // A file's tests share one browser and run in order.
    sequence: { concurrent: false },
  },
});
