/**
 * Geodesic measuring on the map: length and area, by pointer (click, double
 * click to end) and by keyboard (a crosshair at the centre, Enter adds it).
 * ./tools.ts loads this module when a measure button is first pressed: its
 * drawing and GeographicLib code is a fifth of the tools and weighs on the
 * map's start-up for a tool few readers use.
 */
import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { toLonLat } from 'ol/proj.js';
import type { LineString, Polygon } from 'ol/geom.js';
import { Fill, Stroke, Style, Circle } from 'ol/style.js';
import { formatArea, formatLength, geodesicArea, geodesicLength } from './geodesy.ts';
import type { MapHandle } from './map.ts';
import { LAYER_Z } from './layer-order.ts';
import { addCrosshair } from './crosshair.ts';
import { bindKeyboardDrawing } from './keyboard-draw.ts';
import type { Say } from './types.ts';

export type Measure = {
  /** What a press of a measure button does: starts that measurement, or ends it when it is the one running. */
  toggle(button: HTMLButtonElement): void;
};

export function createMeasure(root: HTMLElement, map: MapHandle, say: Say): Measure {
  const output = root.querySelector<HTMLElement>('.map-measure-result');
  const source = new VectorSource();
  const style = new Style({
    stroke: new Stroke({ color: '#0a4b94', width: 3, lineDash: [8, 6] }),
    fill: new Fill({ color: 'rgba(10, 75, 148, 0.12)' }),
    image: new Circle({ radius: 5, fill: new Fill({ color: '#0a4b94' }) }),
  });
  map.olMap.addLayer(new VectorLayer({ source, style, zIndex: LAYER_Z.measure }));
  let draw: Draw | undefined;
  let drawType: 'Polygon' | 'LineString' = 'LineString';
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-action^="measure-"]')];
  // Measuring by keyboard: arrows move the map under a crosshair at its centre, Enter adds that point.
  const canvas = root.querySelector<HTMLElement>('.map-canvas');
  const crosshair = addCrosshair(canvas);
  const keyboard = bindKeyboardDrawing(canvas, { olMap: map.olMap, draw: () => draw, least: () => (drawType === 'Polygon' ? 3 : 2), noun: '点', finishVerb: '结束', say });

  const stop = () => {
    if (draw) map.olMap.removeInteraction(draw);
    draw = undefined;
    crosshair.hidden = true;
    keyboard.reset();
    for (const b of buttons) b.setAttribute('aria-pressed', 'false');
  };

  const lonLats = (coords: number[][]) => coords.map((c) => toLonLat(c, map.projection) as [number, number]);

  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && draw) {
      draw.abortDrawing();
      stop();
      say('已取消测量。', 'info');
    }
  });

  return {
    toggle(button) {
      const wasActive = button.getAttribute('aria-pressed') === 'true';
      stop();
      source.clear();
      if (wasActive) {
        if (output) output.textContent = '';
        return;
      }
      const type = button.dataset['action'] === 'measure-area' ? 'Polygon' : 'LineString';
      drawType = type;
      draw = new Draw({ source, type, style });
      button.setAttribute('aria-pressed', 'true');
      crosshair.hidden = false;
      keyboard.reset();
      const keys = '用键盘：聚焦地图后用方向键移动，Enter 在十字中心加点，Backspace 撤销，Shift+Enter 结束';
      say(type === 'Polygon' ? `在地图上依次点击多边形的顶点，双击结束；按 Esc 取消。${keys}。` : `在地图上依次点击折线的点，双击结束；按 Esc 取消。${keys}。`, 'info');
      draw.on('drawend', (e) => {
        const g = e.feature.getGeometry() as LineString | Polygon;
        const text =
          type === 'Polygon'
            ? `面积：${formatArea(geodesicArea(lonLats((g as Polygon).getCoordinates()[0] ?? [])))}`
            : `长度：${formatLength(geodesicLength(lonLats((g as LineString).getCoordinates())))}`;
        if (output) output.textContent = `${text}（按 CGCS2000 椭球计算）`;
        stop();
      });
      map.olMap.addInteraction(draw);
    },
  };
}
