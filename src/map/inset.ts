/**
 * The locator inset of embedded maps: a small second map in the upper left
 * corner showing the whole city's districts (the simplified outlines of
 * /geo/districts-overview.geojson), the record's district shaded, a marker at
 * the record and, once the reader zooms out far enough for it to show, the
 * box of the main view.
 *
 * Not ol/control/OverviewMap: that one re-zooms itself whenever the main
 * view's box gets small in it, so at a record's zoom it would show a few
 * streets rather than the city. This one always frames the city.
 *
 * The inset has a projection of its own (EPSG:3857) and takes the record in
 * degrees: it is a sketch of the city, the same on either matrix set, and it
 * follows the main view in whatever projection that has at the time.
 *
 * For everyone: the inset itself is decorative (aria-hidden, no pointer or
 * key interactions, never focused); what it shows is said in words in the
 * `.map-where` line under the map (district, place in the city,
 * coordinates). Its one control is a real button, 位置图, that shows and
 * hides it (aria-expanded), styled like the other map buttons. It draws our
 * own district outlines over any base map, so the map's attribution names
 * them (the `data-attribution="inset"` credit, src/map/ui.ts).
 */
import Control from 'ol/control/Control.js';
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Point from 'ol/geom/Point.js';
import { fromExtent } from 'ol/geom/Polygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import OlMap from 'ol/Map.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import View from 'ol/View.js';
import { getCenter, isEmpty, type Extent } from 'ol/extent.js';
import { transformExtent } from 'ol/proj.js';
import type { FeatureLike } from 'ol/Feature.js';
import { DISTRICT_OVERVIEW_URL } from './gazetteer-layer.ts';

/** Below this size (px in the inset) the main view's box is left out: the marker says enough. */
export const MIN_BOX_PX = 6;

const DISTRICT = new Style({ fill: new Fill({ color: '#ece6da' }), stroke: new Stroke({ color: '#8c8273', width: 0.75 }) });
const OWN_DISTRICT = new Style({ fill: new Fill({ color: '#d9c7a3' }), stroke: new Stroke({ color: '#5c4f3d', width: 1 }) });
const MARKER = new Style({ image: new Circle({ radius: 4.5, fill: new Fill({ color: '#b3261e' }), stroke: new Stroke({ color: '#fff', width: 1.5 }) }) });
const BOX = new Style({ stroke: new Stroke({ color: '#1f2d3d', width: 1.5 }) });

/** Whether the main view's box is worth drawing: it spans at least MIN_BOX_PX in the inset and is smaller than the inset. */
export function boxVisible(boxExtent: Extent, insetResolution: number, insetSize: readonly number[]): boolean {
  if (isEmpty(boxExtent) || !(insetResolution > 0)) return false;
  const [west, south, east, north] = boxExtent as [number, number, number, number];
  const w = (east - west) / insetResolution;
  const h = (north - south) / insetResolution;
  return Math.max(w, h) >= MIN_BOX_PX && w < (insetSize[0] ?? 0) && h < (insetSize[1] ?? 0);
}

/** The inset's own projection (see the module comment). */
const INSET_PROJECTION = 'EPSG:3857';

export type LocatorInsetOptions = {
  /** The record's extent [west, south, east, north] in CGCS2000 degrees: the marker goes to its centre. */
  focus: Extent;
  /** The record's district (code), shaded. */
  districtCode?: string | undefined;
  url?: string;
  /** The data could not be loaded: the inset has removed itself. */
  onError?(error: Error): void;
};

let count = 0;

export class LocatorInset extends Control {
  private readonly options: LocatorInsetOptions;
  private readonly box: HTMLElement;
  private readonly button: HTMLButtonElement;
  private inset: OlMap | undefined;
  private readonly viewBox = new Feature();

  constructor(options: LocatorInsetOptions) {
    const element = document.createElement('div');
    element.className = 'map-inset ol-unselectable ol-control';
    super({ element });
    this.options = options;
    const id = `map-inset-${++count}`;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'map-inset-toggle';
    this.button.textContent = '位置图';
    this.button.setAttribute('aria-controls', id);
    this.box = document.createElement('div');
    this.box.className = 'map-inset-map';
    this.box.id = id;
    // Decorative: the .map-where line under the map says the same in words.
    this.box.setAttribute('aria-hidden', 'true');
    element.append(this.button, this.box);
    this.setOpen(true);
    this.button.addEventListener('click', () => this.setOpen(this.box.hidden === true));
  }

  /** Shows or hides the inset; the button says which (aria-expanded, and its tooltip). */
  setOpen(open: boolean): void {
    this.box.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    this.button.title = open ? '收起位置示意图' : '展开位置示意图';
    this.element!.classList.toggle('is-collapsed', !open);
    if (open) this.inset?.updateSize();
  }

  override setMap(map: OlMap | null): void {
    super.setMap(map);
    // First among the controls, as it is first on screen (upper left): Tab reaches it before the zoom buttons.
    this.element?.parentElement?.prepend(this.element);
    if (map && !this.inset) void this.mount(map);
  }

  private async mount(main: OlMap): Promise<void> {
    const { focus, districtCode } = this.options;
    const projection = INSET_PROJECTION;
    const source = new VectorSource();
    const marker = new VectorSource({ features: [new Feature(new Point(getCenter(transformExtent(focus, 'EPSG:4326', projection)))), this.viewBox] });
    this.viewBox.setStyle(() => (this.viewBox.getGeometry() ? BOX : undefined));
    const inset = new OlMap({
      target: this.box,
      controls: [],
      interactions: [],
      view: new View({ projection }),
      layers: [
        new VectorLayer({ source, style: (f: FeatureLike) => (String(f.getId()) === districtCode ? OWN_DISTRICT : DISTRICT) }),
        new VectorLayer({ source: marker, style: MARKER }),
      ],
    });
    this.inset = inset;
    try {
      const url = new URL(this.options.url ?? DISTRICT_OVERVIEW_URL, document.baseURI);
      const response = await fetch(url, { headers: { accept: 'application/geo+json, application/json' } });
      if (!response.ok) throw new Error(`位置示意图无法加载（HTTP ${response.status}）`);
      source.addFeatures(new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection }).readFeatures(await response.json()));
      if (source.getFeatures().length === 0) throw new Error('位置示意图没有行政区数据');
    } catch (e) {
      inset.setTarget(undefined);
      main.removeControl(this);
      this.options.onError?.(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    inset.getView().fit(source.getExtent()!, { size: inset.getSize() ?? [132, 112], padding: [4, 4, 4, 4] });
    const follow = () => {
      const size = main.getSize();
      const insetSize = inset.getSize();
      if (!size || !insetSize) return;
      const view = main.getView();
      const extent = transformExtent(view.calculateExtent(size), view.getProjection(), projection);
      this.viewBox.setGeometry(boxVisible(extent, inset.getView().getResolution() ?? 0, insetSize) ? fromExtent(extent) : undefined);
    };
    follow();
    main.on('moveend', follow);
    this.element!.dataset['ready'] = 'true';
  }
}
