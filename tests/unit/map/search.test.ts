/**
 * The pure parts of the map search (src/map/search.ts) and the header
 * suggestions (src/client/search-suggest.ts, src/lib/search-ui.ts).
 */
import { describe, expect, it } from 'vitest';
import { featureOfUrl, isLonLatBox, mapSearchSummary, partitionHits, unionBBox } from '../../../src/map/search.ts';
import { searchPageUrl } from '../../../src/lib/search-ui.ts';
import { suggestionMeta } from '../../../src/client/search-suggest.ts';
import type { SearchHit } from '../../../src/search/client.ts';

const hit = (id: number, bbox?: SearchHit['bbox'], url = `/red/sites/s-${id}/`): SearchHit => ({
  id,
  url,
  title: `记录 ${id}`,
  collection: 'red-site',
  kind: '',
  district: '泰来县',
  date: '2026-11-02',
  ...(bbox ? { bbox } : {}),
});

describe('isLonLatBox', () => {
  it('accepts boxes in degrees, points included', () => {
    expect(isLonLatBox([123.6, 46.7, 123.7, 46.8])).toBe(true);
    expect(isLonLatBox([123.69, 46.78, 123.69, 46.78])).toBe(true);
    expect(isLonLatBox([-180, -90, 180, 90])).toBe(true);
  });

  it('rejects anything else', () => {
    for (const b of [
      undefined,
      null,
      0,
      'box',
      [],
      [1, 2, 3],
      [1, 2, 3, 4, 5],
      [124, 46, 123, 47], // west > east
      [123, 47, 124, 46], // south > north
      [NaN, 46, 124, 47],
      [123, 46, Infinity, 47],
      ['123', 46, 124, 47],
      [123, -91, 124, 47],
      [-181, 46, 124, 47],
      { 0: 1, 1: 2, 2: 3, 3: 4, length: 4 },
    ]) {
      expect(isLonLatBox(b), JSON.stringify(b)).toBe(false);
    }
  });
});

describe('unionBBox', () => {
  it('is undefined for no boxes or only invalid ones', () => {
    expect(unionBBox([])).toBeUndefined();
    expect(unionBBox([undefined, [1, 2], [NaN, 0, 0, 0]])).toBeUndefined();
  });

  it('gives a single box back as a copy', () => {
    const b: [number, number, number, number] = [123.6, 46.7, 123.7, 46.8];
    const u = unionBBox([b]);
    expect(u).toEqual(b);
    expect(u).not.toBe(b);
  });

  it('covers every box, skipping invalid ones, points included', () => {
    expect(
      unionBBox([
        [123.69, 46.78, 123.69, 46.78],
        undefined,
        [124.1, 47.2, 124.3, 47.5],
        [999, 0, 0, 0],
        [122.9, 47.0, 123.0, 47.1],
      ]),
    ).toEqual([122.9, 46.78, 124.3, 47.5]);
  });

  it('takes any iterable', () => {
    const boxes = new Set([
      [1, 1, 2, 2],
      [3, 3, 4, 4],
    ]);
    expect(unionBBox(boxes)).toEqual([1, 1, 4, 4]);
  });
});

describe('featureOfUrl', () => {
  it('maps record URLs to their thematic-layer feature', () => {
    expect(featureOfUrl('/red/sites/jiangqiao-kangzhan-jiniandi/')).toEqual({ layer: 'red-sites', id: 'jiangqiao-kangzhan-jiniandi' });
    expect(featureOfUrl('/notices/land/td-2026-003/')).toEqual({ layer: 'notices-land', id: 'td-2026-003' });
    expect(featureOfUrl('/notices/planning/gh-2025-031/')).toEqual({ layer: 'notices-planning', id: 'gh-2025-031' });
    expect(featureOfUrl('/enforcement/zf-2026-cf-012/')).toEqual({ layer: 'enforcement', id: 'zf-2026-cf-012' });
  });

  it('gives nothing for pages that are not features', () => {
    for (const url of [
      '/',
      '/map/',
      '/red/',
      '/red/routes/jiangqiao-kangzhan-zijia/',
      '/notices/',
      '/notices/land/',
      '/notices/land/page/2/',
      '/enforcement/',
      '/red/sites/Upper-Case/',
      '/red/sites/a/b/',
      '/red/sites/x',
      'https://example.com/red/sites/x/',
      '/red/sites/<img>/',
      '',
    ]) {
      expect(featureOfUrl(url), url).toBeUndefined();
    }
  });
});

describe('partitionHits', () => {
  it('keeps located hits in order and counts the others among the total', () => {
    const hits = [hit(1, [1, 1, 1, 1]), hit(2), hit(3, [2, 2, 3, 3]), hit(4, [5, 5, 4, 4] as SearchHit['bbox'])];
    const { located, others } = partitionHits(hits, 10);
    expect(located.map((h) => h.id)).toEqual([1, 3]);
    expect(others).toBe(8);
  });

  it('never counts below zero', () => {
    expect(partitionHits([hit(1, [1, 1, 1, 1])], 0).others).toBe(0);
    expect(partitionHits([], 0)).toEqual({ located: [], others: 0 });
  });
});

describe('mapSearchSummary', () => {
  it('passes a hint on', () => {
    expect(mapSearchSummary('江', { hint: '请至少输入两个相连的汉字', total: 0 }, 0, false)).toBe('请至少输入两个相连的汉字');
  });

  it('says when nothing was found, quoting the query as text', () => {
    expect(mapSearchSummary('<b>无此地</b>', { total: 0 }, 0, false)).toBe('没有找到与“<b>无此地</b>”相关的结果。请尝试更短的词语，或检查文号、地块编号。');
  });

  it('counts located results and says whether the map moved', () => {
    expect(mapSearchSummary('江桥', { total: 5 }, 0, false)).toBe('找到 5 条结果，但都没有位置，无法在地图上显示。');
    expect(mapSearchSummary('江桥', { total: 5 }, 3, true)).toBe('找到 5 条结果，其中 3 条有位置，地图已缩放到这些位置。');
    expect(mapSearchSummary('江桥', { total: 5 }, 3, false)).toBe('找到 5 条结果，其中 3 条有位置，列在下方。');
  });
});

describe('header suggestions', () => {
  it('writes a short meta line: collection, district, date, leaving out blanks', () => {
    expect(suggestionMeta({ collection: 'notice', district: '龙沙区', date: '2026-11-02' })).toBe('公示公告 · 龙沙区 · 2026-11-02');
    expect(suggestionMeta({ collection: 'page', district: '', date: '' })).toBe('栏目页面');
  });

  it('links to the search page with the query encoded, also for lone surrogates', () => {
    expect(searchPageUrl('江桥')).toBe('/search/?q=%E6%B1%9F%E6%A1%A5');
    expect(searchPageUrl('a&b=c #')).toBe('/search/?q=a%26b%3Dc+%23');
    expect(() => searchPageUrl('\ud800')).not.toThrow();
  });
});
