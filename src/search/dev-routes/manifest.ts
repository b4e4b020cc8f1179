/** The search index manifest: which version directory and how many shards (src/search/format.ts). */
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/responses.ts';
import { getSearchIndex } from '../site-index.ts';

export const GET: APIRoute = async () => jsonResponse((await getSearchIndex()).manifest);
