import type { APIRoute } from 'astro';
import { getPublishedView } from '../data/index.ts';
import { parcelDocument } from '../data/parcels.ts';
import { jsonResponse } from '../lib/responses.ts';

/** The twin of /parcels/: every parcel with its records. */
export const GET: APIRoute = async () => {
  const view = await getPublishedView();
  return jsonResponse({ parcels: view.parcels.map((p) => parcelDocument(p, (n) => view.statusRule(n))) });
};
