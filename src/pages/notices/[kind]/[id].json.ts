import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView, type AttachmentLink } from '../../../data/index.ts';
import type { Notice } from '../../../schema/index.ts';
import { jsonResponse } from '../../../lib/responses.ts';
import { urls } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.notices.map((n) => ({ params: { kind: n.kind, id: n.id }, props: { notice: n, attachments: view.attachmentsOf(n.attachments) } }));
}) satisfies GetStaticPaths;

/** The record as validated, plus its page URL; attachments with their format and size as published. */
export const GET: APIRoute<{ notice: Notice; attachments: AttachmentLink[] }> = ({ props }) =>
  jsonResponse({ ...props.notice, attachments: props.attachments, url: urls.notice(props.notice) });
