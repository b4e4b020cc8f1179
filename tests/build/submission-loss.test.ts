/**
 * The loss test, short: the built server (dist/) killed with SIGKILL under
 * load, restarted, and every acknowledged receipt looked up in the store, on
 * both adapters (scripts/lib/loss-test.ts; npm run bench:loss is the long
 * run). SQLite in a temporary directory, a throwaway PostgreSQL.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLossTest } from '../../scripts/lib/loss-test.ts';
import { openOpinionNoticeId } from '../../scripts/lib/submit-load.ts';

const DIST = path.resolve(import.meta.dirname, '../../dist');

describe('no acknowledged submission is lost when the server is killed mid-load', () => {
  for (const adapter of ['sqlite', 'postgres'] as const) {
    it(`${adapter}: every receipt sent before SIGKILL is in the store after the restart`, async () => {
      const noticeId = await openOpinionNoticeId();
      const r = await runLossTest({ adapter, dist: DIST, route: noticeId ? 'opinion' : 'application', noticeId, connections: 8, killAfterMs: 1500 });
      expect(r.acknowledged).toBeGreaterThan(20);
      expect(r.missing).toEqual([]);
      expect(r.wrong).toEqual([]);
      expect(r.stored).toBeGreaterThanOrEqual(r.acknowledged);
      expect(r.restartedOk).toBe(true);
    });
  }
});
