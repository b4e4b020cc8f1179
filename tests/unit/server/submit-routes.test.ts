/**
 * The form routes' declared limits (src/server/routes.ts) applied by the
 * server before the route runs: methods, declared body size, and a flood from
 * one client rate-limited, answered in JSON when the client asks for JSON.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TIME_ROUTES } from '../../../src/server/routes.ts';
import { createGeoportalServer, type AppHandler } from '../../../src/server/server.ts';
import { readStaticManifest, writeStaticManifest } from '../../../src/server/static-files.ts';

let dir = '';
let base = '';
let server: http.Server;
let reached = 0;
const app: AppHandler = (req, res) => {
  reached++;
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end('{"receiptNo":"YJ-20261201-0001"}');
  });
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'geoportal-submit-'));
  const client = path.join(dir, 'client');
  mkdirSync(path.join(client, 'errors/429'), { recursive: true });
  mkdirSync(path.join(dir, 'server'));
  writeFileSync(path.join(client, 'errors/429/index.html'), '<h1>请求过于频繁（429）</h1>');
  await writeStaticManifest(client, path.join(dir, 'server'), []);
  server = createGeoportalServer({ clientDir: client, manifest: await readStaticManifest(path.join(dir, 'server')), app, trustedProxies: new Set(['127.0.0.1']), log: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const post = (p: string, client: string, body = 'a=1', headers: Record<string, string> = {}) =>
  fetch(`${base}${p}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-forwarded-for': client, ...headers } });

describe('the form routes’ limits', () => {
  it('are declared for both forms and the token', () => {
    for (const p of ['/submit/opinion', '/submit/application', '/submit/token.json']) expect(REQUEST_TIME_ROUTES[p], p).toBeDefined();
    expect(REQUEST_TIME_ROUTES['/submit/opinion']!.limits.maxBodyBytes).toBeGreaterThan(2 * 1024 * 1024);
  });
  it('refuse other methods and a declared body over the limit, in JSON when asked', async () => {
    const put = await fetch(`${base}/submit/application`, { method: 'PUT', headers: { accept: 'application/json' } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    const big = await post('/submit/application', '10.0.0.1', 'a='.padEnd(70 * 1024, 'x'));
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/json');
    expect(((await big.json()) as { reason: string }).reason).toContain('字节');
  });
  it('rate-limit a flood from one client, not the next client', async () => {
    const before = reached;
    const { burst } = REQUEST_TIME_ROUTES['/submit/opinion']!.limits;
    const answers = [];
    for (let i = 0; i < burst + 3; i++) answers.push((await post('/submit/opinion', '10.0.0.2')).status);
    expect(answers.slice(0, burst)).toEqual(Array(burst).fill(200));
    expect(answers.slice(burst)).toEqual([429, 429, 429]);
    expect(reached - before).toBe(burst);
    const limited = await post('/submit/opinion', '10.0.0.2');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { status: number }).status).toBe(429);
    expect((await post('/submit/opinion', '10.0.0.3')).status).toBe(200);
  });
});
