/**
 * The Tianditu base map and its failure detection. Tiles are fetched with
 * fetch() rather than an <img>, because only a response tells an error page
 * apart from a tile: 403/418/429, or a JSON/HTML body where an image should
 * be. On the first such answer (or a few network failures in a row) the
 * Tianditu layers are given up for this page and the caller switches to the
 * offline base map: no broken tiles, no endless retries.
 *
 * The fetch is the loader of the ol/source/ImageTile sources
 * (./tianditu.ts). OpenLayers aborts a tile's signal when it no longer needs
 * the tile (the view moved on, the source was replaced): such an abort is
 * not a failure of Tianditu and is not counted. A tile that takes longer than
 * 10 s is a network failure.
 */
import TileLayer from 'ol/layer/Tile.js';
import type ImageTile from 'ol/source/ImageTile.js';
import { createTiandituSource, isTiandituErrorResponse, tiandituLayers, type TiandituLayer } from './tianditu.ts';
import type { AnnotationLang, BaseMapId, MatrixSet } from './types.ts';

export const NETWORK_FAILURES_BEFORE_FALLBACK = 4;
export const TILE_TIMEOUT_MS = 10_000;

/** A signal that aborts when either does (AbortSignal.any where the browser has it: Chrome 116, Safari 17.4). */
export function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  for (const s of [a, b]) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/** Decodes an image blob into an <img> (what OpenLayers draws), through an object URL revoked once decoded. */
function decode(blob: Blob, signal: AbortSignal): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const image = new Image();
    const onAbort = () => {
      image.src = '';
      settle(() => reject(signal.reason));
    };
    const settle = (then: () => void) => {
      URL.revokeObjectURL(url);
      signal.removeEventListener('abort', onAbort);
      then();
    };
    image.addEventListener('load', () => settle(() => resolve(image)), { once: true });
    image.addEventListener('error', () => settle(() => reject(new Error('天地图瓦片无法解码'))), { once: true });
    signal.addEventListener('abort', onAbort, { once: true });
    image.src = url;
  });
}

export class TiandituBaseMap {
  readonly base: TileLayer;
  readonly annotation: TileLayer;
  private failed = false;
  private networkFailures = 0;
  private current = '';

  private readonly set: MatrixSet;
  private readonly key: string;
  private readonly onFailure: (reason: string) => void;

  constructor(set: MatrixSet, key: string, onFailure: (reason: string) => void) {
    this.set = set;
    this.key = key;
    this.onFailure = onFailure;
    this.base = new TileLayer({ className: 'tdt-base' });
    this.annotation = new TileLayer({ className: 'tdt-annotation' });
  }

  /** Shows a base map; sources are rebuilt only when the choice changes. */
  show(base: BaseMapId, lang: AnnotationLang): void {
    const { base: baseCode, annotation: annotationCode } = tiandituLayers(base, lang);
    const id = `${baseCode}/${annotationCode}`;
    if (id === this.current || this.failed) return;
    this.current = id;
    this.base.setSource(this.source(baseCode));
    this.annotation.setSource(this.source(annotationCode));
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  private source(layer: TiandituLayer): ImageTile {
    return createTiandituSource(layer, this.set, this.key, (url, signal) => this.load(url, signal));
  }

  private fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.base.setSource(null);
    this.annotation.setSource(null);
    this.onFailure(reason);
  }

  private networkFailure(): void {
    this.networkFailures += 1;
    if (this.networkFailures >= NETWORK_FAILURES_BEFORE_FALLBACK) this.fail('无法连接天地图服务');
  }

  /** The tile loader: resolves with the decoded image, rejects (the tile fails) on any error, and judges the answer. */
  async load(url: string, signal: AbortSignal): Promise<HTMLImageElement> {
    if (this.failed) throw new Error('天地图已停用');
    let blob: Blob;
    try {
      const res = await fetch(url, { mode: 'cors', credentials: 'omit', signal: eitherSignal(signal, AbortSignal.timeout(TILE_TIMEOUT_MS)) });
      if (isTiandituErrorResponse(res.status, res.headers.get('content-type'))) {
        const reason = res.status >= 400 ? `天地图服务返回错误（HTTP ${res.status}）` : '天地图服务返回的不是地图图片';
        this.fail(reason);
        throw new Error(reason);
      }
      this.networkFailures = 0;
      blob = await res.blob();
    } catch (e) {
      // OpenLayers gave the tile up: nothing to judge. An error answer has been judged above.
      if (!signal.aborted && !this.failed) this.networkFailure();
      throw e;
    }
    return decode(blob, signal);
  }
}
