/**
 * How long a 事后公开 decision stays on the lists, feeds, map and search
 * (data/display-periods.yaml, src/schema/enforcement-column.ts): a record's
 * own `displayUntil` wins; else the rule for its category and party type,
 * else the category's rule, else the default. The published view reads it
 * once per record (src/data/published.ts); nothing else decides expiry.
 */
import type { DisplayPeriods, EnforcementRecord } from '../schema/index.ts';
import { decisionCategories } from '../schema/enforcement.ts';
import { addDays } from './dates.ts';

export type DisplayWindow = {
  /** The last day on the lists (inclusive). */
  until: string;
  /** Where `until` comes from, in words for the page. */
  basis: string;
};

/** The day `months` calendar months after `iso`, clamped to the month's end (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

type Decision = Pick<EnforcementRecord, 'stage' | 'category' | 'party' | 'decisionDate' | 'displayUntil'>;

/** The display window of a record; undefined when it never leaves the lists by age. */
export function displayWindow(r: Decision, periods: DisplayPeriods | undefined): DisplayWindow | undefined {
  if (r.displayUntil) return { until: r.displayUntil, basis: '本决定载明的公示截止日期' };
  if (!periods || r.stage !== '事后公开' || !r.decisionDate || !(decisionCategories as readonly string[]).includes(r.category)) return undefined;
  const partyType = r.party?.type;
  const rule = periods.rules.find((p) => p.category === r.category && p.partyType === partyType) ?? periods.rules.find((p) => p.category === r.category && p.partyType === undefined);
  const months = rule?.months ?? periods.defaultMonths;
  if (months === undefined) return undefined;
  const who = rule?.partyType ? `当事人为${rule.partyType}的` : '';
  // The period runs from the decision day: N months later is the first day off the lists.
  return { until: addDays(addMonths(r.decisionDate, months), -1), basis: `${periods.source}：${who}${r.category}决定自作出之日起公示 ${months} 个月` };
}
