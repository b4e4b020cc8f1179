import { describe, expect, it } from 'vitest';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { sameCamera } from '../../../src/map/view.ts';

describe('sameCamera', () => {
  it('takes the projection round trip for the same view', () => {
    const center: [number, number] = [123.96, 47.335];
    const back = toLonLat(fromLonLat(center, 'EPSG:3857'), 'EPSG:3857') as [number, number];
    expect(sameCamera({ center, zoom: 12 }, { center: back, zoom: 12 + 1e-12 })).toBe(true);
  });
  it('tells a move apart, however small a shared link can express it (1e-6°)', () => {
    expect(sameCamera({ center: [123.96, 47.335], zoom: 12 }, { center: [123.960001, 47.335], zoom: 12 })).toBe(false);
    expect(sameCamera({ center: [123.96, 47.335], zoom: 12 }, { center: [123.96, 47.335], zoom: 12.01 })).toBe(false);
  });
});
