/**
 * A published record's status for a reader on a given day. The published
 * view (published.ts) gives every record its StatusRule once per build;
 * pages render it for the build date, and the browser (src/client/page.ts,
 * the search client) and the server re-read the same rule for today,
 * because a 公示期 ends after the build.
 *
 * Pure and dependency-free: it ships to the browser.
 */

export const statusKeys = ['superseded', 'upcoming', 'open', 'ended', 'published'] as const;
export type StatusKey = (typeof statusKeys)[number];

/** Labels of the statuses, plus 已撤回 for records that are gone (410). */
export const statusLabels: Record<StatusKey | 'withdrawn', string> = {
  withdrawn: '已撤回',
  superseded: '已被替代',
  upcoming: '未开始',
  open: '公示中',
  ended: '已结束',
  published: '已发布',
};

/**
 * What a record's status depends on. Dates are ISO strings (YYYY-MM-DD) or
 * day numbers; either way they compare in calendar order.
 */
export interface StatusRule<D extends string | number = string> {
  /** Superseded records stay published, marked, and point to their replacement. */
  superseded: boolean;
  /** The period (公示期, 公示截止) the status is read against; none: 已发布. */
  period?: { start: D; end: D } | undefined;
}

/** The rule, read on `today` (Asia/Shanghai). */
export function statusOf<D extends string | number>(rule: StatusRule<D>, today: D): StatusKey {
  if (rule.superseded) return 'superseded';
  if (!rule.period) return 'published';
  if (today < rule.period.start) return 'upcoming';
  if (today > rule.period.end) return 'ended';
  return 'open';
}
