/** The Response of a notice feed endpoint: the Atom document, its media type. */
import type { GoneRecord, PublishedView } from '../data/published.ts';
import type { Notice } from '../schema/index.ts';
import { atomXml } from './atom.ts';
import { todayInShanghai } from './dates.ts';
import { noticeFeed, type FeedScope } from './notice-feed.ts';

/** `inScope` picks the withdrawn notices that belong to this feed (all, a kind, a district). */
export function feedResponse(view: PublishedView, scope: FeedScope, notices: readonly Notice[], site: URL | undefined, inScope: (g: NonNullable<GoneRecord['notice']>) => boolean = () => true): Response {
  const origin = site?.origin ?? `https://${view.site.domain}`;
  const feed = noticeFeed(scope, notices, (n) => view.statusRule(n), { origin, today: todayInShanghai(), author: view.site.bureauName, sample: notices.some((n) => n.sample), supersededOn: (n) => view.supersession(n)?.date, withdrawn: view.gone.filter((g) => g.notice && inScope(g.notice)) });
  return new Response(atomXml(feed), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
