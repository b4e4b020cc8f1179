/**
 * How long a submission's personal data is kept (个人信息保护法 Art 19: the
 * shortest time the purpose needs), and the date the route stores as
 * `retainUntil`; `npm run submissions:purge` removes it after that date.
 *
 * The period is configured in data/site.yaml under `submissions.retention`
 * (the store's schema key: years per kind, e.g. `{ opinion: 3, application: 3 }`).
 * Until the site configures it, the defaults below apply, and the forms state
 * whichever period applies.
 */
import { addDays } from '../lib/dates.ts';
import type { SubmissionFormKind } from '../schema/submission.ts';

export type Retention = Readonly<Record<SubmissionFormKind, number>>;

/**
 * Defaults, in whole years after receipt: long enough for the reply and for
 * 行政复议 (60 days) and 行政诉讼 (6 months) against the decision it informed,
 * and for the bureau's yearly 政府信息公开工作年度报告 (条例 Art 49–50).
 */
export const DEFAULT_RETENTION: Retention = { opinion: 3, application: 3 };

/** The retention a site configures, else the default, per kind. */
export function retentionOf(site: unknown): Retention {
  const configured = (site as { submissions?: { retention?: Partial<Record<SubmissionFormKind, unknown>> } } | undefined)?.submissions?.retention;
  const years = (kind: SubmissionFormKind): number => {
    const v = configured?.[kind];
    return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 30 ? v : DEFAULT_RETENTION[kind];
  };
  return { opinion: years('opinion'), application: years('application') };
}

/** The last day personal data is kept: `years` after the day of receipt (29 February → 28 February). */
export function retainUntil(receivedOn: string, years: number): string {
  const y = Number(receivedOn.slice(0, 4)) + years;
  const md = receivedOn.slice(5);
  const candidate = `${y}-${md}`;
  // 2028-02-29 + 1 year: no such day; the day before 1 March.
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? addDays(`${y}-03-01`, -1) : candidate;
}
