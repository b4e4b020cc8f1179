import { describe, expect, it } from 'vitest';
import { EMPTY_DECISION_FILTER, decodeDecisionIndex, describeDecisionFilter, encodeDecisionIndex, formatDecisionFilter, parseDecisionFilter, runDecisionFilter, type DecisionFilter, type DecisionRow } from '../../../src/lib/decision-filter.ts';
import { partyLines } from '../../../src/lib/enforcement-pages.ts';

const DISTRICTS = ['city', '230202', '230203'];
const row = (id: string, over: Partial<DecisionRow>): DecisionRow => ({ id, category: 'penalty', district: '230202', party: 'org', date: '2026-05-01', title: `决定 ${id}`, partyName: '某公司', superseded: false, ...over });
const ROWS = [
  row('a', { fineYuan: 930000, docNo: '齐自然资罚〔2026〕12号' }),
  row('b', { category: 'permit', district: '230203', date: '2026-06-01' }),
  row('c', { party: 'person', partyName: '张某', date: '2025-03-01', fineYuan: 12000 }),
  row('d', { category: 'inspection', district: 'city', date: '2026-06-01' }),
];
const f = (over: Partial<DecisionFilter>): DecisionFilter => ({ ...EMPTY_DECISION_FILTER, ...over });

describe('decision filter', () => {
  it('filters facets (OR within, AND across), dates and text, and counts each value with the other facets as they are', () => {
    const r = runDecisionFilter(ROWS, f({ categories: ['penalty'], districts: ['230202'] }));
    expect(r.rows.map((x) => x.id)).toEqual(['a', 'c']);
    expect(r.counts.category).toEqual({ penalty: 2 }); // permit/inspection rows are in other districts
    expect(r.counts.district).toEqual({ '230202': 2 });
    expect(r.counts.party).toEqual({ org: 1, person: 1 });
    expect(runDecisionFilter(ROWS, f({ from: '2026-01-01', q: '１２号' })).rows.map((x) => x.id)).toEqual(['a']);
    expect(runDecisionFilter(ROWS, f({ q: '张某' })).rows.map((x) => x.id)).toEqual(['c']);
    expect(runDecisionFilter(ROWS, f({ q: '没有这个' })).rows).toEqual([]);
  });
  it('sorts newest first by default, oldest, and by fine with undated amounts last', () => {
    expect(runDecisionFilter(ROWS, f({})).rows.map((x) => x.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(runDecisionFilter(ROWS, f({ sort: 'oldest' })).rows.map((x) => x.id)).toEqual(['c', 'a', 'd', 'b']);
    expect(runDecisionFilter(ROWS, f({ sort: 'amount' })).rows.map((x) => x.id)).toEqual(['a', 'c', 'b', 'd']);
  });
  it('writes one canonical URL that parses back to the same filter', () => {
    const filter = f({ categories: ['permit', 'penalty'], districts: ['230203'], parties: ['person'], from: '2026-01-01', q: '占地', sort: 'amount', page: 2 });
    const url = formatDecisionFilter(filter, DISTRICTS);
    expect(url).toBe('/enforcement/decisions/?category=permit,penalty&district=230203&party=person&from=2026-01-01&q=%E5%8D%A0%E5%9C%B0&sort=amount&page=2');
    expect(parseDecisionFilter(url.split('?')[1]!, DISTRICTS).filter).toEqual(filter);
    expect(formatDecisionFilter(f({ categories: ['penalty'] }), DISTRICTS)).toBe('/enforcement/decisions/penalty/');
    expect(parseDecisionFilter('', DISTRICTS, { categories: ['penalty'] }).filter.categories).toEqual(['penalty']);
  });
  it('drops what it does not understand, with a warning each, and swaps a reversed range', () => {
    const { filter, warnings } = parseDecisionFilter('category=penalty,fines&district=110101&party=alien&sort=loud&page=0&x=1&from=2026-06-01&to=2026-01-01', DISTRICTS);
    expect(filter).toEqual(f({ categories: ['penalty'], from: '2026-01-01', to: '2026-06-01' }));
    expect(warnings).toHaveLength(7);
  });
  it('describes the filter in words', () => {
    expect(describeDecisionFilter(f({ categories: ['penalty'], parties: ['person'], q: '占地' }), (c) => c)).toBe('行政处罚 · 当事人为自然人 · 含“占地”');
  });
  it('round-trips the compact index and refuses one it does not know', () => {
    const index = encodeDecisionIndex(ROWS, [['city', '全市'], ['230202', '龙沙区'], ['230203', '建华区']], '2026-12-01');
    expect(decodeDecisionIndex(JSON.parse(JSON.stringify(index))).rows).toEqual(ROWS.map((r) => ({ ...r, docNo: r.docNo, fineYuan: r.fineYuan, sample: false })));
    expect(() => decodeDecisionIndex({ v: 9 })).toThrow(/格式不认识/);
    expect(() => decodeDecisionIndex({ v: 1, districts: [], rows: [['a', 99]] })).toThrow(/行不完整/);
  });
});

describe('the party as published, per party type', () => {
  it('an organisation with its code and 法定代表人; a 个体工商户 without a representative; a natural person by masked name only', () => {
    expect(partyLines({ type: '法人或其他组织', name: '示例公司', creditCode: '91230203MA1BX6Q414', legalRepresentative: '赵某' })).toEqual(['示例公司（法人或其他组织）', '统一社会信用代码：91230203MA1BX6Q414', '法定代表人：赵某']);
    expect(partyLines({ type: '个体工商户', name: '李某', creditCode: '92230202MA1C0D5U7M' })).toEqual(['李某（个体工商户）', '统一社会信用代码：92230202MA1C0D5U7M']);
    expect(partyLines({ type: '自然人', name: '张某' })).toEqual(['张某（自然人）']);
  });
});
