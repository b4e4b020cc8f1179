/**
 * /health.json on the Node server: the health check for a load balancer or
 * monitoring. 200 when the server answers and the submission store answers
 * its ping within 2 s; 503 with the store's reason otherwise (the site's
 * pages still work then, but opinions and applications cannot be taken).
 * Names the adapter, never the store's path or URL, and the day the site takes
 * as today, saying when GEOPORTAL_TODAY pins it (src/lib/dates.ts).
 */
import type { APIRoute } from 'astro';
import { pinnedDay, todayInShanghai } from '../lib/dates.ts';
import { submissionStore } from '../store/index.ts';
import { StoreUnavailableError } from '../store/types.ts';

export const prerender = false;

const PING_MS = 2_000;

export const GET: APIRoute = async () => {
  const clock = { today: todayInShanghai(), pinned: pinnedDay() !== undefined };
  let body: Record<string, unknown>;
  let status = 200;
  try {
    const store = await submissionStore();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailableError('unavailable', `${PING_MS} ms 内没有应答`)), PING_MS);
    });
    try {
      await Promise.race([store.ping(), late]);
    } finally {
      clearTimeout(timer);
    }
    body = { status: 'ok', clock, store: { adapter: store.adapter, ok: true } };
  } catch (e) {
    status = 503;
    body = { status: 'degraded', clock, store: { ok: false, reason: e instanceof StoreUnavailableError ? e.reason : 'unavailable' } };
  }
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
};
