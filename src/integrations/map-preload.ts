/**
 * Which built files a full map page preloads (`<link rel="modulepreload">`
 * after its stylesheets, at low priority: src/layouts/BaseLayout.astro,
 * src/pages/map/index.astro, src/pages/red/map/index.astro): the map code the loader imports
 * at once there (src/map/ui.ts), the tools it imports right after
 * (src/map/tools.ts), the page scripts that run before the loader (the
 * header's) and the loader itself, each with its static imports, and for a
 * site on the `c` matrix set the proj4 code that registers EPSG:4490.
 * Without the preload the browser finds the map code only when the page
 * script runs, after the HTML has been parsed, and the header script's
 * imports only once it has arrived.
 *
 * The file names carry content hashes that exist only once the client
 * bundle is written, while the pages are rendered after it in the same
 * process by a separate copy of the page code: the client build's plugin
 * below leaves the lists on globalThis (as src/data/index.ts does with its
 * cache) and the page reads them with mapModulePreloads(). `astro dev` has
 * no client bundle: no preload there.
 */
import type { Plugin } from 'vite';

const KEY = Symbol.for('geoportal.map-preload');

export type MapPreloads = { map: string[]; cgcs2000: string[] };

type Chunk = { type: 'chunk'; fileName: string; imports: string[]; facadeModuleId: string | null };
type Output = Chunk | { type: 'asset'; fileName: string };

/** The URL paths of a chunk and of everything it imports statically, each once, the chunk first. */
export function staticClosure(bundle: Readonly<Record<string, Output>>, fileName: string, base = '/'): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const chunk = bundle[name];
    if (seen.has(name) || !chunk || chunk.type !== 'chunk') return;
    seen.add(name);
    for (const dep of chunk.imports) visit(dep);
  };
  visit(fileName);
  return [...seen].map((f) => `${base}${f}`);
}

const normal = (id: string) => id.split('\\').join('/');

/** The lists for a written client bundle: the closures of the chunks whose facade module matches. */
export function mapPreloads(bundle: Readonly<Record<string, Output>>, base = '/'): MapPreloads {
  const chunks = Object.values(bundle).filter((c): c is Chunk => c.type === 'chunk' && c.facadeModuleId !== null);
  // In the order given: what the page needs first comes first.
  const closureOf = (...matches: ((id: string) => boolean)[]) =>
    [...new Set(matches.flatMap((match) => chunks.filter((c) => match(normal(c.facadeModuleId!))).flatMap((c) => staticClosure(bundle, c.fileName, base))))];
  return {
    map: closureOf(
      (id) => id.endsWith('/src/map/ui.ts'),
      (id) => id.endsWith('/src/map/tools.ts'),
      // Module scripts run in document order: the header's and the loader's imports come before the map starts.
      (id) => id.includes('/src/components/SiteHeader.astro?'),
      (id) => id.includes('/src/components/map/MapView.astro?'),
    ),
    cgcs2000: closureOf((id) => id.endsWith('/ol/proj/proj4.js'), (id) => id.includes('/node_modules/proj4/')),
  };
}

/** The client build's plugin: records the lists when the bundle is complete. */
export function mapPreloadPlugin(): Plugin {
  let base = '/';
  return {
    name: 'geoportal:map-preload',
    applyToEnvironment: (environment) => environment.name === 'client',
    configResolved(config) {
      base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    },
    generateBundle(_options, bundle) {
      (globalThis as { [KEY]?: MapPreloads })[KEY] = mapPreloads(bundle as unknown as Record<string, Output>, base);
    },
  };
}

/** What the full map page preloads for a site on `matrixSet`; nothing outside a build. */
export function mapModulePreloads(matrixSet: 'w' | 'c'): string[] {
  const lists = (globalThis as { [KEY]?: MapPreloads })[KEY];
  if (!lists) return [];
  return matrixSet === 'c' ? [...new Set([...lists.map, ...lists.cgcs2000])] : lists.map;
}
