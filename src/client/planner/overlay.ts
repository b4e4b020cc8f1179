/**
 * The computed plan as the map's overlay (src/map/plan-map.ts reads it from
 * data-plan-overlay): each leg's line, the start (起), the numbered stops and
 * an end (终) that is not the start again. Only types come from the map
 * module, so the page does not load OpenLayers to write the attribute.
 */
import type { PlanOverlay, PlanOverlayPoint } from '../../map/plan-map.ts';
import type { ComputedPlan } from '../../planner/compute.ts';

const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];

export function overlayOf(computed: Pick<ComputedPlan, 'points' | 'legs'>, fit: number): PlanOverlay {
  const start = computed.points.find((p) => p.kind === 'start');
  let n = 0;
  const points: PlanOverlayPoint[] = [];
  for (const p of computed.points) {
    // A round trip ends where it starts: one marker says both.
    if (p.kind === 'end' && start && same(p.lonLat, start.lonLat)) continue;
    const label = p.kind === 'start' ? '起' : p.kind === 'end' ? '终' : String(++n);
    points.push({ lon: p.lonLat[0], lat: p.lonLat[1], label, title: p.name, kind: p.kind });
  }
  return { legs: computed.legs.map((l) => l.line.map((c): [number, number] => [c[0], c[1]])), points, fit };
}
