/** /notices/<kind>/feed.xml: the newest notices of a kind (Atom 1.0). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import { noticeKindNames, noticeKinds, type NoticeKind } from '../../../schema/index.ts';
import { feedResponse } from '../../../lib/notice-feed-response.ts';
import { urls } from '../../../lib/urls.ts';

export const getStaticPaths = (() => noticeKinds.map((kind) => ({ params: { kind }, props: { kind } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kind: NoticeKind }> = async ({ props, site }) => {
  const view = await getPublishedView();
  const { kind } = props;
  return feedResponse(view, { title: noticeKindNames[kind], self: urls.noticeKindFeed(kind), alternate: urls.noticeKind(kind) }, view.noticesByKind[kind], site, (g) => g.kind === kind);
};
