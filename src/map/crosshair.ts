/**
 * The centre crosshair of keyboard drawing and picking (measuring in
 * ./tools.ts, the 压覆 area in ./draw-area.ts, the planner's point in
 * ./plan-map.ts): decoration only, the map's text says what it marks.
 */
export function addCrosshair(canvas: HTMLElement | null | undefined): HTMLDivElement {
  const crosshair = document.createElement('div');
  crosshair.className = 'map-crosshair';
  crosshair.hidden = true;
  crosshair.setAttribute('aria-hidden', 'true');
  canvas?.append(crosshair);
  return crosshair;
}
