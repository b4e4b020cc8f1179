import { describe, expect, it } from 'vitest';
import { LAYER_Z, layerRolesBottomUp } from '../../../src/map/layer-order.ts';
import { canonicalLayers } from '../../../src/map/layers.ts';

describe('layer order', () => {
  it('draws base maps and their names, then thematic data, search results, a route, the focus record and measurements on top', () => {
    expect(layerRolesBottomUp()).toEqual(['offlineBase', 'externalBase', 'tiandituBase', 'tiandituAnnotation', 'offlinePlaces', 'districtContext', 'thematicAreas', 'thematic', 'searchResults', 'route', 'focus', 'measure']);
  });
  it('gives no two roles the same z-index', () => {
    const values = Object.values(LAYER_Z);
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('canonicalLayers', () => {
  it('keeps the offered layers in the map’s order, each once', () => {
    expect(canonicalLayers(['enforcement', 'red-sites', 'enforcement'], ['red-sites', 'notices-land', 'enforcement'])).toEqual(['red-sites', 'enforcement']);
  });
  it('drops layers the map does not offer', () => {
    expect(canonicalLayers(['old-layer', '__proto__'], ['red-sites'])).toEqual([]);
  });
});
