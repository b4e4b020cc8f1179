/**
 * The small process helpers of benchmarks and tests: a free port, waiting
 * for a listener, stopping a child, and how the Node server is started.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/free-port.ts';
import { serverCommand, startNodeServer } from '../../../scripts/lib/node-server.ts';
import { SERVER_MAIN } from '../../../scripts/lib/site-server.ts';
import { portOpen, stopProcess, waitForPort } from '../../../scripts/lib/processes.ts';

const listen = (port: number) => new Promise<Server>((resolve) => { const s = createServer(); s.listen(port, '127.0.0.1', () => resolve(s)); });
const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

describe('freePort', () => {
  it('gives a port that can be bound at once, and different ones', async () => {
    const a = await freePort();
    expect(a).toBeGreaterThan(1024);
    const s = await listen(a);
    expect(await portOpen(a)).toBe(true);
    const b = await freePort();
    expect(b).not.toBe(a);
    await close(s);
    expect(await portOpen(a)).toBe(false);
  });
});

describe('waitForPort', () => {
  it('resolves once something listens', async () => {
    const port = await freePort();
    let s: Server | undefined;
    setTimeout(() => void listen(port).then((x) => (s = x)), 300);
    await waitForPort(port, () => undefined, 5000);
    await close(s!);
  });
  it('rejects at once with the reason when the process has exited', async () => {
    const t0 = Date.now();
    await expect(waitForPort(await freePort(), () => 'exit 1', 5000)).rejects.toThrow('stopped (exit 1)');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  it('rejects after the time-out when nothing listens', async () => {
    const port = await freePort();
    await expect(waitForPort(port, () => undefined, 300)).rejects.toThrow(`nothing listens on 127.0.0.1:${port}`);
  });
});

describe('stopProcess', () => {
  it('ends a running child (SIGTERM) and is a no-op afterwards', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((r) => child.once('spawn', r));
    await stopProcess(child);
    expect(child.signalCode).toBe('SIGTERM');
    await stopProcess(child);
  });
  it('kills a child that ignores SIGTERM after 5 s', async () => {
    const child = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((r) => child.stdout!.once('data', r));
    await stopProcess(child);
    expect(child.signalCode).toBe('SIGKILL');
  }, 15_000);
});

describe('the Node server', () => {
  it('starts src/server/main.ts on loopback with GEOPORTAL_DIST', () => {
    const cmd = serverCommand('/srv/dist', 4000);
    expect(cmd).toEqual({ args: [SERVER_MAIN], env: { HOST: '127.0.0.1', PORT: '4000', NODE_ENV: 'production', GEOPORTAL_DIST: '/srv/dist' } });
    expect(SERVER_MAIN.endsWith(path.join('src', 'server', 'main.ts'))).toBe(true);
  });
  it('a server that cannot start fails at once with why', async () => {
    // A preload that does not exist stops either server before it listens.
    const t0 = Date.now();
    const err = await startNodeServer({ dist: path.resolve(import.meta.dirname, '../../../dist'), port: await freePort(), env: { NODE_OPTIONS: '--import=/nonexistent/preload.mjs' } }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^src\/server\/main\.ts: stopped \(exit 1: .*nonexistent/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});
