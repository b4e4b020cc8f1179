/** /enforcement/decisions/index.json: the compact index of the listed decisions for the lists' instant filter (src/lib/decision-filter.ts). */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import { encodeDecisionIndex } from '../../../lib/decision-filter.ts';
import { decisionDistricts, decisionRows } from '../../../lib/enforcement-pages.ts';
import { jsonResponse } from '../../../lib/responses.ts';

export const GET: APIRoute = async () => {
  const view = await getPublishedView();
  return jsonResponse(encodeDecisionIndex(decisionRows(view), decisionDistricts(view), view.today));
};
