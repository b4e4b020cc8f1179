/** src/map/feature-filter.ts: a page's filter takes features out of a layer's source and puts them back. */
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorSource from 'ol/source/Vector.js';
import { describe, expect, it } from 'vitest';
import { createFeatureFilter, parseFilterAttribute, parseFilterRequests } from '../../../src/map/feature-filter.ts';

function source(ids: string[]): VectorSource<Feature<Point>> {
  return new VectorSource({
    features: ids.map((id) => {
      const f = new Feature(new Point([0, 0]));
      f.setId(id);
      return f;
    }),
  });
}
const ids = (s: VectorSource) => s.getFeatures().map((f) => String(f.getId())).sort();

describe('createFeatureFilter', () => {
  it('keeps only the named features, then all of them again', async () => {
    const s = source(['a', 'b', 'c']);
    const filter = createFeatureFilter(s, Promise.resolve());
    await filter.set(new Set(['b', 'z']));
    expect(ids(s)).toEqual(['b']);
    await filter.set(new Set(['a', 'c']));
    expect(ids(s)).toEqual(['a', 'c']);
    await filter.set(null);
    expect(ids(s)).toEqual(['a', 'b', 'c']);
  });
  it('holds every feature, hidden ones too, once applied, and none before', async () => {
    const s = source(['a', 'b']);
    const filter = createFeatureFilter(s, Promise.resolve());
    expect(filter.held()).toEqual([]);
    await filter.set(new Set(['a']));
    expect(filter.held().map((f) => f.getId())).toEqual(['a', 'b']);
  });
  it('waits for the layer to load, applies only the latest filter, and leaves a failed layer alone', async () => {
    const s = new VectorSource<Feature<Point>>();
    let loaded!: () => void;
    const filter = createFeatureFilter(s, new Promise<void>((r) => (loaded = r)));
    const first = filter.set(new Set(['a']));
    const second = filter.set(new Set(['b']));
    for (const id of ['a', 'b']) { const f = new Feature(new Point([0, 0])); f.setId(id); s.addFeature(f); }
    loaded();
    await Promise.all([first, second]);
    expect(ids(s)).toEqual(['b']);
    const broken = source(['a']);
    await createFeatureFilter(broken, Promise.reject(new Error('HTTP 404'))).set(new Set());
    expect(ids(broken)).toEqual(['a']);
  });
});

describe('parseFilterAttribute', () => {
  it('reads a layer and ids, or null for all', () => {
    expect(parseFilterAttribute('{"layer":"red-sites","ids":["a"]}')).toEqual({ layer: 'red-sites', ids: ['a'] });
    expect(parseFilterAttribute('{"layer":"red-sites","ids":null}')).toEqual({ layer: 'red-sites', ids: null });
  });
  it('ignores anything malformed', () => {
    for (const bad of [undefined, '', '{', '[]', '{"ids":["a"]}', '{"layer":"x","ids":[1]}', '{"layer":"x","ids":"a"}']) expect(parseFilterAttribute(bad), String(bad)).toBeUndefined();
  });
});

describe('parseFilterRequests', () => {
  it('reads one request or a list of them (one per layer)', () => {
    expect(parseFilterRequests('{"layer":"a","ids":null}')).toEqual([{ layer: 'a', ids: null }]);
    expect(parseFilterRequests('[{"layer":"notices-land","ids":["x"]},{"layer":"notices-mining","ids":[]}]')).toEqual([
      { layer: 'notices-land', ids: ['x'] },
      { layer: 'notices-mining', ids: [] },
    ]);
  });
  it('drops the whole list when one entry is malformed', () => {
    for (const bad of [undefined, '', '{', '[{"layer":"a","ids":null},{"layer":1}]', '[1]', '{"ids":null}']) expect(parseFilterRequests(bad), String(bad)).toEqual([]);
  });
});
