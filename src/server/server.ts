/**
 * The Node server: the built site (dist/client) and the request-time routes
 * (src/server/routes.ts, rendered by Astro through @astrojs/node in
 * middleware mode). One place decides, per request:
 * - the security headers (src/server/headers.ts) on every response, errors included;
 * - the path: undecodable or climbing paths get the site's 400 page;
 * - static files: GET and HEAD only, the brotli or gzip twin by Accept-Encoding
 *   with Vary, ETag and 304, Cache-Control by src/server/caching.ts;
 * - request-time routes: the limits of src/server/limits.ts, then Astro;
 * - everything else: the 404 page, without asking Astro.
 * A fault answers the 500 page and logs one line; no stack trace reaches a response.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { cacheControl, REVALIDATE } from './caching.ts';
import { clientInfo } from './client-info.ts';
import { securityHeaders } from './headers.ts';
import { checkRequest, RateLimiter, type RouteLimits } from './limits.ts';
import { parseRequestPath } from './request-path.ts';
import { wantsJson } from '../submissions/respond.ts';
import { GONE_ROUTE, REQUEST_TIME_ROUTES, type RequestTimeRoute } from './routes.ts';
import { answerRange } from './byte-range.ts';
import { chooseEncoding, lookupStatic, TWIN_SUFFIX, type Encoding, type StaticFile, type StaticManifest } from './static-files.ts';

/** Astro's request handler (dist/server/entry.mjs in middleware mode). */
export type AppHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void> | void;

export interface ServerOptions {
  clientDir: string;
  manifest: StaticManifest;
  app: AppHandler;
  trustedProxies: ReadonlySet<string>;
  /** Replaces every route's per-minute rate (GEOPORTAL_RATE_LIMIT_PER_MINUTE). */
  ratePerMinute?: number;
  /** The request-time routes; default src/server/routes.ts. */
  routes?: Readonly<Record<string, RequestTimeRoute>>;
  /** Bytes of file content kept in memory; files above 1/64 of it are streamed from disk. */
  cacheBytes?: number;
  log?: (line: string) => void;
}

/** The site's own error pages, prerendered (src/pages/404.astro, src/pages/errors/[status].astro). */
const ERROR_PAGE: Record<number, string> = { 404: '/404.html' };
const errorPagePath = (status: number): string => ERROR_PAGE[status] ?? `/errors/${status}/index.html`;
const STATUS_TEXT: Record<number, string> = { 400: '请求无效', 404: '页面不存在', 405: '不支持的请求方法', 413: '请求体过大', 414: '网址过长', 429: '请求过于频繁', 500: '服务器内部错误', 503: '服务暂时不可用' };

/** Bounded LRU of file contents by path and encoding. */
class ContentCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  private readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
  }
  /** Whether a file of this size is kept (larger ones are streamed from disk). */
  holds(size: number): boolean {
    return size <= this.capacity / 64;
  }
  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: Buffer): void {
    if (!this.holds(value.length)) return;
    this.entries.set(key, value);
    this.bytes += value.length;
    while (this.bytes > this.capacity) {
      const [oldest, buf] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.bytes -= buf.length;
    }
  }
}

export type GeoportalServer = http.Server & { useBuild(next: { manifest: StaticManifest; app: AppHandler }): void };

export function createGeoportalServer(options: ServerOptions): GeoportalServer {
  const { clientDir, trustedProxies } = options;
  // Replaced together when a new build is published (GeoportalServer.useBuild).
  let { manifest, app } = options;
  // At most 30 lines a minute: a flood of faulty requests must not flood the log.
  const write = options.log ?? ((line: string) => console.error(line));
  let window = { start: 0, lines: 0, dropped: 0 };
  const log = (line: string): void => {
    const now = Date.now();
    if (now - window.start >= 60_000) {
      if (window.dropped > 0) write(`[geoportal] 上一分钟另有 ${window.dropped} 条错误日志未记录`);
      window = { start: now, lines: 0, dropped: 0 };
    }
    if (window.lines++ < 30) write(line);
    else window.dropped++;
  };
  let gone = new Set(manifest.gone);
  // Computed once per build (the tile origins come with it), not per request.
  const headersOf = (m: StaticManifest) => ({ http: Object.entries(securityHeaders(false, m.tileOrigins)), https: Object.entries(securityHeaders(true, m.tileOrigins)) });
  let headers = headersOf(manifest);
  const routes = options.routes ?? REQUEST_TIME_ROUTES;
  const newCache = () => new ContentCache(options.cacheBytes ?? 64 * 1024 * 1024);
  let cache = newCache();
  /** A file of the build on disk, or its brotli/gzip twin. */
  const diskPath = (key: string, encoding: Encoding | undefined) => path.join(clientDir, encoding ? `${key}${TWIN_SUFFIX[encoding]}` : key);
  const limiters = new Map<RouteLimits, RateLimiter>();
  const limiterFor = (limits: RouteLimits): RateLimiter => {
    let l = limiters.get(limits);
    if (!l) limiters.set(limits, (l = new RateLimiter(options.ratePerMinute ?? limits.perMinute, limits.burst)));
    return l;
  };

  const readVariant = async (key: string, encoding: Encoding | undefined): Promise<Buffer> => {
    const cacheKey = `${encoding ?? ''}:${key}`;
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    const bytes = await readFile(diskPath(key, encoding));
    cache.set(cacheKey, bytes);
    return bytes;
  };

  /** Sends a file of the manifest with `status`; `pathname` decides caching. */
  const sendFile = async (req: IncomingMessage, res: ServerResponse, key: string, file: StaticFile, status: number, pathname: string): Promise<void> => {
    const encoding = chooseEncoding(req.headers['accept-encoding'], file);
    const etag = encoding ? `${file.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"` : file.etag;
    res.setHeader('content-type', file.type);
    res.setHeader('cache-control', cacheControl(pathname, status));
    if (file.br !== undefined || file.gzip !== undefined) res.setHeader('vary', 'Accept-Encoding');
    if (status === 200) {
      res.setHeader('etag', etag);
      const match = req.headers['if-none-match'];
      if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
        res.statusCode = 304;
        res.end();
        return;
      }
    }
    const size = encoding ? file[encoding]! : file.size;
    if (encoding) res.setHeader('content-encoding', encoding);
    // Byte ranges only where there is one representation (no compressed twin): binary files such as a PMTiles base map.
    const ranged = status === 200 && file.br === undefined && file.gzip === undefined;
    if (ranged) {
      res.setHeader('accept-ranges', 'bytes');
      const range = answerRange(req.headers.range, req.headers['if-range'] as string | undefined, size, etag);
      if (range.kind === 'unsatisfiable') {
        res.writeHead(416, { 'content-range': `bytes */${size}`, 'content-length': 0 });
        res.end();
        return;
      }
      if (range.kind === 'partial') {
        res.writeHead(206, { 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': range.end - range.start + 1 });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        if (cache.holds(size)) {
          res.end((await readVariant(key, undefined)).subarray(range.start, range.end + 1));
          return;
        }
        const part = createReadStream(diskPath(key, undefined), { start: range.start, end: range.end });
        part.on('error', () => res.destroy());
        part.pipe(res);
        return;
      }
    }
    res.setHeader('content-length', size);
    res.statusCode = status;
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (cache.holds(size)) {
      res.end(await readVariant(key, encoding));
      return;
    }
    const stream = createReadStream(diskPath(key, encoding));
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const sendError = async (req: IncomingMessage, res: ServerResponse, status: number, reason: string, pathname = '/', extra: Record<string, string> = {}): Promise<void> => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
    const page = manifest.files[errorPagePath(status)];
    // A request-time JSON route answers errors in JSON, as does a form route asked for JSON (Accept, src/submissions/respond.ts);
    // every other path gets the site's error page.
    const json = (/\.(geo)?json$/.test(pathname) && (Object.hasOwn(routes, pathname) || gone.has(pathname))) || (Object.hasOwn(routes, pathname) && wantsJson(req.headers.accept));
    if (json || !page) {
      const body = JSON.stringify({ status, error: STATUS_TEXT[status] ?? '错误', reason });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': cacheControl(pathname, status), 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    await sendFile(req, res, errorPagePath(status), page, status, pathname);
  };

  const toAstro = async (req: IncomingMessage, res: ServerResponse, route: RequestTimeRoute, search: string, client: string, pathname: string): Promise<void> => {
    const verdict = checkRequest(route.limits, req.method ?? '', search, req.headers);
    if (!verdict.ok) return sendError(req, res, verdict.status, verdict.reason, pathname, verdict.allow ? { allow: verdict.allow } : {});
    const wait = limiterFor(route.limits).take(client);
    if (wait > 0) return sendError(req, res, 429, '请求过于频繁，请稍后再试', pathname, { 'retry-after': String(wait) });
    res.setHeader('cache-control', gone.has(pathname) ? cacheControl(pathname, 410) : REVALIDATE);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), route.limits.timeoutMs);
    });
    try {
      const outcome = await Promise.race([Promise.resolve(app(req, res, () => void sendError(req, res, 404, '无此页面', pathname))), timedOut]);
      if (outcome === 'timeout' && !res.headersSent) {
        log(`[geoportal] 503 ${req.method} ${pathname.slice(0, 200)}: 超过 ${route.limits.timeoutMs} ms 未响应`);
        await sendError(req, res, 503, '处理超时', pathname);
      }
    } finally {
      clearTimeout(timer);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const who = clientInfo(req, trustedProxies);
    for (const [name, value] of who.https ? headers.https : headers.http) res.setHeader(name, value);
    const target = parseRequestPath(req.url);
    if (!target.ok) return sendError(req, res, target.status, target.reason);
    const { pathname, search } = target;
    const method = req.method ?? '';

    const route = gone.has(pathname) ? GONE_ROUTE : Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    if (route) return toAstro(req, res, route, search, who.address, pathname);

    if (method !== 'GET' && method !== 'HEAD') return sendError(req, res, 405, `不支持 ${method.slice(0, 16)} 方法`, pathname, { allow: 'GET, HEAD' });
    const found = lookupStatic(manifest, pathname);
    if (!found) return sendError(req, res, 404, '无此页面', pathname);
    return sendFile(req, res, found.key, found.file, 200, pathname);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`[geoportal] 500 ${String(req.method).slice(0, 16)} ${String(req.url).slice(0, 200)}: ${e instanceof Error ? e.message : String(e)}`);
      void sendError(req, res, 500, '服务器内部错误').catch(() => res.destroy());
    });
  });
  // A new build: its files, withdrawn paths and Astro routes, and an empty cache. In-flight requests finish on the old ones.
  const useBuild = (next: { manifest: StaticManifest; app: AppHandler }): void => {
    manifest = next.manifest;
    app = next.app;
    gone = new Set(manifest.gone);
    headers = headersOf(manifest);
    cache = newCache();
  };
  // Slow or idle clients cannot hold connections open for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  return Object.assign(server, { useBuild });
}

