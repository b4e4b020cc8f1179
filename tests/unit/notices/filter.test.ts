/**
 * The notice lists' filter (src/lib/notice-filter.ts): the match per facet,
 * withdrawn notices only on request, counts per facet, the sort orders and
 * the URL grammar (docs/notice-lists.md) with its bad input.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, formatNoticeFilter, parseNoticeFilter, rowStatus, runFilter, sortRows, type NoticeFilter, type NoticeRow } from '../../../src/lib/notice-filter.ts';

const TODAY = '2026-11-23';
const row = (id: string, o: Partial<NoticeRow> = {}): NoticeRow => ({ id, kind: 'planning', sub: '批前公示', district: '230202', date: '2026-11-01', superseded: false, title: `公告${id}`, ...o });
const rows: NoticeRow[] = [
  row('open-a', { start: '2026-11-20', end: '2026-11-30', date: '2026-11-19' }),
  row('ended-b', { start: '2026-10-01', end: '2026-10-10', date: '2026-09-30', kind: 'land', sub: '出让公告', district: '230203' }),
  row('up-c', { start: '2026-12-01', end: '2026-12-10', date: '2026-11-22', kind: 'land', sub: '出让公告' }),
  row('pub-d', { date: '2026-11-21', kind: 'surveying', sub: '地图审核', district: 'city', docNo: '黑Ｓ（2026）012号' }),
  row('gone-e', { date: '2026-11-10', gone: { date: '2026-11-15', reason: '方案调整' } }),
  row('sup-f', { superseded: true, date: '2026-11-05', start: '2026-11-05', end: '2026-11-25' }),
];
const vocabulary = { subs: ['批前公示', '出让公告', '地图审核'], districts: ['city', '230202', '230203'] };
const f = (o: Partial<NoticeFilter>): NoticeFilter => ({ ...EMPTY_FILTER, ...o });
const ids = (r: NoticeRow[]) => r.map((x) => x.id);

describe('match', () => {
  it('reads each row’s status for the day given', () => {
    expect(rows.map((r) => rowStatus(r, TODAY))).toEqual(['open', 'ended', 'upcoming', 'published', 'revoked', 'superseded']);
    expect(rowStatus(rows[0]!, '2026-12-01')).toBe('ended');
  });
  it('filters by kind, sub-kind, district, status, date range and text (full-width forms fold)', () => {
    expect(ids(runFilter(rows, f({ kinds: ['land'] }), TODAY).rows).sort()).toEqual(['ended-b', 'up-c']);
    expect(ids(runFilter(rows, f({ subs: ['地图审核'] }), TODAY).rows)).toEqual(['pub-d']);
    expect(ids(runFilter(rows, f({ districts: ['230203'] }), TODAY).rows)).toEqual(['ended-b']);
    expect(ids(runFilter(rows, f({ statuses: ['open', 'upcoming'] }), TODAY).rows)).toEqual(['open-a', 'up-c']);
    expect(ids(runFilter(rows, f({ from: '2026-11-19', to: '2026-11-21' }), TODAY).rows)).toEqual(['open-a', 'pub-d']);
    expect(ids(runFilter(rows, f({ q: 's（2026）' }), TODAY).rows)).toEqual(['pub-d']);
  });
  it('lists withdrawn notices only when asked for', () => {
    expect(ids(runFilter(rows, f({}), TODAY).rows)).not.toContain('gone-e');
    expect(ids(runFilter(rows, f({ statuses: ['revoked'] }), TODAY).rows)).toEqual(['gone-e']);
  });
  it('finds nothing for a word no row has, and a date range before every row', () => {
    expect(runFilter(rows, f({ q: '不存在的词' }), TODAY).rows).toEqual([]);
    expect(runFilter(rows, f({ to: '2020-01-01' }), TODAY).rows).toEqual([]);
  });
});

describe('counts per facet', () => {
  it('counts each value as if that facet alone were set to it', () => {
    const { counts } = runFilter(rows, f({ kinds: ['land'], statuses: ['upcoming'] }), TODAY);
    // Kind counts keep the status filter: one upcoming land notice, no other upcoming.
    expect(counts.kind).toEqual({ land: 1 });
    // Status counts keep the kind filter: land has one ended and one upcoming.
    expect(counts.status).toEqual({ ended: 1, upcoming: 1 });
  });
  it('counts withdrawn rows under status only, unless they are asked for', () => {
    const { counts } = runFilter(rows, f({}), TODAY);
    expect(counts.status['revoked']).toBe(1);
    expect(counts.kind['planning']).toBe(2);
  });
});

describe('sort', () => {
  it('puts 公示中 first, then 未开始, then the rest newest first (the default)', () => {
    expect(ids(runFilter(rows, f({}), TODAY).rows)).toEqual(['open-a', 'up-c', 'pub-d', 'sup-f', 'ended-b']);
  });
  it('sorts newest, oldest and by the closing date', () => {
    expect(ids(sortRows(rows, 'newest', TODAY))).toEqual(['up-c', 'pub-d', 'open-a', 'gone-e', 'sup-f', 'ended-b']);
    expect(ids(sortRows(rows, 'oldest', TODAY))[0]).toBe('ended-b');
    expect(ids(sortRows(rows, 'deadline', TODAY)).slice(0, 2)).toEqual(['open-a', 'up-c']);
  });
});

describe('URL grammar', () => {
  it('round-trips a filter through its canonical URL', () => {
    const filter = f({ kinds: ['land', 'planning'], subs: ['出让公告'], districts: ['230202'], statuses: ['open', 'revoked'], from: '2026-01-01', to: '2026-06-30', q: '出让 地块', sort: 'newest', page: 3 });
    const url = formatNoticeFilter(filter, vocabulary);
    expect(url).toBe('/notices/?kind=planning,land&sub=%E5%87%BA%E8%AE%A9%E5%85%AC%E5%91%8A&district=230202&status=open,revoked&from=2026-01-01&to=2026-06-30&q=%E5%87%BA%E8%AE%A9%20%E5%9C%B0%E5%9D%97&sort=newest&page=3');
    expect(parseNoticeFilter(url.split('?')[1]!, vocabulary)).toEqual({ filter: { ...filter, kinds: ['planning', 'land'] }, warnings: [] });
  });
  it('writes one kind as the kind’s own list, and no filter as /notices/', () => {
    expect(formatNoticeFilter(f({ kinds: ['mining'], statuses: ['open'] }), vocabulary)).toBe('/notices/mining/?status=open');
    expect(formatNoticeFilter(f({}), vocabulary)).toBe('/notices/');
    expect(parseNoticeFilter('?status=open', vocabulary, { kinds: ['mining'] }).filter.kinds).toEqual(['mining']);
  });
  it('drops what it does not understand, with a warning each, and swaps a reversed range', () => {
    const { filter, warnings } = parseNoticeFilter('kind=land,farm&district=110101&status=closed&from=2026-02-30&sort=random&page=0&colour=red&q=a&q=b', vocabulary);
    expect(filter).toEqual(f({ kinds: ['land'], q: 'a' }));
    expect(warnings).toHaveLength(8);
    expect(parseNoticeFilter('from=2026-06-01&to=2026-01-01', vocabulary).filter).toMatchObject({ from: '2026-01-01', to: '2026-06-01' });
  });
});
