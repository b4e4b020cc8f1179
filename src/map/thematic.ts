/**
 * Thematic layers: GeoJSON collections published by the build, styled per
 * category, points clustered. Loading goes through fetch so that a missing
 * or malformed file becomes a message, not a silent empty layer.
 *
 * A layer fetches its data when it is first shown, or when load() asks
 * (the selection does, for a feature of a hidden layer): at 10,000 notices
 * the hidden layers' files are most of what the map would download.
 */
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import Cluster from 'ol/source/Cluster.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import type { Geometry } from 'ol/geom.js';
import { getCenter } from 'ol/extent.js';
import Point from 'ol/geom/Point.js';
import type { ThematicLayerConfig } from './types.ts';

export type ThematicLayer = {
  config: ThematicLayerConfig;
  layer: VectorLayer;
  /** The features themselves (a cluster layer renders a Cluster over this). */
  source: VectorSource<Feature<Geometry>>;
  /**
   * Resolves when loaded; rejects with a Chinese message on failure. Stays
   * pending while the layer has never been shown nor load() called.
   */
  ready: Promise<void>;
  /** Starts loading, once (later calls do nothing more), and returns `ready`. */
  load(): Promise<void>;
  /** 'idle' until shown or asked to load; then 'loading', and 'loaded' or 'failed'. */
  state(): LoadState;
};

export type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';

export const LAYER_PROPERTY = 'geoportal:layer';
const SELECTED = 'geoportal:selected';

/** The colour of a feature's category in a layer's legend. */
export function colorOf(config: ThematicLayerConfig, feature: Feature): string {
  const value = config.categoryProperty ? feature.get(config.categoryProperty) : undefined;
  return config.categories.find((c) => c.value === value)?.color ?? config.defaultColor;
}

function alpha(hex: string, a: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

const styleCache = new Map<string, Style>();
function cached(key: string, make: () => Style): Style {
  let s = styleCache.get(key);
  if (!s) styleCache.set(key, (s = make()));
  return s;
}

function pointStyle(color: string, selected: boolean): Style {
  return cached(`p${color}${selected}`, () =>
    new Style({
      image: new Circle({
        radius: selected ? 10 : 7,
        fill: new Fill({ color }),
        stroke: new Stroke({ color: selected ? '#000' : '#fff', width: selected ? 3 : 2 }),
      }),
      zIndex: selected ? 10 : 1,
    }),
  );
}

function clusterStyle(color: string, size: number): Style {
  return cached(`c${color}${size}`, () =>
    new Style({
      image: new Circle({ radius: 11 + Math.min(12, Math.log2(size) * 3), fill: new Fill({ color }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
      text: new Text({ text: String(size), fill: new Fill({ color: '#fff' }), font: 'bold 13px sans-serif' }),
    }),
  );
}

function areaStyle(color: string, selected: boolean, area?: ThematicLayerConfig['area']): Style {
  return cached(`a${color}${selected}${area ? `${area.outline}${area.fillOpacity}` : ''}`, () =>
    new Style({
      stroke: new Stroke({ color: selected ? '#000' : (area?.outline ?? color), width: selected ? 4 : area ? 1.5 : 2 }),
      fill: new Fill({ color: alpha(color, area ? Math.min(1, area.fillOpacity + (selected ? 0.15 : 0)) : selected ? 0.35 : 0.18) }),
      image: new Circle({ radius: 7, fill: new Fill({ color }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      zIndex: selected ? 10 : 1,
    }),
  );
}

export function setSelected(feature: Feature | undefined, previous: Feature | undefined): void {
  previous?.set(SELECTED, false);
  feature?.set(SELECTED, true);
}

/**
 * Creates a thematic layer, hidden: the caller shows it (setVisible) when
 * the map state says so, which starts the fetch. Features are read into the
 * view's projection as it is when they arrive (`projection`: the view may be
 * replaced before, src/map/reproject.ts).
 */
export function createThematicLayer(config: ThematicLayerConfig, projection: () => string): ThematicLayer {
  const source = new VectorSource<Feature<Geometry>>();
  const format = new GeoJSON({ dataProjection: 'EPSG:4326' });
  let state: LoadState = 'idle';
  const fetchFeatures = () =>
    fetch(config.url).then(async (res) => {
      if (!res.ok) throw new Error(`图层“${config.title}”的数据无法加载（HTTP ${res.status}）`);
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        throw new Error(`图层“${config.title}”的数据不是有效的 GeoJSON`);
      }
      let features: Feature<Geometry>[];
      try {
        features = format.readFeatures(json, { featureProjection: projection() }) as Feature<Geometry>[];
      } catch {
        throw new Error(`图层“${config.title}”的数据不是有效的 GeoJSON`);
      }
      for (const f of features) f.set(LAYER_PROPERTY, config.id);
      source.addFeatures(features);
    });
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const load = () => {
    if (state === 'idle') {
      state = 'loading';
      fetchFeatures().then(
        () => ((state = 'loaded'), settle.resolve()),
        (e: Error) => ((state = 'failed'), settle.reject(e)),
      );
    }
    return ready;
  };

  const styleFeature = (feature: Feature): Style => {
    const color = colorOf(config, feature);
    const selected = feature.get(SELECTED) === true;
    const type = feature.getGeometry()?.getType();
    return type === 'Point' || type === 'MultiPoint' ? pointStyle(color, selected) : areaStyle(color, selected, config.area);
  };

  let layer: VectorLayer;
  if (config.cluster) {
    const cluster = new Cluster({
      source,
      distance: 40,
      minDistance: 12,
      // Clusters gather points only; a polygon is represented by its centre.
      geometryFunction: (f) => {
        const g = f.getGeometry();
        if (!g) return null;
        return g.getType() === 'Point' ? (g as Point) : new Point(getCenter(g.getExtent()));
      },
    });
    layer = new VectorLayer({
      source: cluster,
      style: (clusterFeature) => {
        const members = clusterFeature.get('features') as Feature[];
        if (members.length === 1) return styleFeature(members[0]!);
        return clusterStyle(colorOf(config, members[0]!), members.length);
      },
    });
  } else {
    layer = new VectorLayer({ source, style: (f) => styleFeature(f as Feature) });
  }
  layer.set(LAYER_PROPERTY, config.id);
  layer.setVisible(false);
  // The first time it is shown; `ready` has the handlers of whoever waits for it.
  layer.on('change:visible', () => {
    if (layer.getVisible()) void load().catch(() => undefined);
  });
  return { config, layer, source, ready, load, state: () => state };
}
