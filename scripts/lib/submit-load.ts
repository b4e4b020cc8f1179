/**
 * What the submit bench and the loss test share: a store behind the server
 * (SQLite in a temporary directory, or a throwaway PostgreSQL), valid form
 * posts with a fresh token each (signed with a key the server is given, as a
 * form page would issue it), and the notice whose opinion window is open.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getPublishedView } from '../../src/data/index.ts';
import { todayInShanghai } from '../../src/lib/dates.ts';
import { openStore } from '../../src/store/index.ts';
import type { SubmissionStore } from '../../src/store/types.ts';
import { issueFormToken } from '../../src/submissions/form-token.ts';
import { openOpinionNotice } from '../../src/submissions/opinion-notices.ts';
import { SUBMIT_PATHS } from '../../src/submissions/runtime.ts';
import { startThrowawayPostgres } from './postgres.ts';

export type Adapter = 'sqlite' | 'postgres';
export const ADAPTERS: readonly Adapter[] = ['sqlite', 'postgres'];

/** The form-token key the server under test is started with (GEOPORTAL_FORM_KEY), so the load can sign its own forms. */
export const LOAD_FORM_KEY = 'load-test-form-key-0123456789abcdef-0123456789';

export interface StoreBackend {
  adapter: Adapter;
  /** The server's environment for this store. */
  env: NodeJS.ProcessEnv;
  /** The same store, opened by this process (to count what was kept). */
  open(): Promise<SubmissionStore>;
  stop(): Promise<void>;
}

export async function startStoreBackend(adapter: Adapter): Promise<StoreBackend> {
  if (adapter === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'geoportal-load-store-'));
    const env = { GEOPORTAL_STORE_PATH: path.join(dir, 'submissions.sqlite'), DATABASE_URL: '' };
    return { adapter, env, open: () => openStore(env), stop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const pg = await startThrowawayPostgres();
  const env = { DATABASE_URL: pg.url };
  return { adapter, env, open: () => openStore(env), stop: () => pg.stop() };
}

/** The server's environment besides the store: the form key and no rate limit (every request comes from 127.0.0.1). */
export const LOAD_SERVER_ENV: NodeJS.ProcessEnv = { GEOPORTAL_FORM_KEY: LOAD_FORM_KEY, GEOPORTAL_RATE_LIMIT_PER_MINUTE: '1000000000' };

/** The id of a published 批前公示 the server takes opinions for today (Asia/Shanghai), if the data has one. */
export async function openOpinionNoticeId(today = todayInShanghai()): Promise<string | undefined> {
  return openOpinionNotice(await getPublishedView(), today)?.id;
}

export type LoadRoute = 'opinion' | 'application';

/** One valid post (urlencoded, as a browser without JavaScript sends it) with a fresh token: its idempotency key is new. */
export function submissionBody(route: LoadRoute, noticeId: string | undefined, n: number): string {
  const form = route === 'opinion' ? `opinion:${noticeId}` : 'application';
  const fields: Record<string, string> =
    route === 'opinion'
      ? { token: issueFormToken(LOAD_FORM_KEY, form), notice: noticeId!, name: '测试用户', phone: '13800000000', opinion: `压力测试意见第 ${n} 条：建议增加绿地和停车位。` }
      : {
          token: issueFormToken(LOAD_FORM_KEY, form),
          applicantType: '公民',
          name: '测试用户',
          idType: '居民身份证',
          idNumber: '11010519491231002X',
          phone: '13800000000',
          description: `压力测试申请第 ${n} 条：某地块的建设用地规划许可证及附图。`,
          format: '电子文档',
          delivery: '自行领取',
        };
  return new URLSearchParams(fields).toString();
}

/** The headers of a form post from the site's own page, asking for the JSON answer. */
export function submissionHeaders(base: string): Record<string, string> {
  return { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: base };
}

export const routePath = (route: LoadRoute): string => SUBMIT_PATHS[route];
