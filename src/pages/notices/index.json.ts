/** /notices/index.json: the compact index of every notice for the lists' instant filter (src/lib/notice-index.ts). */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../../data/index.ts';
import { todayInShanghai } from '../../lib/dates.ts';
import { districtTable, encodeIndex, noticeRows } from '../../lib/notice-index.ts';
import { jsonResponse } from '../../lib/responses.ts';

export const GET: APIRoute = async () => {
  const view = await getPublishedView();
  return jsonResponse(encodeIndex(noticeRows(view), districtTable(view), todayInShanghai()));
};
