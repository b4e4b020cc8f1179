/**
 * The 事后公开 decision lists' instant filter (/enforcement/decisions/ and
 * the category lists): the notice lists' pattern (src/client/notice-filters.ts,
 * docs/notice-lists.md) on the decisions' grammar (src/lib/decision-filter.ts).
 * Shows the form, loads the compact index when first needed, filters, counts,
 * sorts and pages in the browser; a filter change replaces the history
 * entry, a page change pushes one; back and forward restore. The map gets
 * the ids of the whole filtered set. A failed load leaves the prerendered page.
 */
import { formatChineseDate } from '../lib/dates.ts';
import { PAGE_SIZE, pageCount } from '../lib/paging.ts';
import { el, renderPager, showFacetCounts } from './list-dom.ts';
import {
  DECISION_CATEGORIES,
  EMPTY_DECISION_FILTER,
  PARTY_TYPES,
  decodeDecisionIndex,
  describeDecisionFilter,
  formatDecisionFilter,
  parseDecisionFilter,
  runDecisionFilter,
  type CategoryValue,
  type DecisionFilter,
  type DecisionRow,
  type DecisionSort,
  type PartyValue,
} from '../lib/decision-filter.ts';

type ListData = { scope: { categories: CategoryValue[]; page: number }; districts: Record<string, string>; layer: string; index: string };

const form = document.querySelector<HTMLFormElement>('[data-decision-filters]');
const dataEl = document.querySelector('script[data-decision-list-data]');
if (form && dataEl) {
  const data = JSON.parse(dataEl.textContent ?? '{}') as ListData;
  const districts = Object.keys(data.districts);
  const count = document.querySelector<HTMLElement>('[data-decision-count]')!;
  const list = document.querySelector<HTMLUListElement>('[data-decision-items]')!;
  const pager = document.querySelector<HTMLElement>('[data-decision-pager]')!;
  const heading = document.querySelector<HTMLElement>('[data-list-heading]');
  const mapRoot = document.querySelector<HTMLElement>('[data-decision-map] [data-map]');
  let rows: DecisionRow[] | undefined;
  let loading: Promise<DecisionRow[] | undefined> | undefined;
  const load = () =>
    (loading ??= fetch(data.index)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      })
      .then((json) => (rows = decodeDecisionIndex(json).rows))
      .catch((e: unknown) => {
        console.warn('[执法决定筛选] 索引无法加载：', e);
        count.textContent = '即时筛选暂不可用（索引无法加载），下面是本页的列表。';
        return undefined;
      }));

  const field = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[name="${name}"]`)!;
  const checked = <T extends string>(name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value) as T[];
  const readForm = (page = 1): DecisionFilter => ({
    categories: checked<CategoryValue>('category'),
    parties: checked<PartyValue>('party'),
    districts: field<HTMLSelectElement>('district').value ? [field<HTMLSelectElement>('district').value] : [],
    from: field<HTMLInputElement>('from').value || undefined,
    to: field<HTMLInputElement>('to').value || undefined,
    q: field<HTMLInputElement>('q').value,
    sort: field<HTMLSelectElement>('sort').value as DecisionSort,
    page,
  });
  const writeForm = (f: DecisionFilter) => {
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) input.checked = (input.name === 'category' ? (f.categories as string[]) : (f.parties as string[])).includes(input.value);
    field<HTMLSelectElement>('district').value = f.districts.length === 1 ? f.districts[0]! : '';
    field<HTMLInputElement>('from').value = f.from ?? '';
    field<HTMLInputElement>('to').value = f.to ?? '';
    if (document.activeElement !== field('q')) field<HTMLInputElement>('q').value = f.q;
    field<HTMLSelectElement>('sort').value = f.sort;
  };
  // The markup of src/components/enforcement/DecisionItem.astro.
  const item = (r: DecisionRow): HTMLLIElement => {
    const li = el('li', { 'data-decision-id': r.id });
    const h = el('h3', { class: 'item-title' });
    h.append(el('a', { href: `/enforcement/${r.id}/` }, r.title));
    const meta = el('div', { class: 'meta' });
    meta.append(el('span', {}, DECISION_CATEGORIES[r.category]));
    if (r.docNo) meta.append(el('span', {}, r.docNo));
    meta.append(el('span', {}, `当事人：${r.partyName}（${PARTY_TYPES[r.party]}）`), el('span', {}, data.districts[r.district] ?? '全市'));
    const date = el('span', {}, '作出：');
    date.append(el('time', { datetime: r.date }, formatChineseDate(r.date)));
    meta.append(date);
    if (r.fineYuan !== undefined) meta.append(el('span', {}, `罚款 ${r.fineYuan.toLocaleString('zh-CN')} 元`));
    if (r.superseded) meta.append(el('span', { class: 'badge status-superseded' }, '已变更'));
    if (r.sample) meta.append(el('span', { class: 'badge badge-sample', title: '演示用示例数据，不代表真实信息' }, '示例数据'));
    li.append(h, meta);
    return li;
  };
  const apply = (f: DecisionFilter, warnings: readonly string[], render: boolean) => {
    if (!rows) return;
    const result = runDecisionFilter(rows, f);
    const total = pageCount(result.rows.length);
    const page = Math.min(f.page, total);
    showFacetCounts(form, result.counts);
    if (render) {
      const slice = result.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      list.replaceChildren(...slice.map(item));
      document.querySelector('[data-decision-empty]')?.remove();
      if (slice.length === 0) list.append(el('li', { 'data-decision-empty': '' }, '没有符合条件的决定，请减少筛选条件。'));
      renderPager(pager, page, total, (p) => formatDecisionFilter({ ...f, page: p }, districts));
      const words = describeDecisionFilter(f, (c) => data.districts[c] ?? c);
      const dropped = warnings.length ? ` 链接中有 ${warnings.length} 个筛选条件无效，已忽略。` : '';
      count.textContent = `${words ? `符合“${words}”的决定` : '共'} ${result.rows.length} 条${total > 1 ? `，第 ${page}/${total} 页` : ''}。${dropped}`;
      if (heading) heading.textContent = f.categories.length === 1 ? `${DECISION_CATEGORIES[f.categories[0]!]}决定` : '事后公开：执法决定';
    }
    for (const w of warnings) console.warn(`[执法决定筛选] ${w}`);
    // Always the ids: the layer also holds located records that are not decisions.
    mapRoot?.setAttribute('data-feature-filter', JSON.stringify([{ layer: data.layer, ids: result.rows.map((r) => r.id) }]));
  };
  const scopePath = location.pathname;
  const fromUrl = async () => {
    const { filter, warnings } = parseDecisionFilter(location.search, districts, location.pathname === scopePath ? data.scope : {});
    writeForm(filter);
    const asBuilt = location.search === '' && location.pathname === scopePath;
    // The overall list as built needs nothing; a category list's map needs the ids of its decisions.
    if (asBuilt && data.scope.categories.length === 0) return;
    if (await load()) apply(filter, warnings, !asBuilt);
  };
  const update = async (push = false, page = 1) => {
    const f = readForm(page);
    const url = formatDecisionFilter(f, districts) + location.hash;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
    if (await load()) apply(f, [], true);
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.hidden = false;
  form.addEventListener('change', () => void update());
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).getAttribute('name') !== 'q') return;
    clearTimeout(typing);
    typing = setTimeout(() => void update(), 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void update();
  });
  // The index is fetched when the reader turns to the filters.
  form.addEventListener('focusin', () => void load(), { once: true });
  form.addEventListener('reset', () => setTimeout(() => { writeForm(EMPTY_DECISION_FILTER); void update(); }));
  pager.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    void update(true, Number(a.dataset['page'])).then(() => document.getElementById('decision-results-heading')?.scrollIntoView());
  });
  window.addEventListener('popstate', () => void fromUrl());
  void fromUrl();
}
