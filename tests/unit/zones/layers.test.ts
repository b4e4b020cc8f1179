/** The zone layers and the words their pages share (src/lib/zones.ts). */
import { describe, expect, it } from 'vitest';
import { landPriceZoneSchema, zoningZoneSchema } from '../../../src/schema/index.ts';
import { gradeColor, indicatorRows, landPriceFeature, landPriceLayer, landUseText, wanPerMu, zoneLayers, zoningFeature, zoningLayer, ZONE_OUTLINE } from '../../../src/lib/zones.ts';
import { landPriceZone, zoningZone } from './fixtures.ts';

const lp = landPriceZoneSchema.parse(landPriceZone());
const kg = zoningZoneSchema.parse(zoningZone());

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('zone layers', () => {
  it('grade a land type by its grades on file, darkest first, off by default, drawn as areas with an outline of 3:1 or more against a light map', () => {
    const layer = landPriceLayer('国有建设用地', [lp, { ...lp, id: 'b', grade: 3 }]);
    expect(layer.categories.map((c) => c.label)).toEqual(['Ⅰ级', 'Ⅲ级']);
    expect(layer.visible).toBe(false);
    expect(layer.area?.outline).toBe(ZONE_OUTLINE);
    expect(contrast(ZONE_OUTLINE, '#f5f3ee')).toBeGreaterThanOrEqual(3);
    expect(contrast(gradeColor(1), '#ffffff')).toBeGreaterThan(contrast(gradeColor(3), '#ffffff'));
    expect(zoningLayer([kg]).categories).toEqual([{ value: '07', label: '07 居住用地', color: '#ffff2d' }]);
  });
  it('leave out a land type without zones, and the 控规 layer without 地块', () => {
    expect(zoneLayers([lp], []).map((l) => l.id)).toEqual(['land-price-state']);
    expect(zoneLayers([], [])).toEqual([]);
  });
  it('say prices, classes and indicators the way the pages do', () => {
    expect(wanPerMu(lp.prices[1]!)).toBe(173.33);
    expect(landUseText(kg)).toBe('0701 城镇住宅用地（07 居住用地）');
    expect(indicatorRows(kg.indicators).map((r) => `${r.label} ${r.value}`)).toEqual(['容积率 1.2–2.2', '建筑密度 ≤ 25%', '绿地率 ≥ 35%', '建筑限高 54 米']);
    expect(indicatorRows({})).toEqual([]);
    expect(landPriceFeature(lp).properties).toMatchObject({ grade: '1', url: '/land-price/lp-gy-1/', sample: true });
    expect(zoningFeature(kg).properties).toMatchObject({ landUseGroup: '07', url: '/zoning/kg-1/', sample: true });
  });
});
