/** /enforcement/statistics/<year>/<breakdown>.csv: one breakdown of a year's report, for Excel (src/lib/enforcement-statistics.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../../data/index.ts';
import type { EnforcementReport } from '../../../../schema/index.ts';
import { BREAKDOWNS, breakdown, breakdownCsv, type Breakdown } from '../../../../lib/enforcement-statistics.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.enforcementReports.flatMap((report) => BREAKDOWNS.map((by) => ({ params: { year: String(report.year), breakdown: by }, props: { report, by } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { report, by } = props as { report: EnforcementReport; by: Breakdown };
  const view = await getPublishedView();
  const csv = breakdownCsv(breakdown(report, by, view.boundaries.features.map((f) => f.properties.name)), by);
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
