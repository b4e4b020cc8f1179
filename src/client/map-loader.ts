/**
 * Loads the map module only when a map is on screen, so OpenLayers never
 * weighs on other pages, nor on a page's first paint. The
 * runtime configuration (/config/map.json) is asked for in the same moment,
 * not after the map code has arrived: the map starts without it and adds
 * the base map when it answers (src/map/map.ts).
 */
import { fetchRuntimeConfig } from '../map/config-fetch.ts';
import { announceMap } from './map-handles.ts';
import type { MapSetup } from '../map/map.ts';
import type { LonLatExtent } from '../map/types.ts';

async function start(root: HTMLElement): Promise<void> {
  const setup = JSON.parse(root.querySelector('script[data-map-setup]')!.textContent!) as MapSetup;
  const extent = JSON.parse(root.dataset['homeExtent'] ?? '[]') as LonLatExtent;
  const loading = root.querySelector<HTMLElement>('.map-loading');
  const config = fetchRuntimeConfig(setup.runtimeConfigUrl);
  try {
    const { mountMap } = await import('../map/ui.ts');
    // Page scripts that work with their map (the 压覆查询 page) get the handle through ./map-handles.ts.
    announceMap(root, await mountMap(root, setup, extent, config));
    loading?.remove();
  } catch (e) {
    if (loading) loading.textContent = `地图无法加载：${(e as Error).message}。页面中的文字信息不受影响。`;
    root.dataset['ready'] = 'error';
  }
}

// Every map starts when it is (about to be) on screen, the full map page's too: an IntersectionObserver
// reports first after the page's first rendering, so the map code is fetched and run after the page's
// text has painted, never in the way of it.
for (const root of document.querySelectorAll<HTMLElement>('[data-map]')) {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      void start(root);
    }
  }, { rootMargin: '200px' });
  observer.observe(root);
}
