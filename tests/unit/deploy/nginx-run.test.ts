/**
 * Debian's nginx with the shipped site on a free port (scripts/lib/nginx.ts,
 * used by npm run bench:load): only listen, root and the upstream port
 * change; it serves a file from a temporary root with the headers of
 * src/server/headers.ts; a broken configuration fails with one clear line.
 * The start/stop tests need nginx (apt-get install nginx) and are skipped
 * without it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/free-port.ts';
import { brotliModules, localSiteConf, mainConf, nginxBinary, nginxError, SHIPPED_SITE, SHIPPED_SNIPPETS, startNginx, type RunningNginx } from '../../../scripts/lib/nginx.ts';
import { portOpen } from '../../../scripts/lib/processes.ts';
import { securityHeaders } from '../../../src/server/headers.ts';

type Answer = { status: number; headers: Map<string, string[]>; body: Buffer };

/** One request; headers keep every copy (to see duplicates). */
function get(url: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers = new Map<string, string[]>();
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const k = res.rawHeaders[i]!.toLowerCase();
          headers.set(k, [...(headers.get(k) ?? []), res.rawHeaders[i + 1]!]);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The security headers of an answer, each once, as securityHeaders() spells them. */
function security(a: Answer): Record<string, string | string[]> {
  const names = Object.keys(securityHeaders(true));
  return Object.fromEntries([...a.headers].filter(([k]) => names.includes(k)).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

describe('localSiteConf: only listen, root and the upstream port change', () => {
  const shipped = readFileSync(SHIPPED_SITE, 'utf8');
  const local = localSiteConf(shipped, { port: 18443, redirectPort: 18080, root: '/tmp/r/client', upstreamPort: 45678 });

  it('changes exactly those lines', () => {
    const a = shipped.split('\n');
    const b = local.split('\n');
    expect(b).toHaveLength(a.length);
    const changed = a.flatMap((line, i) => (line === b[i] ? [] : [`${line.trim()} → ${b[i]!.trim()}`]));
    expect(changed).toEqual([
      'server 127.0.0.1:4321;                  # HOST/PORT of geoportal.service → server 127.0.0.1:45678;                  # HOST/PORT of geoportal.service',
      'listen 80; → listen 127.0.0.1:18080;',
      'listen [::]:80;                         # IPv6 is checked in government-site audits → # (local: IPv6 listen left out)                         # IPv6 is checked in government-site audits',
      'listen 443 ssl http2; → listen 127.0.0.1:18443;',
      'listen [::]:443 ssl http2; → # (local: IPv6 listen left out)',
      'root /srv/geoportal/dist/client; → root /tmp/r/client;',
    ]);
  });
  it('refuses a site it does not recognise, naming what is missing', () => {
    expect(() => localSiteConf(shipped.replace(/^\s*root .*$/m, ''), { port: 1, redirectPort: 2, root: '/x', upstreamPort: 3 })).toThrow('expected exactly one root directive, found 0');
    expect(() => localSiteConf('server { listen 80; }', { port: 1, redirectPort: 2, root: '/x', upstreamPort: 3 })).toThrow(/upstream server/);
  });
  it('nginxError keeps the message of the first emergency line', () => {
    expect(nginxError('nginx: [emerg] unknown directive "bogus" in /tmp/a.conf:3\nnginx: configuration file /tmp/a.conf test failed\n')).toBe('unknown directive "bogus" in /tmp/a.conf:3');
    expect(nginxError('2026/12/01 11:46:49 [emerg] 783#783: cannot load certificate "/x.pem"\n')).toBe('cannot load certificate "/x.pem"');
  });
});

describe.skipIf(!nginxBinary())('nginx with the shipped site (needs Debian nginx)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nginx-run-test-'));
  const root = path.join(tmp, 'client');
  const html = '<!doctype html><title>t</title><p>静态页面</p>'.repeat(20);
  let nginx: RunningNginx;

  beforeAll(async () => {
    mkdirSync(path.join(root, '_astro'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), html);
    // A twin with different bytes, to see that gzip_static sent it (and not an on-the-fly copy).
    writeFileSync(path.join(root, 'index.html.gz'), gzipSync('<p>twin</p>'));
    writeFileSync(path.join(root, '404.html'), '<p>404</p>');
    writeFileSync(path.join(root, '_astro', 'page.abc123.js'), 'console.log(1);'.repeat(100));
    // Nothing listens on the upstream port: what is not a file answers 502.
    nginx = await startNginx({ port: await freePort(), redirectPort: await freePort(), root, upstreamPort: await freePort(), brotli: false });
  });
  afterAll(async () => {
    await nginx?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves a page with securityHeaders(false) and no-cache, each once', async () => {
    const a = await get(`${nginx.base}/`);
    expect(a.status).toBe(200);
    expect(a.body.toString()).toBe(html);
    expect(security(a)).toEqual(securityHeaders(false));
    expect(a.headers.get('cache-control')).toEqual(['no-cache']);
  });
  it('sends the build’s .gz twin as it is', async () => {
    const a = await get(`${nginx.base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(a.headers.get('content-encoding')).toEqual(['gzip']);
    expect(a.body).toEqual(readFileSync(path.join(root, 'index.html.gz')));
  });
  it('caches a hashed asset for a year, with the same security headers', async () => {
    const a = await get(`${nginx.base}/_astro/page.abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(a.status).toBe(200);
    expect(a.headers.get('content-encoding')).toEqual(['gzip']); // on the fly: no twin
    expect(security(a)).toEqual(securityHeaders(false));
    expect(a.headers.get('cache-control')).toEqual(['public, max-age=31536000, immutable']);
  });
  it('answers 405 with Allow to other methods on static files', async () => {
    const a = await get(`${nginx.base}/`, { method: 'DELETE' });
    expect(a.status).toBe(405);
    expect(a.headers.get('allow')).toEqual(['GET, HEAD']);
    expect(security(a)).toEqual(securityHeaders(false));
  });
  it('does not pass /_image on (404 page), and gives 502 with headers while Node is down', async () => {
    const img = await get(`${nginx.base}/_image?href=/x.png`);
    expect(img.status).toBe(404);
    expect(img.body.toString()).toBe('<p>404</p>');
    const down = await get(`${nginx.base}/no-file-here/`);
    expect(down.status).toBe(502);
    expect(security(down)).toEqual(securityHeaders(false));
    expect(down.headers.get('cache-control')).toEqual(['no-cache']);
  });
  it('redirects the plain-HTTP server to https', async () => {
    const redirectPort = Number(/listen 127\.0\.0\.1:(\d+);/.exec(readFileSync(path.join(nginx.dir, 'geoportal.conf'), 'utf8'))![1]);
    const a = await get(`http://127.0.0.1:${redirectPort}/a/?b=1`);
    expect(a.status).toBe(301);
    expect(a.headers.get('location')).toEqual(['https://127.0.0.1/a/?b=1']);
  });
  it('a broken configuration fails with one line naming the problem', async () => {
    const site = path.join(tmp, 'broken.conf');
    writeFileSync(site, readFileSync(SHIPPED_SITE, 'utf8').replace('server_tokens off;', 'server_tokens off;\n    bogus_directive on;'));
    const port = await freePort();
    const err = await startNginx({ siteFile: site, port, redirectPort: await freePort(), root, upstreamPort: 1 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^nginx: unknown directive "bogus_directive" in \S+geoportal\.conf:\d+$/);
    expect(await portOpen(port)).toBe(false);
  });
  it('stop() ends it and removes its directory', async () => {
    const port = await freePort();
    const n = await startNginx({ port, redirectPort: await freePort(), root, upstreamPort: 1 });
    expect(await portOpen(port)).toBe(true);
    await n.stop();
    expect(await portOpen(port)).toBe(false);
    expect(existsSync(n.dir)).toBe(false);
  });
});

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!nginxBinary() || !openssl)('the shipped site unchanged (needs Debian nginx and openssl)', () => {
  it('passes nginx -t with its TLS server, http2 and IPv6 listens (a throwaway certificate in the TLS snippet)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nginx-tls-test-'));
    try {
      cpSync(SHIPPED_SNIPPETS, path.join(dir, 'snippets'), { recursive: true });
      const key = path.join(dir, 'key.pem');
      const cert = path.join(dir, 'cert.pem');
      const gen = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=zrzy.example.gov.cn'], { encoding: 'utf8' });
      expect(gen.status, gen.stderr).toBe(0);
      const tls = path.join(dir, 'snippets', 'geoportal-tls.conf');
      writeFileSync(tls, readFileSync(tls, 'utf8').replace('/etc/ssl/geoportal/fullchain.pem', cert).replace('/etc/ssl/geoportal/privkey.pem', key));
      const modules = brotliModules();
      if (!modules) rmSync(path.join(dir, 'snippets', 'geoportal-brotli.conf'));
      mkdirSync(path.join(dir, 'tmp'));
      writeFileSync(path.join(dir, 'nginx.conf'), mainConf({ dir, site: SHIPPED_SITE, brotli: modules }));
      const r = spawnSync(nginxBinary()!, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr'], { encoding: 'utf8' });
      expect(r.stderr).toContain('test is successful');
      expect(r.stderr).not.toMatch(/\[(warn|emerg)\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
