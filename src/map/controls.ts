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

export function createControls(mode: MapMode): Control[] {
  return controlNames(mode).map((name) => CONTROLS[name]());
}

export function createInteractions(mode: MapMode): Collection<Interaction> {
  return defaultInteractions(interactionOptions(mode));
}
