/**
 * The base map under the data, chosen by the runtime configuration
 * (site.yaml map.basemap, resolved at build: ./types.ts BaseMapSourceConfig):
 * national 天地图, a WMTS (the city's own node), a PMTiles vector archive, or
 * the bundled 示意底图. Every failure of the chosen source (no key, a
 * capabilities document that is malformed or lacks the layer, an archive
 * that is missing or cut short, tiles that answer with errors) ends in the
 * 示意底图 with a notice saying why. The report names what is drawn, so the
 * attribution is always that source's own (src/map/ui.ts).
 *
 * The WMTS and PMTiles code is imported only when that source is configured,
 * and ol-mapbox-style only for PMTiles.
 */
import type OlMap from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import { TiandituBaseMap } from './base-layers.ts';
import { LAYER_Z } from './layer-order.ts';
import type { MapStore } from './state.ts';
import type { AnnotationLang, BaseMapCredit, BaseMapId, BaseMapSourceConfig, DrawnBaseMap, RuntimeMapConfig } from './types.ts';

export type BaseMapReport = {
  base: BaseMapId;
  lang: AnnotationLang;
  /** What is drawn now; the attribution follows it. */
  drawn: DrawnBaseMap;
  /** True when the 示意底图 is drawn. */
  offline: boolean;
  offlineReason?: string;
  /** Only 天地图 offers 矢量/影像/地形 and English annotation. */
  switchable: boolean;
  /** A WMTS or PMTiles base map's credit, when that is drawn (天地图's and the 示意底图's are in the page). */
  credit?: string;
};

/** A WMTS or PMTiles map's credit: its 审图号 when it has one, otherwise that it is no 标准地图. */
export const externalCredit = (c: BaseMapCredit): string => `${c.attribution} · ${c.reviewNo ? `审图号：${c.reviewNo}` : '非标准地图，不作为界线依据'}`;

export type BaseMapEvents = {
  status(message: string, kind: 'info' | 'warning' | 'error'): void;
  baseMapChanged(report: BaseMapReport): void;
};

/** The configured source; a configuration from before map.basemap existed means 天地图. */
export const configuredSource = (runtime: Pick<RuntimeMapConfig, 'basemap'>): BaseMapSourceConfig => runtime.basemap ?? { kind: 'tianditu' };

export function bindBaseMap(
  map: OlMap,
  store: MapStore,
  options: { runtime: RuntimeMapConfig; projection: string },
  events: BaseMapEvents,
): { report(): void } {
  const { runtime, projection } = options;
  const source = configuredSource(runtime);
  let drawn: DrawnBaseMap | undefined;
  let offlineReason: string | undefined;
  let tianditu: TiandituBaseMap | undefined;
  let external: BaseLayer | undefined;

  const report = () => {
    const { base, lang } = store.get();
    const now = drawn ?? (source.kind === 'offline' ? 'offline' : source.kind);
    const credit = (now === 'wmts' || now === 'pmtiles') && (source.kind === 'wmts' || source.kind === 'pmtiles') ? externalCredit(source) : undefined;
    events.baseMapChanged({ base, lang, drawn: now, offline: now === 'offline', ...(offlineReason ? { offlineReason } : {}), switchable: now === 'tianditu', ...(credit ? { credit } : {}) });
  };
  const draw = (what: DrawnBaseMap) => {
    drawn = what;
    report();
  };

  /** The 示意底图; `reason` says why the chosen source is not drawn (none when it was chosen). */
  const useOffline = async (reason: string | undefined) => {
    if (drawn === 'offline') return;
    if (external) map.removeLayer(external);
    external = undefined;
    offlineReason = reason;
    draw('offline');
    if (reason) events.status(`${reason}，当前显示示意底图。`, 'warning');
    try {
      // Its code (the flat-style compiler) is loaded only when the offline base map is needed.
      const { createOfflineBaseLayer } = await import('./offline-basemap.ts');
      const layer = await createOfflineBaseLayer(projection, { onDataError: (e) => events.status(`${e.message}。`, 'error') });
      layer.setZIndex(LAYER_Z.offlineBase);
      map.getLayers().insertAt(0, layer);
    } catch (e) {
      events.status(`示意底图也无法加载：${(e as Error).message}。专题数据仍可在列表中查看。`, 'error');
    }
  };

  /** A WMTS or PMTiles layer, built by its lazily loaded module; any failure → the 示意底图. */
  const useExternal = async (kind: 'wmts' | 'pmtiles', build: (onFailure: (reason: string) => void) => Promise<BaseLayer>) => {
    let failed = false;
    const onFailure = (reason: string) => {
      if (failed) return;
      failed = true;
      void useOffline(reason);
    };
    try {
      const layer = await build(onFailure);
      if (failed) return;
      layer.setZIndex(LAYER_Z.externalBase);
      external = layer;
      map.getLayers().insertAt(0, layer);
      draw(kind);
    } catch (e) {
      onFailure((e as Error).message);
    }
  };

  switch (source.kind) {
    case 'tianditu':
      if (runtime.tiandituKey) {
        tianditu = new TiandituBaseMap(runtime.matrixSet, runtime.tiandituKey, (reason) => void useOffline(reason));
        tianditu.base.setZIndex(LAYER_Z.tiandituBase);
        tianditu.annotation.setZIndex(LAYER_Z.tiandituAnnotation);
        map.addLayer(tianditu.base);
        map.addLayer(tianditu.annotation);
        tianditu.show(store.get().base, store.get().lang);
        drawn = 'tianditu';
      } else void useOffline('未配置天地图密钥');
      break;
    case 'wmts': {
      const cfg = source;
      void useExternal('wmts', async (onFailure) => (await import('./wmts-basemap.ts')).createWmtsBaseLayer(cfg, projection, onFailure));
      break;
    }
    case 'pmtiles': {
      const cfg = source;
      void useExternal('pmtiles', async (onFailure) => (await import('./pmtiles-basemap.ts')).createPmtilesBaseLayer(cfg, projection, onFailure));
      break;
    }
    case 'offline':
      void useOffline(source.reason);
      break;
  }

  store.subscribe((state, previous) => {
    if (state.base !== previous.base || state.lang !== previous.lang) {
      tianditu?.show(state.base, state.lang);
      report();
    }
  });
  return { report };
}
