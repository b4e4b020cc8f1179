import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../data/index.ts';
import type { EnforcementRecord } from '../../schema/index.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { urls } from '../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const { enforcement } = await getDataset();
  return enforcement.filter((r) => r.status.state !== 'withdrawn').map((record) => ({ params: { id: record.id }, props: { record } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: EnforcementRecord }> = ({ props }) => jsonResponse({ ...props.record, url: urls.enforcementRecord(props.record) });
