import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import type { EnforcementRecord } from '../../schema/index.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { urls } from '../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const { enforcement } = await getPublishedView();
  return enforcement.map((record) => ({ params: { id: record.id }, props: { record } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: EnforcementRecord }> = ({ props }) => jsonResponse({ ...props.record, url: urls.enforcementRecord(props.record) });
