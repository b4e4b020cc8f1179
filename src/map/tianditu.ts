/**
 * Tianditu (天地图) tiles: layer codes, zoom ranges, hand-built tile grids,
 * GetTile URLs and the OpenLayers source. No DOM access, so it runs in unit
 * tests. Facts and their sources: shared/reference/tianditu.md §1, §5.
 */
import type { ImageLike } from 'ol/DataTile.js';
import { get as getProjection } from 'ol/proj.js';
import ImageTile from 'ol/source/ImageTile.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import type { AnnotationLang, BaseMapId, MatrixSet } from './types.ts';

/** Tianditu layer codes: base maps and their Chinese/English annotations. */
export type TiandituLayer = 'vec' | 'cva' | 'eva' | 'img' | 'cia' | 'eia' | 'ter' | 'cta';

/** The two Tianditu layers that make up one base map. */
export type TiandituLayerPair = { base: TiandituLayer; annotation: TiandituLayer };

const ANNOTATION: Record<BaseMapId, Record<AnnotationLang, TiandituLayer>> = {
  vec: { zh: 'cva', en: 'eva' },
  img: { zh: 'cia', en: 'eia' },
  // Tianditu has no English terrain annotation ("eta" does not exist): fall back to cta.
  ter: { zh: 'cta', en: 'cta' },
};

/** The base and annotation layer codes for a base map in a language. */
export function tiandituLayers(base: BaseMapId, lang: AnnotationLang): TiandituLayerPair {
  return { base, annotation: ANNOTATION[base][lang] };
}

/** Tianditu's pyramid starts at level 1 in both matrix sets; there is no level 0. */
export const TIANDITU_MIN_ZOOM = 1;

/**
 * Highest native level of a layer. Terrain is served to about 14 (sources
 * disagree, §1.4); OpenLayers over-zooms the level-14 tiles beyond that.
 */
export function nativeMaxZoom(layer: TiandituLayer): number {
  return layer === 'ter' || layer === 'cta' ? 14 : 18;
}

export const TIANDITU_SUBDOMAINS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'] as const;

/**
 * The subdomain for a tile. Derived from the tile itself (not chosen at
 * random or round-robin) so a tile always comes from the same host and the
 * browser's HTTP cache is hit on every later view.
 */
export function tiandituSubdomain(x: number, y: number): string {
  const n = TIANDITU_SUBDOMAINS.length;
  return TIANDITU_SUBDOMAINS[(((x + y) % n) + n) % n]!;
}

/**
 * The WMTS KVP GetTile URL of one tile. z is the TILEMATRIX id (1–18),
 * x the TILECOL and y the TILEROW, both counted from the top-left origin.
 */
export function tiandituTileUrl(layer: TiandituLayer, set: MatrixSet, z: number, x: number, y: number, key: string): string {
  return (
    `https://${tiandituSubdomain(x, y)}.tianditu.gov.cn/${layer}_${set}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
    `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=${set}&FORMAT=tiles` +
    `&TILEMATRIX=${z}&TILEROW=${y}&TILECOL=${x}&tk=${encodeURIComponent(key)}`
  );
}

/** CGCS2000 geographic 2D, as Tianditu's `c` set declares it (urn:ogc:def:crs:EPSG::4490). */
export const CGCS2000 = 'EPSG:4490';
const CGCS2000_DEF = '+proj=longlat +ellps=GRS80 +no_defs +type=crs';

/**
 * Registers EPSG:4490 with proj4 and OpenLayers; await it before using the
 * `c` matrix set. Idempotent. CGCS2000 and WGS84 differ by < 0.1 mm on the
 * ellipsoid, and proj4 applies no datum shift between them (§5).
 */
export async function registerCgcs2000(): Promise<void> {
  const existing = getProjection(CGCS2000);
  if (existing && existing.isGlobal()) return;
  // proj4 is some 40 KB gzipped: only deployments on the c matrix set load it.
  const [{ default: proj4 }, { register }] = await Promise.all([import('proj4'), import('ol/proj/proj4.js')]);
  if (!proj4.defs(CGCS2000)) proj4.defs(CGCS2000, CGCS2000_DEF);
  register(proj4);
  const projection = getProjection(CGCS2000);
  if (!projection) throw new Error('EPSG:4490 was not registered');
  // ol/proj/proj4 creates the projection without an extent: set it, and mark
  // it global so sources can wrap the world horizontally as in EPSG:3857.
  projection.setExtent([-180, -90, 180, 90]);
  projection.setWorldExtent([-180, -90, 180, 90]);
  projection.setGlobal(true);
}

/** The map projection of a matrix set: Web Mercator for `w`, CGCS2000 lon/lat for `c`. */
export function mapProjection(set: MatrixSet): 'EPSG:3857' | 'EPSG:4490' {
  if (set === 'w') return 'EPSG:3857';
  if (!getProjection(CGCS2000)?.isGlobal()) throw new Error('EPSG:4490 is not registered yet: await registerCgcs2000() first');
  return CGCS2000;
}

/** Half the width of the Web Mercator world, in metres (2πR/2 with R = 6378137). */
const MERCATOR_HALF = Math.PI * 6378137;
/** Level-1 resolutions: `w` 156543.03392804097 / 2 m/px, `c` 0.703125 °/px (§1.5). */
const LEVEL1_RESOLUTION: Record<MatrixSet, number> = { w: (2 * MERCATOR_HALF) / 256 / 2, c: 0.703125 };

/** The resolution of Tianditu level z (TILEMATRIX id) in a matrix set. */
export function tiandituResolution(set: MatrixSet, z: number): number {
  return LEVEL1_RESOLUTION[set] / 2 ** (z - 1);
}

/**
 * The tile grid of a matrix set, built by hand: OpenLayers' capabilities
 * parser assumes 0.28 mm pixels where Tianditu's scale denominators assume
 * 96 DPI, which would make every resolution 5.8 % too large (§1.6).
 *
 * Array index = Tianditu level, so index 0 is a placeholder (twice the
 * level-1 resolution, matrix id "0"). minZoom 1 keeps it from ever being
 * requested: OpenLayers draws level-1 tiles scaled down instead.
 */
export function tiandituTileGrid(set: MatrixSet, maxZoom = 18): WMTSTileGrid {
  const resolutions: number[] = [];
  const matrixIds: string[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    resolutions.push(tiandituResolution(set, z));
    matrixIds.push(String(z));
  }
  const extent = set === 'w' ? [-MERCATOR_HALF, -MERCATOR_HALF, MERCATOR_HALF, MERCATOR_HALF] : [-180, -90, 180, 90];
  return new WMTSTileGrid({
    // Top-left corner: (-20037508.34, 20037508.34) for w, (-180, 90) for c.
    origin: [extent[0]!, extent[3]!],
    // The extent limits requests to the rows and columns that exist.
    extent,
    resolutions,
    matrixIds,
    minZoom: TIANDITU_MIN_ZOOM,
    tileSize: 256,
  });
}

/**
 * The GetTile URL of a layer's tile at OpenLayers tile coordinates, or
 * undefined outside the layer's levels (below level 1, above `maxZoom`).
 * OpenLayers tile coordinates are [z, x, y] with y counted downwards from the
 * grid's top-left origin (OpenLayers ≥ 6), which is exactly WMTS TILEROW; z
 * is the TILEMATRIX id because the grid's matrix ids are its levels
 * (tiandituTileGrid).
 */
export function tiandituTileUrlFunction(layer: TiandituLayer, set: MatrixSet, key: string, maxZoom = nativeMaxZoom(layer)): (z: number, x: number, y: number) => string | undefined {
  const top = Math.min(maxZoom, nativeMaxZoom(layer));
  return (z, x, y) => (Number.isInteger(z) && z >= TIANDITU_MIN_ZOOM && z <= top ? tiandituTileUrl(layer, set, z, x, y, key) : undefined);
}

/** Loads one tile image from its URL; rejects to mark the tile as failed. `signal` aborts when OpenLayers no longer needs the tile. */
export type TiandituTileLoader = (url: string, signal: AbortSignal) => Promise<ImageLike>;

export type TiandituSourceOptions = {
  /** Attribution HTML (the 天地图 line with 审图号, from RuntimeMapConfig). */
  attributions?: string;
  /** Highest level to request; defaults to the layer's native maximum. */
  maxZoom?: number;
};

/**
 * An OpenLayers source for one Tianditu layer: ol/source/ImageTile with a
 * loader that asks `load` for the URL of tiandituTileUrlFunction.
 *
 * Why a URL function rather than ol/source/WMTS: WMTS builds the query itself
 * (its own parameter order, the key in the base URL) and picks the subdomain
 * from its own hash; the function gives the exact documented GetTile URL and
 * the deterministic subdomain above. Why a loader of our own: the fallback
 * code (base-layers.ts) fetch()es each tile to tell an error page from a tile.
 *
 * wrapX: OpenLayers hands the loader the coordinates of the tile in the first
 * world. crossOrigin 'anonymous' keeps the canvas untainted for PNG export.
 */
export function createTiandituSource(layer: TiandituLayer, set: MatrixSet, key: string, load: TiandituTileLoader, options: TiandituSourceOptions = {}): ImageTile {
  const maxZoom = Math.min(options.maxZoom ?? nativeMaxZoom(layer), nativeMaxZoom(layer));
  const url = tiandituTileUrlFunction(layer, set, key, maxZoom);
  return new ImageTile({
    projection: mapProjection(set),
    tileGrid: tiandituTileGrid(set, maxZoom),
    loader: (z, x, y, { signal }) => {
      const href = url(z, x, y);
      return href ? load(href, signal) : Promise.reject(new Error(`天地图 ${layer} 没有第 ${z} 级`));
    },
    crossOrigin: 'anonymous',
    wrapX: true,
    ...(options.attributions !== undefined ? { attributions: options.attributions } : {}),
  });
}

/**
 * Whether a tile response is a Tianditu error rather than a tile: any
 * status ≥ 400 (403 bad or unwhitelisted key, 418 blocked client, 429 quota),
 * a status outside 200–399 (0 = opaque or network failure), or a textual body
 * (JSON, XML, HTML, text) where an image was expected. A missing content type
 * is not treated as an error: the image decoder decides.
 */
export function isTiandituErrorResponse(status: number, contentType: string | null): boolean {
  if (!Number.isFinite(status) || status < 200 || status >= 400) return true;
  if (contentType === null) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('image/')) return false;
  // text/*, application/json, application/xml, application/problem+json, …
  return type.startsWith('text/') || /[/+](json|xml|html)$/.test(type);
}
