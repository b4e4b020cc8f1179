/**
 * Drawing by keyboard, for every tool that draws on a map (measuring,
 * ./tools.ts; the 压覆 project area, ./draw-area.ts): with the map focused,
 * the arrow keys move the map under the centre crosshair (./crosshair.ts),
 * Enter adds the point under it, Backspace takes the last one back and
 * Shift+Enter finishes once there are enough points. Each step is said.
 */
import type Draw from 'ol/interaction/Draw.js';
import type OlMap from 'ol/Map.js';
import type { Say } from './types.ts';

export interface KeyboardDrawingOptions {
  olMap: OlMap;
  /** The drawing in progress, if any. */
  draw: () => Draw | undefined;
  /** Points needed to finish: 2 for a line, 3 for a polygon. */
  least: () => number;
  /** What a point is called (点, 顶点) and what finishing does (结束, 闭合). */
  noun: string;
  finishVerb: string;
  say: Say;
}

export interface KeyboardDrawing {
  /** Forgets the points counted: call when a drawing starts or stops. */
  reset(): void;
}

export function bindKeyboardDrawing(canvas: HTMLElement | null, o: KeyboardDrawingOptions): KeyboardDrawing {
  let points = 0;
  canvas?.addEventListener('keydown', (e) => {
    const draw = o.draw();
    if (!draw || (e.key !== 'Enter' && e.key !== 'Backspace')) return;
    e.preventDefault();
    const least = o.least();
    if (e.key === 'Backspace') {
      if (points === 0) return;
      draw.removeLastPoint();
      points -= 1;
      o.say(`已撤销，还有 ${points} 个${o.noun}。`, 'info');
    } else if (e.shiftKey) {
      if (points < least) o.say(`至少需要 ${least} 个${o.noun}才能${o.finishVerb}（已有 ${points} 个）。`, 'warning');
      else draw.finishDrawing();
    } else {
      const centre = o.olMap.getView().getCenter();
      if (!centre) return;
      draw.appendCoordinates([centre]);
      points += 1;
      o.say(`已在十字中心添加第 ${points} 个${o.noun}${points >= least ? `，Shift+Enter ${o.finishVerb}` : ''}。`, 'info');
    }
  });
  return {
    reset() {
      points = 0;
    },
  };
}
