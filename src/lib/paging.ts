/** Static pagination: page 1 at the column URL, page n at <column>page/<n>/. */
export const PAGE_SIZE = 20;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function pageSlice<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}

export function pageUrl(base: string, page: number): string {
  return page === 1 ? base : `${base}page/${page}/`;
}
