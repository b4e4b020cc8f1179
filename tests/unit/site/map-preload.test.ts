import { afterEach, describe, expect, it } from 'vitest';
import { mapModulePreloads, mapPreloadPlugin, mapPreloads, staticClosure } from '../../../src/integrations/map-preload.ts';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = []) => ({ type: 'chunk' as const, fileName, facadeModuleId, imports });
/** A client bundle shaped like the real one: the loader imports ui dynamically; ui and tools share code. */
const BUNDLE = {
  '_astro/MapView.js': chunk('_astro/MapView.js', '/site/src/components/map/MapView.astro?astro&type=script&index=0&lang.ts', ['_astro/preload.js']),
  '_astro/SiteHeader.js': chunk('_astro/SiteHeader.js', '/site/src/components/SiteHeader.astro?astro&type=script&index=0&lang.ts', ['_astro/status.js']),
  '_astro/status.js': chunk('_astro/status.js', '/site/src/lib/status.ts'),
  '_astro/search.js': chunk('_astro/search.js', '/site/src/pages/search/index.astro?astro&type=script&index=0&lang.ts', ['_astro/preload.js']),
  '_astro/ui.js': chunk('_astro/ui.js', '/site/src/map/ui.ts', ['_astro/Vector.js', '_astro/MapView.js']),
  '_astro/tools.js': chunk('_astro/tools.js', '/site/src/map/tools.ts', ['_astro/ui.js', '_astro/Vector.js']),
  '_astro/Vector.js': chunk('_astro/Vector.js', null, ['_astro/proj.js']),
  '_astro/proj.js': chunk('_astro/proj.js', null),
  '_astro/preload.js': chunk('_astro/preload.js', null),
  '_astro/proj4.js': chunk('_astro/proj4.js', '/site/node_modules/ol/proj/proj4.js', ['_astro/proj.js']),
  '_astro/lib.js': chunk('_astro/lib.js', '/site/node_modules/proj4/lib/index.js'),
  '_astro/offline.js': chunk('_astro/offline.js', '/site/src/map/offline-basemap.ts', ['_astro/ui.js']),
  '_astro/a.css': { type: 'asset' as const, fileName: '_astro/a.css' },
};
const KEY = Symbol.for('geoportal.map-preload');
afterEach(() => delete (globalThis as Record<symbol, unknown>)[KEY]);

describe('the map page’s preloads', () => {
  it('are the map code, the tools and the scripts before the loader with their static imports, each once, ui first; proj4 only for c', () => {
    const lists = mapPreloads(BUNDLE);
    expect(lists.map).toEqual(['/_astro/ui.js', '/_astro/Vector.js', '/_astro/proj.js', '/_astro/MapView.js', '/_astro/preload.js', '/_astro/tools.js', '/_astro/SiteHeader.js', '/_astro/status.js']);
    expect(lists.map).not.toContain('/_astro/search.js');
    expect(lists.cgcs2000).toEqual(['/_astro/proj4.js', '/_astro/proj.js', '/_astro/lib.js']);
    expect(lists.map).not.toContain('/_astro/offline.js');
    expect(staticClosure(BUNDLE, '_astro/proj.js', '/geo/')).toEqual(['/geo/_astro/proj.js']);
  });

  it('the plugin leaves them for the pages; without a client build (astro dev) there are none', () => {
    expect(mapModulePreloads('w')).toEqual([]);
    const plugin = mapPreloadPlugin() as unknown as { configResolved(c: { base: string }): void; generateBundle(o: unknown, b: typeof BUNDLE): void };
    plugin.configResolved({ base: '/' });
    plugin.generateBundle({}, BUNDLE);
    expect(mapModulePreloads('w')).toEqual(mapPreloads(BUNDLE).map);
    expect(mapModulePreloads('c')).toEqual([...mapPreloads(BUNDLE).map, '/_astro/proj4.js', '/_astro/lib.js']);
    expect(mapPreloads({})).toEqual({ map: [], cgcs2000: [] });
  });
});
