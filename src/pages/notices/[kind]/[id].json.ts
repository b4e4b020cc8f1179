import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../../data/index.ts';
import type { Notice } from '../../../schema/index.ts';
import { jsonResponse } from '../../../lib/responses.ts';
import { urls } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const { notices } = await getPublishedView();
  return notices.map((n) => ({ params: { kind: n.kind, id: n.id }, props: { notice: n } }));
}) satisfies GetStaticPaths;

/** The record as validated, plus its page URL. */
export const GET: APIRoute<{ notice: Notice }> = ({ props }) => jsonResponse({ ...props.notice, url: urls.notice(props.notice) });
