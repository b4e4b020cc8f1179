/**
 * The plan of this browser tab, so that a link from a site page
 * (加入研学计划, /planner/?p=<id>) or a route page (以此线路为起点) can be
 * added to the plan the teacher was building instead of replacing it. The
 * plan lives in the URL; the tab's sessionStorage only remembers the last
 * query string the page wrote (nothing leaves the browser, and it ends
 * with the tab). The page offers the merge and never makes it by itself.
 */
import { MAX_STOPS, type Plan } from '../../planner/model.ts';
import { formatPlanQuery } from '../../planner/url.ts';

export const SESSION_KEY = 'geoportal.planner.last';

export interface MergeOffer {
  /** The earlier plan with the link's new stops after its own. */
  plan: Plan;
  /** Site ids the link brings that the earlier plan did not have (and that fit). */
  added: string[];
}

/**
 * What to offer when the page opens on `current` and the tab last held
 * `last`: nothing when there was no earlier plan with stops, or the link is
 * that plan (a reload); otherwise the earlier plan, its settings kept, with
 * the link's stops appended (each site once, at most MAX_STOPS).
 */
export function mergeOffer(current: Plan, last: Plan | null): MergeOffer | null {
  if (!last || last.stops.length === 0 || formatPlanQuery(current) === formatPlanQuery(last)) return null;
  const have = new Set(last.stops.map((s) => s.siteId));
  const fresh = current.stops.filter((s) => !have.has(s.siteId)).slice(0, Math.max(0, MAX_STOPS - last.stops.length));
  return { plan: { ...last, stops: [...last.stops, ...fresh] }, added: fresh.map((s) => s.siteId) };
}

/** The tab's last plan query; '' when storage is unavailable (private mode) or empty. */
export function readLast(storage: Pick<Storage, 'getItem'> | undefined): string {
  try {
    return storage?.getItem(SESSION_KEY) ?? '';
  } catch {
    return '';
  }
}

export function writeLast(storage: Pick<Storage, 'setItem'> | undefined, query: string): void {
  try {
    storage?.setItem(SESSION_KEY, query);
  } catch {
    // Storage full or refused: the merge offer is a convenience, the URL keeps the plan.
  }
}
