/**
 * The 示意底图's flat styles and its labels document (src/map/offline-style.ts):
 * the styles compiled by OpenLayers' own flat-style compiler and evaluated as
 * the map would, at the ends of the zoom ramp and outside it.
 */
import { asArray } from 'ol/color.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import { flatStylesToStyleFunction } from 'ol/render/canvas/style.js';
import type Style from 'ol/style/Style.js';
import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_COLOR,
  DISTRICT_TINTS,
  LABEL_FONT_FAMILY,
  TINT_OPACITY,
  checkOfflineLabels,
  districtTints,
  labelTints,
  offlineStyles,
  tintExpression,
  withOpacity,
  zoomRamp,
  type LabelCollection,
} from '../../../src/map/offline-style.ts';
import { GET } from '../../../src/pages/geo/district-labels.geojson.ts';

/** EPSG:3857 resolution at view zoom z. */
const mercator = (z: number) => 156543.03392804097 / 2 ** z;

async function served(): Promise<LabelCollection> {
  return (await (await GET({} as APIContext)).json()) as LabelCollection;
}

function evaluate(styles: Parameters<typeof flatStylesToStyleFunction>[0], feature: Feature, resolution: number): Style[] {
  return flatStylesToStyleFunction(styles)(feature, resolution) as Style[];
}

describe('offlineStyles', () => {
  const tints = { '230202': 2, '230203': 0 };
  const styles = offlineStyles(tints, mercator);
  const district = (code: string) => new Feature({ geometry: new Polygon([[[0, 0], [1, 0], [1, 1], [0, 0]]]), code });

  it('tints each district by its code, under dashed boundaries that widen from zoom 7 to 12', () => {
    const [fill, line] = evaluate(styles.districts, district('230202'), mercator(7));
    expect(fill!.getFill()!.getColor()).toEqual(asArray(withOpacity(DISTRICT_TINTS[2], TINT_OPACITY)));
    expect(fill!.getZIndex()).toBe(0);
    expect(line!.getZIndex()).toBe(1);
    expect(line!.getStroke()!.getColor()).toEqual(asArray(BOUNDARY_COLOR));
    expect(line!.getStroke()!.getWidth()).toBeCloseTo(0.8, 9);
    expect(line!.getStroke()!.getLineDash()!.map((d) => Number(d.toFixed(9)))).toEqual([3.2, 1.6]);
    expect(line!.getStroke()!.getLineJoin()).toBe('round');
    const [, close] = evaluate(styles.districts, district('230203'), mercator(12));
    expect(close!.getStroke()!.getWidth()).toBeCloseTo(1.6, 9);
    expect(close!.getStroke()!.getLineDash()!.map((d) => Number(d.toFixed(9)))).toEqual([6.4, 3.2]);
    // Constant outside the ramp, and in between for a zoom between the ends.
    expect(evaluate(styles.districts, district('230203'), mercator(3))[1]!.getStroke()!.getWidth()).toBeCloseTo(0.8, 9);
    expect(evaluate(styles.districts, district('230203'), mercator(17))[1]!.getStroke()!.getWidth()).toBeCloseTo(1.6, 9);
    const mid = evaluate(styles.districts, district('230203'), mercator(9.5))[1]!.getStroke()!.getWidth()!;
    // Linear in the zoom would be 1.2; linear in the resolution between zoom 9 and 10 is within 0.015 of it.
    expect(Math.abs(mid - 1.2)).toBeLessThan(0.015);
  });

  it('names districts in the CJK font stack, 12 px at zoom 7 to 16 px at zoom 12, with a white halo', () => {
    const label = new Feature({ geometry: new Point([0, 0]), name: '龙沙区', code: '230202', tint: 2 });
    const text = (r: number) => evaluate([styles.labels], label, r)[0]!.getText()!;
    expect(text(mercator(7)).getText()).toBe('龙沙区');
    expect(text(mercator(7)).getFont()).toBe(`normal 400 12px/1.2 ${LABEL_FONT_FAMILY}`);
    expect(text(mercator(12)).getFont()).toBe(`normal 400 16px/1.2 ${LABEL_FONT_FAMILY}`);
    expect(text(mercator(5)).getFont()).toBe(`normal 400 12px/1.2 ${LABEL_FONT_FAMILY}`);
    expect(LABEL_FONT_FAMILY).toMatch(/^"Noto Sans CJK SC",.*,sans-serif$/);
    expect(text(mercator(10)).getStroke()!.getColor()).toEqual([255, 255, 255, 0.9]);
    expect(text(mercator(10)).getStroke()!.getWidth()).toBe(3);
  });

  it('gives a district missing from the labels the first tint, and every district the first without labels', () => {
    expect(evaluate(styles.districts, district('999999'), mercator(8))[0]!.getFill()!.getColor()).toEqual(asArray(withOpacity(DISTRICT_TINTS[0], TINT_OPACITY)));
    expect(tintExpression({})).toBe(withOpacity(DISTRICT_TINTS[0], TINT_OPACITY));
  });

  it('zoomRamp: stops in increasing resolution, the value at each integer zoom', () => {
    const ramp = zoomRamp({ from: 0, to: 5 }, mercator) as unknown[];
    expect(ramp.slice(0, 3)).toEqual(['interpolate', ['linear'], ['resolution']]);
    const stops = ramp.slice(3) as number[];
    const inputs = stops.filter((_, i) => i % 2 === 0);
    expect(inputs).toEqual([...inputs].sort((a, b) => a - b));
    expect(stops.filter((_, i) => i % 2 === 1)).toEqual([5, 4, 3, 2, 1, 0]);
  });
});

describe('the labels document', () => {
  it('the served labels pass the check, and neighbours get different tints', async () => {
    const doc = await served();
    expect(checkOfflineLabels(doc)).toEqual([]);
    const tints = labelTints(doc);
    expect(Object.keys(tints).length).toBe(doc.features.length);
    for (const t of Object.values(tints)) expect(t).toBeLessThan(DISTRICT_TINTS.length);
    // 龙沙区 borders 建华区, 铁锋区, 昂昂溪区 and 梅里斯达斡尔族区 (shared boundary vertices).
    for (const n of ['230203', '230204', '230205', '230208']) expect(tints[n]).not.toBe(tints['230202']);
  });

  it('checkOfflineLabels names what is wrong, in Chinese', async () => {
    const good = await served();
    const copy = () => JSON.parse(JSON.stringify(good)) as LabelCollection;
    expect(checkOfflineLabels(null)).toEqual(['不是 JSON 对象']);
    expect(checkOfflineLabels([])).toEqual(['不是 JSON 对象']);
    expect(checkOfflineLabels({ version: 8, sources: {}, layers: [] })[0]).toMatch(/不是本站的示意底图标注数据/);
    expect(checkOfflineLabels({ ...copy(), features: [] })).toEqual(['没有行政区标注']);
    const a = copy();
    a.features[1]!.geometry = { type: 'Polygon', coordinates: [] } as never;
    a.features[2]!.properties.name = '';
    a.features[3]!.properties.tint = 6;
    a.features[4]!.properties.code = a.features[0]!.properties.code;
    expect(checkOfflineLabels(a)).toEqual(['第 2 个标注不是经纬度点', '第 3 个标注缺少名称', '第 4 个标注的底色编号应为 0–5 的整数', `第 5 个标注的行政区代码 ${a.features[0]!.properties.code} 重复`]);
  });

  it('districtTints: two squares sharing an edge differ; disjoint ones may share', () => {
    const square = (x: number) => ({ coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
    const t = districtTints([
      { code: 'a', geometry: square(0) },
      { code: 'b', geometry: square(1) },
      { code: 'c', geometry: square(5) },
    ]);
    expect(t['a']).not.toBe(t['b']);
    expect(t['c']).toBe(0);
    // A palette of one: everything gets index 0.
    expect(Object.values(districtTints([{ code: 'a', geometry: square(0) }, { code: 'b', geometry: square(1) }], 1))).toEqual([0, 0]);
  });
});
