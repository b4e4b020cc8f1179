/**
 * The search page. The URL holds the whole state (q, c, k, d, y, s, p; see
 * docs/search.md), so results can be bookmarked and shared and the back
 * button works. The search client and FlexSearch load on first use (focus
 * of the field or a query in the URL); the index loads in parts per query.
 * Results are plain links; titles are highlighted with <mark> built from
 * text nodes, never from HTML.
 */
import type { FacetCounts, FacetName, SearchClient, SearchFilters, SearchResponse, StatusKey } from '../search/client.ts';
import { statusKeys, statusLabels } from '../data/status.ts';
import { collectionNames, type Collection } from '../search/format.ts';
import { appendHighlighted, searchClient } from '../lib/search-ui.ts';

const PAGE_SIZE = 20;
/** URL parameter of each facet. */
const PARAMS: Record<FacetName, string> = { collection: 'c', kind: 'k', district: 'd', year: 'y', status: 's' };

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-q')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const pager = document.querySelector<HTMLElement>('#search-pager')!;
const selects = new Map<FacetName, HTMLSelectElement>(
  [...form.querySelectorAll<HTMLSelectElement>('select[data-facet]')].map((s) => [s.dataset.facet as FacetName, s]),
);
form.querySelector('[data-facet-apply]')?.setAttribute('hidden', ''); // selects apply at once with JS

type State = { q: string; filters: SearchFilters; page: number };

function client(): Promise<SearchClient> {
  return searchClient().then((c) => {
    // For benchmarks and tests: the live client of this page.
    (form as HTMLFormElement & { geoportalSearch?: SearchClient }).geoportalSearch = c;
    return c;
  });
}

function readState(url = new URL(location.href)): State {
  const p = url.searchParams;
  const text = (name: string) => p.get(name)?.trim() || undefined;
  const year = Number(p.get('y'));
  const page = Number(p.get('p'));
  const statusParam = text('s');
  return {
    q: p.get('q') ?? '',
    filters: {
      collection: text('c') as Collection | undefined,
      kind: text('k'),
      district: text('d'),
      year: Number.isInteger(year) && year > 0 ? year : undefined,
      status: (statusKeys as readonly string[]).includes(statusParam ?? '') ? (statusParam as StatusKey) : undefined,
    },
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function writeUrl(state: State): URL {
  const url = new URL(location.pathname, location.origin);
  if (state.q) url.searchParams.set('q', state.q);
  for (const [name, param] of Object.entries(PARAMS) as [FacetName, string][]) {
    const v = state.filters[name];
    if (v !== undefined && v !== '') url.searchParams.set(param, String(v));
  }
  if (state.page > 1) url.searchParams.set('p', String(state.page));
  return url;
}

function showState(state: State): void {
  input.value = state.q;
  for (const [name, select] of selects) {
    const v = state.filters[name];
    select.value = v === undefined ? '' : String(v);
    if (select.value !== (v === undefined ? '' : String(v))) select.value = ''; // unknown value in the URL
  }
}

function span(text: string, className?: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

function renderHits(result: SearchResponse, state: State, sample: boolean): void {
  list.replaceChildren(
    ...result.hits.map((hit) => {
      const li = document.createElement('li');
      li.dataset.id = String(hit.id);
      const a = document.createElement('a');
      a.href = hit.url;
      appendHighlighted(a, hit.title, [state.q, ...result.expanded].join(' '));
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.append(span(collectionNames[hit.collection]));
      for (const part of [hit.kind, hit.district, hit.date]) if (part) meta.append(span(part));
      if (sample) meta.append(span('示例数据', 'sample-tag'));
      li.append(a, meta);
      return li;
    }),
  );
}

function renderPager(result: SearchResponse, state: State): void {
  const pages = Math.ceil(result.total / PAGE_SIZE);
  pager.replaceChildren();
  pager.hidden = pages <= 1;
  if (pages <= 1) return;
  const link = (page: number, label: string, rel?: string) => {
    const a = document.createElement('a');
    a.href = writeUrl({ ...state, page }).href;
    a.textContent = label;
    if (rel) a.rel = rel;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      void navigate({ ...state, page });
      list.querySelector('a')?.focus();
    });
    return a;
  };
  if (state.page > 1) pager.append(link(state.page - 1, '上一页', 'prev'));
  pager.append(span(`第 ${state.page} / ${pages} 页`));
  if (state.page < pages) pager.append(link(state.page + 1, '下一页', 'next'));
}

function renderFacets(counts: FacetCounts): void {
  for (const [name, select] of selects) {
    const byValue = new Map(counts[name].map((f) => [f.value, f.count]));
    for (const option of select.options) {
      if (!option.value) continue;
      const n = byValue.get(option.value) ?? 0;
      option.textContent = `${option.dataset.label ?? option.value}（${n}）`;
      // Keep the chosen value selectable even at 0 so the user can see it.
      option.disabled = n === 0 && !option.selected;
    }
  }
}

function clearFacetCounts(): void {
  for (const select of selects.values()) {
    for (const option of select.options) {
      if (!option.value) continue;
      option.textContent = option.dataset.label ?? option.value;
      option.disabled = false;
    }
  }
}

async function markStatuses(c: SearchClient, result: SearchResponse): Promise<void> {
  const statuses = await c.statuses(result.hits.map((h) => h.id));
  result.hits.forEach((hit, i) => {
    const s = statuses[i];
    const meta = list.querySelector(`li[data-id="${hit.id}"] .meta`);
    if (s && s !== 'published' && meta && !meta.querySelector('.hit-status')) meta.insertBefore(span(statusLabels[s], 'hit-status'), meta.children[1] ?? null);
  });
}

let run = 0;
async function search(state: State): Promise<void> {
  const mine = ++run;
  showState(state);
  list.replaceChildren();
  pager.hidden = true;
  if (!state.q.trim()) {
    clearFacetCounts();
    status.textContent = '请输入地名、文号、地块编号或标题中的词语。';
    return;
  }
  status.textContent = '正在搜索……';
  let c: SearchClient;
  let result: SearchResponse;
  let sample = false;
  try {
    c = await client();
    result = await c.search(state.q, { filters: state.filters, offset: (state.page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    sample = (await c.manifest()).sample;
  } catch {
    if (mine === run) status.textContent = '搜索数据加载失败，请检查网络后重试，或从下方栏目浏览。';
    return;
  }
  if (mine !== run) return; // a newer query is running
  if (result.hint) {
    clearFacetCounts();
    status.textContent = result.hint;
    return;
  }
  renderHits(result, state, sample);
  renderPager(result, state);
  const from = result.offset + 1;
  const to = result.offset + result.hits.length;
  const parts: string[] = [];
  if (result.expanded.length) parts.push(`按拼音匹配：${result.expanded.join('、')}。`);
  if (result.total === 0) {
    parts.push(
      result.unfiltered > 0
        ? `在当前筛选条件下没有结果（不筛选时有 ${result.unfiltered} 条）。`
        : `没有找到与“${result.query.normalized}”相关的信息。请尝试更短的词语，或检查文号、地块编号。`,
    );
  } else if (result.hits.length === 0) {
    parts.push(`找到 ${result.total} 条结果，本页超出范围。`);
  } else {
    parts.push(`找到 ${result.total} 条结果${result.total > PAGE_SIZE ? `，显示第 ${from}–${to} 条` : ''}。`);
  }
  status.textContent = parts.join('');
  // Facet counts and statuses need the facet table: fetched after the first results are shown.
  void Promise.all([c.facetCounts(result.ids, state.filters), markStatuses(c, result)])
    .then(([counts]) => {
      if (mine === run) renderFacets(counts);
    })
    .catch(() => undefined);
}

async function navigate(state: State): Promise<void> {
  const url = writeUrl(state);
  if (url.href !== location.href) history.pushState(null, '', url);
  await search(state);
}

function formState(page = 1): State {
  const filters: SearchFilters = {};
  for (const [name, select] of selects) {
    const v = select.value;
    if (!v) continue;
    if (name === 'year') filters.year = Number(v);
    else (filters as Record<string, string>)[name] = v;
  }
  return { q: input.value, filters, page };
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void navigate(formState());
});
for (const select of selects.values()) select.addEventListener('change', () => void navigate(formState()));
input.addEventListener('focus', () => void client().catch(() => undefined), { once: true });
window.addEventListener('popstate', () => void search(readState()));

// Keyboard: ↓ from the field goes to the results; ↑/↓ move between them; Esc returns to the field.
function resultLinks(): HTMLAnchorElement[] {
  return [...list.querySelectorAll<HTMLAnchorElement>(':scope > li > a')];
}
input.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' && resultLinks().length) {
    e.preventDefault();
    resultLinks()[0]!.focus();
  }
});
list.addEventListener('keydown', (e) => {
  const links = resultLinks();
  const i = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (i === -1) return;
  let next: HTMLElement | undefined;
  if (e.key === 'ArrowDown') next = links[Math.min(i + 1, links.length - 1)];
  else if (e.key === 'ArrowUp') next = i === 0 ? input : links[i - 1];
  else if (e.key === 'Home') next = links[0];
  else if (e.key === 'End') next = links[links.length - 1];
  else if (e.key === 'Escape') next = input;
  if (next) {
    e.preventDefault();
    next.focus();
  }
});

void search(readState());
