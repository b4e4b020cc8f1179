/**
 * Drawing a project area on a map, by mouse or keyboard, and showing it with
 * the blocks it is tested against (the 压覆查询 pre-check, /overlay/). By
 * keyboard it works like the measuring tool (./tools.ts): with the map
 * focused, the arrow keys move the map under a crosshair at its centre, Enter
 * adds that point, Backspace takes the last one back, Shift+Enter closes the
 * polygon, Esc cancels. The area comes back as GeoJSON in CGCS2000 lon/lat.
 */
import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type { Polygon } from 'ol/geom.js';
import { toLonLat, transformExtent } from 'ol/proj.js';
import { Fill, Stroke, Style, Circle } from 'ol/style.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { MapHandle } from './map.ts';
import { LAYER_Z } from './layer-order.ts';
import { addCrosshair } from './crosshair.ts';
import { bindKeyboardDrawing } from './keyboard-draw.ts';
import type { Say } from './types.ts';

export type DrawnArea = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export type AreaDrawer = {
  /** Starts drawing (the previous area is cleared); `done` gets the closed polygon. */
  start(done: (area: DrawnArea) => void): void;
  cancel(): void;
  readonly drawing: boolean;
  /** Shows an area (drawn or uploaded) and frames it. */
  showArea(area: DrawnArea | undefined): void;
  /** The blocks tested against; `hit` marks the ones the area overlies. */
  showBlocks(blocks: { type: 'FeatureCollection'; features: object[] }, hit: ReadonlySet<string>): void;
};

const AREA_STYLE = new Style({
  stroke: new Stroke({ color: '#0a4b94', width: 3, lineDash: [8, 6] }),
  fill: new Fill({ color: 'rgba(10, 75, 148, 0.15)' }),
  image: new Circle({ radius: 5, fill: new Fill({ color: '#0a4b94' }) }),
});
// Mining blocks and parcels in their layer colours (src/lib/collections.ts PALETTE); hits drawn thicker and filled.
const blockStyle = (kind: string, hit: boolean) =>
  new Style({
    stroke: new Stroke({ color: kind === 'mining' ? '#8e44ad' : '#2e7d32', width: hit ? 3 : 1.5 }),
    fill: new Fill({ color: hit ? (kind === 'mining' ? 'rgba(142, 68, 173, 0.35)' : 'rgba(46, 125, 50, 0.35)') : 'rgba(255, 255, 255, 0.1)' }),
  });
const BLOCK_STYLES = { mining: [blockStyle('mining', false), blockStyle('mining', true)], parcel: [blockStyle('parcel', false), blockStyle('parcel', true)] };

export function createAreaDrawer(root: HTMLElement, map: MapHandle, say: Say): AreaDrawer {
  const olMap = map.olMap;
  const areaSource = new VectorSource();
  const blockSource = new VectorSource();
  let hits: ReadonlySet<string> = new Set();
  olMap.addLayer(new VectorLayer({
    source: blockSource,
    zIndex: LAYER_Z.measure - 1,
    style: (f: FeatureLike) => BLOCK_STYLES[f.get('kind') === 'mining' ? 'mining' : 'parcel'][hits.has(String(f.getId())) ? 1 : 0],
  }));
  olMap.addLayer(new VectorLayer({ source: areaSource, style: AREA_STYLE, zIndex: LAYER_Z.measure }));
  const format = () => new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: map.projection });

  const canvas = root.querySelector<HTMLElement>('.map-canvas');
  const crosshair = addCrosshair(canvas);

  let draw: Draw | undefined;
  const stop = () => {
    if (draw) olMap.removeInteraction(draw);
    draw = undefined;
    keyboard.reset();
    crosshair.hidden = true;
  };

  // Esc cancels here (the measuring tool's Esc is the map's); the rest is the shared keyboard drawing.
  canvas?.addEventListener('keydown', (e) => {
    if (!draw || e.key !== 'Escape') return;
    draw.abortDrawing();
    stop();
    say('已取消绘制。', 'info');
  });
  const keyboard = bindKeyboardDrawing(canvas, { olMap, draw: () => draw, least: () => 3, noun: '顶点', finishVerb: '闭合', say });

  return {
    get drawing() {
      return draw !== undefined;
    },
    start(done) {
      stop();
      areaSource.clear();
      draw = new Draw({ source: areaSource, type: 'Polygon', style: AREA_STYLE });
      draw.on('drawstart', () => areaSource.clear());
      draw.on('drawend', (e) => {
        const ring = (e.feature.getGeometry() as Polygon).getCoordinates()[0] ?? [];
        stop();
        // Six decimals (about 0.1 m), as the data files write lon/lat.
        const lonLat = ring.map((c) => toLonLat(c, map.projection).map((v) => Math.round(v * 1e6) / 1e6));
        done({ type: 'Polygon', coordinates: [lonLat] });
      });
      olMap.addInteraction(draw);
      crosshair.hidden = false;
    },
    cancel() {
      draw?.abortDrawing();
      stop();
    },
    showArea(area) {
      areaSource.clear();
      if (!area) return;
      const feature = format().readFeature({ type: 'Feature', properties: {}, geometry: area });
      areaSource.addFeatures(Array.isArray(feature) ? feature : [feature]);
      const drawn = areaSource.getExtent();
      if (!drawn) return;
      map.fitLonLatExtent(transformExtent(drawn, map.projection, 'EPSG:4326') as [number, number, number, number], { padding: 40, maxZoom: 16 });
    },
    showBlocks(blocks, hit) {
      hits = hit;
      if (blockSource.getFeatures().length === 0) blockSource.addFeatures(format().readFeatures(blocks));
      blockSource.changed();
    },
  };
}
