import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { jsonResponse } from '../../lib/responses.ts';
import { overlayBlocks } from '../../overlay/blocks.ts';

/** The blocks the 压覆查询 pre-check tests against (src/overlay/blocks.ts); fetched by the page only when there is an area. */
export const GET: APIRoute = async () => jsonResponse(overlayBlocks(await getPublishedView()), 'application/geo+json');
