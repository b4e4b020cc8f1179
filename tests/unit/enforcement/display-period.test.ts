/**
 * Display periods (data/display-periods.yaml): expiry is decided once, in the
 * published view; an expired decision leaves the lists, the feed, the map and
 * search, and keeps its page, marked 已过公示期. A withdrawn one leaves
 * everything and answers 410.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../../src/data/load.ts';
import { publishedView } from '../../../src/data/published.ts';
import { displayPeriodsSchema, type DisplayPeriods } from '../../../src/schema/index.ts';
import { addMonths, displayWindow } from '../../../src/lib/display-period.ts';
import { decisionRows } from '../../../src/lib/enforcement-pages.ts';
import { decisionFeed } from '../../../src/lib/decision-feed.ts';
import { mapCollections } from '../../../src/lib/collections.ts';
import { searchDocuments } from '../../../src/search/documents.ts';
import { statusOf } from '../../../src/data/status.ts';
import { urls } from '../../../src/lib/urls.ts';

const PERIODS: DisplayPeriods = displayPeriodsSchema.parse({
  source: '测试细则',
  defaultMonths: 36,
  rules: [
    { category: '行政处罚', partyType: '自然人', months: 24 },
    { category: '行政处罚', months: 36 },
    { category: '行政检查', months: 12 },
  ],
});

async function fixture(): Promise<Dataset> {
  const { dataset } = await loadDataset('tests/fixtures/minimal');
  return { ...dataset!, displayPeriods: PERIODS };
}

describe('displayWindow', () => {
  const penalty = { stage: '事后公开' as const, category: '行政处罚', decisionDate: '2026-01-31', party: { type: '自然人' as const, name: '张某' } };
  it('takes the rule for the category and party type, then the category, then the default', () => {
    expect(displayWindow(penalty, PERIODS)).toEqual({ until: '2028-01-30', basis: '测试细则：当事人为自然人的行政处罚决定自作出之日起公示 24 个月' });
    expect(displayWindow({ ...penalty, party: { type: '法人或其他组织', name: '某公司' } }, PERIODS)?.until).toBe('2029-01-30');
    expect(displayWindow({ ...penalty, category: '行政检查' }, PERIODS)?.until).toBe('2027-01-30');
    expect(displayWindow({ ...penalty, category: '行政许可' }, PERIODS)?.until).toBe('2029-01-30');
  });
  it('lets a record’s own displayUntil win, and never expires without a rule, a file or a decision', () => {
    expect(displayWindow({ ...penalty, displayUntil: '2026-06-30' }, PERIODS)).toEqual({ until: '2026-06-30', basis: '本决定载明的公示截止日期' });
    expect(displayWindow(penalty, undefined)).toBeUndefined();
    expect(displayWindow({ ...penalty, category: '行政许可' }, { ...PERIODS, defaultMonths: undefined })).toBeUndefined();
    expect(displayWindow({ stage: '事前公开', category: '权责清单' }, PERIODS)).toBeUndefined();
  });
  it('adds calendar months, clamped to the month’s end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
  });
  it('the schema refuses a duplicate rule, a party type it does not know and a period that is not whole months', () => {
    const bad = displayPeriodsSchema.safeParse({ source: 'x', rules: [{ category: '行政处罚', months: 12 }, { category: '行政处罚', months: 24 }, { category: '行政处罚', partyType: '个人', months: 1.5 }] });
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['rules.2.partyType: 当事人类型应为 法人或其他组织、个体工商户、自然人 之一', 'rules.2.months: 公示期应为整月数']);
    expect(displayPeriodsSchema.safeParse({ source: 'x', rules: [{ category: '行政处罚', months: 12 }, { category: '行政处罚', months: 24 }] }).error!.issues[0]!.message).toBe('与第 1 条规则重复（行政处罚）');
  });
});

describe('the published view decides expiry', () => {
  it('keeps a decision within its period on the lists, feed, map and search', async () => {
    const v = publishedView(await fixture(), { today: '2027-11-10' });
    const [penalty] = v.enforcement.filter((r) => r.category === '行政处罚');
    expect(v.enforcementDisplay(penalty!)).toEqual({ window: expect.objectContaining({ until: '2028-11-09' }), expired: false });
    expect(v.enforcementListed).toContain(penalty);
    expect(statusOf(v.statusRule(penalty!), v.today)).toBe('open');
  });
  it('takes an expired decision off the lists, feed, map and search, and keeps its page, marked', async () => {
    // 张某 (自然人), decided 2026-11-10: 24 months, the last day on the lists 2028-11-09.
    const v = publishedView(await fixture(), { today: '2028-11-10' });
    const penalty = v.enforcement.find((r) => r.category === '行政处罚')!;
    expect(v.enforcementDisplay(penalty).expired).toBe(true);
    expect(v.enforcementListed).not.toContain(penalty);
    expect(decisionRows(v).map((r) => r.id)).not.toContain(penalty.id);
    expect(decisionFeed(v, 'https://example.test').entries.map((e) => e.id)).not.toContain(`https://example.test${urls.enforcementRecord(penalty)}`);
    expect(mapCollections(v).find((c) => c.name === 'enforcement')!.features.map((f) => f.id)).not.toContain(penalty.id);
    expect(searchDocuments(v).map((d) => d.url)).not.toContain(urls.enforcementRecord(penalty));
    // The page stays: the record is published and read as ended (已过公示期); the sitemap no longer offers it.
    expect(v.enforcementRecord(penalty.id)).toBe(penalty);
    expect(v.sitemap.map((p) => p.path)).not.toContain(urls.enforcementRecord(penalty));
    expect(statusOf(v.statusRule(penalty), v.today)).toBe('ended');
    expect(v.gone).toEqual([]);
  });
  it('lists a withdrawn decision nowhere and answers 410 for its page and twins, with the reason', async () => {
    const d = await fixture();
    const [first, ...rest] = d.enforcement;
    const v = publishedView({ ...d, enforcement: [{ ...first!, status: { state: 'withdrawn', date: '2026-11-20', reason: '复议决定撤销原处罚决定' } }, ...rest] }, { today: '2026-12-01' });
    expect(v.enforcement.map((r) => r.id)).not.toContain(first!.id);
    expect(decisionRows(v).map((r) => r.id)).not.toContain(first!.id);
    expect(v.gone).toEqual([expect.objectContaining({ column: 'enforcement', page: urls.enforcementRecord(first!), json: [`/enforcement/${first!.id}.json`, `/enforcement/${first!.id}.geojson`], reason: '复议决定撤销原处罚决定' })]);
  });
});
