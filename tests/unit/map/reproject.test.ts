/**
 * reprojectContent: what the map shows moves with a new View in another
 * projection, each geometry once (a Cluster's clusters follow their source).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import TileLayer from 'ol/layer/Tile.js';
import { fromLonLat } from 'ol/proj.js';
import Cluster from 'ol/source/Cluster.js';
import VectorSource from 'ol/source/Vector.js';
import { featureSources, reprojectContent } from '../../../src/map/reproject.ts';
import { registerCgcs2000 } from '../../../src/map/tianditu.ts';

beforeAll(() => registerCgcs2000());

const at = (lon: number, lat: number) => new Feature(new Point(fromLonLat([lon, lat])));
const lonLatOf = (f: Feature) => (f.getGeometry() as Point).getCoordinates().map((v) => Number(v.toFixed(9)));

describe('reprojectContent', () => {
  it('moves the features of vector and cluster layers and the overlays, 3857 → 4490, each once', () => {
    const plain = new VectorSource({ features: [at(123.95, 47.34)] });
    const inner = new VectorSource({ features: [at(124, 47.5), at(124.01, 47.51)] });
    const cluster = new Cluster({ source: inner, distance: 40 });
    const shared = new VectorLayer({ source: plain });
    const layers = [shared, new VectorLayer({ source: plain }), new VectorLayer({ source: cluster }), new TileLayer()];
    expect(featureSources(layers)).toEqual([plain, inner]);
    let position: number[] | undefined = fromLonLat([123.9, 47.3]);
    const overlay = { getPosition: () => position, setPosition: (p: number[] | undefined) => void (position = p) };
    const empty = { getPosition: () => undefined, setPosition: () => expect.unreachable('an overlay without a position stays so') };
    reprojectContent(layers, [overlay, empty], 'EPSG:3857', 'EPSG:4490');
    expect(lonLatOf(plain.getFeatures()[0]!)).toEqual([123.95, 47.34]);
    expect(inner.getFeatures().map(lonLatOf)).toEqual([[124, 47.5], [124.01, 47.51]]);
    expect(position!.map((v) => Number(v.toFixed(9)))).toEqual([123.9, 47.3]);
    // The spatial index follows: the feature is found where it now is.
    expect(plain.getFeaturesInExtent([123.9, 47.3, 124, 47.4])).toHaveLength(1);
  });

  it('moves features a filter holds outside its source too, each geometry once', () => {
    const shown = at(123.95, 47.34);
    const hidden = at(124.2, 47.6);
    const source = new VectorSource({ features: [shown] });
    reprojectContent([new VectorLayer({ source })], [], 'EPSG:3857', 'EPSG:4490', [shown, hidden]);
    expect(lonLatOf(shown)).toEqual([123.95, 47.34]);
    expect(lonLatOf(hidden)).toEqual([124.2, 47.6]);
  });

  it('leaves everything as it is between equal projections, and without layers or overlays does nothing', () => {
    const source = new VectorSource({ features: [at(123.95, 47.34)] });
    const before = (source.getFeatures()[0]!.getGeometry() as Point).getCoordinates();
    reprojectContent([new VectorLayer({ source })], [], 'EPSG:3857', 'EPSG:3857');
    expect((source.getFeatures()[0]!.getGeometry() as Point).getCoordinates()).toEqual(before);
    expect(() => reprojectContent([], [], 'EPSG:3857', 'EPSG:4490')).not.toThrow();
  });
});
