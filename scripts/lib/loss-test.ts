/**
 * The loss test: is every acknowledged submission in the store after the
 * server dies? Posts valid submissions from C concurrent clients to the real
 * server (src/server/main.ts on a build), kills the server with SIGKILL in
 * the middle of the load, starts it again on the same store, and looks up
 * every receipt number a client was given (an answer 200 with a receipt)
 * in the store. A receipt missing, or a record that differs from what was
 * sent, is a loss. Requests cut off by the kill got no receipt and are not
 * counted as acknowledged (their senders were told nothing was saved, or
 * nothing at all, and send again with the same token).
 *
 * What it shows and what not: SIGKILL ends the process, not the machine, so
 * the page cache survives; it proves that an answer is sent only after the
 * commit and that the store recovers from a crash mid-write (WAL replay), not
 * that the commit reached the disk (that is synchronous=FULL's and fsync's
 * job, which only pulling the power would test).
 */
import { freePort } from './free-port.ts';
import { startNodeServer, type RunningServer } from './node-server.ts';
import { LOAD_SERVER_ENV, routePath, startStoreBackend, submissionBody, submissionHeaders, type Adapter, type LoadRoute } from './submit-load.ts';

export interface LossTestOptions {
  adapter: Adapter;
  dist: string;
  route: LoadRoute;
  noticeId?: string | undefined;
  connections: number;
  /** Load before the kill. */
  killAfterMs: number;
  log?: (line: string) => void;
}

export interface LossTestResult {
  adapter: Adapter;
  route: LoadRoute;
  /** Answers 200 with a receipt number before the kill. */
  acknowledged: number;
  /** Of those, not found in the store after the restart (the target is 0). */
  missing: string[];
  /** Found, but not the submission that was sent. */
  wrong: string[];
  /** Requests that got no answer (cut off by the kill) or another status. */
  unacknowledged: number;
  /** Records in the store after the restart (≥ acknowledged: a record committed just before the kill may not have been answered). */
  stored: number;
  /** The restarted server answered a new submission. */
  restartedOk: boolean;
}

export async function runLossTest(o: LossTestOptions): Promise<LossTestResult> {
  const log = o.log ?? (() => undefined);
  const backend = await startStoreBackend(o.adapter);
  const port = await freePort();
  const env = { ...LOAD_SERVER_ENV, ...backend.env };
  let server: RunningServer | undefined;
  try {
    server = await startNodeServer({ dist: o.dist, port, env });
    const base = server.base;
    const acknowledged = new Map<string, string>();
    let unacknowledged = 0;
    let n = 0;
    let killed = false;
    const client = async (): Promise<void> => {
      while (!killed) {
        const i = ++n;
        // Each post's text names its number (submissionBody): the record found must be this one.
        const marker = `第 ${i} 条：`;
        const body = submissionBody(o.route, o.noticeId, i);
        try {
          const r = await fetch(base + routePath(o.route), { method: 'POST', headers: submissionHeaders(base), body });
          const json = (await r.json()) as { receiptNo?: string };
          if (r.status === 200 && json.receiptNo) acknowledged.set(json.receiptNo, marker);
          else unacknowledged++;
        } catch {
          unacknowledged++;
        }
      }
    };
    const clients = Array.from({ length: o.connections }, client);
    await new Promise((r) => setTimeout(r, o.killAfterMs));
    log(`${o.adapter}: SIGKILL after ${o.killAfterMs} ms, ${acknowledged.size} receipts so far`);
    const dying = server.child;
    // No new posts from here; the ones in flight are cut off by the kill.
    killed = true;
    await new Promise<void>((resolve) => {
      dying.once('exit', () => resolve());
      dying.kill('SIGKILL');
    });
    await Promise.all(clients);
    server = await startNodeServer({ dist: o.dist, port, env });
    const after = await fetch(server.base + routePath(o.route), { method: 'POST', headers: submissionHeaders(server.base), body: submissionBody(o.route, o.noticeId, 0) });
    const restartedOk = after.status === 200;
    await after.body?.cancel();

    const store = await backend.open();
    const missing: string[] = [];
    const wrong: string[] = [];
    try {
      for (const [receiptNo, marker] of acknowledged) {
        const s = await store.get(receiptNo);
        if (!s) missing.push(receiptNo);
        else if (!JSON.stringify(s.content).includes(marker)) wrong.push(receiptNo);
      }
      const stored = (await store.list({ kind: o.route })).length - (restartedOk ? 1 : 0);
      return { adapter: o.adapter, route: o.route, acknowledged: acknowledged.size, missing, wrong, unacknowledged, stored, restartedOk };
    } finally {
      await store.close();
    }
  } finally {
    await server?.stop();
    await backend.stop();
  }
}
