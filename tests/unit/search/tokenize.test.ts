import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_LENGTH,
  classifyQuery,
  codeKey,
  codeShardTerm,
  documentCodeTerms,
  gramsOf,
  highlightRanges,
  normalize,
  pairsOf,
  queryGrams,
  queryParts,
  queryTerms,
  segmentKeys,
} from '../../../src/search/tokenize.ts';

const TITLE = '江桥镇控制性详细规划';
const NASTY = [
  '',
  '   ',
  '江'.repeat(500),
  'a'.repeat(500),
  '2'.repeat(500),
  '😀'.repeat(500),
  '.*+?^${}()|[]\\/',
  '(?<x>a)\\1**',
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '\ud800江桥\udc00',
  '\udc00\ud800',
  '👨‍👩‍👧🇨🇳1️⃣',
  '\u0000\u200b\ufeff\u202e江桥',
  '﷽ﷺ'.repeat(50),
];

/**
 * Would a record with this text match the query, by the index's rule: every
 * part of the query has all its grams within one segment of the text?
 */
function hits(text: string, query: string): boolean {
  const segments = segmentKeys(text).map((k) => gramsOf(k, pairsOf(k)));
  const c = classifyQuery(query);
  const parts = c.joined ? [c.code] : c.parts;
  return parts.length > 0 && parts.every((p) => segments.some((s) => queryGrams(p).every((g) => s.has(g))));
}

const PLAN = '齐齐哈尔市2026年度国有建设用地供应计划\n齐齐哈尔市自然资源和规划局2026年3月1日发布';

describe('normalize', () => {
  it('folds full width to half width and lower case', () => {
    expect(normalize('２０２６－Ｇ－０１５')).toBe('2026-g-015');
    expect(normalize('ＡＢＣ abc')).toBe('abc abc');
  });
  it('leaves Chinese text alone', () => {
    expect(normalize(TITLE)).toBe(TITLE);
  });
});

describe('segmentKeys', () => {
  it('keeps letters, digits and Han of each segment, splitting at spaces and sentence punctuation', () => {
    expect(segmentKeys('江桥镇控制性详细规划（2026-G-015地块）、江桥镇 公示')).toEqual(['江桥镇控制性详细规划2026g015地块', '江桥镇', '公示']);
    expect(segmentKeys('公示期为2026年11月19日至2026年12月2日。欢迎提出意见；电话：0452-3854761')).toEqual([
      '公示期为2026年11月19日至2026年12月2日',
      '欢迎提出意见',
      '电话',
      '04523854761',
    ]);
  });
  it('splits where punctuation stands between two Chinese characters, not where it touches a digit or letter', () => {
    expect(segmentKeys('土地市场·出让公告（齐自然资告字〔2025〕1号）')).toEqual(['土地市场', '出让公告', '齐自然资告字20251号']);
    expect(segmentKeys('齐自然资规公〔2026〕15号')).toEqual(['齐自然资规公202615号']);
  });
  it('folds widths and cases, and returns nothing for text without letters, digits or Han', () => {
    expect(segmentKeys('２０２６－Ｇ－０１５')).toEqual(['2026g015']);
    expect(segmentKeys('')).toEqual([]);
    expect(segmentKeys(' 〔〕（）-—·、，。 ')).toEqual([]);
    expect(segmentKeys('😀🇨🇳')).toEqual([]);
  });
});

describe('grams', () => {
  it('indexes every 2-gram and 3-gram, and the 4-grams that hold a letter or digit', () => {
    expect([...pairsOf('江桥镇')]).toEqual(['江桥', '桥镇']);
    expect([...gramsOf('江桥镇控')]).toEqual(['江桥镇', '桥镇控']);
    expect([...gramsOf('镇2026')]).toEqual(['镇20', '镇202', '202', '2026', '026']);
    expect([...pairsOf('𠀀𠀁𠀂')]).toEqual(['𠀀𠀁', '𠀁𠀂']);
  });
  it('looks a 2- or 3-character part up as one term and a longer one as a chain of grams', () => {
    expect(queryGrams('江')).toEqual([]);
    expect(queryGrams('江桥')).toEqual(['江桥']);
    expect(queryGrams('g01')).toEqual(['g01']);
    expect(queryGrams('江桥镇控')).toEqual(['江桥镇', '桥镇控']);
    expect(queryGrams('竞得人须在成交后')).toEqual(['竞得人', '人须在', '在成交', '成交后']);
    expect(queryGrams('2026g015')).toEqual(['2026', '26g0', 'g015']);
    expect(queryGrams('26年度国有')).toEqual(['26年度', '年度国', '度国有']);
    expect(queryGrams('规划局202')).toEqual(['规划局2', '局202']);
    // The last gram is the longest that ends on the last character: 0264 overlaps 2026 by three.
    expect(queryGrams('齐自然资告字20264')).toEqual(['齐自然', '然资告', '告字20', '2026', '0264']);
  });
  it('looks a long part up through at most six grams, first and last included', () => {
    const g = queryGrams('zhonggongnenjiangshengweijiuzhi');
    expect(g.length).toBeLessThanOrEqual(6);
    expect(g[0]).toBe('zhon');
    expect(g.at(-1)).toBe('uzhi');
  });
  it('gives every query gram of a part among the grams of a segment that contains it (exact recall)', () => {
    const text = '齐齐哈尔市自然资源和规划局2026年度国有建设用地供应计划2026-G-015地块LJG2025-13';
    const key = segmentKeys(text)[0]!;
    const all = gramsOf(key, pairsOf(key));
    const chars = Array.from(key);
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 2; j <= Math.min(chars.length, i + 16); j++) {
        const part = chars.slice(i, j).join('');
        for (const g of queryGrams(part)) expect(all.has(g), `${part}: ${g}`).toBe(true);
      }
    }
  });
  it('stores a code key in the shard of its first query gram', () => {
    expect(codeShardTerm('2026g015')).toBe('2026');
    expect(codeShardTerm('齐自然资规公202615号')).toBe('齐自然');
    expect(codeShardTerm('a1')).toBe('a1');
  });
  it("gives a document's code field each whole code key", () => {
    expect(documentCodeTerms(['FY2023-10', '富自然资告字〔2023〕101号'])).toEqual(['fy202310', '富自然资告字2023101号']);
    expect(documentCodeTerms(['2026-G-015', '２０２６－Ｇ－０１５', '〔〕'])).toEqual(['2026g015']);
    expect(documentCodeTerms([])).toEqual([]);
  });
});

describe('matching', () => {
  it('finds substrings that cut a run of digits or letters (the issue examples)', () => {
    expect(hits(PLAN, '26年度国有')).toBe(true);
    expect(hits(PLAN, '规划局202')).toBe(true);
    expect(hits('编号2026-G-015地块', 'G-01')).toBe(true);
    expect(hits('编号2026-G-015地块', '6-G-0')).toBe(true);
    expect(hits('LJG2025-13等3宗地块', 'JG202')).toBe(true);
    expect(hits('QQHR2019-003号地块位于铁锋区', '003号')).toBe(true);
    expect(hits('竞买保证金1347万元', '保证金134')).toBe(true);
    expect(hits('齐齐哈尔市2026年度国有', '13号')).toBe(false);
  });
  it('finds any substring of two or more characters of a title', () => {
    const chars = Array.from(PLAN.split('\n')[0]!);
    for (let i = 0; i < chars.length; i++) for (let j = i + 2; j <= chars.length; j++) expect(hits(PLAN, chars.slice(i, j).join('')), chars.slice(i, j).join('')).toBe(true);
  });
  it('matches codes typed with any brackets, hyphens, spaces or widths', () => {
    const text = '齐自然资规公〔2026〕15号\n2026-G-015';
    for (const q of ['齐自然资规公[2026]15号', '齐自然资规公（2026）15号', '齐自然资规公(２０２６)１５号', '2026G015', '2026 G 015', '２０２６－Ｇ－０１５', '2026-g-015']) {
      expect(hits(text, q), q).toBe(true);
    }
    expect(hits(text, '齐自然资规公〔2026〕16号')).toBe(false);
    expect(hits(text, '2026-G-016')).toBe(false);
  });
  it('does not match characters that are not adjacent in the text', () => {
    for (const q of ['江镇', '规划江桥', '控制规划', '详规', '江桥规划']) expect(hits(TITLE, q), q).toBe(false);
    expect(hits(PLAN, '规划局2027')).toBe(false);
    expect(hits('齐齐哈尔市规划局\n2026年计划', '规划局202')).toBe(false);
    expect(hits('2026年度\n国有建设用地', '26年度国有')).toBe(false);
  });
  it('does not piece a code together from two codes of one record', () => {
    // FY2023-1 and 〔2023〕101号 hold every 3- and 4-gram of FY2023-10 between them.
    const record = '出让公告\nFY2023-1\n富自然资告字〔2023〕101号';
    expect(hits(record, 'FY2023-10')).toBe(false);
    expect(hits(record, 'fy2023 10')).toBe(false);
    expect(hits(`${record}\nFY2023-10`, 'FY2023-10')).toBe(true);
    expect(hits('LJ2025-19\nLJG2025-13', 'LJ2025-13')).toBe(false);
  });
  it('does not read repeated digits of one segment out of order', () => {
    // 资规公, 规公2, 公20 and 201 all occur in 齐自然资规公2025201号; 资规公201 does not.
    expect(hits('齐自然资规公〔2025〕201号', '资规公〔201')).toBe(false);
    expect(hits('建字第230229202600007号', '026-007')).toBe(false);
    expect(hits('建字第230229202600007号', '2600007')).toBe(true);
    expect(hits('齐自然资告字〔2026〕264号', '齐自然资告字〔2026〕4')).toBe(false);
    expect(hits('齐自然资告字〔2026〕41号', '齐自然资告字〔2026〕4')).toBe(true);
  });
});

describe('codeKey', () => {
  it('makes 文号 with any brackets compare equal', () => {
    const a = codeKey('齐自然资规公〔2026〕15号');
    expect(a).toBe('齐自然资规公202615号');
    expect(codeKey('齐自然资规公[2026]15号')).toBe(a);
    expect(codeKey('齐自然资规公（2026）15号')).toBe(a);
    expect(codeKey('齐自然资规公 2026 15号')).toBe(a);
    expect(codeKey('齐自然资规公〔2026〕16号')).not.toBe(a);
    expect(codeKey('齐自然资规公〔2025〕15号')).not.toBe(a);
  });
  it('makes parcel codes compare equal with or without hyphens and in full width', () => {
    expect(codeKey('2026-G-015')).toBe('2026g015');
    expect(codeKey('2026G015')).toBe('2026g015');
    expect(codeKey('２０２６－Ｇ－０１５')).toBe('2026g015');
    expect(codeKey('2026-G-016')).not.toBe('2026g015');
  });
  it('drops emoji, symbols and lone surrogates', () => {
    expect(codeKey('😀2026\ud800-G-015<>')).toBe('2026g015');
    expect(codeKey('')).toBe('');
  });
});

describe('classifyQuery', () => {
  it('reports empty input', () => {
    for (const q of ['', '   ', '\n\t', '〔〕（）', '😀', '<>', '.*+?']) {
      expect(classifyQuery(q).kind, JSON.stringify(q)).toBe('empty');
    }
  });
  it('reports a single Han character, or single characters of any kind', () => {
    for (const q of ['江', ' 江 ', '江😀', '（江）']) {
      const c = classifyQuery(q);
      expect(c.kind, q).toBe('single-han');
      expect(c.parts).toEqual([]);
    }
    expect(classifyQuery('江 桥').kind).toBe('single-han');
    expect(classifyQuery('江桥').kind).toBe('text');
    for (const q of ['5', 'j', 'G 1', '江 5']) expect(classifyQuery(q).kind, q).toBe('single');
  });
  it('routes latin-only queries of two or more letters to pinyin', () => {
    expect(classifyQuery('jqkz')).toEqual({ kind: 'latin', normalized: 'jqkz', parts: ['jqkz'], code: 'jqkz', joined: false });
    expect(classifyQuery('Jiang Qiao').kind).toBe('latin');
    expect(classifyQuery('ＪＩＡＮＧ').kind).toBe('latin');
    expect(classifyQuery('g015').kind).toBe('code');
    expect(classifyQuery('江桥jq').kind).toBe('text');
  });
  it('reads letters and digits split by spaces as one code first', () => {
    expect(classifyQuery('2025 G 037')).toEqual({ kind: 'code', normalized: '2025 g 037', parts: ['2025', '037'], code: '2025g037', joined: true });
    expect(classifyQuery('2 0 2 6').joined).toBe(true);
    expect(classifyQuery('齐自然资规公 2026 15号').joined).toBe(false);
    expect(classifyQuery('江桥 2026').joined).toBe(false);
    expect(classifyQuery('jiang qiao').joined).toBe(false);
  });
  it('recognises 文号 and parcel codes in any spelling', () => {
    for (const q of ['2026-G-015', '2026G015', '２０２６－Ｇ－０１５', 'G-015', '2026']) {
      const c = classifyQuery(q);
      expect(c.kind, q).toBe('code');
    }
    expect(classifyQuery('２０２６－Ｇ－０１５').code).toBe('2026g015');
    const a = classifyQuery('齐自然资规公〔2026〕15号');
    expect(a.kind).toBe('code');
    expect(classifyQuery('齐自然资规公[2026]15号').code).toBe(a.code);
    expect(classifyQuery('齐自然资规公（2026）15号').code).toBe(a.code);
  });
  it('treats short codes and plain Chinese as text', () => {
    expect(classifyQuery('15号').kind).toBe('text');
    expect(classifyQuery('G1').kind).toBe('text');
    const c = classifyQuery(' 江桥镇　控制性 ');
    expect(c).toEqual({ kind: 'text', normalized: '江桥镇 控制性', parts: ['江桥镇', '控制性'], code: '江桥镇控制性', joined: false });
    expect(classifyQuery('江 桥镇').parts).toEqual(['桥镇']);
    expect(queryParts('土地市场·出让公告')).toEqual(['土地市场', '出让公告']);
  });
  it('drops emoji and symbols', () => {
    const c = classifyQuery('江桥👨‍👩‍👧镇');
    expect(c.normalized).toBe('江桥镇');
    expect(c.parts).toEqual(['江桥镇']);
    expect(classifyQuery('<script>alert(1)</script>').normalized).not.toMatch(/[<>]/);
  });
  it(`caps queries at ${MAX_QUERY_LENGTH} characters`, () => {
    expect(Array.from(classifyQuery('江'.repeat(500)).normalized)).toHaveLength(MAX_QUERY_LENGTH);
    expect(classifyQuery('a'.repeat(500)).normalized).toHaveLength(MAX_QUERY_LENGTH);
    expect(Array.from(classifyQuery('𠀀'.repeat(500)).normalized)).toHaveLength(MAX_QUERY_LENGTH);
    expect(classifyQuery('𠀀'.repeat(500)).normalized).toHaveLength(MAX_QUERY_LENGTH * 2);
  });
  it('never throws and always returns well-formed text', () => {
    for (const q of NASTY) {
      const c = classifyQuery(q);
      expect(c.normalized.isWellFormed(), JSON.stringify(q)).toBe(true);
      expect(Array.from(c.normalized).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      expect(() => segmentKeys(q)).not.toThrow();
      expect(() => c.parts.map(queryGrams)).not.toThrow();
      expect(() => codeKey(q)).not.toThrow();
      expect(() => highlightRanges(q, q)).not.toThrow();
      expect(() => highlightRanges(TITLE, q)).not.toThrow();
    }
    expect(classifyQuery(undefined as unknown as string).kind).toBe('empty');
    expect(classifyQuery(null as unknown as string).kind).toBe('empty');
  });
});

describe('highlightRanges', () => {
  const cut = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

  it('highlights every occurrence of each term, merged and sorted', () => {
    const text = '上海市嘉定区江桥镇控制性详细规划，江桥镇人民政府';
    const r = highlightRanges(text, '江桥镇 控制性');
    expect(cut(text, r)).toEqual(['江桥镇控制性', '江桥镇']);
    expect(r).toEqual([[6, 12], [17, 20]]);
  });
  it('ignores single characters in the query and finds nothing that is not there', () => {
    expect(highlightRanges(TITLE, '江')).toEqual([]);
    expect(highlightRanges(TITLE, '江镇')).toEqual([]);
    expect(highlightRanges(TITLE, '')).toEqual([]);
    expect(highlightRanges('', '江桥')).toEqual([]);
    expect(queryTerms('江 桥镇 2026-G')).toEqual(['桥镇', '2026g']);
  });
  it('highlights what the index matched: a code typed any way, and substrings that cut digit runs', () => {
    const text = '😀公告２０２６－Ｇ－０１５地块';
    const r = highlightRanges(text, '2026G015');
    expect(r).toEqual([[4, 14]]);
    expect(cut(text, r)).toEqual(['２０２６－Ｇ－０１５']);
    expect(cut(text, highlightRanges(text, '地块'))).toEqual(['地块']);
    // A code typed with spaces marks the whole code, or else its parts (what the fallback search matched).
    expect(cut(text, highlightRanges(text, '2026 G 015'))).toEqual(['２０２６－Ｇ－０１５']);
    expect(cut(text, highlightRanges(text, '2025 G 015'))).toEqual(['０１５']);
    const title = '齐齐哈尔市2026年度国有建设用地供应计划';
    expect(cut(title, highlightRanges(title, '26年度国有'))).toEqual(['26年度国有']);
    expect(cut(title, highlightRanges(title, '2026 G'))).toEqual(['2026']);
  });
  it('matches full-width text with a half-width query and the other way round', () => {
    const text = '齐自然资规公〔2026〕15号';
    expect(cut(text, highlightRanges(text, '齐自然资规公（２０２６）１５号'))).toEqual(['齐自然资规公〔2026〕15号']);
  });
  it('does not highlight across a segment break', () => {
    const text = '出让公告。齐自然资告字';
    expect(highlightRanges(text, '公告齐自')).toEqual([]);
    expect(cut(text, highlightRanges(text, '告字'))).toEqual(['告字']);
  });
  it('maps characters whose NFKC form has another length back to the whole character', () => {
    const text = '重量5㎏，面积½亩';
    expect(cut(text, highlightRanges(text, 'kg'))).toEqual(['㎏']);
    expect(cut(text, highlightRanges(text, '5kg'))).toEqual(['5㎏']);
    expect(cut(text, highlightRanges(text, '2亩'))).toEqual(['½亩']);
    expect(cut('ﬁle', highlightRanges('ﬁle', 'file'))).toEqual(['ﬁle']);
  });
  it('does not split surrogate pairs', () => {
    const text = '江桥😀江桥𠀀𠀁';
    expect(highlightRanges(text, '江桥')).toEqual([[0, 2], [4, 6]]);
    const r = highlightRanges(text, '𠀀𠀁');
    expect(r).toEqual([[6, 10]]);
    expect(cut(text, r)[0]!.isWellFormed()).toBe(true);
  });
  it('treats regex specials and HTML in the query as plain text', () => {
    const text = 'a.*b <script> 江桥';
    expect(cut(text, highlightRanges(text, '.*'))).toEqual([]);
    expect(cut(text, highlightRanges(text, '<script>'))).toEqual(['script']);
    expect(cut(text, highlightRanges(text, 'a.b'))).toEqual(['a.*b']);
  });
});
