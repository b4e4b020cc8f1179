/** The WMTS base map's server side: the capabilities check, the configured fetch, the cached route answer, and the CSP origins. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capabilitiesSource, wmtsOrigins } from '../../../src/server/basemap-capabilities.ts';
import { securityHeaders } from '../../../src/server/headers.ts';
import { fetchConfigured } from '../../../src/server/upstream.ts';
import { checkCapabilities } from '../../../src/server/wmts-capabilities.ts';

const XML = readFileSync(path.resolve('tests/fixtures/wmts-capabilities.xml'), 'utf8');
const CFG = { capabilities: 'https://tdt.example.gov.cn/wmts?SERVICE=WMTS&REQUEST=GetCapabilities', layer: 'vec', tileOrigins: ['https://tiles.example.gov.cn'] };
const ALLOWED = wmtsOrigins(CFG);
const answer = (body: string, init: ResponseInit = {}) => (async () => new Response(body, init)) as unknown as typeof fetch;

describe('WMTS capabilities check', () => {
  it('accepts a WMTS 1.0 document with the layer and tiles from allowed origins', () => {
    expect(checkCapabilities(XML, 'vec', ALLOWED)).toEqual({ ok: true, matrixSets: ['w'], tileUrls: ['https://tiles.example.gov.cn/vec/{TileMatrix}/{TileRow}/{TileCol}.png', 'https://tiles.example.gov.cn/wmts?'] });
  });

  it('refuses malformed XML, another document, a missing layer and tiles from elsewhere, each with why', () => {
    expect(checkCapabilities(XML.slice(0, 400), 'vec', ALLOWED)).toMatchObject({ ok: false, reason: expect.stringContaining('XML') });
    expect(checkCapabilities('<WMS_Capabilities version="1.3.0"/>', 'vec', ALLOWED)).toMatchObject({ ok: false, reason: expect.stringContaining('WMTS 1.0') });
    expect(checkCapabilities(XML, 'img', ALLOWED)).toMatchObject({ ok: false, reason: expect.stringContaining('没有图层 img') });
    expect(checkCapabilities(XML, 'vec', [new URL(CFG.capabilities).origin])).toMatchObject({ ok: false, reason: expect.stringContaining('https://tiles.example.gov.cn') });
  });
});

describe('fetching from the configured upstream', () => {
  it('returns the document', async () => {
    expect(await fetchConfigured(CFG.capabilities, { timeoutMs: 1000, maxBytes: 100_000 }, answer(XML))).toMatchObject({ ok: true, text: XML });
  });

  it('refuses http, errors, oversize and silence', async () => {
    expect(await fetchConfigured('http://tdt.example.gov.cn/', { timeoutMs: 1000, maxBytes: 1000 }, answer(XML))).toMatchObject({ ok: false });
    expect(await fetchConfigured(CFG.capabilities, { timeoutMs: 1000, maxBytes: 1000 }, answer('x', { status: 503 }))).toMatchObject({ ok: false, reason: expect.stringContaining('503') });
    expect(await fetchConfigured(CFG.capabilities, { timeoutMs: 1000, maxBytes: 1000 }, answer(XML))).toMatchObject({ ok: false, reason: expect.stringContaining('超过') });
    const silent = ((_: string, init: RequestInit) => new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    expect(await fetchConfigured(CFG.capabilities, { timeoutMs: 50, maxBytes: 1000 }, silent)).toMatchObject({ ok: false, reason: expect.stringContaining('没有应答') });
  });
});

describe('the route answer', () => {
  it('caches a checked document and serves it stale while the upstream fails', async () => {
    let t = 0;
    let calls = 0;
    let up = true;
    const fetcher = (async () => {
      calls++;
      return up ? new Response(XML) : new Response('', { status: 500 });
    }) as unknown as typeof fetch;
    const get = capabilitiesSource(CFG, { fetcher, now: () => t });
    expect((await get()).status).toBe(200);
    t += 60_000;
    expect((await get()).status).toBe(200);
    expect(calls).toBe(1);
    up = false;
    t += 10 * 60_000;
    const stale = await get();
    expect(stale.status).toBe(200);
    expect(stale.body).toBe(XML);
    expect(calls).toBe(2);
  });

  it('answers 502 with the reason when there is nothing checked to serve, and does not hammer the upstream', async () => {
    let calls = 0;
    const fetcher = (async () => {
      calls++;
      return new Response(XML.replace('<ows:Identifier>vec</ows:Identifier>', '<ows:Identifier>other</ows:Identifier>'));
    }) as unknown as typeof fetch;
    const get = capabilitiesSource(CFG, { fetcher, now: () => 0 });
    const a = await get();
    expect(a.status).toBe(502);
    expect(JSON.parse(a.body)).toEqual({ status: 502, fallback: 'offline', reason: 'GetCapabilities 中没有图层 vec' });
    await get();
    expect(calls).toBe(1);
  });
});

describe('CSP with a WMTS base map', () => {
  it('allows its origins for images and fetches, and nothing else new', () => {
    const csp = securityHeaders(false, ALLOWED)['content-security-policy']!;
    expect(csp).toMatch(/img-src [^;]*https:\/\/tiles\.example\.gov\.cn/);
    expect(csp).toMatch(/connect-src [^;]*https:\/\/tdt\.example\.gov\.cn/);
    expect(securityHeaders(false)['content-security-policy']).not.toContain('example.gov.cn');
  });
});
