/**
 * Moves what the map shows from one projection to another, in place: the
 * map starts in the projection the page was built for, before
 * /config/map.json has answered, and a base map in another projection (say
 * TIANDITU_MATRIX_SET=c on a site built for w) then brings a new View. The
 * features already drawn (thematic data, the focus record, search results,
 * measurements) and the overlays (the popup) move with it. Their sources
 * index features by extent and follow each geometry's change event, and a
 * Cluster re-clusters when its source changes, so nothing is rebuilt.
 *
 * Features a feature filter keeps out of their source are passed as `held`.
 *
 * Not moved: a sketch the Draw interaction has under way (it is in the
 * interaction, not in a layer), and tiles (base maps are created after the
 * switch, in their own projection).
 */
import type Feature from 'ol/Feature.js';
import type { Geometry } from 'ol/geom.js';
import type BaseLayer from 'ol/layer/Base.js';
import type Overlay from 'ol/Overlay.js';
import { transform, type ProjectionLike } from 'ol/proj.js';
import Cluster from 'ol/source/Cluster.js';
import VectorSource from 'ol/source/Vector.js';

/** The vector sources holding the features of `layers`: a Cluster's own source, not its clusters (which follow). */
export function featureSources(layers: readonly BaseLayer[]): VectorSource[] {
  const out = new Set<VectorSource>();
  for (const layer of layers) {
    const source = (layer as { getSource?: () => unknown }).getSource?.();
    const features = source instanceof Cluster ? source.getSource() : source;
    if (features instanceof VectorSource) out.add(features);
  }
  return [...out];
}

/**
 * Transforms every feature geometry of `layers`, and of `held` (features
 * kept out of their layer for a while, such as those a feature filter hides,
 * ./feature-filter.ts), and every overlay position from `from` to `to`; each
 * geometry once, however many places hold it.
 */
export function reprojectContent(
  layers: readonly BaseLayer[],
  overlays: readonly Pick<Overlay, 'getPosition' | 'setPosition'>[],
  from: ProjectionLike,
  to: ProjectionLike,
  held: Iterable<Feature> = [],
): void {
  const geometries = new Set<Geometry>();
  const add = (f: Feature) => {
    const g = f.getGeometry();
    if (g) geometries.add(g);
  };
  for (const source of featureSources(layers)) source.forEachFeature((f) => void add(f));
  for (const f of held) add(f);
  for (const g of geometries) g.transform(from, to);
  for (const overlay of overlays) {
    const at = overlay.getPosition();
    if (at) overlay.setPosition(transform(at, from, to));
  }
}
