/**
 * /planner/route.json: road legs for the trip planner from Tianditu's
 * 驾车规划, with the server key from the environment (TIANDITU_SERVER_KEY,
 * a 服务端 key bound to the server's address; never sent to the browser).
 * The request's points (src/planner/routing-protocol.ts) are checked
 * against the city's home extent; each leg is asked of the one fixed
 * Tianditu URL (./tianditu-drive.ts) through fetchConfigured (https, no
 * redirects, time-out, size cap), and cached per leg: a reordered plan
 * reuses its unchanged legs, and a failure is remembered for a minute so
 * a flood does not reach Tianditu. Legs not answered before the deadline
 * come back as failed (the client estimates them); their upstream calls
 * finish and fill the cache for the next request.
 *
 * Without a key the answer says so (`routing: 'off'`), and the planner
 * labels every leg 直线估算.
 */
import type { Extent } from '../planner/extent.ts';
import { TRANSPORT_MODES, isTransportMode } from '../planner/modes.ts';
import { legKey, parseRoutePoints, type RouteAnswer, type RouteLegAnswer } from '../planner/routing-protocol.ts';
import type { LonLat } from '../planner/types.ts';
import { driveUrl, readDriveAnswer, TIANDITU_SERVER_KEY_PATTERN } from './tianditu-drive.ts';
import { fetchConfigured } from './upstream.ts';

export interface RoadRoutingOptions {
  homeExtent: Extent;
  /** The server key, read per request (a restart picks up a new one). */
  key: () => string | undefined;
  fetcher?: typeof fetch;
  now?: () => number;
  /** One upstream call. */
  upstreamTimeoutMs?: number;
  /** The whole answer; below the route's time-out in src/server/routes.ts. */
  deadlineMs?: number;
  /** Upstream calls at once, over all requests (Tianditu limits a key's rate). */
  maxConcurrent?: number;
  freshMs?: number;
  failMs?: number;
  /** Cache size, counted in line points (about 16 bytes each). */
  maxCachedPoints?: number;
  log?: (line: string) => void;
}

export interface RoutingAnswer {
  status: number;
  body: string;
  cacheControl: string;
}

type Cached = { leg: RouteLegAnswer; at: number; points: number };

const json = (status: number, value: unknown, cacheControl = 'no-cache'): RoutingAnswer => ({ status, body: JSON.stringify(value), cacheControl });

export const ROUTING_OFF_REASON = '本站未配置道路规划服务，路程按直线估算';

export function roadRouting(o: RoadRoutingOptions): (query: URLSearchParams) => Promise<RoutingAnswer> {
  const now = o.now ?? Date.now;
  const { upstreamTimeoutMs = 5_000, deadlineMs = 10_000, maxConcurrent = 6, freshMs = 24 * 3600_000, failMs = 60_000, maxCachedPoints = 1_000_000 } = o;
  const log = o.log ?? ((line: string) => console.error(line));
  // LRU by insertion order: a hit is re-inserted.
  const cache = new Map<string, Cached>();
  let cachedPoints = 0;
  const pending = new Map<string, Promise<RouteLegAnswer>>();
  let running = 0;
  const queue: (() => void)[] = [];
  const logged = new Map<string, number>();

  const remember = (key: string, leg: RouteLegAnswer): void => {
    const old = cache.get(key);
    if (old) cachedPoints -= old.points;
    cache.delete(key);
    const points = leg.ok ? leg.line.length : 0;
    cache.set(key, { leg, at: now(), points });
    cachedPoints += points;
    while (cachedPoints > maxCachedPoints || cache.size > 50_000) {
      const [oldest, entry] = cache.entries().next().value!;
      cache.delete(oldest);
      cachedPoints -= entry.points;
    }
  };

  /** Logs a failure reason at most every ten minutes: a dead upstream must not flood the journal. */
  const logFailure = (reason: string): void => {
    const last = logged.get(reason);
    if (last !== undefined && now() - last < 10 * 60_000) return;
    logged.set(reason, now());
    log(`[geoportal] 道路规划（天地图驾车规划）失败：${reason}`);
  };

  const slot = async <T>(run: () => Promise<T>): Promise<T> => {
    if (running >= maxConcurrent) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    try {
      return await run();
    } finally {
      running--;
      queue.shift()?.();
    }
  };

  const fetchLeg = (key: string, a: LonLat, b: LonLat, style: '0' | '3', tk: string): Promise<RouteLegAnswer> => {
    let p = pending.get(key);
    if (!p) {
      p = slot(async () => {
        const got = await fetchConfigured(driveUrl(a, b, style, tk), { timeoutMs: upstreamTimeoutMs, maxBytes: 4 * 1024 * 1024 }, o.fetcher);
        const leg: RouteLegAnswer = got.ok ? readDriveAnswer(got.text, a, b) : { ok: false, reason: `天地图：${got.reason}` };
        if (!leg.ok) logFailure(leg.reason);
        remember(key, leg);
        return leg;
      }).finally(() => pending.delete(key));
      pending.set(key, p);
    }
    return p;
  };

  const legFor = (a: LonLat, b: LonLat, style: '0' | '3', tk: string): RouteLegAnswer | Promise<RouteLegAnswer> => {
    if (a[0] === b[0] && a[1] === b[1]) return { ok: true, distanceM: 0, line: [[a[0], a[1]], [b[0], b[1]]] };
    const key = legKey(style, a, b);
    const hit = cache.get(key);
    if (hit && now() - hit.at < (hit.leg.ok ? freshMs : failMs)) {
      cache.delete(key);
      cache.set(key, hit);
      return hit.leg;
    }
    return fetchLeg(key, a, b, style, tk);
  };

  let warnedKey = false;
  return async (query) => {
    const p = query.get('p');
    const m = query.get('m') ?? 'coach';
    if (p === null) return json(400, { status: 400, error: '请求无效', reason: '缺少参数 p' });
    if (!isTransportMode(m)) return json(400, { status: 400, error: '请求无效', reason: '参数 m 应为 walk、coach 或 transit' });
    const points = parseRoutePoints(p, o.homeExtent);
    if (!points.ok) return json(400, { status: 400, error: '请求无效', reason: points.reason });

    const tk = o.key()?.trim() ?? '';
    if (!TIANDITU_SERVER_KEY_PATTERN.test(tk)) {
      if (tk !== '' && !warnedKey) {
        warnedKey = true;
        log('[geoportal] 环境变量 TIANDITU_SERVER_KEY 不是有效的天地图 key（应为 32 位小写十六进制字符），已忽略：规划按直线估算。');
      }
      return json(200, { routing: 'off', reason: ROUTING_OFF_REASON } satisfies RouteAnswer);
    }

    const style = TRANSPORT_MODES[m].routingStyle;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<RouteLegAnswer>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: `天地图 ${Math.round(deadlineMs / 1000)} 秒内没有应答` }), deadlineMs);
    });
    try {
      const legs = await Promise.all(points.points.slice(1).map((b, i) => Promise.race([legFor(points.points[i]!, b, style, tk), deadline])));
      const failed = legs.filter((l) => !l.ok);
      if (failed.length === legs.length) return json(502, { status: 502, fallback: 'estimate', reason: (failed[0] as { reason: string }).reason });
      return json(200, { routing: 'tianditu', legs } satisfies RouteAnswer, failed.length ? 'no-cache' : 'public, max-age=3600');
    } finally {
      clearTimeout(timer);
    }
  };
}
