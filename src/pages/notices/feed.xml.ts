/** /notices/feed.xml: the newest notices of every kind (Atom 1.0). */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { feedResponse } from '../../lib/notice-feed-response.ts';
import { urls } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const view = await getPublishedView();
  return feedResponse(view, { title: '公示公告', self: urls.noticesFeed, alternate: urls.notices }, view.notices, site);
};
