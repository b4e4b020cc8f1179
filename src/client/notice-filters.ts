/**
 * The notice lists' instant filter (/notices/, /notices/<kind>/, the status
 * and district lists): shows the form, loads the compact index of every
 * notice (/notices/index.json) when it is first needed, and filters, sorts,
 * counts and pages in the browser with src/lib/notice-filter.ts, the module
 * the build used for the prerendered pages. The URL follows (docs/notice-lists.md):
 * a filter change replaces the entry (a filter is a view of the list), a page
 * change pushes one (back goes to the previous page); back and forward
 * restore. The map gets the ids of the whole filtered set, per kind layer
 * (data-feature-filter, src/map/feature-filter.ts). Without the index (a
 * failed load) the prerendered page stays as it is and says so.
 */
import { statusLabels } from '../data/status.ts';
import { formatChineseDate, todayInShanghai } from '../lib/dates.ts';
import { PAGE_SIZE, pageCount } from '../lib/paging.ts';
import { el, renderPager, showFacetCounts } from './list-dom.ts';
import { decodeIndex } from '../lib/notice-index.ts';
import {
  EMPTY_FILTER,
  STATUS_LABELS,
  KIND_VALUES,
  describeFilter,
  formatNoticeFilter,
  isEmptyFilter,
  parseNoticeFilter,
  rowStatus,
  runFilter,
  type FilterVocabulary,
  type KindValue,
  type NoticeFilter,
  type NoticeRow,
  type SortValue,
  type StatusValue,
} from '../lib/notice-filter.ts';

type ListData = {
  scope: { kinds: KindValue[]; statuses: StatusValue[]; districts: string[]; page: number };
  kinds: Record<KindValue, string>;
  layers: Record<KindValue, string>;
  districts: Record<string, string>;
  subs: string[];
  index: string;
};

const form = document.querySelector<HTMLFormElement>('[data-notice-filters]');
const dataEl = document.querySelector('script[data-notice-list-data]');
if (form && dataEl) {
  const data = JSON.parse(dataEl.textContent ?? '{}') as ListData;
  const vocabulary: FilterVocabulary = { subs: data.subs, districts: Object.keys(data.districts) };
  const heading = document.querySelector<HTMLElement>('[data-list-heading]');
  const count = document.querySelector<HTMLElement>('[data-notice-count]')!;
  const list = document.querySelector<HTMLUListElement>('[data-notice-items]')!;
  const pager = document.querySelector<HTMLElement>('[data-notice-pager]')!;
  const mapRoot = document.querySelector<HTMLElement>('[data-notice-map] [data-map]');
  const today = todayInShanghai();
  let rows: NoticeRow[] | undefined;
  let loading: Promise<NoticeRow[] | undefined> | undefined;

  const load = () =>
    (loading ??= fetch(data.index)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      })
      .then((json) => (rows = decodeIndex(json).rows))
      .catch((e: unknown) => {
        console.warn('[公告筛选] 索引无法加载：', e);
        count.textContent = '即时筛选暂不可用（公告索引无法加载），下面是本页的列表。';
        return undefined;
      }));

  const field = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[name="${name}"]`)!;
  const checked = <T extends string>(name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value) as T[];

  const readForm = (page = 1): NoticeFilter => {
    const one = (name: string) => field<HTMLSelectElement>(name).value;
    return {
      kinds: checked<KindValue>('kind'),
      subs: one('sub') ? [one('sub')] : [],
      districts: one('district') ? [one('district')] : [],
      statuses: checked<StatusValue>('status'),
      from: field<HTMLInputElement>('from').value || undefined,
      to: field<HTMLInputElement>('to').value || undefined,
      q: field<HTMLInputElement>('q').value,
      sort: field<HTMLSelectElement>('sort').value as SortValue,
      page,
    };
  };

  const writeForm = (f: NoticeFilter) => {
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) input.checked = (input.name === 'kind' ? f.kinds : (f.statuses as string[])).includes(input.value);
    // The form offers one sub-kind and one district; a link may name several, which still filter.
    field<HTMLSelectElement>('sub').value = f.subs.length === 1 ? f.subs[0]! : '';
    field<HTMLSelectElement>('district').value = f.districts.length === 1 ? f.districts[0]! : '';
    field<HTMLInputElement>('from').value = f.from ?? '';
    field<HTMLInputElement>('to').value = f.to ?? '';
    if (document.activeElement !== field('q')) field<HTMLInputElement>('q').value = f.q;
    field<HTMLSelectElement>('sort').value = f.sort;
  };


  // The same markup as the prerendered items (src/components/notice/NoticeList.astro).
  const item = (r: NoticeRow): HTMLLIElement => {
    const li = el('li', { 'data-notice-id': r.id });
    const h = el('h3', { class: 'item-title' });
    h.append(r.gone ? el('span', {}, r.title) : el('a', { href: `/notices/${r.kind}/${r.id}/` }, r.title));
    const meta = el('div', { class: 'meta' });
    meta.append(el('span', {}, `${data.kinds[r.kind]} · ${r.sub}`));
    if (r.docNo) meta.append(el('span', {}, r.docNo));
    meta.append(el('span', {}, data.districts[r.district] ?? r.district));
    const date = el('span', {}, '发布：');
    date.append(el('time', { datetime: r.date }, formatChineseDate(r.date)));
    meta.append(date);
    if (r.start && r.end) meta.append(el('span', {}, `公示期：${formatChineseDate(r.start)}至${formatChineseDate(r.end)}`));
    const s = rowStatus(r, today);
    meta.append(s === 'revoked' ? el('span', { class: 'badge status-withdrawn' }, STATUS_LABELS.revoked) : el('span', { class: `badge status-${s}` }, statusLabels[s]));
    if (r.sample) meta.append(el('span', { class: 'badge badge-sample', title: '演示用示例数据，不代表真实信息' }, '示例数据'));
    li.append(h, meta);
    if (r.gone) li.append(el('p', { class: 'meta' }, `${formatChineseDate(r.gone.date)}撤回，原因：${r.gone.reason}`));
    return li;
  };

  /** Filters the index and shows the result; `render` false leaves the prerendered list (counts and map only). */
  const apply = (f: NoticeFilter, warnings: readonly string[], render: boolean) => {
    if (!rows) return;
    const result = runFilter(rows, f, today);
    const total = pageCount(result.rows.length);
    const page = Math.min(f.page, total);
    showFacetCounts(form, result.counts);
    if (render) {
      const slice = result.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      list.replaceChildren(...slice.map(item));
      document.querySelector('[data-notice-empty]')?.remove();
      if (slice.length === 0) {
        const empty = el('li', { 'data-notice-empty': '' }, '没有符合条件的公告。请减少筛选条件，或');
        empty.append(el('a', { href: '/notices/' }, '查看全部公告'), document.createTextNode('。'));
        list.append(empty);
      }
      renderPager(pager, page, total, (p) => formatNoticeFilter({ ...f, page: p }, vocabulary));
      const words = describeFilter(f, { kind: (k) => data.kinds[k], district: (c) => data.districts[c] ?? c });
      const dropped = warnings.length ? ` 链接中有 ${warnings.length} 个筛选条件无效，已忽略。` : '';
      count.textContent = `${words ? `符合“${words}”的公告` : '共'} ${result.rows.length} 条${total > 1 ? `，第 ${page}/${total} 页` : ''}。${dropped}`;
      if (heading) heading.textContent = f.kinds.length === 1 ? data.kinds[f.kinds[0]!] : '公示公告';
    }
    for (const w of warnings) console.warn(`[公告筛选] ${w}`);
    if (mapRoot) {
      const byKind = new Map<KindValue, string[]>(KIND_VALUES.map((k) => [k, []]));
      for (const r of result.rows) if (!r.gone) byKind.get(r.kind)!.push(r.id);
      const requests = KIND_VALUES.map((k) => ({ layer: data.layers[k], ids: isEmptyFilter(f) ? null : byKind.get(k)! }));
      mapRoot.setAttribute('data-feature-filter', JSON.stringify(requests));
    }
  };

  const scope: Partial<NoticeFilter> = { ...data.scope };
  const scopePath = location.pathname;
  const fromUrl = async () => {
    const { filter, warnings } = parseNoticeFilter(location.search, vocabulary, location.pathname === scopePath ? scope : {});
    writeForm(filter);
    // A prerendered page as built needs no re-rendering; its map needs the ids only when the page is narrower than its layers.
    const asBuilt = location.search === '' && location.pathname === scopePath;
    if (asBuilt && scope.statuses?.length === 0 && scope.districts?.length === 0) return;
    if (await load()) apply(filter, warnings, !asBuilt);
  };

  const update = async (push = false, page = 1) => {
    const f = readForm(page);
    const url = formatNoticeFilter(f, vocabulary) + location.hash;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
    // The path may have changed (one kind ↔ several): the scope of the prerendered page no longer applies.
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
  form.addEventListener('reset', () =>
    setTimeout(() => {
      writeForm(EMPTY_FILTER);
      void update();
    }),
  );
  // The index is fetched when the reader turns to the filters, not with every list page.
  form.addEventListener('focusin', () => void load(), { once: true });
  pager.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    void update(true, Number(a.dataset['page'])).then(() => list.closest('section')?.querySelector<HTMLElement>('#notice-results-heading')?.scrollIntoView());
  });
  window.addEventListener('popstate', () => void fromUrl());
  void fromUrl();
}
