/** src/lib/red-filter.ts: facets, the match, and the list page's URL grammar (docs/red-filters.md). */
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, describeFilter, formatRedFilter, matchingIds, parseRedFilter, siteFacets, type SiteFacets } from '../../../src/lib/red-filter.ts';
import { redSiteSchema } from '../../../src/schema/red.ts';
import { FILES, fixture } from '../schema/helpers.ts';

const memorial = siteFacets(redSiteSchema.parse(fixture(FILES.redSite)), '230202');
const ruin = siteFacets(redSiteSchema.parse(fixture(FILES.redSite2)), '230224');
const sites: SiteFacets[] = [memorial, ruin];
const noHolidays = () => false;
const codes = ['230202', '230224'];

describe('facets', () => {
  it('reads categories, base levels, stages, fee and booking from the record', () => {
    expect(memorial).toMatchObject({ id: 'longsha-memorial', categories: ['hall', 'base'], baseLevels: ['city'], district: '230202', stages: ['primary', 'junior'], free: true, booking: 'groups' });
    expect(ruin).toMatchObject({ categories: ['heritage'], baseLevels: [], stages: ['senior'], booking: 'none' });
  });
});

describe('matches', () => {
  it('ORs values within a facet and ANDs the facets', () => {
    expect(matchingIds(sites, { ...EMPTY_FILTER, categories: ['hall', 'heritage'] }, noHolidays)).toEqual(['longsha-memorial', 'tailai-battlefield']);
    expect(matchingIds(sites, { ...EMPTY_FILTER, categories: ['hall', 'heritage'], stages: ['senior'] }, noHolidays)).toEqual(['tailai-battlefield']);
    expect(matchingIds(sites, { ...EMPTY_FILTER, booking: ['none'] }, noHolidays)).toEqual(['tailai-battlefield']);
    expect(matchingIds(sites, EMPTY_FILTER, noHolidays)).toHaveLength(2);
  });
  it('narrows bases by level, and a level alone means bases of that level', () => {
    expect(matchingIds(sites, { ...EMPTY_FILTER, levels: ['city'] }, noHolidays)).toEqual(['longsha-memorial']);
    expect(matchingIds(sites, { ...EMPTY_FILTER, levels: ['national'] }, noHolidays)).toEqual([]);
    expect(matchingIds(sites, { ...EMPTY_FILTER, categories: ['heritage'], levels: ['national'] }, noHolidays)).toEqual(['tailai-battlefield']);
  });
  it('open on a date: weekly rule, holiday rule, closed dates', () => {
    // 2026-11-16 is a Monday: the memorial (Tu-Su) is closed, unless the Monday is a 法定节假日.
    expect(matchingIds(sites, { ...EMPTY_FILTER, open: '2026-11-16' }, noHolidays)).toEqual(['tailai-battlefield']);
    expect(matchingIds(sites, { ...EMPTY_FILTER, open: '2026-11-16' }, () => true)).toEqual(['longsha-memorial', 'tailai-battlefield']);
    expect(matchingIds(sites, { ...EMPTY_FILTER, open: '2026-12-29' }, noHolidays)).toEqual(['tailai-battlefield']);
    // A year the page's calendar does not cover reads as an ordinary day.
    expect(matchingIds(sites, { ...EMPTY_FILTER, open: '2030-06-04' }, () => undefined)).toHaveLength(2);
  });
});

describe('URL grammar', () => {
  it('round-trips the canonical form', () => {
    const q = 'cat=hall,base&level=national,city&district=230202&stage=primary,senior&free=1&booking=none,groups&open=2026-05-01';
    const { filter, warnings } = parseRedFilter(`?${q}`, codes);
    expect(warnings).toEqual([]);
    expect(formatRedFilter(filter)).toBe(q);
    expect(formatRedFilter(EMPTY_FILTER)).toBe('');
  });
  it('canonicalises order and duplicates, and adds base for a level', () => {
    const { filter } = parseRedFilter('stage=senior,primary,senior&level=city', codes);
    expect(formatRedFilter(filter)).toBe('cat=base&level=city&stage=primary,senior');
  });
  it('drops what it does not understand, with a warning each, and keeps the rest', () => {
    const { filter, warnings } = parseRedFilter('cat=hall,museum&district=110101&free=yes&open=2026-02-30&colour=red&cat=base', codes);
    expect(filter).toEqual({ ...EMPTY_FILTER, categories: ['hall'] });
    expect(warnings).toEqual([
      'cat 出现了多次，只读第一个',
      'colour：不是筛选参数，已忽略',
      'cat=museum：不认识的取值，已忽略',
      'district=110101：不认识的取值，已忽略',
      'free=yes：只能是 1，已忽略',
      'open=2026-02-30：日期应写作 YYYY-MM-DD，已忽略',
    ]);
  });
  it('describes a filter in words', () => {
    const { filter } = parseRedFilter('level=national&district=230202&stage=junior&free=1&open=2026-05-01', codes);
    expect(describeFilter(filter, (c) => (c === '230202' ? '龙沙区' : c))).toBe('爱国主义教育基地（全国） · 龙沙区 · 适合初中 · 免费 · 5月1日（2026年）开放');
  });
});
