import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, MAX_STOPS, type Plan } from '../../../src/planner/model.ts';
import { describeUrlWarnings, formatPlanQuery, parsePlanQuery, planHref } from '../../../src/planner/url.ts';
import { HOME_EXTENT, plan } from './fixtures.ts';

const KNOWN = new Set(['a', 'b', 'c', 'qiqihaer-lieshi-lingyuan', 'qiqihaer-dangshi-jiaoyuguan', ...Array.from({ length: 30 }, (_, i) => `site-${i + 1}`)]);
const opts = { knownSite: (id: string) => KNOWN.has(id), extent: HOME_EXTENT };
const parse = (q: string) => parsePlanQuery(q, opts);

describe('plan links: writing', () => {
  it('writes only what differs from the default, in the order s sn e en p d t m l g r', () => {
    expect(formatPlanQuery(DEFAULT_PLAN)).toBe('');
    expect(planHref(DEFAULT_PLAN)).toBe('/planner/');
    const full: Plan = {
      start: { lonLat: [123.95, 47.34], name: '齐齐哈尔市第一中学' },
      end: { lonLat: [123.9, 47.3], name: '火车站 (南广场)' },
      stops: [{ siteId: 'qiqihaer-lieshi-lingyuan', minutes: 90 }, { siteId: 'qiqihaer-dangshi-jiaoyuguan' }],
      date: '2026-06-16',
      departure: 7 * 60 + 30,
      mode: 'transit',
      lunch: { from: 11 * 60 + 30, minutes: 60 },
      groupSize: 45,
      returnBy: 17 * 60,
    };
    const q = formatPlanQuery(full);
    expect(q).toBe(
      's=123.95,47.34&sn=%E9%BD%90%E9%BD%90%E5%93%88%E5%B0%94%E5%B8%82%E7%AC%AC%E4%B8%80%E4%B8%AD%E5%AD%A6&e=123.9,47.3&en=%E7%81%AB%E8%BD%A6%E7%AB%99%20%28%E5%8D%97%E5%B9%BF%E5%9C%BA%29' +
        '&p=qiqihaer-lieshi-lingyuan:90,qiqihaer-dangshi-jiaoyuguan&d=2026-06-16&t=07:30&m=transit&l=11:30,60&g=45&r=17:00',
    );
    expect(parse(q)).toEqual({ plan: full, warnings: [], dropped: [] });
    expect(formatPlanQuery({ ...DEFAULT_PLAN, end: 'none' })).toBe('e=none');
  });

  it('round-trips 2 000 random plans: reading a written link gives the plan back, and writing it again the same link', () => {
    let seed = 12;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
    const pt = (): [number, number] => [Math.round((122.3 + rnd() * 4.4) * 1e5) / 1e5, Math.round((45.9 + rnd() * 3) * 1e5) / 1e5];
    for (let n = 0; n < 2000; n++) {
      const ids = [...KNOWN].sort(() => rnd() - 0.5).slice(0, int(0, MAX_STOPS));
      const p: Plan = {
        start: rnd() < 0.8 ? { lonLat: pt(), ...(rnd() < 0.5 ? { name: ['学校', '第 3 中学 & 附小', '"<x>"', '  空格  名 '][int(0, 3)]!.replace(/\s+/g, ' ').trim() } : {}) } : null,
        end: rnd() < 0.6 ? 'start' : rnd() < 0.5 ? 'none' : { lonLat: pt() },
        stops: ids.map((siteId) => (rnd() < 0.3 ? { siteId, minutes: int(5, 600) } : { siteId })),
        date: rnd() < 0.7 ? `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}` : null,
        departure: int(0, 1439),
        mode: (['walk', 'coach', 'transit'] as const)[int(0, 2)]!,
        lunch: rnd() < 0.5 ? { from: int(600, 840), minutes: int(10, 240) } : null,
        groupSize: rnd() < 0.7 ? int(1, 2000) : null,
        returnBy: rnd() < 0.5 ? int(0, 1439) : null,
      };
      const q = formatPlanQuery(p);
      expect(q).toMatch(/^[a-z0-9.,\-:=&%A-F]*$/);
      const back = parse(q);
      expect(back.warnings).toEqual([]);
      expect(back.plan).toEqual(p);
      expect(formatPlanQuery(back.plan)).toBe(q);
    }
  });
});

describe('plan links: reading bad input', () => {
  it('drops unknown, malformed and repeated stops one by one, keeps the rest in order, and says what it dropped', () => {
    const r = parse('p=a,nope,B,b:45,a,,c:3,c');
    expect(r.plan.stops).toEqual([{ siteId: 'a' }, { siteId: 'b', minutes: 45 }, { siteId: 'c' }]);
    expect(r.dropped).toEqual([
      { id: 'nope', reason: 'unknown' },
      { id: 'B', reason: 'invalid' },
      { id: 'a', reason: 'duplicate' },
      { id: 'c', reason: 'duplicate' },
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      '地点 “B” 的写法无效，已略去',
      '地点 “nope” 不在红色资源名录中（可能已更名或撤下），已略去',
      '地点 “a”、“c” 重复出现，只保留第一次',
      '“c” 的参观时长应为 5–600 分钟，已改用建议时长',
    ]);
  });

  it('loads the first 20 of more than 20 stops and names the ones it left out', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `site-${i + 1}`);
    const r = parse(`p=${ids.join(',')}`);
    expect(r.plan.stops.map((s) => s.siteId)).toEqual(ids.slice(0, 20));
    expect(r.dropped).toEqual(ids.slice(20).map((id) => ({ id, reason: 'over-limit' })));
    expect(r.warnings).toEqual([{ param: 'p', message: '行程最多 20 个地点，已舍去其后的 3 个：“site-21”、“site-22”、“site-23”' }]);
  });

  it('ignores malformed times, dates and numbers each on its own; the valid parameters still apply', () => {
    const r = parse('d=2026-02-30&t=25:00&r=7.30&m=car&l=11:30&g=0&s=47.34,123.95&p=a');
    expect(r.plan).toEqual({ ...DEFAULT_PLAN, stops: [{ siteId: 'a' }] });
    expect(r.warnings.map((w) => w.param)).toEqual(['s', 'd', 't', 'r', 'm', 'l', 'g']);
    expect(r.warnings[0]!.message).toBe('出发地坐标 “47.34,123.95” 经纬度超出范围（经度在前），已忽略');
    expect(r.warnings[1]!.message).toBe('日期 “2026-02-30” 无效（应为 2026-06-15 这样的年-月-日），已忽略');
    for (const q of ['d=2026-6-5', 'd=20260605', 't=8', 't=08:60', 't=-1:00', 'l=11:30,5', 'l=11:30,60,1', 'g=2001', 'g=1e3', 'g=-5', 's=116.39,39.9', 's=123.9', 'e=home']) {
      expect(parse(q).warnings, q).toHaveLength(1);
      expect(parse(q).plan, q).toEqual(DEFAULT_PLAN);
    }
    expect(parse('t=8:05').plan.departure).toBe(485);
  });

  it('treats a repeated parameter as ambiguous, a name without its point as nothing, and ignores parameters it does not know', () => {
    const r = parse('g=40&g=45&sn=%E5%AD%A6%E6%A0%A1&from=singlemessage&utm_source=x&__proto__=1&Z=2');
    expect(r.plan).toEqual(DEFAULT_PLAN);
    expect(r.warnings.map((w) => w.message)).toEqual(['参数 g 出现了不止一次，已忽略', '出发地名称没有对应的坐标，已忽略']);
  });

  it('cleans names (invisible characters, runs of spaces, + for a space) and refuses over-long ones', () => {
    expect(parse('s=123.95,47.34&sn=%E7%AC%AC%E4%B8%80%E4%B8%AD%E5%AD%A6\u200b+%0A++%E5%88%86%E6%A0%A1').plan.start).toEqual({ lonLat: [123.95, 47.34], name: '第一中学 分校' });
    const long = parse(`s=123.95,47.34&sn=${'校'.repeat(41)}`);
    expect(long.plan.start).toEqual({ lonLat: [123.95, 47.34] });
    expect(long.warnings[0]!.message).toMatch(/超过 40 个字/);
    expect(parse('s=123.95,47.34&sn=%3Cscript%3E').plan.start!.name).toBe('<script>');
  });

  it('gives up on a query that is too long, and on values that are, and caps its warnings', () => {
    expect(parse(`p=${'a'.repeat(16_400)}`)).toMatchObject({ plan: DEFAULT_PLAN, warnings: [{ param: '' }] });
    expect(parse(`p=${'a,'.repeat(1100)}`).warnings).toEqual([{ param: 'p', message: '参数 p 过长，已忽略' }]);
    const many = parse(['d=x', 't=x', 'r=x', 'm=x', 'l=x', 'g=x', 's=x', 'e=x', ...Array.from({ length: 20 }, (_, i) => `p=${i}`)].join('&'));
    expect(many.warnings.length).toBeLessThanOrEqual(21);
    expect(describeUrlWarnings([{ param: 'g', message: '人数 “0” 无效' }])).toBe('链接中有 1 处问题，其余内容已载入：人数 “0” 无效。');
    expect(describeUrlWarnings([])).toBe('');
  });

  it('without a catalogue keeps every well-formed id; with an extent refuses points outside the city', () => {
    expect(parsePlanQuery('p=anything-1').plan.stops).toEqual([{ siteId: 'anything-1' }]);
    expect(parsePlanQuery('s=116.39,39.9').plan.start).toEqual({ lonLat: [116.39, 39.9] });
    expect(parse('s=116.39,39.9').warnings[0]!.message).toBe('出发地坐标 “116.39,39.9” 不在本市范围内，已忽略');
  });

  it('reads percent-encoded separators like the plain ones', () => {
    expect(parse('p=a%3A30%2Cb&l=11%3A30%2C45').plan).toEqual(plan({ stops: [{ siteId: 'a', minutes: 30 }, { siteId: 'b' }], lunch: { from: 690, minutes: 45 } }));
  });
});
