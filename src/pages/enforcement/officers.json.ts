/** /enforcement/officers.json: the 执法人员 roster for the verification page (src/lib/officers.ts reads it). */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { rosterDocument } from '../../lib/roster.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const GET: APIRoute = async () => {
  const view = await getPublishedView();
  return jsonResponse(rosterDocument(view.officers, view.today));
};
