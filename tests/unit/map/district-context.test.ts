import { describe, expect, it } from 'vitest';
import { labelAnchor, type PixelBox } from '../../../src/map/district-context.ts';
import { boxVisible } from '../../../src/map/inset.ts';

// A map of 400 × 300 px; the district is its left half; the label 100 × 26 px.
const size = [400, 300] as const;
const label = [100, 26] as const;
const leftHalf = (x: number) => x <= 200;
const overlaps = (a: number[], b: number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;
const plate = ([x, y]: [number, number]) => [x - 56, y - 19, x + 56, y + 19];

describe('labelAnchor: where the district name goes', () => {
  it('on its own label point when the label fits there', () => {
    expect(labelAnchor({ size, label, contains: leftHalf, preferred: [120, 150] })).toEqual([120, 150]);
  });
  it('else on a point of the district, lower middle first, the label clear of the record, the controls and the edges', () => {
    const record: PixelBox = [140, 120, 260, 180];
    const inset: PixelBox = [8, 8, 148, 164];
    const at = labelAnchor({ size, label, contains: leftHalf, preferred: [10, 150], avoid: [record, inset] })!;
    expect(at).toBeDefined();
    expect(leftHalf(at[0])).toBe(true);
    expect(overlaps(plate(at), record)).toBe(false);
    expect(overlaps(plate(at), inset)).toBe(false);
    expect(at[1], 'below the record').toBeGreaterThan(180);
    expect(plate(at)[0]! >= 0 && plate(at)[2]! <= 400 && plate(at)[3]! <= 300, 'inside the map').toBe(true);
  });
  it('nowhere when the map shows none of the district, when everything is taken, or when the map is smaller than the label', () => {
    expect(labelAnchor({ size, label, contains: () => false })).toBeUndefined();
    expect(labelAnchor({ size, label, contains: () => true, avoid: [[-10, -10, 410, 310]] })).toBeUndefined();
    expect(labelAnchor({ size: [90, 300], label, contains: () => true })).toBeUndefined();
  });
});

describe('boxVisible: the main view’s box in the inset', () => {
  it('drawn when it spans a few px and is smaller than the inset', () => {
    expect(boxVisible([0, 0, 100, 80], 10, [132, 112])).toBe(true);
  });
  it('left out when tiny (the marker says enough), larger than the inset, or empty', () => {
    expect(boxVisible([0, 0, 20, 20], 10, [132, 112])).toBe(false);
    expect(boxVisible([0, 0, 2000, 2000], 10, [132, 112])).toBe(false);
    expect(boxVisible([10, 10, 0, 0], 10, [132, 112])).toBe(false);
  });
});
