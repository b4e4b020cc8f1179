/**
 * TiandituBaseMap's tile loader in Node: fetch answers from the test,
 * Image decodes at once. Checks that an error answer gives Tianditu up at
 * the first tile, that network failures do so only after a few in a row,
 * and that a tile OpenLayers aborts is never counted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_FAILURES_BEFORE_FALLBACK, TiandituBaseMap, eitherSignal } from '../../../src/map/base-layers.ts';

type Answer = () => Promise<Response>;
let answer: Answer;
let fetched: { url: string; signal: AbortSignal }[] = [];

/** An <img> stand-in that loads whatever src it gets. */
class FakeImage {
  private listeners: Record<string, (() => void)[]> = {};
  private value = '';
  get src(): string {
    return this.value;
  }
  set src(v: string) {
    this.value = v;
    if (v) queueMicrotask(() => this.listeners['load']?.forEach((fn) => fn()));
  }
  addEventListener(type: string, fn: () => void) {
    (this.listeners[type] ??= []).push(fn);
  }
}

const png = () => Promise.resolve(new Response(new Uint8Array([137, 80, 78, 71]), { status: 200, headers: { 'content-type': 'image/png' } }));

beforeEach(() => {
  fetched = [];
  answer = png;
  vi.stubGlobal('Image', FakeImage);
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    fetched.push({ url, signal: init.signal! });
    return answer();
  });
});
afterEach(() => vi.unstubAllGlobals());

function baseMap() {
  const reasons: string[] = [];
  const map = new TiandituBaseMap('w', '0123456789abcdef0123456789abcdef', (r) => reasons.push(r));
  map.show('vec', 'zh');
  return { map, reasons };
}
const URL_A = 'https://t1.tianditu.gov.cn/vec_w/wmts?x';

describe('the Tianditu tile loader', () => {
  it('decodes a PNG into an image, with the tile’s signal and a timeout on the fetch', async () => {
    const { map, reasons } = baseMap();
    const controller = new AbortController();
    const image = await map.load(URL_A, controller.signal);
    expect(image).toBeInstanceOf(FakeImage);
    expect((image as unknown as FakeImage).src).toMatch(/^blob:/);
    expect(fetched.map((f) => f.url)).toEqual([URL_A]);
    // The fetch aborts with the tile.
    expect(fetched[0]!.signal.aborted).toBe(false);
    controller.abort();
    expect(fetched[0]!.signal.aborted).toBe(true);
    expect(reasons).toEqual([]);
    expect(map.hasFailed).toBe(false);
    expect(map.base.getSource()).not.toBeNull();
  });

  it('gives Tianditu up at the first error answer (403, or JSON where a tile should be), and asks no more', async () => {
    for (const [res, reason] of [
      [new Response('{"msg":"权限验证失败"}', { status: 403, headers: { 'content-type': 'application/json' } }), '天地图服务返回错误（HTTP 403）'],
      [new Response('{"msg":"非法Key"}', { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' } }), '天地图服务返回的不是地图图片'],
    ] as const) {
      const { map, reasons } = baseMap();
      answer = () => Promise.resolve(res);
      await expect(map.load(URL_A, new AbortController().signal)).rejects.toThrow(reason);
      expect(reasons).toEqual([reason]);
      expect(map.hasFailed).toBe(true);
      expect(map.base.getSource()).toBeNull();
      expect(map.annotation.getSource()).toBeNull();
      const before = fetched.length;
      await expect(map.load(URL_A, new AbortController().signal)).rejects.toThrow();
      expect(fetched.length, 'no request after giving up').toBe(before);
      map.show('img', 'zh');
      expect(map.base.getSource(), 'no new sources after giving up').toBeNull();
    }
  });

  it('counts network failures in a row, not tiles OpenLayers aborted, and a good tile resets the count', async () => {
    const { map, reasons } = baseMap();
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    for (let i = 0; i < NETWORK_FAILURES_BEFORE_FALLBACK - 1; i++) await expect(map.load(URL_A, new AbortController().signal)).rejects.toThrow();
    answer = png;
    await map.load(URL_A, new AbortController().signal);
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    for (let i = 0; i < NETWORK_FAILURES_BEFORE_FALLBACK - 1; i++) await expect(map.load(URL_A, new AbortController().signal)).rejects.toThrow();
    // Aborted by OpenLayers (the view moved on): as many as you like, none counts.
    for (let i = 0; i < 10; i++) {
      const c = new AbortController();
      c.abort(new Error('disposed'));
      answer = () => Promise.reject(c.signal.reason);
      await expect(map.load(URL_A, c.signal)).rejects.toThrow('disposed');
    }
    expect(reasons).toEqual([]);
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(map.load(URL_A, new AbortController().signal)).rejects.toThrow();
    expect(reasons).toEqual(['无法连接天地图服务']);
  });
});

describe('eitherSignal', () => {
  it('aborts when either aborts, with its reason; not before', () => {
    const a = new AbortController();
    const b = new AbortController();
    const s = eitherSignal(a.signal, b.signal);
    expect(s.aborted).toBe(false);
    b.abort(new Error('timeout'));
    expect(s.aborted).toBe(true);
    expect((s.reason as Error).message).toBe('timeout');
  });
});
