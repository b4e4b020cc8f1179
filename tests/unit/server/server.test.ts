/**
 * The Node server (src/server/server.ts) on a small built site in a temp
 * directory, with a stand-in for Astro's handler: files, twins, caching,
 * methods, error pages, limits and faults, and the headers on every answer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeoportalServer, type AppHandler } from '../../../src/server/server.ts';
import { readStaticManifest, writeStaticManifest } from '../../../src/server/static-files.ts';

let dir = '';
let base = '';
let server: http.Server;
const logged: string[] = [];
const HTML = `<!doctype html><html lang="zh-CN"><title>首页</title><p>${'自然资源和规划局公众地理信息门户。'.repeat(40)}</p></html>`;

// Astro's stand-in: a 410 page for /gone/, JSON for the config route, a fault, a hang.
const app: AppHandler = async (req, res) => {
  if (req.url?.startsWith('/gone/')) {
    res.writeHead(410, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<h1>已撤回</h1>');
  } else if (req.url?.startsWith('/config/map.json')) {
    if (req.headers['x-test'] === 'throw') throw new Error('secret stack detail');
    if (req.headers['x-test'] === 'hang') await new Promise(() => undefined);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end('{"tiandituKey":null}');
  }
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'geoportal-server-'));
  const client = path.join(dir, 'client');
  const serverDir = path.join(dir, 'server');
  for (const d of ['_astro', 'errors/400', 'errors/405', 'errors/500', 'errors/503', 'notices/a']) mkdirSync(path.join(client, d), { recursive: true });
  mkdirSync(serverDir);
  writeFileSync(path.join(client, 'index.html'), HTML);
  writeFileSync(path.join(client, 'notices/a/index.html'), HTML);
  writeFileSync(path.join(client, '_astro/page.Ab12.js'), `console.log(${JSON.stringify('x'.repeat(2000))});`);
  writeFileSync(path.join(client, 'tiny.txt'), 'ok');
  writeFileSync(path.join(client, 'photo.png'), Buffer.alloc(3000, 1));
  writeFileSync(path.join(client, 'base.pmtiles'), Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251)));
  writeFileSync(path.join(client, '404.html'), '<h1>页面不存在（404）</h1>');
  for (const s of [400, 405, 500, 503]) writeFileSync(path.join(client, `errors/${s}/index.html`), `<h1>错误（${s}）</h1>`);
  await writeStaticManifest(client, serverDir, ['/gone/x/', '/gone/x']);
  server = createGeoportalServer({
    clientDir: client,
    manifest: await readStaticManifest(serverDir),
    app,
    trustedProxies: new Set(['127.0.0.1']),
    routes: {
      '/config/map.json': { file: 'src/pages/config/map.json.ts', limits: { methods: ['GET'], query: {}, maxBodyBytes: 0, timeoutMs: 300, perMinute: 60, burst: 5 } },
    },
    log: (l) => logged.push(l),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const get = (p: string, init: RequestInit = {}) => fetch(`${base}${p}`, { redirect: 'manual', ...init });
const raw = async (p: string, headers: Record<string, string> = {}, method = 'GET') => {
  // fetch() decodes bodies; node:http shows the bytes as sent.
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const r = request(`${base}${p}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    r.on('error', reject);
    r.end();
  });
};

describe('static files', () => {
  it('send the brotli twin, else gzip, else the file, with Vary and an ETag per encoding', async () => {
    const br = await raw('/', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(HTML);
    const gz = await raw('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(HTML);
    const plain = await raw('/', { 'accept-encoding': 'br;q=0, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(HTML);
    for (const r of [br, gz, plain]) expect(r.headers['vary']).toBe('Accept-Encoding');
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('leave small and binary files alone, and answer If-None-Match with 304', async () => {
    expect((await raw('/tiny.txt', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined();
    const png = await raw('/photo.png', { 'accept-encoding': 'br' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['vary']).toBeUndefined();
    const first = await raw('/notices/a', { 'accept-encoding': 'br' });
    const again = await raw('/notices/a/', { 'accept-encoding': 'br', 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await raw('/notices/a/', { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! })).status).toBe(200);
  });

  it('cache hashed assets for a year, on HEAD as on GET', async () => {
    for (const method of ['GET', 'HEAD']) {
      const r = await raw('/_astro/page.Ab12.js', { 'accept-encoding': 'br' }, method);
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
      if (method === 'HEAD') expect(r.body.length).toBe(0);
      else expect(Number(r.headers['content-length'])).toBe(r.body.length);
    }
  });
});

describe('methods and errors', () => {
  it('answer anything but GET and HEAD with 405 and Allow, TRACE included', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS']) {
      const r = await raw('/', {}, method);
      expect(r.status, method).toBe(405);
      expect(r.headers['allow'], method).toBe('GET, HEAD');
    }
    expect((await raw('/config/map.json', {}, 'TRACE')).status).toBe(405);
    expect((await raw('/gone/x/', {}, 'DELETE')).headers['allow']).toBe('GET, HEAD');
  });

  it('give a badly encoded path the 400 page and an unknown one the 404 page, cached briefly', async () => {
    const bad = await get('/%E4%B8/');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('错误（400）');
    const missing = await get('/no/such/page/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('404');
    expect(missing.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await get('/_image?href=/x.png&w=100')).status).toBe(404);
  });

  it('hand withdrawn records to Astro for their 410, cached an hour', async () => {
    const r = await get('/gone/x/');
    expect(r.status).toBe(410);
    expect(r.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('refuse parameters a request-time route does not take, in JSON', async () => {
    const r = await get('/config/map.json?callback=x');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect((await get('/config/map.json')).status).toBe(200);
  });

  it('answer a fault with the 500 page and one log line, never the stack', async () => {
    logged.length = 0;
    const r = await get('/config/map.json', { headers: { 'x-test': 'throw' } });
    expect(r.status).toBe(500);
    const body = await r.text();
    expect(body).not.toContain('secret stack detail');
    expect(body).not.toMatch(/at \S+ \(/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toMatch(/\n/);
  });

  it('rate-limit a request-time route per client, with Retry-After', async () => {
    const from = (ip: string) => get('/config/map.json', { headers: { 'x-forwarded-for': ip } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await from('203.0.113.50')).status);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    const limited = await from('203.0.113.50');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.51')).status).toBe(200);
  });

  it('answer 503 when a route does not answer in time', async () => {
    logged.length = 0;
    const r = await get('/config/map.json', { headers: { 'x-test': 'hang', 'x-forwarded-for': '203.0.113.60' } });
    expect(r.status).toBe(503);
    expect(logged.join('\n')).toMatch(/503 GET \/config\/map\.json/);
  });

  it('log at most 30 fault lines a minute, whatever the flood (last: it fills the minute)', async () => {
    logged.length = 0;
    await Promise.all(Array.from({ length: 45 }, (_, i) => get('/config/map.json', { headers: { 'x-test': 'throw', 'x-forwarded-for': `198.51.100.${i}` } })));
    expect(logged.length).toBeLessThanOrEqual(30);
    expect(logged.length).toBeGreaterThan(0);
  });

  it('put the security headers on every answer, errors included; HSTS only over HTTPS from the proxy', async () => {
    for (const p of ['/', '/no/such/page/', '/%E4%B8', '/gone/x/', '/config/map.json?x=1']) {
      const r = await get(p);
      expect(r.headers.get('content-security-policy'), p).toMatch(/script-src 'self' 'sha256-/);
      expect(r.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(r.headers.get('strict-transport-security'), p).toBeNull();
    }
    const tls = await get('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });
});

describe('byte ranges (a PMTiles base map is read in ranges)', () => {
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  it('answers one range with 206 and exactly those bytes, the total in Content-Range', async () => {
    const res = await get('/base.pmtiles', { headers: { range: 'bytes=100-199' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/5000');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    // A range past the end is cut at the end, as a PMTiles reader's first 16 KB request of a small file is.
    const tail = await get('/base.pmtiles', { headers: { range: 'bytes=4990-16383' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 4990-4999/5000');
    expect((await tail.arrayBuffer()).byteLength).toBe(10);
  });
  it('refuses a range beyond the file with 416, and sends the whole file when If-Range no longer matches', async () => {
    const res = await get('/base.pmtiles', { headers: { range: 'bytes=6000-7000' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */5000');
    const stale = await get('/base.pmtiles', { headers: { range: 'bytes=0-9', 'if-range': '"old-etag"' } });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(5000);
  });
  it('never serves ranges of a file with compressed twins', async () => {
    const res = await get('/index.html', { headers: { range: 'bytes=0-9', 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBeNull();
  });
});

