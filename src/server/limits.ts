/**
 * Request limits, one module for every request-time route (the routes and
 * their limits are declared in src/server/routes.ts): methods, query
 * parameters, body size, time-out and a per-client rate limit. The server
 * (src/server/server.ts) applies them before a request reaches Astro, so a
 * route cannot forget one.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface RouteLimits {
  /** Methods the route answers; HEAD is implied by GET. Anything else: 405 with Allow. */
  methods: readonly ('GET' | 'POST')[];
  /**
   * Query parameters the route reads, each with a check. `'any'`: a page that
   * reads none but must not refuse tracking parameters others append.
   */
  query: 'any' | Readonly<Record<string, (value: string) => boolean>>;
  /** Largest request body; 0: none allowed. */
  maxBodyBytes: number;
  /** The route must have answered (headers sent) within this many milliseconds, else 503. */
  timeoutMs: number;
  /** Requests per minute per client, with bursts up to `burst`. */
  perMinute: number;
  burst: number;
}

export type LimitVerdict = { ok: true } | { ok: false; status: 400 | 405 | 411 | 413; reason: string; allow?: string };

export const allowHeader = (limits: RouteLimits): string => [...new Set(limits.methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');

/** Method, query and declared body size: everything decided before reading a byte of the body. */
export function checkRequest(limits: RouteLimits, method: string, search: string, headers: IncomingHttpHeaders): LimitVerdict {
  const allow = allowHeader(limits);
  if (!allow.split(', ').includes(method)) return { ok: false, status: 405, reason: `不支持 ${method.slice(0, 16)} 方法`, allow };
  if (limits.query !== 'any') {
    const checks = limits.query;
    const seen = new Set<string>();
    for (const [name, value] of new URLSearchParams(search)) {
      const check = Object.hasOwn(checks, name) ? checks[name] : undefined;
      if (!check) return { ok: false, status: 400, reason: `未知参数 ${name.slice(0, 32)}` };
      if (seen.has(name)) return { ok: false, status: 400, reason: `参数 ${name} 重复` };
      seen.add(name);
      if (!check(value)) return { ok: false, status: 400, reason: `参数 ${name} 无效` };
    }
  }
  const length = headers['content-length'];
  const chunked = /chunked/i.test(String(headers['transfer-encoding'] ?? ''));
  if (length !== undefined) {
    if (!/^\d{1,12}$/.test(length)) return { ok: false, status: 400, reason: 'Content-Length 无效' };
    if (Number(length) > limits.maxBodyBytes) return { ok: false, status: 413, reason: `请求体超过 ${limits.maxBodyBytes} 字节` };
  } else if (chunked) {
    // A streamed body of unknown length: refused where none is allowed, otherwise counted as it arrives.
    if (limits.maxBodyBytes === 0) return { ok: false, status: 413, reason: '此地址不接受请求体' };
  }
  return { ok: true };
}

/**
 * Token buckets per client. Memory is bounded: past `maxClients` the longest
 * idle client is forgotten (a Map iterates in insertion order, and each use
 * re-inserts).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMinute: number;
  private readonly burst: number;
  private readonly maxClients: number;
  constructor(perMinute: number, burst: number, maxClients = 10_000) {
    this.perMinute = perMinute;
    this.burst = burst;
    this.maxClients = maxClients;
  }

  /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
  take(client: string, now = Date.now()): number {
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    this.buckets.delete(client);
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    let wait = 0;
    if (bucket.tokens >= 1) bucket.tokens -= 1;
    else wait = Math.ceil((1 - bucket.tokens) / rate / 1000);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    return wait;
  }

  get clients(): number {
    return this.buckets.size;
  }
}

/** GEOPORTAL_RATE_LIMIT_PER_MINUTE: a whole number ≥ 1 overrides every route's per-minute rate (load benches). */
export function rateOverride(value: string | undefined): number | undefined {
  const v = value?.trim();
  return v && /^\d{1,12}$/.test(v) && Number(v) >= 1 ? Number(v) : undefined;
}
