/**
 * How long a submission's personal data is kept (个人信息保护法 Art 19: the
 * shortest time the purpose needs), and the date the route stores as
 * `retainUntil`; `npm run submissions:purge` removes it after that date.
 *
 * The period is configured in data/site.yaml under `submissions.retention`
 * (years per kind, validated with its defaults by src/schema/site.ts; why one
 * year: docs/submissions.md §Retention), and the forms state it.
 */
import { addDays } from '../lib/dates.ts';
import type { Site } from '../schema/site.ts';
import type { SubmissionFormKind } from '../schema/submission.ts';

export type Retention = Readonly<Record<SubmissionFormKind, number>>;

/** The retention site.yaml configures (`submissions.retention`, years per kind; its defaults are the schema's, src/schema/site.ts). */
export function retentionOf(site: Pick<Site, 'submissions'>): Retention {
  return site.submissions.retention;
}

/** The last day personal data is kept: `years` after the day of receipt (29 February → 28 February). */
export function retainUntil(receivedOn: string, years: number): string {
  const y = Number(receivedOn.slice(0, 4)) + years;
  const md = receivedOn.slice(5);
  const candidate = `${y}-${md}`;
  // 2028-02-29 + 1 year: no such day; the day before 1 March.
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? addDays(`${y}-03-01`, -1) : candidate;
}
