import { describe, expect, it } from 'vitest';
import { Document, Index } from 'flexsearch';
import {
  MAX_QUERY_LENGTH,
  codeTokens,
  documentCodeTerms,
  classifyQuery,
  codeKey,
  highlightRanges,
  normalize,
  queryTerms,
  tokenize,
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

/** Does every token of the query occur among the tokens of the text (AND)? */
function hits(text: string, query: string): boolean {
  const doc = new Set(tokenize(text));
  const q = tokenize(query);
  return q.length > 0 && q.every((t) => doc.has(t));
}

describe('normalize', () => {
  it('folds full width to half width and lower case', () => {
    expect(normalize('２０２６－Ｇ－０１５')).toBe('2026-g-015');
    expect(normalize('ＡＢＣ abc')).toBe('abc abc');
  });
  it('leaves Chinese text alone', () => {
    expect(normalize(TITLE)).toBe(TITLE);
  });
});

describe('tokenize', () => {
  it('turns a Han run into overlapping bigrams', () => {
    expect(tokenize('江桥镇')).toEqual(['江桥', '桥镇']);
    expect(tokenize(TITLE)).toEqual(['江桥', '桥镇', '镇控', '控制', '制性', '性详', '详细', '细规', '规划']);
  });
  it('makes no token of a lone Han character, but joins it to touching digits or letters', () => {
    expect(tokenize('江')).toEqual([]);
    expect(tokenize('江 桥')).toEqual([]);
    expect(tokenize('2019年1月')).toEqual(['2019', '9年', '年1', '1', '1月']);
    expect(tokenize('QQHR号')).toEqual(['qqhr', 'r号']);
  });
  it('finds digits glued to a Han character that is the edge of a longer run in the text', () => {
    expect(hits('QQHR2019-003号地块位于铁锋区', '003号')).toBe(true);
    expect(hits('2019年1月23日挂牌', '年1月')).toBe(true);
    expect(hits('2019年1月23日挂牌', '1月23日')).toBe(true);
    expect(hits('2019年11月23日挂牌', '年1月')).toBe(false);
    expect(hits('004号地块', '003号')).toBe(false);
  });
  it('matches any Chinese substring of two or more characters as an AND of bigrams', () => {
    for (const q of ['江桥', '控制性', '详细规划', TITLE, '镇控']) expect(hits(TITLE, q), q).toBe(true);
  });
  it('does not match characters that are not adjacent in the text', () => {
    for (const q of ['江镇', '规划江桥', '控制规划', '详规']) expect(hits(TITLE, q), q).toBe(false);
  });
  it('keeps latin and digit runs whole and splits on punctuation', () => {
    expect(tokenize('2026-G-015')).toEqual(['2026', 'g', '015']);
    expect(tokenize('2026G015')).toEqual(['2026', 'g', '015']);
    expect(tokenize('２０２６－Ｇ－０１５')).toEqual(['2026', 'g', '015']);
    expect(tokenize('江桥镇2022年')).toEqual(['江桥', '桥镇', '镇2', '2022', '2年']);
  });
  it('treats 〔〕, [] and （） alike in a 文号', () => {
    const a = tokenize('齐自然资规公〔2026〕15号');
    expect(a).toEqual(['齐自', '自然', '然资', '资规', '规公', '2026', '15', '5号']);
    expect(tokenize('齐自然资规公[2026]15号')).toEqual(a);
    expect(tokenize('齐自然资规公（2026）15号')).toEqual(a);
    expect(tokenize('齐自然资规公(2026)15号')).toEqual(a);
    expect(tokenize('齐自然资规公〔2026〕16号')).not.toEqual(a);
  });
  it('separates on spaces and sentence punctuation and de-duplicates in order', () => {
    expect(tokenize('规划、规划。规划——江桥·规划')).toEqual(['规划', '江桥']);
    expect(tokenize('a b a 1 1')).toEqual(['a', 'b', '1']);
  });
  it('builds bigrams from code points (CJK extension B)', () => {
    expect(tokenize('𠀀𠀁𠀂')).toEqual(['𠀀𠀁', '𠀁𠀂']);
  });
  it('gives code fields trigrams of their code keys, whatever the punctuation', () => {
    expect(codeTokens('2026-G-015')).toEqual(['202', '026', '26g', '6g0', 'g01', '015']);
    expect(codeTokens('２０２６Ｇ０１５')).toEqual(codeTokens('2026-G-015'));
    expect(codeTokens('齐自然资规公〔2026〕15号')).toEqual(codeTokens('齐自然资规公[2026]15号'));
    expect(codeTokens('A1 2026-G-015')).toEqual(['a1', '202', '026', '26g', '6g0', 'g01', '015']);
    expect(codeTokens('2026-G-016')).not.toContain('015');
    expect(codeTokens('')).toEqual([]);
    expect(codeTokens('〔〕 - ')).toEqual([]);
  });
  it('adds each whole code key to a document\'s code terms, beside the trigrams', () => {
    const terms = documentCodeTerms(['FY2023-10', '富自然资告字〔2023〕101号']);
    expect(terms).toContain('fy202310');
    expect(terms).toContain('富自然资告字2023101号');
    expect(terms).toEqual(expect.arrayContaining(codeTokens('FY2023-10 富自然资告字〔2023〕101号')));
    // Keys of three characters or fewer are already trigrams; nothing is joined across codes.
    expect(documentCodeTerms(['A1', 'G15'])).toEqual(['a1', 'g15']);
    expect(documentCodeTerms(['FY2023-1', '0号'])).not.toContain('fy202310');
    expect(documentCodeTerms([])).toEqual([]);
  });
  it('returns nothing for text without letters, digits or Han', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' 〔〕（）-—·、，。 ')).toEqual([]);
    expect(tokenize('😀🇨🇳')).toEqual([]);
  });
  it('works as the FlexSearch 0.8 encode function for index and query', async () => {
    const index = new Document({
      document: { id: 'id', index: [{ field: 'title', encode: tokenize, tokenize: 'strict' }] },
    });
    const docs = [
      { id: 1, title: '嘉定区江桥镇控制性详细规划（2026-G-015地块）' },
      { id: 2, title: '齐自然资规公〔2026〕15号 关于土地出让的公告' },
      { id: 3, title: '江镇桥梁维修' },
    ];
    for (const d of docs) index.add(d);
    const ids = (q: string) => index.search(q).flatMap((r) => r.result).sort();
    expect(ids('江桥')).toEqual([1]);
    expect(ids('控制性详细')).toEqual([1]);
    expect(ids('２０２６－Ｇ－０１５')).toEqual([1]);
    expect(ids('2026G015')).toEqual([1]);
    expect(ids('齐自然资规公[2026]15号')).toEqual([2]);
    expect(ids('2026')).toEqual([1, 2]);
    expect(ids('桥梁')).toEqual([3]);
    expect(ids('江镇桥梁')).toEqual([3]);
    expect(ids('规划江桥')).toEqual([]);
    const plain = new Index({ encode: tokenize, tokenize: 'strict' });
    plain.add(1, TITLE);
    expect(plain.search('详细规划')).toEqual([1]);
    expect(plain.search('详规')).toEqual([]);
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
  it('reports a single Han character', () => {
    for (const q of ['江', ' 江 ', '江😀', '（江）']) {
      const c = classifyQuery(q);
      expect(c.kind, q).toBe('single-han');
      expect(c.tokens).toEqual([]);
    }
    expect(classifyQuery('江 桥').kind).toBe('single-han');
    expect(classifyQuery('江桥').kind).toBe('text');
  });
  it('routes latin-only queries of two or more letters to pinyin', () => {
    expect(classifyQuery('jqkz')).toEqual({ kind: 'latin', normalized: 'jqkz', tokens: ['jqkz'], code: 'jqkz' });
    expect(classifyQuery('Jiang Qiao').kind).toBe('latin');
    expect(classifyQuery('ＪＩＡＮＧ').kind).toBe('latin');
    expect(classifyQuery('j').kind).toBe('text');
    expect(classifyQuery('g015').kind).toBe('code');
    expect(classifyQuery('江桥jq').kind).toBe('text');
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
    expect(c).toEqual({ kind: 'text', normalized: '江桥镇 控制性', tokens: ['江桥', '桥镇', '控制', '制性'], code: '江桥镇控制性' });
  });
  it('drops emoji and symbols', () => {
    const c = classifyQuery('江桥👨‍👩‍👧镇');
    expect(c.normalized).toBe('江桥镇');
    expect(c.tokens).toEqual(['江桥', '桥镇']);
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
      expect(() => tokenize(q)).not.toThrow();
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
  it('ignores single Han characters in the query and finds nothing that is not there', () => {
    expect(highlightRanges(TITLE, '江')).toEqual([]);
    expect(highlightRanges(TITLE, '江镇')).toEqual([]);
    expect(highlightRanges(TITLE, '')).toEqual([]);
    expect(highlightRanges('', '江桥')).toEqual([]);
    expect(queryTerms('江 桥镇 2026-G')).toEqual(['桥镇', '2026', 'g']);
  });
  it('matches full-width digits and returns offsets in the original text', () => {
    const text = '😀公告２０２６－Ｇ－０１５地块';
    const r = highlightRanges(text, '2026-G-015');
    expect(r).toEqual([[4, 8], [9, 10], [11, 14]]);
    expect(cut(text, r)).toEqual(['２０２６', 'Ｇ', '０１５']);
    expect(cut(text, highlightRanges(text, '地块'))).toEqual(['地块']);
  });
  it('matches full-width text with a half-width query and the other way round', () => {
    const text = '齐自然资规公〔2026〕15号';
    expect(cut(text, highlightRanges(text, '齐自然资规公（２０２６）１５号'))).toEqual(['齐自然资规公', '2026', '15']);
  });
  it('maps characters whose NFKC form has another length back to the whole character', () => {
    const text = '重量5㎏，面积½亩';
    expect(cut(text, highlightRanges(text, 'g'))).toEqual(['㎏']);
    expect(cut(text, highlightRanges(text, 'kg'))).toEqual(['㎏']);
    expect(cut(text, highlightRanges(text, '2'))).toEqual(['½']);
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
  });
});
