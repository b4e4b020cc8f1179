/** /enforcement/decisions/feed.xml: the newest listed decisions (Atom 1.0); decisions past their display period are not in it. */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import { atomXml } from '../../../lib/atom.ts';
import { decisionFeed } from '../../../lib/decision-feed.ts';

export const GET: APIRoute = async ({ site }) => {
  const view = await getPublishedView();
  return new Response(atomXml(decisionFeed(view, site?.origin ?? `https://${view.site.domain}`)), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
