/**
 * Child processes of benchmarks and tests: wait until one listens on a port,
 * stop it (SIGTERM, then SIGKILL), and stop every one still running when the
 * script itself ends or is interrupted.
 */
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { stopProcess } from './wait-for-server.ts';

export { stopProcess };

/** Whether something accepts TCP connections on 127.0.0.1:port right now. */
export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ port, host });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/**
 * Polls until the port accepts connections. Rejects at once with the reason
 * when `exited()` returns one (the process died), and after `timeoutMs`.
 */
export async function waitForPort(port: number, exited: () => string | undefined, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = exited();
    if (why) throw new Error(`stopped (${why})`);
    if (await portOpen(port)) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const running = new Set<ChildProcess>();
let hooked = false;

/**
 * Registers a child to be killed when this process exits or gets
 * SIGINT/SIGTERM/SIGHUP (then it exits 130). Returns the child.
 */
export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(sig, () => {
        console.error(`\n${sig}: stopping`);
        void Promise.all([...running].map((c) => stopProcess(c))).finally(() => process.exit(130));
      });
    }
  }
  return child;
}
