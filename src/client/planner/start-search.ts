/**
 * Finding the start (or end) point by name: the red sites of the page,
 * the gazetteer (/geo/gazetteer.geojson, fetched on the first search; a
 * site without one simply has no gazetteer hits), and the site search's
 * located results (the search client, imported on the first search as on
 * every page). Typed coordinates are taken as they are. The results are a
 * list of buttons; choosing one hands the place to the page.
 */
import type { Extent } from '../../planner/extent.ts';
import { el } from './dom.ts';
import { boxCentre, gazetteerPlaces, matchPlaces, parseLonLatQuery, type Place } from './places.ts';

export const GAZETTEER_URL = '/geo/gazetteer.geojson';
const LIMIT = 10;

let gazetteer: Promise<Place[]> | undefined;
const loadGazetteer = (): Promise<Place[]> =>
  (gazetteer ??= fetch(GAZETTEER_URL, { headers: { accept: 'application/geo+json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then(gazetteerPlaces, () => []));

async function searchPlaces(query: string, extent: Extent): Promise<Place[]> {
  try {
    const [{ searchClient }, { collectionNames }] = await Promise.all([import('../../lib/search-ui.ts'), import('../../search/format.ts')]);
    const res = await (await searchClient()).search(query, { limit: 40 });
    const out: Place[] = [];
    for (const h of res.hits) {
      const c = boxCentre(h.bbox);
      if (!c || c[0] < extent[0] || c[0] > extent[2] || c[1] < extent[1] || c[1] > extent[3]) continue;
      out.push({ name: h.title, kind: collectionNames[h.collection], ...(h.district ? { district: h.district } : {}), lonLat: c });
    }
    return out;
  } catch (e) {
    // The site search is a help here, not a requirement: the sites and the gazetteer still answer.
    console.warn('[研学行程] 站内搜索不可用：', e);
    return [];
  }
}

export interface StartSearchOptions {
  input: HTMLInputElement;
  button: HTMLButtonElement;
  results: HTMLUListElement;
  status: HTMLElement;
  extent: Extent;
  /** The page's red sites as places. */
  sites: readonly Place[];
  choose(place: Place): void;
}

export function bindStartSearch(o: StartSearchOptions): void {
  let request = 0;
  const show = (places: Place[], query: string) => {
    o.results.replaceChildren(
      ...places.map((p) =>
        el(
          'li',
          {},
          el('button', { type: 'button', class: 'btn-link', 'aria-label': `设为出发地：${p.name}` }, p.name),
          el('span', { class: 'meta' }, ` ${[p.kind, p.district].filter(Boolean).join(' · ')}`),
        ),
      ),
    );
    o.results.querySelectorAll('button').forEach((b, i) => b.addEventListener('click', () => pick(places[i]!)));
    o.results.hidden = places.length === 0;
    o.status.textContent = places.length ? `找到 ${places.length} 个地点，请选择一个作为出发地。` : `没有找到“${query}”。可以换个名称，或在地图上选点。`;
  };
  const pick = (p: Place) => {
    o.results.replaceChildren();
    o.results.hidden = true;
    o.choose(p);
  };
  const run = async () => {
    const query = o.input.value.trim();
    const mine = ++request;
    if (!query) {
      o.status.textContent = '请输入地名、红色资源点名称，或“经度,纬度”。';
      return;
    }
    const coords = parseLonLatQuery(query, o.extent);
    if (coords && 'outside' in coords) {
      o.status.textContent = '这个坐标不在本市范围内（经度在前，如 123.95,47.34）。';
      return;
    }
    if (coords) return show([{ name: query, kind: '坐标', lonLat: coords.lonLat }], query);
    o.status.textContent = '正在查找……';
    const [gaz, found] = await Promise.all([loadGazetteer(), searchPlaces(query, o.extent)]);
    if (mine !== request) return;
    const seen = new Set<string>();
    const all = [...matchPlaces(query, o.sites, LIMIT), ...matchPlaces(query, gaz, LIMIT), ...found].filter((p) => {
      const key = `${p.name}@${p.lonLat[0].toFixed(4)},${p.lonLat[1].toFixed(4)}`;
      return !seen.has(key) && seen.add(key);
    });
    show(all.slice(0, LIMIT), query);
  };
  o.button.addEventListener('click', () => void run());
  o.input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void run();
  });
}
