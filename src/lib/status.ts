/**
 * A notice's state for the reader. Pages render it at build time; because
 * a period ends after the build, a small script recomputes it in the
 * reader's browser from the same rule (src/scripts/live-status.ts).
 */
import type { Period, PublicationState } from '../schema/index.ts';

export type StatusKey = 'withdrawn' | 'superseded' | 'upcoming' | 'open' | 'ended' | 'published';

export const statusLabels: Record<StatusKey, string> = {
  withdrawn: '已撤回',
  superseded: '已被替代',
  upcoming: '未开始',
  open: '公示中',
  ended: '已结束',
  published: '已发布',
};

/** The rule, on ISO dates in Asia/Shanghai. */
export function statusOf(state: PublicationState, period: Pick<Period, 'start' | 'end'> | undefined, today: string): StatusKey {
  if (state.state === 'withdrawn') return 'withdrawn';
  if (state.state === 'superseded') return 'superseded';
  if (!period) return 'published';
  if (today < period.start) return 'upcoming';
  if (today > period.end) return 'ended';
  return 'open';
}
