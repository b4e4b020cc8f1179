import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView, type AttachmentLink } from '../../data/index.ts';
import type { EnforcementRecord } from '../../schema/index.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { urls } from '../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const view = await getPublishedView();
  return view.enforcement.map((record) => ({ params: { id: record.id }, props: { record, attachments: view.attachmentsOf(record.attachments) } }));
}) satisfies GetStaticPaths;

/** The record as validated, plus its page URL; attachments with their format and size as published. */
export const GET: APIRoute<{ record: EnforcementRecord; attachments: AttachmentLink[] }> = ({ props }) =>
  jsonResponse({ ...props.record, attachments: props.attachments, url: urls.enforcementRecord(props.record) });
