import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRuntimeConfig } from '../../../src/map/config-fetch.ts';

afterEach(() => vi.unstubAllGlobals());

describe('fetchRuntimeConfig', () => {
  it('asks once per page and URL, without the HTTP cache, and every map of the page gets the answer', async () => {
    const asked: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => (asked.push({ url, init }), Response.json({ tiandituKey: null, matrixSet: 'c' })));
    const [a, b] = await Promise.all([fetchRuntimeConfig('/config/a.json'), fetchRuntimeConfig('/config/a.json')]);
    expect(a).toEqual({ tiandituKey: null, matrixSet: 'c' });
    expect(b).toBe(a);
    expect(asked.map((x) => x.url)).toEqual(['/config/a.json']);
    expect(asked[0]!.init.cache).toBe('no-cache');
    expect(asked[0]!.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('answers undefined for an HTTP error, a body that is not JSON, or no network', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 503 }));
    expect(await fetchRuntimeConfig('/config/503.json')).toBeUndefined();
    vi.stubGlobal('fetch', async () => new Response('<html>'));
    expect(await fetchRuntimeConfig('/config/html.json')).toBeUndefined();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchRuntimeConfig('/config/offline.json')).toBeUndefined();
  });
});
