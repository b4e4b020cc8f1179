/**
 * The 行政执法统计年报's breakdowns (by category, month, district and result)
 * from its fact table (src/schema/enforcement-column.ts), their CSV files and
 * the geometry of their charts. Scales and ticks are d3-scale's, the month
 * trend's line is d3-shape's; the page (src/pages/enforcement/statistics/)
 * writes the SVG at build time, so the charts need no JavaScript.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { decisionCategories, statisticsResults, type EnforcementReport } from '../schema/index.ts';
import { csvDocument } from './csv.ts';

export type Breakdown = 'category' | 'month' | 'district' | 'result';
export const BREAKDOWNS: readonly Breakdown[] = ['category', 'month', 'district', 'result'];
export const BREAKDOWN_TITLES: Record<Breakdown, string> = { category: '按执法类别', month: '按月份', district: '按区县', result: '按办理结果' };
const KEY_HEADER: Record<Breakdown, string> = { category: '执法类别', month: '月份', district: '区县', result: '执法类别及结果' };

/** One line of a breakdown: what it is, the cases, and the amount (行政处罚 only). */
export type BreakdownRow = { key: string; label: string; cases: number; amountYuan: number };

/**
 * The report's rows grouped by one dimension, in a fixed order: categories
 * in the schema's order, months 1–12 (every month, zero included), districts
 * in the boundary file's order, results per category in the schema's order.
 */
export function breakdown(report: Pick<EnforcementReport, 'rows'>, by: Breakdown, districtOrder: readonly string[]): BreakdownRow[] {
  const keys: { key: string; label: string }[] =
    by === 'category' ? decisionCategories.map((c) => ({ key: c, label: c }))
    : by === 'month' ? Array.from({ length: 12 }, (_, i) => ({ key: String(i + 1), label: `${i + 1}月` }))
    : by === 'district' ? [...districtOrder, '全市'].map((d) => ({ key: d, label: d }))
    : decisionCategories.flatMap((c) => statisticsResults[c].map((r) => ({ key: `${c}|${r}`, label: `${c}·${r}` })));
  const keyOf = (r: EnforcementReport['rows'][number]) => (by === 'category' ? r.category : by === 'month' ? String(r.month) : by === 'district' ? r.district : `${r.category}|${r.result}`);
  const sums = new Map(keys.map((k) => [k.key, { cases: 0, amountYuan: 0 }]));
  for (const r of report.rows) {
    const s = sums.get(keyOf(r));
    if (!s) continue;
    s.cases += r.cases;
    s.amountYuan += r.amountYuan ?? 0;
  }
  const rows = keys.map((k) => ({ ...k, ...sums.get(k.key)! }));
  // Months show every month; the other breakdowns only what occurred.
  return by === 'month' ? rows : rows.filter((r) => r.cases > 0);
}

export const totalCases = (report: Pick<EnforcementReport, 'rows'>): number => report.rows.reduce((n, r) => n + r.cases, 0);
export const totalAmount = (report: Pick<EnforcementReport, 'rows'>): number => report.rows.reduce((n, r) => n + (r.amountYuan ?? 0), 0);

/** The CSV of a breakdown (UTF-8 with BOM, CRLF, formula-safe cells: the overlay's writer). */
export function breakdownCsv(rows: readonly BreakdownRow[], by: Breakdown): string {
  return csvDocument([KEY_HEADER[by], '件数', '罚没金额（元）'], rows.map((r) => [r.label, String(r.cases), r.amountYuan ? String(r.amountYuan) : '']));
}

// ---------------------------------------------------------------- charts ---

export type Bar = { label: string; value: number; x: number; y: number; width: number; height: number; labelX: number; labelY: number; valueX: number; valueY: number };
export type Tick = { value: number; x: number; y: number; label: string };
export type BarChart = { width: number; height: number; bars: Bar[]; ticks: Tick[]; axis: { x1: number; y1: number; x2: number; y2: number }; orientation: 'horizontal' | 'vertical'; trend?: string | undefined };

/** Horizontal bars (categories, districts, results): labels on the left, the count at each bar's end. */
export function horizontalBars(rows: readonly { label: string; value: number }[], width = 640): BarChart {
  const labelWidth = Math.min(220, Math.max(...rows.map((r) => r.label.length), 2) * 13 + 12);
  const rowHeight = 26;
  const top = 24;
  const height = top + rows.length * rowHeight + 8;
  const x = scaleLinear().domain([0, Math.max(1, ...rows.map((r) => r.value))]).nice().range([labelWidth, width - 48]);
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([top, top + rows.length * rowHeight]).paddingInner(0.25);
  const bars = rows.map((r, i) => {
    const by = y(i)!;
    return { label: r.label, value: r.value, x: labelWidth, y: by, width: Math.max(0, x(r.value) - labelWidth), height: y.bandwidth(), labelX: labelWidth - 6, labelY: by + y.bandwidth() / 2, valueX: x(r.value) + 4, valueY: by + y.bandwidth() / 2 };
  });
  const ticks = x.ticks(5).filter(Number.isInteger).map((v) => ({ value: v, x: x(v), y: top - 8, label: String(v) }));
  return { width, height, bars, ticks, axis: { x1: labelWidth, y1: top - 2, x2: labelWidth, y2: top + rows.length * rowHeight }, orientation: 'horizontal' };
}

/** Columns per month with the trend drawn through their tops (d3-shape). */
export function monthColumns(rows: readonly { label: string; value: number }[], width = 640, height = 260): BarChart {
  const left = 40;
  const bottom = height - 28;
  const top = 16;
  const x = scaleBand<number>().domain(rows.map((_, i) => i)).range([left, width - 8]).paddingInner(0.3).paddingOuter(0.15);
  const y = scaleLinear().domain([0, Math.max(1, ...rows.map((r) => r.value))]).nice().range([bottom, top]);
  const bars = rows.map((r, i) => {
    const bx = x(i)!;
    return { label: r.label, value: r.value, x: bx, y: y(r.value), width: x.bandwidth(), height: bottom - y(r.value), labelX: bx + x.bandwidth() / 2, labelY: bottom + 16, valueX: bx + x.bandwidth() / 2, valueY: y(r.value) - 4 };
  });
  const ticks = y.ticks(5).filter(Number.isInteger).map((v) => ({ value: v, x: left - 6, y: y(v), label: String(v) }));
  const trend = line<Bar>().x((b) => b.x + b.width / 2).y((b) => b.y)(bars) ?? undefined;
  return { width, height, bars, ticks, axis: { x1: left, y1: bottom, x2: width - 8, y2: bottom }, orientation: 'vertical', trend };
}
