/**
 * The notices that take opinions, as the build publishes them for the
 * request-time opinion route (virtual:geoportal/build-data): each published
 * planning notice with a feedback section, its window by the same rule as its
 * page (src/lib/opinions.ts), and whether it is superseded. A withdrawn notice
 * is not in the published view, so it is not here and takes no opinion.
 */
import type { PublishedView } from '../data/index.ts';
import { opinionWindow, takesOpinions } from '../lib/opinions.ts';
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

/**
 * The notice a post to the opinion route succeeds for on `today`, by the
 * server's own rule (takesOpinions): of those, the one whose window ends last.
 * For the audit, the browser tests and the load benches; none when the data
 * has no 批前公示 taking opinions that day.
 */
export function openOpinionNotice(view: Pick<PublishedView, 'noticesByKind' | 'statusRule'>, today: string): OpinionNotice | undefined {
  return Object.values(opinionNoticesOf(view))
    .filter((n) => takesOpinions(n, n.superseded, today))
    .sort((a, b) => b.end.localeCompare(a.end) || a.id.localeCompare(b.id))[0];
}
