/** The road-routing route (/planner/route.json) with a stubbed Tianditu: Tianditu itself is never reached from tests. */
import { describe, expect, it } from 'vitest';
import { geodesicMetres } from '../../../src/planner/geo.ts';
import { checkRequest } from '../../../src/server/limits.ts';
import { roadRouting, ROUTING_OFF_REASON, type RoadRoutingOptions } from '../../../src/server/road-routing.ts';
import { REQUEST_TIME_ROUTES } from '../../../src/server/routes.ts';
import { driveUrl, MAX_LINE_POINTS, readDriveAnswer, TIANDITU_DRIVE_URL } from '../../../src/server/tianditu-drive.ts';

const EXTENT = [122.3, 45.9, 126.7, 48.9] as const;
const KEY = '0123456789abcdef0123456789abcdef';
const A = [123.95, 47.34] as const;
const B = [123.9385, 47.3465] as const;
const C = [123.9855, 47.3682] as const;
const q = (p: string, m = 'coach') => new URLSearchParams({ p, m });

/** A Tianditu answer: `km` and `s` with a line from orig to dest through one bend. */
const driveXml = (orig: readonly number[], dest: readonly number[], km: number, s = 600) =>
  `<?xml version="1.0" encoding="UTF-8"?><result orig="${orig}" dest="${dest}"><parameters><orig>${orig}</orig><dest>${dest}</dest><style>0</style></parameters>` +
  `<routes count="1" time="0.0"><item id="0"><strguide>向东出发</strguide><turnlatlon>${orig}</turnlatlon></item></routes>` +
  `<distance>${km}</distance><duration>${s}</duration><routelatlon>${orig};${(orig[0]! + dest[0]!) / 2},${orig[1]};${dest};</routelatlon><mapinfo><center>${orig}</center><scale>12</scale></mapinfo></result>`;

const pt = (s: string) => s.split(',').map(Number) as [number, number];
/** A plausible answer: 1.3 times the straight line. */
const roadAnswer = (post: { orig: string; dest: string }) => new Response(driveXml(pt(post.orig), pt(post.dest), (geodesicMetres(pt(post.orig), pt(post.dest)) * 1.3) / 1000));

/** A stub of Tianditu: answers by the postStr it is sent, counts calls, can fail or hang. */
function tianditu(behave: (post: { orig: string; dest: string; style: string }) => Response | 'hang' = roadAnswer) {
  const calls: URL[] = [];
  const fetcher = ((url: string, init: RequestInit) => {
    const u = new URL(url);
    calls.push(u);
    const answer = behave(JSON.parse(u.searchParams.get('postStr')!));
    if (answer === 'hang') return new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    return Promise.resolve(answer);
  }) as unknown as typeof fetch;
  return { calls, fetcher };
}

const route = (o: Partial<RoadRoutingOptions> = {}) => roadRouting({ homeExtent: EXTENT, key: () => KEY, log: () => {}, ...o });
const body = async (p: Promise<{ status: number; body: string; cacheControl: string }>) => {
  const a = await p;
  return { status: a.status, cacheControl: a.cacheControl, json: JSON.parse(a.body) };
};

describe('the Tianditu drive answer', () => {
  it('gives road distance in metres, time in seconds and the route line', () => {
    expect(readDriveAnswer(driveXml(A, B, 2.4, 420), A, B)).toEqual({ ok: true, distanceM: 2400, durationS: 420, line: [[123.95, 47.34], [123.94425, 47.34], [123.9385, 47.3465]] });
    expect(driveUrl(A, B, '3', KEY)).toBe(`${TIANDITU_DRIVE_URL}?postStr=%7B%22orig%22%3A%22123.95%2C47.34%22%2C%22dest%22%3A%22123.9385%2C47.3465%22%2C%22style%22%3A%223%22%7D&type=search&tk=${KEY}`);
  });

  it('refuses what is not a route: not XML, a JSON error, no line, a distance that cannot be (metres read as kilometres)', () => {
    expect(readDriveAnswer('{"msg":"非法key","code":1}', A, B)).toEqual({ ok: false, reason: '天地图返回的不是路线（不是 XML）' });
    expect(readDriveAnswer('<result><distance>2.4</distance></result>', A, B)).toEqual({ ok: false, reason: '天地图没有找到这两点间的道路' });
    expect(readDriveAnswer(driveXml(A, B, 2400), A, B)).toMatchObject({ ok: false, reason: expect.stringContaining('不符') });
    expect(readDriveAnswer(driveXml(A, B, 0.1), A, B)).toMatchObject({ ok: false });
    expect(readDriveAnswer(driveXml(A, B, 2.4).replace('<routelatlon>', '<routelatlon>abc;'), A, B)).toMatchObject({ ok: false });
  });

  it('simplifies a dense line and caps it', () => {
    const dense = Array.from({ length: 20_000 }, (_, i) => `${123.9 + i * 1e-5},${47.3 + Math.sin(i) * 1e-3}`).join(';');
    const xml = `<result><distance>60</distance><duration>3000</duration><routelatlon>${dense}</routelatlon></result>`;
    const leg = readDriveAnswer(xml, [123.9, 47.3], [124.09999, 47.3]);
    expect(leg.ok && leg.line.length).toBeLessThanOrEqual(MAX_LINE_POINTS);
    expect(leg.ok && leg.line.length).toBeGreaterThan(100);
  });
});

describe('/planner/route.json', () => {
  it('answers road legs in order from the fixed Tianditu URL with the server key, walking routes for walkers', async () => {
    const up = tianditu();
    const r = await body(route({ fetcher: up.fetcher })(q('123.95,47.34;123.9385,47.3465;123.9855,47.3682')));
    expect(r.status).toBe(200);
    expect(r.cacheControl).toBe('public, max-age=3600');
    expect(r.json.routing).toBe('tianditu');
    expect(r.json.legs).toHaveLength(2);
    expect(r.json.legs[0]).toMatchObject({ ok: true, distanceM: Math.round(geodesicMetres(A, B) * 1.3), durationS: 600 });
    expect(up.calls.map((u) => `${u.origin}${u.pathname}`)).toEqual([TIANDITU_DRIVE_URL, TIANDITU_DRIVE_URL]);
    expect(up.calls.map((u) => JSON.parse(u.searchParams.get('postStr')!))).toEqual([
      { orig: '123.95,47.34', dest: '123.9385,47.3465', style: '0' },
      { orig: '123.9385,47.3465', dest: '123.9855,47.3682', style: '0' },
    ]);
    expect(up.calls[0]!.searchParams.get('tk')).toBe(KEY);
    await route({ fetcher: up.fetcher })(q('123.95,47.34;123.9385,47.3465', 'walk'));
    expect(JSON.parse(up.calls[2]!.searchParams.get('postStr')!).style).toBe('3');
  });

  it('caches each leg (a reordered plan asks only for its new legs) and asks once for a leg two requests want at the same time', async () => {
    const up = tianditu();
    const get = route({ fetcher: up.fetcher });
    await get(q(`${A};${B};${C}`));
    await get(q(`${A};${B};${C}`));
    expect(up.calls).toHaveLength(2);
    await get(q(`${A};${C};${B}`));
    expect(up.calls).toHaveLength(4); // A→C and C→B are new; nothing else
    const both = await Promise.all([get(q(`${C};${A}`)), get(q(`${C};${A}`))]);
    expect(both.map((a) => a.status)).toEqual([200, 200]);
    expect(up.calls).toHaveLength(5);
    // Two identical points make a leg of no length, without asking.
    expect((await body(get(q(`${A};${A}`)))).json.legs).toEqual([{ ok: true, distanceM: 0, line: [[...A], [...A]] }]);
    expect(up.calls).toHaveLength(5);
  });

  it('without a key (or with an invalid one) answers that routing is off, fetching nothing and never repeating the value', async () => {
    const up = tianditu();
    for (const key of [undefined, '', 'not-a-key-but-a-secret']) {
      const lines: string[] = [];
      const r = await body(route({ key: () => key, fetcher: up.fetcher, log: (l) => lines.push(l) })(q(`${A};${B}`)));
      expect(r).toEqual({ status: 200, cacheControl: 'no-cache', json: { routing: 'off', reason: ROUTING_OFF_REASON } });
      expect(lines.join('')).not.toContain('not-a-key-but-a-secret');
      expect(lines).toHaveLength(key ? 1 : 0);
    }
    expect(up.calls).toHaveLength(0);
  });

  it('refuses points outside the city, malformed or too many points, and an unknown mode, with the reason and no upstream call', async () => {
    const up = tianditu();
    const get = route({ fetcher: up.fetcher });
    expect(await body(get(q(`${A};116.39,39.9`)))).toMatchObject({ status: 400, json: { reason: '第 2 个点不在本市范围内' } });
    expect(await body(get(q(Array.from({ length: 22 }, () => `${A}`).join(';'))))).toMatchObject({ status: 400 });
    expect(await body(get(q(`${A}`)))).toMatchObject({ status: 400 });
    expect(await body(get(q(`${A};${B}`, 'car')))).toMatchObject({ status: 400 });
    expect(await body(get(new URLSearchParams()))).toMatchObject({ status: 400, json: { reason: '缺少参数 p' } });
    expect(up.calls).toHaveLength(0);
    // 21 points are allowed.
    expect((await get(q(Array.from({ length: 21 }, (_, i) => `123.9${i},47.3`).join(';')))).status).toBe(200);
  });

  it('an upstream error fails its leg (the client estimates it), is remembered for a minute, then asked again', async () => {
    let t = 0;
    const up = tianditu((post) => (post.dest === `${C}` ? new Response('{"msg":"该tk已限流"}', { status: 429 }) : roadAnswer(post)));
    const lines: string[] = [];
    const get = route({ fetcher: up.fetcher, now: () => t, log: (l) => lines.push(l) });
    const r = await body(get(q(`${A};${B};${C}`)));
    expect(r.status).toBe(200);
    expect(r.cacheControl).toBe('no-cache');
    expect(r.json.legs[1]).toEqual({ ok: false, reason: '天地图：上游服务返回 429' });
    await get(q(`${A};${B};${C}`));
    expect(up.calls).toHaveLength(2);
    t += 61_000;
    await get(q(`${A};${B};${C}`));
    expect(up.calls).toHaveLength(3);
    expect(lines).toEqual(['[geoportal] 道路规划（天地图驾车规划）失败：天地图：上游服务返回 429']);
    expect(lines.join('')).not.toContain(KEY);
  });

  it('answers 502 when every leg failed, and gives up on silence at its deadline', async () => {
    const refused = await body(route({ fetcher: tianditu(() => new Response('<html>403</html>', { status: 403 })).fetcher })(q(`${A};${B}`)));
    expect(refused).toEqual({ status: 502, cacheControl: 'no-cache', json: { status: 502, fallback: 'estimate', reason: '天地图：上游服务返回 403' } });
    const silent = await body(route({ fetcher: tianditu(() => 'hang').fetcher, upstreamTimeoutMs: 5_000, deadlineMs: 50 })(q(`${A};${B}`)));
    expect(silent).toMatchObject({ status: 502, json: { reason: '天地图 0 秒内没有应答' } });
  });

  it('keeps at most maxConcurrent calls to Tianditu at once', async () => {
    let open = 0;
    let most = 0;
    const fetcher = (async (url: string) => {
      open++;
      most = Math.max(most, open);
      await new Promise((r) => setTimeout(r, 5));
      open--;
      return roadAnswer(JSON.parse(new URL(url).searchParams.get('postStr')!));
    }) as unknown as typeof fetch;
    const r = await route({ fetcher, maxConcurrent: 3 })(q(Array.from({ length: 21 }, (_, i) => `123.9${i},47.3`).join(';')));
    expect(r.status).toBe(200);
    expect(most).toBe(3);
  });
});

describe('the route’s request limits', () => {
  const limits = REQUEST_TIME_ROUTES['/planner/route.json']!.limits;
  it('let a well-formed query through', () => {
    expect(checkRequest(limits, 'GET', `p=${A};${B}&m=walk`, {})).toEqual({ ok: true });
  });
  it('refuse other parameters, repeats, malformed points, 22 points, bodies and other methods before the route runs', () => {
    expect(checkRequest(limits, 'GET', `p=${A};${B}&url=https://evil.example/`, {})).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(limits, 'GET', `p=${A};${B}&p=${A};${B}`, {})).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(limits, 'GET', `p=${A}`, {})).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(limits, 'GET', `p=${Array.from({ length: 22 }, () => `${A}`).join(';')}`, {})).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(limits, 'GET', `p=${A};${B}`, { 'content-length': '10' })).toMatchObject({ ok: false, status: 413 });
    expect(checkRequest(limits, 'POST', `p=${A};${B}`, {})).toMatchObject({ ok: false, status: 405 });
  });
});
