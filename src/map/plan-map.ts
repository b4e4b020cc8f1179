/**
 * The trip planner's map (/planner/): the plan drawn over the red sites,
 * and a point picked for the start or the end. The page says what it wants
 * declaratively on the element around its MapView (`data-plan-map`), as a
 * list page does with data-feature-filter (./feature-filter.ts):
 *
 * - `data-plan-overlay`: the plan as JSON (PlanOverlay): each leg's line
 *   (the road geometry where routing gave one) and the numbered points.
 *   Redrawn whenever the attribute changes; the view is framed when its
 *   `fit` number changes, so an edit never moves the map under the reader.
 * - `data-pick-point="start"|"end"`: a click on the map, or Enter on the
 *   focused canvas (for the point under the crosshair at its centre, the
 *   map moved there with the arrow keys), picks a point; Escape gives up.
 *   The module answers with a `geoportal:pick` event on that element
 *   (detail `{ target, lon, lat }`, or `{ target, cancelled: true }`).
 *
 * The markers are drawing, not features to select: the page's numbered
 * list of the plan is where a reader acts (and what a screen reader reads).
 */
import Feature from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { isEmpty, type Extent } from 'ol/extent.js';
import { transformExtent } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { LAYER_Z } from './layer-order.ts';
import type { MapHandle } from './map.ts';
import { stopMarkerStyle } from './route-layer.ts';
import { addCrosshair } from './crosshair.ts';

export type PlanOverlayPoint = { lon: number; lat: number; label: string; title: string; kind: 'start' | 'stop' | 'end' };
export type PlanOverlay = { legs: [number, number][][]; points: PlanOverlayPoint[]; fit: number };
export type PickTarget = 'start' | 'end';
export type PickDetail = { target: PickTarget; lon: number; lat: number } | { target: PickTarget; cancelled: true };

const isLonLat = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v)) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** Reads the attribute's JSON; anything malformed draws nothing (a page bug must not draw a wrong plan). */
export function parsePlanOverlay(value: string | null | undefined): PlanOverlay | undefined {
  if (!value) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const { legs, points, fit } = v as { legs?: unknown; points?: unknown; fit?: unknown };
  if (!Array.isArray(legs) || !legs.every((l) => Array.isArray(l) && l.length >= 2 && l.every(isLonLat))) return undefined;
  if (!Array.isArray(points)) return undefined;
  const okPoint = (p: unknown): p is PlanOverlayPoint => {
    const q = p as Partial<PlanOverlayPoint> | null;
    return !!q && isLonLat([q.lon, q.lat]) && typeof q.label === 'string' && typeof q.title === 'string' && (q.kind === 'start' || q.kind === 'stop' || q.kind === 'end');
  };
  if (!points.every(okPoint)) return undefined;
  return { legs: legs as [number, number][][], points, fit: typeof fit === 'number' && Number.isFinite(fit) ? fit : 0 };
}

export const readPickTarget = (value: string | null | undefined): PickTarget | undefined => (value === 'start' || value === 'end' ? value : undefined);

/** The legs as a red line on a white casing, like a study route's (./route-layer.ts). */
const LINE_STYLES = [new Style({ stroke: new Stroke({ color: '#ffffff', width: 7 }) }), new Style({ stroke: new Stroke({ color: '#b3261e', width: 4 }) })];
/** Start and end: a near-black disc with a white ring and white text (起/终), unlike the red numbered stops. */
const endStyles = new Map<string, Style>();
function endMarkerStyle(label: string): Style {
  let s = endStyles.get(label);
  if (!s)
    endStyles.set(
      label,
      (s = new Style({
        image: new Circle({ radius: 13, fill: new Fill({ color: '#1f2328' }), stroke: new Stroke({ color: '#ffffff', width: 3 }) }),
        text: new Text({ text: label, fill: new Fill({ color: '#ffffff' }), font: 'bold 13px sans-serif' }),
        zIndex: 3,
      })),
    );
  return s;
}

/** The overlay's features in the view's projection: legs first, then the points. */
export function planFeatures(overlay: PlanOverlay, projection: string): Feature[] {
  const legs = overlay.legs.map((line) => {
    const f = new Feature(new LineString(line.map((p) => fromLonLat(p, projection))));
    f.set('role', 'leg');
    return f;
  });
  const points = overlay.points.map((p) => {
    const f = new Feature(new Point(fromLonLat([p.lon, p.lat], projection)));
    f.set('role', p.kind);
    f.set('label', p.label);
    f.set('title', p.title);
    return f;
  });
  return [...legs, ...points];
}

export function bindPlanMap(root: HTMLElement, handle: MapHandle, canvas: HTMLElement): void {
  const source = new VectorSource();
  const layer = new VectorLayer({
    source,
    zIndex: LAYER_Z.route,
    style: (f) => {
      const role = f.get('role');
      if (role === 'leg') return LINE_STYLES;
      return role === 'stop' ? stopMarkerStyle(String(f.get('label'))) : endMarkerStyle(String(f.get('label')));
    },
  });
  handle.olMap.addLayer(layer);

  let fitted: number | undefined;
  const draw = () => {
    const overlay = parsePlanOverlay(root.dataset['planOverlay']);
    source.clear(true);
    if (!overlay) return;
    source.addFeatures(planFeatures(overlay, handle.projection));
    const extent: Extent | null = source.getExtent();
    if (overlay.fit !== fitted && extent && !isEmpty(extent)) {
      fitted = overlay.fit;
      const [w, s, e, n] = transformExtent(extent, handle.projection, 'EPSG:4326') as [number, number, number, number];
      handle.fitLonLatExtent([w, s, e, n], { maxZoom: 15, padding: 40, derived: true });
    }
  };

  const crosshair = addCrosshair(canvas);
  const picking = () => readPickTarget(root.dataset['pickPoint']);
  const showPicking = () => {
    crosshair.hidden = !picking();
    canvas.classList.toggle('is-picking', !!picking());
  };
  const send = (detail: PickDetail) => root.dispatchEvent(new CustomEvent<PickDetail>('geoportal:pick', { detail, bubbles: true }));

  handle.olMap.on('singleclick', (e) => {
    const target = picking();
    if (!target) return;
    const [lon, lat] = toLonLat(e.coordinate, handle.projection) as [number, number];
    send({ target, lon, lat });
  });
  canvas.addEventListener('keydown', (e) => {
    const target = picking();
    if (!target || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      const [lon, lat] = handle.state().center;
      send({ target, lon, lat });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      send({ target, cancelled: true });
    }
  });

  draw();
  showPicking();
  new MutationObserver((records) => {
    if (records.some((r) => r.attributeName === 'data-plan-overlay')) draw();
    if (records.some((r) => r.attributeName === 'data-pick-point')) showPicking();
  }).observe(root, { attributes: true, attributeFilter: ['data-plan-overlay', 'data-pick-point'] });
  root.dataset['planMapReady'] = 'true';
}
