/**
 * A WMTS base map (the city's own 天地图 node, or any WMTS) read from its
 * GetCapabilities with ol/format/WMTSCapabilities. The document comes from
 * the site's own route (/config/basemap/capabilities.xml), which fetches only
 * the URL in site.yaml, checks and caches it; a 502 from it carries the
 * reason. Loaded with `import()` only when the site's base map is a WMTS.
 *
 * Tiles are fetched with fetch(), as 天地图's are (./base-layers.ts), so an
 * error answer is told apart from a tile and the map falls back to the
 * 示意底图 instead of drawing broken tiles.
 */
import WMTSCapabilities from 'ol/format/WMTSCapabilities.js';
import TileLayer from 'ol/layer/Tile.js';
import WMTS, { optionsFromCapabilities } from 'ol/source/WMTS.js';
import TileState from 'ol/TileState.js';
import type ImageTile from 'ol/ImageTile.js';
import type Tile from 'ol/Tile.js';
import { isTiandituErrorResponse } from './tianditu.ts';
import type { BaseMapSourceConfig } from './types.ts';

type WmtsConfig = Extract<BaseMapSourceConfig, { kind: 'wmts' }>;

const CAPABILITIES_TIMEOUT_MS = 10_000;
const TILE_TIMEOUT_MS = 10_000;
const NETWORK_FAILURES_BEFORE_FALLBACK = 4;
const LABEL = '本市底图服务（WMTS）';

/** The reason in the server's 502 answer ({ fallback: 'offline', reason }), if it gave one. */
async function serverReason(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.json()) as { reason?: unknown };
    return typeof body.reason === 'string' && body.reason !== '' ? body.reason.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the capabilities text into WMTS source options for `projection`; throws with the reason. */
export function wmtsOptions(xml: string, cfg: Pick<WmtsConfig, 'layer' | 'matrixSet'>, projection: string): ReturnType<typeof optionsFromCapabilities> & object {
  // The server route has checked the document already (src/server/wmts-capabilities.ts); this guards the browser's side.
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error(`${LABEL}的 GetCapabilities 文档无法解析`);
  let caps: Record<string, unknown>;
  try {
    caps = new WMTSCapabilities().read(doc) as Record<string, unknown>;
  } catch {
    throw new Error(`${LABEL}的 GetCapabilities 文档无法解析`);
  }
  const contents = caps['Contents'] as { Layer?: { Identifier?: string }[] } | undefined;
  if (!contents?.Layer?.length) throw new Error(`${LABEL}的 GetCapabilities 文档无法解析：没有图层`);
  if (!contents.Layer.some((l) => l.Identifier === cfg.layer)) throw new Error(`${LABEL}的 GetCapabilities 中没有配置的图层“${cfg.layer}”`);
  let options: ReturnType<typeof optionsFromCapabilities>;
  try {
    options = optionsFromCapabilities(caps, { layer: cfg.layer, ...(cfg.matrixSet ? { matrixSet: cfg.matrixSet } : { projection }) });
  } catch {
    options = null;
  }
  if (!options) throw new Error(`${LABEL}的图层“${cfg.layer}”没有可用的矩阵集${cfg.matrixSet ? `“${cfg.matrixSet}”` : `（地图投影 ${projection}）`}`);
  return options;
}

export async function createWmtsBaseLayer(cfg: WmtsConfig, projection: string, onFailure: (reason: string) => void): Promise<TileLayer> {
  let res: Response;
  try {
    res = await fetch(cfg.capabilitiesUrl, { headers: { accept: 'application/xml' }, signal: AbortSignal.timeout(CAPABILITIES_TIMEOUT_MS) });
  } catch {
    throw new Error(`${LABEL}无法连接`);
  }
  if (!res.ok) {
    const reason = await serverReason(res);
    throw new Error(`${LABEL}不可用${reason ? `：${reason}` : `（HTTP ${res.status}）`}`);
  }
  const options = wmtsOptions(await res.text(), cfg, projection);

  let failed = false;
  let networkFailures = 0;
  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    layer.setSource(null);
    onFailure(reason);
  };
  const source = new WMTS({
    ...options,
    crossOrigin: 'anonymous',
    tileLoadFunction: (tile: Tile, src: string) => {
      const image = tile as ImageTile;
      if (failed) return image.setState(TileState.ERROR);
      fetch(src, { mode: 'cors', credentials: 'omit', signal: AbortSignal.timeout(TILE_TIMEOUT_MS) })
        .then(async (r) => {
          if (isTiandituErrorResponse(r.status, r.headers.get('content-type'))) {
            image.setState(TileState.ERROR);
            fail(r.status >= 400 ? `${LABEL}返回错误（HTTP ${r.status}）` : `${LABEL}返回的不是地图图片`);
            return;
          }
          networkFailures = 0;
          const url = URL.createObjectURL(await r.blob());
          const img = image.getImage() as HTMLImageElement;
          const revoke = () => URL.revokeObjectURL(url);
          img.addEventListener('load', revoke, { once: true });
          img.addEventListener('error', revoke, { once: true });
          img.src = url;
        })
        .catch(() => {
          image.setState(TileState.ERROR);
          networkFailures += 1;
          if (networkFailures >= NETWORK_FAILURES_BEFORE_FALLBACK) fail(`${LABEL}无法连接`);
        });
    },
  });
  const layer = new TileLayer({ source, className: 'wmts-base', properties: { 'geoportal:basemap': 'wmts' } });
  return layer;
}
