/**
 * 一码管地: which records concern which land parcel, and at what stage.
 *
 * A parcel's records share a 宗地代码 (GB/T 37346-2019) or an 电子监管号 (the
 * land-market monitoring system's number); either ties them together. The
 * stage comes from a record's kind and sub-kind only, so the bureau writes
 * nothing twice. Pure and shared by the check (src/schema/parcel-links.ts)
 * and the published view (src/data/parcels.ts), so both read the same links.
 *
 * The 地块编号 (`code`, 2026-G-015) is not a link: it is the bureau's label in
 * one 出让 batch and may be reused in another year or district.
 */
import type { Geometry, Notice } from '../schema/index.ts';

/** The stages of a parcel's life, in the order its timeline shows them (issue 13 §3). */
export const parcelStages = ['规划许可', '出让公告', '成交公示', '供地', '核验'] as const;
export type ParcelStage = (typeof parcelStages)[number];

/** A notice's stage in its parcels' timelines; undefined for kinds that concern no single parcel. */
export function stageOf(n: { kind?: Notice['kind'] | undefined; subKind?: string | undefined }): ParcelStage | undefined {
  if (n.kind === 'planning') return n.subKind === '规划核实' ? '核验' : n.subKind === undefined ? undefined : '规划许可';
  if (n.kind === 'land') {
    if (n.subKind === '出让公告') return '出让公告';
    if (n.subKind === '成交公示') return '成交公示';
    if (n.subKind === '供地结果') return '供地';
  }
  return undefined;
}

/** One mention of a parcel in a record: the codes, and what the record says about the land. */
export interface ParcelRef {
  /** Where in the record, for messages: `parcel` or `parcels[1]`. */
  field: string;
  cadastralCode?: string | undefined;
  supervisionNo?: string | undefined;
  /** The bureau's 地块编号, shown but not linked on. */
  parcelNo?: string | undefined;
  areaM2?: number | undefined;
  geometry?: Geometry | undefined;
  location?: string | undefined;
  use?: string | undefined;
}

/**
 * The shape parcelRefs reads: a validated notice, or the valid fields of one
 * that failed its schema (the check runs on those too).
 */
type LooseNotice = {
  kind?: string | undefined;
  subKind?: string | undefined;
  parcel?: { cadastralCode?: string | undefined; supervisionNo?: string | undefined } | undefined;
  location?: string | undefined;
  geometry?: Geometry | undefined;
  indicators?: { landAreaM2?: number | undefined } | undefined;
  parcels?: readonly { code?: string | undefined; cadastralCode?: string | undefined; supervisionNo?: string | undefined; areaM2?: number | undefined; geometry?: Geometry | undefined; location?: string | undefined; use?: string | undefined }[] | undefined;
};

/** The parcels a notice mentions by 宗地代码 or 电子监管号 (none for a notice outside the timeline's stages). */
export function parcelRefs(n: LooseNotice): ParcelRef[] {
  if (stageOf(n as Parameters<typeof stageOf>[0]) === undefined) return [];
  if (n.kind === 'planning') {
    const p = n.parcel;
    if (!p || (p.cadastralCode === undefined && p.supervisionNo === undefined)) return [];
    return [{ field: 'parcel', cadastralCode: p.cadastralCode, supervisionNo: p.supervisionNo, areaM2: n.indicators?.landAreaM2, geometry: n.geometry, location: n.location }];
  }
  return (n.parcels ?? []).flatMap((p, i) =>
    p.cadastralCode === undefined && p.supervisionNo === undefined
      ? []
      : [{ field: `parcels[${i}]`, cadastralCode: p.cadastralCode, supervisionNo: p.supervisionNo, parcelNo: p.code, areaM2: p.areaM2, geometry: p.geometry, location: p.location, use: p.use }],
  );
}

/** Link keys of a reference: the 宗地代码 and the 电子监管号 are separate name spaces. */
export function linkKeys(ref: Pick<ParcelRef, 'cadastralCode' | 'supervisionNo'>): string[] {
  return [...(ref.cadastralCode ? [`宗地代码:${ref.cadastralCode}`] : []), ...(ref.supervisionNo ? [`电子监管号:${ref.supervisionNo}`] : [])];
}

/**
 * Groups items whose link keys meet, directly or through another item
 * (a 出让公告 with the 宗地代码, a 供地结果 with the 电子监管号, a 成交公示 with
 * both). Union–find over the keys; groups come out in the items' order.
 */
export function groupByLinks<T>(items: readonly T[], keysOf: (item: T) => string[]): T[][] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: later look-ups of these keys take one step.
    for (let x = k; x !== root; ) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const item of items) {
    const keys = keysOf(item);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) {
      const a = find(keys[0]!);
      const b = find(k);
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const keys = keysOf(item);
    if (keys.length === 0) continue;
    const root = find(keys[0]!);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  }
  return [...groups.values()];
}

/** Bounding box of a geometry, [minX, minY, maxX, maxY]. */
export function bboxOfGeometry(g: Geometry): [number, number, number, number] {
  const pts: number[][] =
    g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' || g.type === 'LineString' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat(2) : g.coordinates.flat();
  const xs = pts.map((p) => p[0]!);
  const ys = pts.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Whether two bounding boxes share any point (touching counts: a re-survey may move a boundary to the neighbour's line). */
export function bboxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

/**
 * How far two stated areas of one parcel may differ before they are taken
 * for two parcels: a 规划许可's 总用地面积 and a re-surveyed 核验 area differ
 * a little from the 出让 area, an unrelated parcel usually by much more.
 */
export const AREA_TOLERANCE = 0.05;

/** The relative difference of two areas, against the larger. */
export function areaDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(a, b);
}
