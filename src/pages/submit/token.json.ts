/**
 * /submit/token.json?form=opinion&notice=<id> (request-time): a fresh form
 * token for the opinion form on a static notice page, fetched by its script
 * (src/client/submission-form.ts). Only for a notice that takes opinions
 * today; never cached.
 */
import type { APIRoute } from 'astro';
import { site, opinionNotices, holidayYears } from 'virtual:geoportal/build-data';
import { todayInShanghai } from '../../lib/dates.ts';
import { takesOpinions } from '../../lib/opinions.ts';
import { issueFormToken } from '../../submissions/form-token.ts';
import { submissionContext } from '../../submissions/runtime.ts';

export const prerender = false;

const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

export const GET: APIRoute = ({ url }) => {
  const ctx = submissionContext({ site, opinionNotices, holidayYears }, 'opinion', url);
  const form = url.searchParams.get('form');
  if (form === 'application') return json({ token: issueFormToken(ctx.key, 'application') }, 200);
  const id = url.searchParams.get('notice') ?? '';
  const notice = Object.hasOwn(opinionNotices, id) ? opinionNotices[id] : undefined;
  if (form !== 'opinion' || !notice) return json({ status: 404, error: '没有找到这条征求意见的公示' }, 404);
  if (!takesOpinions(notice, notice.superseded, todayInShanghai())) return json({ status: 409, error: '本公示的意见反馈已截止' }, 409);
  return json({ token: issueFormToken(ctx.key, `opinion:${notice.id}`) }, 200);
};
