/**
 * Search on the full map (/map/): the box in the side panel runs the site
 * search (src/search/client.ts, imported on the first search), lists the
 * results that have a location as links with “在地图上显示” buttons (the
 * accessible alternative to the map), rings them on the map and fits the
 * view to all of them. Choosing one zooms to it and, when the record is a
 * feature of a thematic layer, selects it. Results without a location are
 * counted, with a link to the search page.
 *
 * The query lives in the permalink as q= (docs/permalink.md): the map
 * module reads it on load and on back/forward and calls show(); a link with
 * q and without c or z frames the results, otherwise the link's view stands.
 *
 * The helpers at the top are pure (unit-tested in tests/unit/map/search.test.ts).
 */
import { collectionNames, type BBox } from '../search/format.ts';
import type { SearchHit, SearchResponse } from '../search/client.ts';
import { appendHighlighted, searchClient, searchPageUrl } from '../lib/search-ui.ts';
import type { MapHandle } from './map.ts';
import type { LonLatExtent } from './types.ts';

/** Results asked for per search: the located ones among them are listed and framed. */
export const MAP_SEARCH_LIMIT = 200;

/** A [west, south, east, north] box in degrees that a map can frame. */
export function isLonLatBox(b: unknown): b is LonLatExtent {
  if (!Array.isArray(b) || b.length !== 4 || !b.every((v) => typeof v === 'number' && Number.isFinite(v))) return false;
  const [w, s, e, n] = b as number[];
  return w! <= e! && s! <= n! && w! >= -180 && e! <= 180 && s! >= -90 && n! <= 90;
}

/** The smallest box holding every valid box; undefined when there is none. Invalid boxes are skipped. */
export function unionBBox(boxes: Iterable<unknown>): LonLatExtent | undefined {
  let out: LonLatExtent | undefined;
  for (const b of boxes) {
    if (!isLonLatBox(b)) continue;
    if (!out) out = [b[0], b[1], b[2], b[3]];
    else out = [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])];
  }
  return out;
}

const RECORD_ID = '([a-z0-9][a-z0-9-]{0,79})';
const FEATURE_URLS: [RegExp, (m: RegExpExecArray) => string][] = [
  [new RegExp(`^/red/sites/${RECORD_ID}/$`), () => 'red-sites'],
  [new RegExp(`^/notices/([a-z]+)/${RECORD_ID}/$`), (m) => `notices-${m[1]}`],
  [new RegExp(`^/enforcement/${RECORD_ID}/$`), () => 'enforcement'],
];

/**
 * The thematic-layer feature a record URL stands for (feature ids are record
 * ids, the last path segment): /red/sites/x/ → red-sites:x,
 * /notices/land/td-1/ → notices-land:td-1, /enforcement/zf-1/ → enforcement:zf-1.
 */
export function featureOfUrl(url: string): { layer: string; id: string } | undefined {
  for (const [re, layer] of FEATURE_URLS) {
    const m = re.exec(url);
    if (m) return { layer: layer(m), id: m[m.length - 1]! };
  }
  return undefined;
}

export type LocatedHit = SearchHit & { bbox: BBox };

/** Hits with a valid location, in order, and how many of the `total` results are not among them. */
export function partitionHits(hits: readonly SearchHit[], total: number): { located: LocatedHit[]; others: number } {
  const located = hits.filter((h): h is LocatedHit => isLonLatBox(h.bbox));
  return { located, others: Math.max(0, total - located.length) };
}

/** The status line after a search (plain text). */
export function mapSearchSummary(query: string, res: Pick<SearchResponse, 'hint' | 'total'>, located: number, framed: boolean): string {
  if (res.hint) return res.hint;
  if (res.total === 0) return `没有找到与“${query}”相关的结果。请尝试更短的词语，或检查文号、地块编号。`;
  if (located === 0) return `找到 ${res.total} 条结果，但都没有位置，无法在地图上显示。`;
  return `找到 ${res.total} 条结果，其中 ${located} 条有位置${framed ? '，地图已缩放到这些位置' : '，列在下方'}。`;
}

// -------------------------------------------------------------------- DOM

export type MapSearch = {
  /** Shows the results of `query` ('' clears); `fit` moves the view to them. Used for q from the URL. */
  show(query: string, how: { fit: boolean }): void;
};

type Parts = {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  results: HTMLElement;
  list: HTMLOListElement;
  more: HTMLElement;
  clear: HTMLButtonElement;
};

function parts(root: HTMLElement): Parts | undefined {
  const form = root.querySelector<HTMLFormElement>('[data-map-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root.querySelector<HTMLElement>('[data-map-search-status]');
  const results = root.querySelector<HTMLElement>('[data-map-search-results]');
  const list = root.querySelector<HTMLOListElement>('[data-map-search-list]');
  const more = root.querySelector<HTMLElement>('[data-map-search-more]');
  const clear = root.querySelector<HTMLButtonElement>('[data-map-search-clear]');
  if (!form || !input || !status || !results || !list || !more || !clear) return undefined;
  return { form, input, status, results, list, more, clear };
}

/**
 * Binds the search panel rendered by MapView.astro. `layers`: ids of the
 * map's thematic layers (results on them are selected, not only framed);
 * `canvas`: where focus goes after “在地图上显示”, as in the features list.
 */
export function bindMapSearch(root: HTMLElement, handle: MapHandle, layers: readonly string[], canvas: HTMLElement): MapSearch | undefined {
  const p = parts(root);
  if (!p) return undefined;
  const { form, input, status, results, list, more, clear } = p;
  const section = form.closest<HTMLElement>('.map-search') ?? form;
  let seq = 0;

  const setState = (s: 'idle' | 'loading' | 'done' | 'error') => (section.dataset['state'] = s);

  const reset = () => {
    seq++;
    list.replaceChildren();
    results.hidden = true;
    more.hidden = true;
    more.replaceChildren();
    status.textContent = '';
    handle.showSearchResults([]);
    setState('idle');
  };

  const showHit = (hit: LocatedHit) => {
    const ref = featureOfUrl(hit.url);
    const selected = !!ref && layers.includes(ref.layer) && handle.select(ref.layer, ref.id, { zoom: true });
    if (!selected) {
      handle.clearSelection();
      handle.fitLonLatExtent(hit.bbox, { maxZoom: 16 });
    }
    canvas.focus();
  };

  const item = (hit: LocatedHit, highlight: string): HTMLLIElement => {
    const li = document.createElement('li');
    li.dataset['resultId'] = String(hit.id);
    li.dataset['bbox'] = hit.bbox.join(',');
    const ref = featureOfUrl(hit.url);
    if (ref && layers.includes(ref.layer)) {
      li.dataset['featureId'] = ref.id;
      li.dataset['layer'] = ref.layer;
    }
    const a = document.createElement('a');
    a.href = hit.url;
    appendHighlighted(a, hit.title, highlight);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn-link';
    button.textContent = '在地图上显示';
    button.setAttribute('aria-label', `在地图上显示：${hit.title}`);
    button.addEventListener('click', () => showHit(hit));
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = [collectionNames[hit.collection], hit.district, hit.date].filter(Boolean).join(' · ');
    li.append(a, ' ', button, meta);
    return li;
  };

  /** `fit`: frame the results; `fromLink`: that fit is the map's own doing (it replaces the history entry). */
  const run = async (query: string, fit: boolean, fromLink = false) => {
    const mine = ++seq;
    list.replaceChildren();
    more.replaceChildren();
    more.hidden = true;
    results.hidden = true;
    handle.showSearchResults([]);
    status.textContent = '正在搜索……';
    setState('loading');
    let res: SearchResponse;
    try {
      const client = await searchClient();
      res = await client.search(query, { limit: MAP_SEARCH_LIMIT });
    } catch (e) {
      if (mine !== seq) return;
      handle.setQuery(query);
      console.warn('[search] 地图搜索不可用：', e);
      status.textContent = '搜索暂不可用，请稍后重试，或前往搜索页。';
      more.replaceChildren(searchLink(query, '前往搜索页'));
      more.hidden = false;
      results.hidden = false;
      setState('error');
      return;
    }
    if (mine !== seq) return;
    const { located, others } = partitionHits(res.hits, res.total);
    const box = unionBBox(located.map((h) => h.bbox));
    const framed = fit && !!box && handle.fitLonLatExtent(box, { maxZoom: 15, derived: fromLink });
    // After the fit has started: the permalink is written once the view settles, q and view in one history entry.
    handle.setQuery(query);
    status.textContent = mapSearchSummary(query, res, located.length, framed);
    const highlight = res.terms.join(' ') || query;
    list.replaceChildren(...located.map((h) => item(h, highlight)));
    list.hidden = located.length === 0;
    handle.showSearchResults(located.map((h) => h.bbox));
    if (!res.hint && others > 0) {
      const unlisted = res.total > res.hits.length;
      more.replaceChildren(`另有 ${others} 条结果${unlisted ? '没有位置或未列出' : '没有位置'}，`, searchLink(query, '查看全部'));
      more.hidden = false;
    }
    results.hidden = false;
    section.dataset['count'] = String(located.length);
    setState('done');
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const query = input.value.trim();
    if (query === '') {
      handle.setQuery('');
      reset();
      status.textContent = '请输入地名、文号、地块编号或标题中的词语。';
      return;
    }
    void run(query, true);
  });

  clear.addEventListener('click', () => {
    input.value = '';
    handle.setQuery('');
    reset();
    input.focus();
  });

  reset();
  return {
    show(query, how) {
      input.value = query;
      if (query === '') reset();
      else void run(query, how.fit, true);
    },
  };
}

function searchLink(query: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = searchPageUrl(query);
  a.textContent = text;
  const arrow = document.createElement('span');
  arrow.setAttribute('aria-hidden', 'true');
  arrow.textContent = ' →';
  a.append(arrow);
  return a;
}
