/**
 * The zone layers (基准地价, 控制性详细规划) as map features, layer configs and
 * the words their pages and lists share. Kept apart from collections.ts so
 * that the shared file only lists them; pure, no data/ access.
 */
import { gradeLabel, landTypes, landUseColor, landUseLevel1, landUseLevel1Of, landUseName, wanPerMuOf, type LandPrice, type LandPriceZone, type LandType, type ZoningIndicators, type ZoningZone } from '../schema/index.ts';
import type { LayerCategory, ThematicLayerConfig } from '../map/types.ts';
import type { Feature } from './geojson.ts';
import { urls } from './urls.ts';

/** Layer ids (docs/permalink.md `l=`, `f=`): one per land type, one for the 控规. */
export const LAND_PRICE_LAYERS: Record<LandType, string> = { 国有建设用地: 'land-price-state', 集体建设用地: 'land-price-collective' };
export const ZONING_LAYER = 'zoning';

/**
 * Graded fills, Ⅰ级 darkest: a sequential ramp (ColorBrewer OrRd, reversed)
 * so that the order of grades reads from the colour alone. The dark outline
 * every zone gets carries the non-text contrast.
 */
export const GRADE_COLORS = ['#b30000', '#e34a33', '#fc8d59', '#fdbb84', '#fdd49e', '#fef0d9'] as const;
export const gradeColor = (grade: number): string => GRADE_COLORS[Math.min(grade, GRADE_COLORS.length) - 1]!;

/** The outline of every zone: 12:1 against the light base maps, 3:1 against each fill (WCAG 1.4.11). */
export const ZONE_OUTLINE = '#2b2b2b';
const ZONE_AREA = { outline: ZONE_OUTLINE, fillOpacity: 0.6 };

/** 万元/亩 of a price: as the document prints it, else converted. */
export const wanPerMu = (p: LandPrice): number => p.wanPerMu ?? Math.round(wanPerMuOf(p.yuanPerM2) * 100) / 100;

/** The 用地用海分类 as a zone page writes it: “0701 城镇住宅用地（07 居住用地）”. */
export function landUseText(z: Pick<ZoningZone, 'landUse'>): string {
  const l1 = landUseLevel1Of(z.landUse.code);
  return z.landUse.code.length === 2 ? `${z.landUse.code} ${z.landUse.name}` : `${z.landUse.code} ${z.landUse.name}（${l1} ${landUseName(l1)}）`;
}

/** A 控规 地块's indicators as label/value rows, only those the 图则 gives. */
export function indicatorRows(i: ZoningIndicators): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  if (i.farMax !== undefined || i.farMin !== undefined)
    rows.push({ label: '容积率', value: i.farMin !== undefined && i.farMax !== undefined ? `${i.farMin}–${i.farMax}` : i.farMax !== undefined ? `≤ ${i.farMax}` : `≥ ${i.farMin}` });
  if (i.densityMaxPct !== undefined) rows.push({ label: '建筑密度', value: `≤ ${i.densityMaxPct}%` });
  if (i.greenMinPct !== undefined) rows.push({ label: '绿地率', value: `≥ ${i.greenMinPct}%` });
  if (i.heightMaxM !== undefined) rows.push({ label: '建筑限高', value: `${i.heightMaxM} 米` });
  return rows;
}

export function landPriceFeature(z: LandPriceZone): Feature {
  return {
    type: 'Feature',
    id: z.id,
    geometry: z.geometry,
    properties: {
      title: z.name, category: `${gradeLabel(z.grade)} · ${z.landType}`, grade: String(z.grade), landType: z.landType, district: z.district,
      prices: Object.fromEntries(z.prices.map((p) => [p.use, p.yuanPerM2])), docNo: z.approval.docNo, effectiveDate: z.effectiveDate, url: urls.landPriceZone(z), sample: z.sample,
    },
  };
}

export function zoningFeature(z: ZoningZone): Feature {
  return {
    type: 'Feature',
    id: z.id,
    geometry: z.geometry,
    properties: {
      title: `${z.parcelNo} ${z.landUse.name}`, category: `${z.landUse.code} ${z.landUse.name}`, landUse: z.landUse.code, landUseGroup: landUseLevel1Of(z.landUse.code),
      plan: z.plan, district: z.district, indicators: z.indicators, docNo: z.approval.docNo, url: urls.zoningZone(z), sample: z.sample,
    },
  };
}

/** The land-price layer of one land type: a legend entry per grade on file. */
export function landPriceLayer(landType: LandType, zones: readonly LandPriceZone[]): ThematicLayerConfig {
  const grades = [...new Set(zones.filter((z) => z.landType === landType).map((z) => z.grade))].sort((a, b) => a - b);
  const id = LAND_PRICE_LAYERS[landType];
  return {
    id, title: `基准地价（${landType}）`, url: `/geo/${id}.geojson`, cluster: false, categoryProperty: 'grade',
    categories: grades.map((g): LayerCategory => ({ value: String(g), label: gradeLabel(g), color: gradeColor(g) })),
    defaultColor: GRADE_COLORS[GRADE_COLORS.length - 1]!, visible: false, area: ZONE_AREA,
  };
}

/** The 控规 layer: a legend entry per 一级类 on file, in the 指南's customary colour. */
export function zoningLayer(zones: readonly ZoningZone[]): ThematicLayerConfig {
  const groups = [...new Set(zones.map((z) => landUseLevel1Of(z.landUse.code)))].sort();
  return {
    id: ZONING_LAYER, title: '控制性详细规划', url: `/geo/${ZONING_LAYER}.geojson`, cluster: false, categoryProperty: 'landUseGroup',
    categories: groups.map((g) => ({ value: g, label: `${g} ${landUseLevel1[g]?.name ?? ''}`, color: landUseColor(g) })),
    defaultColor: '#cccccc', visible: false, area: ZONE_AREA,
  };
}

/** Both land types' layers (those with zones on file) and the 控规 layer (when it has zones). */
export function zoneLayers(landPrice: readonly LandPriceZone[], zoning: readonly ZoningZone[]): ThematicLayerConfig[] {
  return [
    ...landTypes.filter((t) => landPrice.some((z) => z.landType === t)).map((t) => landPriceLayer(t, landPrice)),
    ...(zoning.length > 0 ? [zoningLayer(zoning)] : []),
  ];
}
