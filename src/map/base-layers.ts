/**
 * The Tianditu base map and its failure detection. Tiles are fetched with
 * fetch() rather than an <img>, because only a response tells an error page
 * apart from a tile: 403/418/429, or a JSON/HTML body where an image should
 * be. On the first such answer (or a few network failures in a row) the
 * Tianditu layers are given up for this page and the caller switches to the
 * offline base map: no broken tiles, no endless retries.
 */
import TileLayer from 'ol/layer/Tile.js';
import TileState from 'ol/TileState.js';
import type ImageTile from 'ol/ImageTile.js';
import type Tile from 'ol/Tile.js';
import type XYZ from 'ol/source/XYZ.js';
import { createTiandituSource, isTiandituErrorResponse, tiandituLayers, type TiandituLayer } from './tianditu.ts';
import type { AnnotationLang, BaseMapId, MatrixSet } from './types.ts';

const NETWORK_FAILURES_BEFORE_FALLBACK = 4;
const TILE_TIMEOUT_MS = 10_000;

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

  private source(layer: TiandituLayer): XYZ {
    const source = createTiandituSource(layer, this.set, this.key);
    source.setTileLoadFunction((tile: Tile, src: string) => this.load(tile as ImageTile, src));
    return source;
  }

  private fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.base.setSource(null);
    this.annotation.setSource(null);
    this.onFailure(reason);
  }

  private load(tile: ImageTile, src: string): void {
    if (this.failed) {
      tile.setState(TileState.ERROR);
      return;
    }
    fetch(src, { mode: 'cors', credentials: 'omit', signal: AbortSignal.timeout(TILE_TIMEOUT_MS) })
      .then(async (res) => {
        if (isTiandituErrorResponse(res.status, res.headers.get('content-type'))) {
          tile.setState(TileState.ERROR);
          this.fail(res.status >= 400 ? `天地图服务返回错误（HTTP ${res.status}）` : '天地图服务返回的不是地图图片');
          return;
        }
        this.networkFailures = 0;
        const url = URL.createObjectURL(await res.blob());
        const image = tile.getImage() as HTMLImageElement;
        image.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
        image.addEventListener('error', () => URL.revokeObjectURL(url), { once: true });
        image.src = url;
      })
      .catch(() => {
        tile.setState(TileState.ERROR);
        this.networkFailures += 1;
        if (this.networkFailures >= NETWORK_FAILURES_BEFORE_FALLBACK) this.fail('无法连接天地图服务');
      });
  }
}
