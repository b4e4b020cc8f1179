/**
 * The offline base map (示意底图) as OpenLayers layers, built by
 * ol-mapbox-style from /map/offline-style.json (src/map/offline-style.ts).
 * This is the only module that imports ol-mapbox-style: the map module loads
 * it with `await import('./offline-basemap.ts')` only when the offline base
 * map is needed, so pages with Tianditu never download it.
 *
 * How ol-mapbox-style 13 is used, per projection (read from its apply.js):
 *
 * - It is `apply(layerGroup, styleObject, options)`: one LayerGroup holding a
 *   background layer and one VectorLayer per run of layers with the same
 *   GeoJSON source (fill + boundary lines, then labels; declutter on). The
 *   group goes into the map like any base layer. (`applyStyle()` on a single
 *   VectorLayer would draw one source only and no background.)
 * - GeoJSON sources must stay URLs: ol-mapbox-style reads URL data in the
 *   view's projection, but inline `data` objects always into EPSG:3857.
 * - w (EPSG:3857): no `projection` option. The GeoJSON is read as EPSG:4326
 *   and transformed to the view; zoom uses its default 3857 resolutions.
 * - c (EPSG:4490, or any lon/lat projection registered in OpenLayers with
 *   units 'degrees'): `projection: <code>` — the GeoJSON is then read as
 *   being in that projection, which is right for RFC 7946 lon/lat in
 *   CGCS2000 — and `resolutions` in degrees, 0.703125 / 2^z, so GL zoom z is
 *   Tianditu level z + 1 as in w. The projection must be registered before
 *   this is called (the map module does it for c); projections in other
 *   units are refused.
 * - `webfonts` is set to an empty stylesheet of the site (public/map-webfonts.css).
 *   By default ol-mapbox-style adds a <link> to cdn.jsdelivr.net/@fontsource
 *   for every `text-font` that the page has not loaded with @font-face, i.e.
 *   for the system CJK fonts the labels use; the site loads nothing from
 *   third parties, and the CSP allows no data: stylesheet.
 */
import LayerGroup from 'ol/layer/Group.js';
import VectorLayer from 'ol/layer/Vector.js';
import { equivalent, get as getProjection } from 'ol/proj.js';
import { apply } from 'ol-mapbox-style';
import { OFFLINE_LABEL, checkOfflineStyle } from './offline-style.ts';

/** Degrees per pixel at GL zoom 0..24 (Tianditu c level 1..25). */
export const DEGREE_RESOLUTIONS = Array.from({ length: 25 }, (_, z) => 0.703125 / 2 ** z);

/** No third-party font CSS (see above). */
const NO_WEBFONTS = '/map-webfonts.css';

export type OfflineBaseLayerOptions = {
  /** Called once if a data file (districts or labels) fails to load after the layer was created. */
  onDataError?: (error: Error) => void;
};

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** ol-mapbox-style options for the view projection (see the module comment). */
export function projectionOptions(projection: string): { projection?: string; resolutions?: number[] } {
  const proj = getProjection(projection);
  if (!proj) throw new Error(`示意底图无法创建：投影 ${projection} 尚未在 OpenLayers 中注册`);
  if (equivalent(proj, getProjection('EPSG:3857')!)) return {};
  if (proj.getUnits() === 'degrees') return { projection: proj.getCode(), resolutions: DEGREE_RESOLUTIONS };
  throw new Error(`示意底图无法创建：不支持投影 ${projection}（只支持 EPSG:3857 和经纬度投影）`);
}

/**
 * Fetches the offline style and builds its layers. Rejects with an Error
 * whose message is Chinese and names the cause when the style is missing,
 * not JSON, not the offline style, or ol-mapbox-style cannot use it.
 */
export async function createOfflineBaseLayer(styleUrl: string, projection: string, options: OfflineBaseLayerOptions = {}): Promise<LayerGroup> {
  const projOptions = projectionOptions(projection);
  const url = new URL(styleUrl, document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new Error(`示意底图样式无法加载（网络错误：${message(e)}）：${url}`);
  }
  if (!response.ok) throw new Error(`示意底图样式无法加载（HTTP ${response.status}）：${url}`);
  let style: unknown;
  try {
    style = await response.json();
  } catch {
    throw new Error(`示意底图样式不是有效的 JSON：${url}`);
  }
  const problems = checkOfflineStyle(style);
  if (problems.length > 0) throw new Error(`示意底图样式有误：${problems.join('；')}`);

  const group = new LayerGroup({ properties: { 'geoportal:offline': true, 'geoportal:label': OFFLINE_LABEL } });
  try {
    await apply(group, style, { styleUrl: url, webfonts: NO_WEBFONTS, ...projOptions });
  } catch (e) {
    throw new Error(`示意底图无法创建：${message(e)}`);
  }
  if (options.onDataError) {
    let reported = false;
    for (const layer of group.getLayers().getArray()) {
      if (!(layer instanceof VectorLayer)) continue;
      const source = layer.getSource();
      source?.on('featuresloaderror', () => {
        if (reported) return;
        reported = true;
        options.onDataError?.(new Error(`示意底图数据无法加载：${String(source.getUrl() ?? layer.get('mapbox-source'))}`));
      });
    }
  }
  return group;
}
