/**
 * The map's HTML around the canvas: the map search (./search.ts), base-map
 * switcher, layer list with legend, the list of features in view (the text
 * alternative to the map), status messages, coordinates, and the tool
 * buttons. The markup is rendered by src/components/map/MapView.astro; this
 * module only binds it.
 */
import { toLonLat } from 'ol/proj.js';
import { formatLonLatDecimal, formatLonLatDms } from './coords.ts';
import { createMap, type MapHandle, type MapSetup } from './map.ts';
import { bindMapSearch, type MapSearch } from './search.ts';
import { bindFilterAttribute } from './feature-filter.ts';
import { yieldToMain } from '../lib/main-thread.ts';
import type { AnnotationLang, BaseMapId, LonLatExtent, RuntimeMapConfig } from './types.ts';

const LIST_LIMIT = 200;

function q<T extends Element>(root: ParentNode, selector: string): T | null {
  return root.querySelector<T>(selector);
}

/**
 * Binds a map's markup. `runtimeConfig`: /config/map.json as the loader
 * asked for it. Resolves, and sets data-ready="true", once the base map has
 * been chosen; the map itself is up and usable before that.
 */
export async function mountMap(root: HTMLElement, setup: MapSetup, fallbackExtent: LonLatExtent, runtimeConfig?: Promise<RuntimeMapConfig | undefined>): Promise<MapHandle> {
  // The tools' code is fetched while the map is built, not after.
  const toolsModule = import('./tools.ts');
  toolsModule.catch(() => undefined); // awaited below, where a failure counts
  const canvas = q<HTMLElement>(root, '.map-canvas')!;
  const status = q<HTMLElement>(root, '.map-status');
  const offlineBadge = q<HTMLElement>(root, '.map-offline');
  const listEl = q<HTMLElement>(root, '[data-feature-list]');

  const say = (message: string, kind: 'info' | 'warning' | 'error') => {
    if (!status) return;
    const p = document.createElement('p');
    p.className = `map-message map-message-${kind}`;
    p.textContent = message;
    status.append(p);
    // Keep the last few messages only.
    while (status.childElementCount > 3) status.firstElementChild?.remove();
  };

  let handle: MapHandle | undefined;
  // A q in the URL arrives while createMap() runs, before the search panel is bound.
  let search: MapSearch | undefined;
  let pendingQuery: { query: string; fit: boolean } | undefined;
  let listTimer: ReturnType<typeof setTimeout> | undefined;
  const renderList = () => {
    if (!listEl || !handle) return;
    clearTimeout(listTimer);
    listTimer = setTimeout(() => {
      const groups = handle!.featuresInView();
      const frag = document.createDocumentFragment();
      let total = 0;
      for (const { config, features } of groups) {
        total += features.length;
        const section = document.createElement('section');
        const h = document.createElement('h3');
        h.textContent = `${config.title}（${features.length}）`;
        section.append(h);
        if (features.length > 0) {
          const ul = document.createElement('ul');
          ul.className = 'record-list';
          for (const f of features.slice(0, LIST_LIMIT)) {
            const li = document.createElement('li');
            li.dataset['featureId'] = f.id;
            li.dataset['layer'] = config.id;
            const a = document.createElement('a');
            a.href = String(f.properties['url'] ?? '#');
            a.textContent = String(f.properties['title'] ?? f.id);
            const show = document.createElement('button');
            show.type = 'button';
            show.className = 'btn-link';
            show.textContent = '在地图上显示';
            show.setAttribute('aria-label', `在地图上显示：${a.textContent}`);
            show.addEventListener('click', () => {
              handle!.select(config.id, f.id, { zoom: true });
              canvas.focus();
            });
            const meta = document.createElement('div');
            meta.className = 'meta';
            meta.textContent = [f.properties['subKind'] ?? f.properties['category'] ?? f.properties['stage'], f.properties['district']].filter(Boolean).join(' · ');
            li.append(a, ' ', show, meta);
            ul.append(li);
          }
          section.append(ul);
          if (features.length > LIST_LIMIT) {
            const more = document.createElement('p');
            more.textContent = `另有 ${features.length - LIST_LIMIT} 个要素，请放大地图查看。`;
            section.append(more);
          }
        }
        frag.append(section);
      }
      if (groups.length === 0) {
        const p = document.createElement('p');
        p.textContent = '没有打开的专题图层。';
        frag.append(p);
      }
      listEl.replaceChildren(frag);
      listEl.dataset['count'] = String(total);
    }, 120);
  };

  handle = await createMap(canvas, setup, {
    status: say,
    baseMapChanged({ base, lang, drawn, offline, offlineReason, switchable, credit }) {
      // 矢量/影像/地形 and English annotation are 天地图's; other base maps have one look.
      for (const input of root.querySelectorAll<HTMLInputElement>('input[name="basemap"]')) {
        input.checked = input.value === base;
        input.disabled = !switchable;
      }
      const en = q<HTMLInputElement>(root, 'input[name="annotation-en"]');
      if (en) {
        en.checked = lang === 'en';
        en.disabled = !switchable || base === 'ter';
      }
      if (offlineBadge) {
        offlineBadge.hidden = !offline;
        const reason = q<HTMLElement>(offlineBadge, '.map-offline-reason');
        if (reason) reason.textContent = offlineReason ?? '';
      }
      root.dataset['basemap'] = drawn === 'tianditu' ? base : drawn;
      // The credit of what is drawn: 天地图 and its 审图号 only over its tiles, each other source its own.
      // The locator inset (./inset.ts) draws our district outlines over any base map: over another than
      // the 示意底图 (whose credit names them already) it adds their credit.
      const shown = drawn === 'wmts' || drawn === 'pmtiles' ? 'source' : drawn;
      for (const el of root.querySelectorAll<HTMLElement>('[data-attribution]')) {
        if (el.dataset['attribution'] === 'source') el.textContent = credit ?? '';
        el.hidden = el.dataset['attribution'] === 'inset' ? drawn === 'offline' : el.dataset['attribution'] !== shown;
      }
    },
    layersChanged(layers) {
      for (const { config, visible, error } of layers) {
        const box = q<HTMLInputElement>(root, `input[name="layer"][value="${CSS.escape(config.id)}"]`);
        if (box) box.checked = visible;
        const err = q<HTMLElement>(root, `[data-layer-error="${CSS.escape(config.id)}"]`);
        if (err) {
          err.hidden = !error;
          err.textContent = error ?? '';
        }
      }
      renderList();
    },
    viewChanged: renderList,
    selectionChanged(feature) {
      root.dataset['selected'] = feature ? `${feature.layer}:${feature.id}` : '';
      // The features list and the search results.
      for (const li of root.querySelectorAll<HTMLElement>('li[data-feature-id]')) {
        li.classList.toggle('is-selected', !!feature && li.dataset['featureId'] === feature.id && li.dataset['layer'] === feature.layer);
      }
    },
    queryChanged(query, { fit }) {
      if (search) search.show(query, { fit });
      else pendingQuery = { query, fit };
    },
  }, fallbackExtent, runtimeConfig);
  // The panel around the map is bound in a task of its own, not in the long one that built the map.
  await yieldToMain();

  // Map search (full map only: the panel is in the side column).
  search = bindMapSearch(root, handle, setup.layers.map((l) => l.id), canvas);
  if (search && pendingQuery) search.show(pendingQuery.query, { fit: pendingQuery.fit });
  pendingQuery = undefined;

  // Base-map switcher.
  const applyBase = () => {
    const base = (q<HTMLInputElement>(root, 'input[name="basemap"]:checked')?.value ?? 'vec') as BaseMapId;
    const lang: AnnotationLang = q<HTMLInputElement>(root, 'input[name="annotation-en"]')?.checked ? 'en' : 'zh';
    handle!.setBaseMap(base, lang);
  };
  for (const input of root.querySelectorAll<HTMLInputElement>('input[name="basemap"], input[name="annotation-en"]')) input.addEventListener('change', applyBase);

  // Layer list.
  for (const box of root.querySelectorAll<HTMLInputElement>('input[name="layer"]')) {
    box.addEventListener('change', () => handle!.setLayerVisible(box.value, box.checked));
  }

  // Pointer coordinates in CGCS2000, decimal degrees and 度分秒.
  const coordsEl = q<HTMLElement>(root, '.map-coords');
  if (coordsEl) {
    handle.olMap.on('pointermove', (e) => {
      const [lon, lat] = toLonLat(e.coordinate, handle!.projection) as [number, number];
      coordsEl.textContent = `${formatLonLatDecimal(lon, lat)}　${formatLonLatDms(lon, lat)}`;
    });
  }

  // Keyboard: ] and [ step through the features in view, in the order of the list below the map.
  canvas.addEventListener('keydown', (e) => {
    if ((e.key !== ']' && e.key !== '[') || e.altKey || e.ctrlKey || e.metaKey) return;
    const inView = handle!.featuresInView().flatMap(({ config, features }) => features.map((f) => ({ layer: config.id, id: f.id, title: String(f.properties['title'] ?? f.id) })));
    if (inView.length === 0) {
      say('视野内没有要素。', 'info');
      return;
    }
    e.preventDefault();
    const selected = handle!.state().selected;
    const at = selected ? inView.findIndex((f) => f.layer === selected.layer && f.id === selected.id) : -1;
    const step = e.key === ']' ? 1 : -1;
    const next = at < 0 ? (step > 0 ? 0 : inView.length - 1) : (at + step + inView.length) % inView.length;
    const f = inView[next]!;
    if (handle!.select(f.layer, f.id)) say(`第 ${next + 1}/${inView.length} 个要素：${f.title}`, 'info');
  });

  // A page's filter of a layer's features (data-feature-filter, ./feature-filter.ts).
  bindFilterAttribute(root, (layer, ids) => handle!.setFeatureFilter(layer, ids));
  // The trip planner's plan and point picking (./plan-map.ts), only on the page that asks for them.
  const planRoot = root.closest<HTMLElement>('[data-plan-map]');
  if (planRoot) (await import('./plan-map.ts')).bindPlanMap(planRoot, handle, canvas);

  // Tools.
  const { bindTools } = await toolsModule;
  bindTools(root, handle, say);
  // Ready means complete, base map included (tests and benchmarks wait for it); the reader could use the map before.
  await handle.baseMapReady;
  // Tests and benchmarks reach the handle here; it exposes no OpenLayers state a page relies on.
  Object.assign(root, { geoportalMap: handle });
  root.dataset['ready'] = 'true';
  return handle;
}
