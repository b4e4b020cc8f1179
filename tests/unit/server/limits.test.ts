import { describe, expect, it } from 'vitest';
import { allowHeader, checkRequest, RateLimiter, rateOverride, type RouteLimits } from '../../../src/server/limits.ts';

const route: RouteLimits = { methods: ['GET'], query: { page: (v) => /^\d{1,4}$/.test(v) }, maxBodyBytes: 0, timeoutMs: 1000, perMinute: 60, burst: 2 };

describe('request limits', () => {
  it('let through what the route declares', () => {
    expect(checkRequest(route, 'GET', '?page=2', {})).toEqual({ ok: true });
    expect(checkRequest(route, 'HEAD', '', {})).toEqual({ ok: true });
    expect(checkRequest({ ...route, query: 'any' }, 'GET', '?utm_source=x', {})).toEqual({ ok: true });
    expect(checkRequest({ ...route, methods: ['POST'], maxBodyBytes: 100 }, 'POST', '', { 'content-length': '100' })).toEqual({ ok: true });
    expect(allowHeader({ ...route, methods: ['GET', 'POST'] })).toBe('GET, HEAD, POST');
  });

  it('refuse other methods, unknown, repeated or bad parameters, and bodies over the limit', () => {
    expect(checkRequest(route, 'TRACE', '', {})).toMatchObject({ ok: false, status: 405, allow: 'GET, HEAD' });
    expect(checkRequest(route, 'POST', '', {})).toMatchObject({ ok: false, status: 405 });
    expect(checkRequest(route, 'GET', '?x=1', {})).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(route, 'GET', '?__proto__=1', {})).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(route, 'GET', '?page=1&page=2', {})).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(route, 'GET', '?page=abc', {})).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(route, 'GET', '', { 'content-length': '1' })).toMatchObject({ ok: false, status: 413 });
    expect(checkRequest(route, 'GET', '', { 'content-length': '-1' })).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(route, 'GET', '', { 'transfer-encoding': 'chunked' })).toMatchObject({ ok: false, status: 413 });
  });

  it('rate-limit per client with a burst, refilling over time', () => {
    const limiter = new RateLimiter(60, 2);
    const t = 1_000_000;
    expect([limiter.take('a', t), limiter.take('a', t), limiter.take('a', t)]).toEqual([0, 0, 1]);
    expect(limiter.take('b', t)).toBe(0);
    expect(limiter.take('a', t + 1000)).toBe(0);
  });

  it('forget the longest idle client past its bound', () => {
    const limiter = new RateLimiter(60, 1, 2);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);
    expect(limiter.clients).toBe(2);
    expect(limiter.take('a', 0)).toBe(0); // forgotten, so a full bucket again
  });

  it('takes a rate override only as a positive whole number', () => {
    expect(rateOverride('100000')).toBe(100000);
    expect([rateOverride(''), rateOverride('0'), rateOverride('1e9'), rateOverride('-5'), rateOverride('1'.repeat(13)), rateOverride(undefined)]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
