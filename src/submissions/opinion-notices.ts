/**
 * The notices that take opinions, as the build publishes them for the
 * request-time opinion route (virtual:geoportal/build-data): each published
 * planning notice with a feedback section, its window by the same rule as its
 * page (src/lib/opinions.ts), and whether it is superseded. A withdrawn notice
 * is not in the published view, so it is not here and takes no opinion.
 */
import type { PublishedView } from '../data/index.ts';
import { opinionWindow } from '../lib/opinions.ts';
import { urls } from '../lib/urls.ts';
import type { OpinionNotice } from './handle.ts';

export function opinionNoticesOf(view: Pick<PublishedView, 'noticesByKind' | 'statusRule'>): Record<string, OpinionNotice> {
  const out: Record<string, OpinionNotice> = {};
  for (const n of view.noticesByKind.planning) {
    if (n.kind !== 'planning' || !n.feedback) continue;
    out[n.id] = { id: n.id, title: n.title, ...(n.docNo ? { docNo: n.docNo } : {}), url: urls.notice(n), ...opinionWindow({ ...n, feedback: n.feedback }), superseded: view.statusRule(n).superseded };
  }
  return out;
}
