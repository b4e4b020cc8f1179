/**
 * The DOM pieces both instant list filters redraw (the notices,
 * ./notice-filters.ts; the enforcement decisions, ./decision-filters.ts):
 * an element with attributes and text, the pager of
 * src/components/Pager.astro with links in the list's URL grammar, and the
 * facet counts in the filter form.
 */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Redraws the pager into `container`: `hrefOf(p)` is page p's URL. Nothing when there is one page. */
export function renderPager(container: HTMLElement, page: number, total: number, hrefOf: (p: number) => string): void {
  container.replaceChildren();
  if (total <= 1) return;
  const nav = el('nav', { class: 'pager', 'aria-label': '分页' });
  const ul = el('ul', { class: 'links-inline' });
  const link = (p: number, text: string, rel?: string) => {
    const li = el('li');
    li.append(el('a', { href: hrefOf(p), 'data-page': String(p), ...(rel ? { rel } : {}) }, text));
    return li;
  };
  if (page > 1) ul.append(link(page - 1, '上一页', 'prev'));
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, total])].filter((p) => p >= 1 && p <= total).sort((a, b) => a - b);
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1]! > 1) ul.append(el('li', { 'aria-hidden': 'true' }, '…'));
    if (p === page) {
      const li = el('li');
      const cur = el('span', { 'aria-current': 'page' });
      cur.append(el('strong', {}, `第 ${p} 页`));
      li.append(cur);
      ul.append(li);
    } else ul.append(link(p, `第 ${p} 页`));
  });
  if (page < total) ul.append(link(page + 1, '下一页', 'next'));
  nav.append(ul, el('p', { class: 'meta' }, `共 ${total} 页`));
  container.append(nav);
}

/**
 * Writes the counts per facet value into the form: `data-count="facet:value"`
 * spans take （n）, `data-count-option="facet:value"` options their label
 * followed by （n）.
 */
export function showFacetCounts(form: HTMLElement, counts: Readonly<Record<string, Readonly<Record<string, number>>>>): void {
  for (const span of form.querySelectorAll<HTMLElement>('[data-count]')) {
    const [facet, value] = span.dataset['count']!.split(/:(.*)/) as [string, string];
    span.textContent = `（${counts[facet]?.[value] ?? 0}）`;
  }
  for (const option of form.querySelectorAll<HTMLOptionElement>('[data-count-option]')) {
    const [facet, value] = option.dataset['countOption']!.split(/:(.*)/) as [string, string];
    option.dataset['label'] ??= option.textContent ?? '';
    option.textContent = `${option.dataset['label']}（${counts[facet]?.[value] ?? 0}）`;
  }
}
