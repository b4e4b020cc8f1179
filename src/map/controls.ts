/**
 * The map's OpenLayers controls and interactions, per mode. The full map
 * zooms with the wheel and offers full screen; an embedded map sits in a
 * page that scrolls, so it takes the wheel and keys only once focused.
 */
import { FullScreen, ScaleLine, Zoom, type Control } from 'ol/control.js';
import { defaults as defaultInteractions, type DefaultsOptions } from 'ol/interaction/defaults.js';
import type Collection from 'ol/Collection.js';
import type Interaction from 'ol/interaction/Interaction.js';

export type MapMode = 'full' | 'embedded';
export type ControlName = 'zoom' | 'scale' | 'fullscreen';

/** Which controls a mode shows, in the order they are added. */
export function controlNames(mode: MapMode): ControlName[] {
  return mode === 'full' ? ['zoom', 'scale', 'fullscreen'] : ['zoom', 'scale'];
}

/** The options of OpenLayers' default interactions for a mode. */
export function interactionOptions(mode: MapMode): DefaultsOptions {
  return { mouseWheelZoom: mode === 'full', onFocusOnly: mode !== 'full' };
}

const CONTROLS: Record<ControlName, () => Control> = {
  zoom: () => new Zoom({ zoomInTipLabel: '放大', zoomOutTipLabel: '缩小' }),
  scale: () => new ScaleLine({ units: 'metric' }),
  fullscreen: () => new FullScreen({ tipLabel: '全屏显示', label: '全屏', labelActive: '退出' }),
};

/**
 * The room the locator inset of an embedded map (./inset.ts) takes in the
 * upper left corner, in CSS px, with its margins: its button and its map
 * (src/styles/map.css gives them these sizes).
 */
export const INSET_ROOM = { width: 148, height: 164 } as const;
const FOCUS_PADDING = 40;

/**
 * The padding [top, right, bottom, left] for framing an embedded map's
 * record, so the locator inset does not cover it: beside the inset where the
 * map is wide enough to leave the record 200 px, below it where the map is
 * tall enough for 120 px, else the plain padding (the inset can be collapsed).
 */
export function focusPadding(size: readonly number[], inset: boolean): [number, number, number, number] {
  const p = FOCUS_PADDING;
  if (!inset) return [p, p, p, p];
  const [width, height] = [size[0] ?? 0, size[1] ?? 0];
  if (width - INSET_ROOM.width - p >= 200) return [p, p, p, INSET_ROOM.width];
  if (height - INSET_ROOM.height - p >= 120) return [INSET_ROOM.height, p, p, p];
  return [p, p, p, p];
}

export function createControls(mode: MapMode): Control[] {
  return controlNames(mode).map((name) => CONTROLS[name]());
}

export function createInteractions(mode: MapMode): Collection<Interaction> {
  return defaultInteractions(interactionOptions(mode));
}
