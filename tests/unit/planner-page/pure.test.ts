/**
 * The planner page's pure helpers (src/client/planner/): the page data,
 * the tab's merge offer, reorder positions and messages, the settings form,
 * the map overlay and the start-point search. Each with what it does and
 * what it refuses; the DOM around them is tested in tests/e2e/planner.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../../../src/client/planner/data.ts';
import { applyForm, formValues, parseClock, stopMinutes } from '../../../src/client/planner/form.ts';
import { overlayOf } from '../../../src/client/planner/overlay.ts';
import { boxCentre, gazetteerPlaces, matchPlaces, parseLonLatQuery } from '../../../src/client/planner/places.ts';
import { buttonMove, dropIndex, edgeMessage, keyboardMove, moveMessage } from '../../../src/client/planner/reorder.ts';
import { mergeOffer, readLast, SESSION_KEY, writeLast } from '../../../src/client/planner/session.ts';
import { computePlan } from '../../../src/planner/compute.ts';
import { MAX_STOPS } from '../../../src/planner/model.ts';
import { formatPlanQuery, parsePlanQuery } from '../../../src/planner/url.ts';
import { CALENDAR, FIELDS, HOME_EXTENT, plan, SCHOOL, SITES } from '../planner/fixtures.ts';

describe('page data', () => {
  it('checks every site again and keeps its page URL and district', () => {
    const c = catalogueOf({ sites: FIELDS.slice(0, 2).map((f) => ({ ...f, url: `/red/sites/${f.id}/`, district: '龙沙区' })), extent: HOME_EXTENT, creator: '局', holidaysUrl: '/planner/holidays.json' });
    expect([...c.sites.keys()]).toEqual(['qiqihaer-lieshi-lingyuan', 'qiqihaer-dangshi-jiaoyuguan']);
    expect(c.info.get('qiqihaer-lieshi-lingyuan')).toEqual({ url: '/red/sites/qiqihaer-lieshi-lingyuan/', district: '龙沙区' });
    expect(c.problems).toEqual([]);
  });
  it('skips and names a site it cannot read', () => {
    const c = catalogueOf({ sites: [{ ...FIELDS[0]!, hours: '每天开放', url: '/x/', district: '龙沙区' }], extent: HOME_EXTENT, creator: '局', holidaysUrl: '' });
    expect(c.sites.size).toBe(0);
    expect(c.info.size).toBe(0);
    expect(c.problems[0]!.id).toBe('qiqihaer-lieshi-lingyuan');
  });
});

describe('the tab’s earlier plan', () => {
  const last = plan({ start: { lonLat: SCHOOL, name: '第一中学' }, stops: [{ siteId: 'a' }, { siteId: 'b' }], groupSize: 45 });
  it('offers the earlier plan, its settings kept, with the link’s new stops after its own', () => {
    expect(mergeOffer(plan({ stops: [{ siteId: 'b' }, { siteId: 'c', minutes: 30 }] }), last)).toEqual({ plan: { ...last, stops: [{ siteId: 'a' }, { siteId: 'b' }, { siteId: 'c', minutes: 30 }] }, added: ['c'] });
    // An empty planner link (the column's menu) gets the earlier plan back.
    expect(mergeOffer(plan(), last)).toEqual({ plan: last, added: [] });
    const full = plan({ stops: Array.from({ length: MAX_STOPS }, (_, i) => ({ siteId: `s-${i}` })) });
    expect(mergeOffer(plan({ stops: [{ siteId: 'z' }] }), full)!.added).toEqual([]);
  });
  it('offers nothing after a reload, or without an earlier plan with stops', () => {
    expect(mergeOffer(last, { ...last })).toBeNull();
    expect(mergeOffer(plan({ stops: [{ siteId: 'c' }] }), plan({ groupSize: 30 }))).toBeNull();
    expect(mergeOffer(plan({ stops: [{ siteId: 'c' }] }), null)).toBeNull();
  });
  it('reads and writes the tab’s storage, and survives a storage that refuses', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    writeLast(storage, 'p=a');
    expect(map.get(SESSION_KEY)).toBe('p=a');
    expect(readLast(storage)).toBe('p=a');
    const refusing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(readLast(refusing)).toBe('');
    expect(() => writeLast(refusing, 'p=a')).not.toThrow();
    expect(readLast(undefined)).toBe('');
  });
});

describe('reordering', () => {
  const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = { altKey: true }) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
  it('Alt+↑/↓ and the buttons move one place; a drop lands before or after the item under it', () => {
    expect(keyboardMove(key('ArrowUp'), 2, 4)).toBe(1);
    expect(keyboardMove(key('ArrowDown'), 2, 4)).toBe(3);
    expect(buttonMove('up', 1, 4)).toBe(0);
    expect(buttonMove('down', 1, 4)).toBe(2);
    expect(dropIndex(3, 0, false)).toBe(0); // last to the top
    expect(dropIndex(0, 3, true)).toBe(3); // first to the bottom
    expect(dropIndex(0, 2, false)).toBe(1); // before the third: second place once the first is out
    expect(moveMessage('烈士陵园', 1, 4)).toBe('已将“烈士陵园”移到第 2 位（共 4 个地点）。');
  });
  it('says the edge instead of moving past it, and leaves other keys alone', () => {
    expect(keyboardMove(key('ArrowUp'), 0, 4)).toBe('edge');
    expect(keyboardMove(key('ArrowDown'), 3, 4)).toBe('edge');
    expect(buttonMove('down', 3, 4)).toBe('edge');
    expect(keyboardMove(key('ArrowUp', {}), 2, 4)).toBeUndefined(); // without Alt: the page scrolls, the stop stays
    expect(keyboardMove(key('ArrowUp', { altKey: true, shiftKey: true }), 2, 4)).toBeUndefined();
    expect(keyboardMove(key('Enter'), 2, 4)).toBeUndefined();
    expect(edgeMessage('甲', 0)).toBe('“甲”已经是第一个地点。');
    expect(edgeMessage('甲', 3)).toBe('“甲”已经是最后一个地点。');
  });
});

describe('the settings form', () => {
  const p = plan({ start: { lonLat: SCHOOL, name: '第一中学' }, stops: [{ siteId: 'a' }] });
  it('shows a plan and reads it back; names cleaned as the link grammar cleans them', () => {
    const v = formValues(p);
    expect(v).toMatchObject({ sn: '第一中学', end: 'start', d: '', t: '08:00', m: 'coach', lunch: false, lunchFrom: '11:30', lunchMinutes: '60', g: '', r: '' });
    expect(applyForm(p, v)).toEqual({ plan: p, errors: [] });
    const next = applyForm(p, { ...v, sn: ' 第一\u0000中学 ', d: '2026-06-17', t: '07:30:00', m: 'walk', lunch: true, lunchFrom: '11:45', lunchMinutes: '45', g: '45', r: '17:00', end: 'none' });
    expect(next.errors).toEqual([]);
    expect(next.plan).toMatchObject({ start: { name: '第一 中学' }, end: 'none', date: '2026-06-17', departure: 450, mode: 'walk', lunch: { from: 705, minutes: 45 }, groupSize: 45, returnBy: 1020 });
    expect(parseClock('7:05')).toBeUndefined();
    expect(stopMinutes('')).toEqual({ ok: true, minutes: undefined });
    expect(stopMinutes('90')).toEqual({ ok: true, minutes: 90 });
  });
  it('keeps the old value of a field it cannot use, and says why', () => {
    const base = formValues(plan({ groupSize: 30, departure: 450 }));
    const r = applyForm(plan({ groupSize: 30, departure: 450 }), { ...base, d: '2026-02-30', t: '25:00', g: '0', lunch: true, lunchMinutes: '5', r: '7.30', m: 'car' });
    expect(r.errors.map((e) => e.field)).toEqual(['d', 't', 'm', 'lunchMinutes', 'g', 'r']);
    expect(r.plan).toMatchObject({ date: null, departure: 450, mode: 'coach', lunch: null, groupSize: 30, returnBy: null });
    expect(stopMinutes('3')).toEqual({ ok: false, message: '参观时长应为 5–600 分钟的整数' });
    expect(stopMinutes('1e2').ok).toBe(false);
  });
});

describe('the map overlay', () => {
  it('marks the start 起, numbers the stops, and gives each leg its line', () => {
    const computed = computePlan(plan({ start: { lonLat: SCHOOL, name: '学校' }, stops: [{ siteId: 'qiqihaer-lieshi-lingyuan' }, { siteId: 'qiqihaer-dangshi-jiaoyuguan' }] }), { sites: SITES, calendar: CALENDAR, today: '2026-06-01' });
    const o = overlayOf(computed, 3);
    expect(o.points.map((p) => `${p.kind}:${p.label}`)).toEqual(['start:起', 'stop:1', 'stop:2']); // the round trip's end is the start's marker
    expect(o.legs).toHaveLength(3);
    expect(o.fit).toBe(3);
    const oneWay = overlayOf(computePlan(plan({ start: { lonLat: SCHOOL }, end: { lonLat: [123.9, 47.3], name: '火车站' }, stops: [{ siteId: 'qiqihaer-lieshi-lingyuan' }] }), { sites: SITES, calendar: CALENDAR, today: '2026-06-01' }), 1);
    expect(oneWay.points.map((p) => p.label)).toEqual(['起', '1', '终']);
  });
  it('draws nothing for an empty plan', () => {
    expect(overlayOf(computePlan(plan(), { sites: SITES, calendar: CALENDAR, today: '2026-06-01' }), 1)).toEqual({ legs: [], points: [], fit: 1 });
  });
});

describe('finding the start point', () => {
  const places = [
    { name: '齐齐哈尔市烈士陵园', kind: '红色资源点', lonLat: [123.9385, 47.3465] as const },
    { name: '烈士陵园', kind: '地名', lonLat: [123.94, 47.35] as const },
    { name: '拜泉县烈士陵园', kind: '红色资源点', lonLat: [126.09, 47.6] as const },
  ];
  it('matches names, exact first, then those starting with the query, then the rest; reads typed coordinates and the gazetteer', () => {
    expect(matchPlaces('烈士陵园', places).map((p) => p.name)).toEqual(['烈士陵园', '齐齐哈尔市烈士陵园', '拜泉县烈士陵园']);
    expect(matchPlaces('拜泉', places).map((p) => p.name)).toEqual(['拜泉县烈士陵园']);
    expect(parseLonLatQuery('123.95，47.34', HOME_EXTENT)).toEqual({ lonLat: [123.95, 47.34] });
    expect(parseLonLatQuery(' 123.95 47.34 ', HOME_EXTENT)).toEqual({ lonLat: [123.95, 47.34] });
    const gaz = gazetteerPlaces({ features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [123.9455, 47.3296] }, properties: { name: '龙沙公园', kind: '地名', district: '龙沙区' } }] });
    expect(gaz).toEqual([{ name: '龙沙公园', kind: '地名', district: '龙沙区', lonLat: [123.9455, 47.3296] }]);
    expect(boxCentre([123, 47, 124, 48])).toEqual([123.5, 47.5]);
  });
  it('finds nothing for an empty query; refuses coordinates outside the city, swapped ones and what is not a point', () => {
    expect(matchPlaces('  ', places)).toEqual([]);
    expect(matchPlaces('北京', places)).toEqual([]);
    expect(parseLonLatQuery('116.39,39.9', HOME_EXTENT)).toEqual({ outside: true });
    expect(parseLonLatQuery('47.34,123.95', HOME_EXTENT)).toEqual({ outside: true });
    expect(parseLonLatQuery('烈士陵园', HOME_EXTENT)).toBeUndefined();
    expect(gazetteerPlaces({ features: [{ geometry: { type: 'Polygon', coordinates: [] }, properties: { name: '区' } }, { geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }] })).toEqual([]);
    expect(gazetteerPlaces(null)).toEqual([]);
    expect(boxCentre(0)).toBeUndefined();
  });
});

describe('a plan link survives the page', () => {
  it('the form’s plan writes the link the URL grammar reads back to the same plan', () => {
    const p = applyForm(plan({ start: { lonLat: SCHOOL } }), { ...formValues(plan()), sn: '第一中学', d: '2026-06-17', g: '45', lunch: true }).plan;
    expect(formatPlanQuery(p)).toBe('s=123.95,47.34&sn=%E7%AC%AC%E4%B8%80%E4%B8%AD%E5%AD%A6&d=2026-06-17&l=11:30,60&g=45');
    expect(parsePlanQuery(formatPlanQuery(p)).plan).toEqual(p);
  });
});
