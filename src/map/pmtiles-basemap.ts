/**
 * A vector base map from a PMTiles archive the bureau supplies, drawn by
 * ol-pmtiles and styled by its style document with ol-mapbox-style
 * (site.yaml map.pmtiles; the build checks both and copies them to
 * /basemap/). Loaded with `import()` only when that is the site's base map,
 * so no other page pays for ol-mapbox-style or the PMTiles reader.
 *
 * Before any tile is read the archive's header is fetched and checked
 * (./pmtiles-archive.ts) against the file's length from Content-Range: a
 * file missing on the server, not PMTiles, or cut short ends in the
 * 示意底图 with the reason, not in a map with holes.
 */
import VectorTileLayer from 'ol/layer/VectorTile.js';
import { equivalent, get as getProjection } from 'ol/proj.js';
import { applyBackground, applyStyle } from 'ol-mapbox-style';
import { PMTilesVectorSource } from 'ol-pmtiles';
import { checkArchive } from './pmtiles-archive.ts';
import type { BaseMapSourceConfig } from './types.ts';

type PmtilesConfig = Extract<BaseMapSourceConfig, { kind: 'pmtiles' }>;

/** What the PMTiles reader asks for first: the header and, usually, the root directory. */
const HEAD_BYTES = 16_384;
const TIMEOUT_MS = 10_000;
const TILE_ERRORS_BEFORE_FALLBACK = 4;
/** No third-party font CSS (see ./offline-basemap.ts). */
const NO_WEBFONTS = '/map-webfonts.css';

const nameOf = (url: string) => decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));

/** The total length of the file from a 206's Content-Range, or a 200's Content-Length. */
export function totalLength(status: number, headers: Headers): number | undefined {
  if (status === 206) {
    const m = /\/(\d+)\s*$/.exec(headers.get('content-range') ?? '');
    return m ? Number(m[1]) : undefined;
  }
  const length = headers.get('content-length');
  return length === null ? undefined : Number(length);
}

async function checkServedArchive(url: string): Promise<void> {
  const name = nameOf(url);
  let res: Response;
  try {
    res = await fetch(url, { headers: { range: `bytes=0-${HEAD_BYTES - 1}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new Error(`底图文件 ${name} 无法加载（网络错误）`);
  }
  if (res.status === 404 || res.status === 410) throw new Error(`底图文件 ${name} 不存在（HTTP ${res.status}）`);
  if (res.status === 416) throw new Error(`底图文件 ${name} 是空的`);
  if (!res.ok) throw new Error(`底图文件 ${name} 无法加载（HTTP ${res.status}）`);
  if (res.status !== 206) throw new Error(`底图文件 ${name} 所在的服务器不支持按字节范围读取（HTTP Range），无法使用 PMTiles`);
  const checked = checkArchive(await res.arrayBuffer(), totalLength(res.status, res.headers), name);
  if (!checked.ok) throw new Error(checked.reason);
}

async function loadStyle(url: string): Promise<{ style: Record<string, unknown>; source: string }> {
  const name = nameOf(url);
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new Error(`底图样式 ${name} 无法加载（网络错误）`);
  }
  if (!res.ok) throw new Error(`底图样式 ${name} 无法加载（HTTP ${res.status}）`);
  let style: { sources?: Record<string, { type?: string }> };
  try {
    style = (await res.json()) as typeof style;
  } catch {
    throw new Error(`底图样式 ${name} 不是有效的 JSON`);
  }
  const vector = Object.entries(style.sources ?? {}).filter(([, s]) => s.type === 'vector');
  if (vector.length !== 1) throw new Error(`底图样式 ${name} 应有且只有一个矢量数据源`);
  return { style: style as Record<string, unknown>, source: vector[0]![0] };
}

export async function createPmtilesBaseLayer(cfg: PmtilesConfig, projection: string, onFailure: (reason: string) => void): Promise<VectorTileLayer> {
  const proj = getProjection(projection);
  if (!proj || !equivalent(proj, getProjection('EPSG:3857')!))
    throw new Error('PMTiles 底图只能用于 Web 墨卡托投影（site.yaml map.matrixSet: w）');
  const [, { style, source: sourceId }] = await Promise.all([checkServedArchive(cfg.archiveUrl), loadStyle(cfg.styleUrl)]);

  const source = new PMTilesVectorSource({ url: new URL(cfg.archiveUrl, document.baseURI).href });
  const layer = new VectorTileLayer({ declutter: true, source, className: 'pmtiles-base', properties: { 'geoportal:basemap': 'pmtiles' } });
  let errors = 0;
  source.on('tileloaderror', () => {
    errors += 1;
    if (errors === TILE_ERRORS_BEFORE_FALLBACK) {
      layer.setSource(null);
      onFailure(`底图文件 ${nameOf(cfg.archiveUrl)} 的瓦片无法读取`);
    }
  });
  const styleUrl = new URL(cfg.styleUrl, document.baseURI).href;
  try {
    await applyStyle(layer, style, { source: sourceId, updateSource: false, styleUrl, webfonts: NO_WEBFONTS });
    await applyBackground(layer, style, { webfonts: NO_WEBFONTS });
  } catch (e) {
    throw new Error(`底图样式 ${nameOf(cfg.styleUrl)} 无法使用：${e instanceof Error ? e.message : String(e)}`);
  }
  return layer;
}
