/**
 * createThematicLayer: a layer fetches its GeoJSON when first shown or asked
 * to load, once, and a broken file becomes a Chinese message.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThematicLayer, LAYER_PROPERTY } from '../../../src/map/thematic.ts';
import type { ThematicLayerConfig } from '../../../src/map/types.ts';

const CONFIG: ThematicLayerConfig = {
  id: 'enforcement',
  title: '执法信息',
  url: '/geo/enforcement.geojson',
  cluster: false,
  categories: [],
  defaultColor: '#5d4037',
  visible: false,
};
const COLLECTION = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'zf-1', geometry: { type: 'Point', coordinates: [123.9, 47.3] }, properties: { title: '一' } }] };

let fetched: string[] = [];
let body = JSON.stringify(COLLECTION);
beforeEach(() => {
  fetched = [];
  body = JSON.stringify(COLLECTION);
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(body, { status: 200 });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('createThematicLayer', () => {
  it('fetches nothing while hidden; the first show loads the features once', async () => {
    for (const cluster of [false, true]) {
      fetched = [];
      const t = createThematicLayer({ ...CONFIG, cluster }, () => 'EPSG:3857');
      expect(t.layer.getVisible()).toBe(false);
      expect(t.state()).toBe('idle');
      await Promise.resolve();
      expect(fetched).toEqual([]);
      t.layer.setVisible(true);
      expect(t.state()).toBe('loading');
      await t.ready;
      expect(t.state()).toBe('loaded');
      expect(t.source.getFeatureById('zf-1')!.get(LAYER_PROPERTY)).toBe('enforcement');
      t.layer.setVisible(false);
      t.layer.setVisible(true);
      await t.load();
      expect(fetched).toEqual(['/geo/enforcement.geojson']);
    }
  });

  it('load() fetches a hidden layer (for a selected feature) and leaves it hidden', async () => {
    const t = createThematicLayer(CONFIG, () => 'EPSG:3857');
    await t.load();
    expect(fetched).toEqual(['/geo/enforcement.geojson']);
    expect(t.layer.getVisible()).toBe(false);
    expect(t.source.getFeatures()).toHaveLength(1);
  });

  it('a malformed file rejects `ready` with a Chinese message, once', async () => {
    body = '{not json';
    const t = createThematicLayer(CONFIG, () => 'EPSG:3857');
    t.layer.setVisible(true);
    await expect(t.ready).rejects.toThrow('图层“执法信息”的数据不是有效的 GeoJSON');
    expect(t.state()).toBe('failed');
    await expect(t.load()).rejects.toThrow();
    expect(fetched).toHaveLength(1);
  });
});
