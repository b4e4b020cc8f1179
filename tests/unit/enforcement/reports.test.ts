import { describe, expect, it } from 'vitest';
import { boundaryCollection, enforcementReportSchema, enforcementSchema, validateDataset, type EnforcementReport } from '../../../src/schema/index.ts';
import { breakdown, breakdownCsv, horizontalBars, monthColumns, totalCases } from '../../../src/lib/enforcement-statistics.ts';
import { FILES, fixture } from '../schema/helpers.ts';

const report = (): Record<string, any> => ({
  id: '2025',
  year: 2025,
  title: '2025年度行政执法统计年报',
  publishDate: '2026-01-20',
  authority: '齐齐哈尔市自然资源和规划局',
  summary: '示例',
  rows: [
    { category: '行政处罚', month: 3, district: '龙沙区', result: '罚款', cases: 2, amountYuan: 50000 },
    { category: '行政处罚', month: 7, district: '富拉尔基区', result: '限期拆除', cases: 1 },
    { category: '行政检查', month: 7, district: '龙沙区', result: '未发现问题', cases: 4 },
    { category: '行政许可', month: 12, district: '全市', result: '准予许可', cases: 3 },
  ],
  sample: true,
});
const boundaries = boundaryCollection.parse(fixture(FILES.boundaries));
const districts = boundaries.features.map((f) => f.properties.name);
const run = (today: string, reports: Record<string, any>[] | undefined, decisions: Record<string, any>[] = []) =>
  validateDataset({
    boundaries: { file: 'b', record: boundaries },
    redSites: [],
    redRoutes: [],
    notices: [],
    enforcement: decisions.map((d, i) => ({ file: `enforcement/${i}.yaml`, record: enforcementSchema.parse(d) })),
    reports: reports?.map((r) => ({ file: `data/enforcement/reports/${r.id}.yaml`, record: enforcementReportSchema.parse(r) })),
    reportsDir: 'data/enforcement/reports',
    today,
  });

describe('行政执法统计年报: the schema', () => {
  it('parses a year of figures', () => {
    expect(totalCases(enforcementReportSchema.parse(report()))).toBe(10);
  });
  it('refuses a result the category does not have, an amount outside 行政处罚, a repeated row and a month 13', () => {
    const r = report();
    r.rows.push({ category: '行政检查', month: 13, district: '龙沙区', result: '罚款', cases: 1, amountYuan: 5 }, { ...r.rows[0] });
    const messages = enforcementReportSchema.safeParse(r).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(['rows.4.month: 月份应为 1–12 的整数']);
    r.rows[4].month = 12;
    expect(enforcementReportSchema.safeParse(r).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'rows.4.result: 行政检查的结果应为 未发现问题、责令整改、移送立案 之一，不能是“罚款”',
      'rows.4.amountYuan: 罚没金额只用于行政处罚',
      'rows.5: 与第 1 行重复（行政处罚、3 月、龙沙区、罚款）：合并为一行',
    ]);
  });
  it('refuses an id that is not the year and a report published within its own year', () => {
    expect(enforcementReportSchema.safeParse({ ...report(), id: '2024' }).error!.issues[0]!.message).toBe('id 应与年度一致：“2025”');
    expect(enforcementReportSchema.safeParse({ ...report(), publishDate: '2025-12-31' }).error!.issues[0]!.message).toBe('2025 年的年报应在该年结束后发布');
  });
});

describe('行政执法统计年报: the check', () => {
  it('warns after 31 January when last year’s report is missing, and not before or when it is there', () => {
    const older = { ...report(), id: '2024', year: 2024, publishDate: '2025-01-20' };
    expect(run('2026-01-31', [older])).toEqual([]);
    expect(run('2026-02-01', [older])).toEqual([{ file: 'data/enforcement/reports/2025.yaml', field: 'year', reason: '2025 年的行政执法统计年报应于 2026-01-31 前公开，至今（2026-02-01）尚未发布：按 docs/data-format.md 9.3 节添加 2025.yaml', severity: 'warning' }]);
    expect(run('2026-02-01', [older, report()])).toEqual([]);
  });
  it('asks for it when last year had decisions, even with no report yet on file', () => {
    const decision = { ...fixture(FILES.penalty), decisionDate: '2025-11-10', publishDate: '2025-11-13' };
    expect(run('2026-03-01', [], [decision])[0]?.reason).toMatch(/2025 年的行政执法统计年报应于 2026-01-31 前公开/);
    expect(run('2026-03-01', undefined, [decision])).toEqual([]); // a caller that does not check reports
  });
  it('warns when the year’s published decisions outnumber the reported cases, and checks the districts', () => {
    const decision = (i: number) => ({ ...fixture(FILES.penalty), id: `p-${i}`, docNo: `齐自然资罚〔2025〕${i}号`, decisionDate: '2025-11-10', publishDate: '2025-11-13' });
    const r = report();
    r.rows[1].district = '朝阳区';
    const issues = run('2026-03-01', [r], [1, 2, 3, 4].map(decision));
    expect(issues.map((i) => `${i.severity} ${i.field}: ${i.reason}`)).toEqual([
      'error rows[1].district: 未知的行政区“朝阳区”，应为 ' + districts.join('、') + ' 或 全市',
      'warning rows: 2025 年行政处罚公开了 4 件决定，年报只统计了 3 件：年报应包括全部已作出的决定',
    ]);
  });
});

describe('breakdowns, CSV and chart geometry', () => {
  const r = enforcementReportSchema.parse(report()) as EnforcementReport;
  it('adds up to the same total in every breakdown; months are all twelve', () => {
    for (const by of ['category', 'month', 'district', 'result'] as const) expect(breakdown(r, by, districts).reduce((n, x) => n + x.cases, 0), by).toBe(10);
    expect(breakdown(r, 'month', districts)).toHaveLength(12);
    expect(breakdown(r, 'category', districts).map((x) => [x.label, x.cases, x.amountYuan])).toEqual([['行政处罚', 3, 50000], ['行政检查', 4, 0], ['行政许可', 3, 0]]);
    expect(breakdown(r, 'district', districts).map((x) => x.label)).toEqual(['龙沙区', '富拉尔基区', '全市']);
  });
  it('writes CSV for Excel: BOM, CRLF, Chinese headers, formula-safe cells', () => {
    const csv = breakdownCsv(breakdown(r, 'category', districts), 'category');
    expect(csv).toBe('\uFEFF执法类别,件数,罚没金额（元）\r\n行政处罚,3,50000\r\n行政检查,4,\r\n行政许可,3,\r\n');
    expect(breakdownCsv([{ key: 'x', label: '=HYPERLINK("x")', cases: 1, amountYuan: 0 }], 'result')).toContain(`"'=HYPERLINK(""x"")"`);
  });
  it('scales bars to the largest value on nice ticks, and a zero month to a zero-height column', () => {
    const bars = horizontalBars([{ label: '甲', value: 4 }, { label: '乙', value: 2 }], 640);
    expect(bars.bars[0]!.width).toBeCloseTo(2 * bars.bars[1]!.width);
    expect(bars.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
    const months = monthColumns(breakdown(r, 'month', districts).map((m) => ({ label: m.label, value: m.cases })));
    expect(months.bars[0]!.height).toBe(0);
    expect(months.bars[6]!.height).toBeGreaterThan(months.bars[2]!.height);
    expect(months.trend).toMatch(/^M[\d.]+,[\d.]+L/);
  });
});
