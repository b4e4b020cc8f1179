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
 * Not moved: a sketch the Draw interaction has under way (it is in the
 * interaction, not in a layer), and tiles (base maps are created after the
 * switch, in their own projection).
 */
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

/** Transforms every feature geometry of `layers` and every overlay position from `from` to `to`. */
export function reprojectContent(layers: readonly BaseLayer[], overlays: readonly Pick<Overlay, 'getPosition' | 'setPosition'>[], from: ProjectionLike, to: ProjectionLike): void {
  for (const source of featureSources(layers)) source.forEachFeature((f) => void f.getGeometry()?.transform(from, to));
  for (const overlay of overlays) {
    const at = overlay.getPosition();
    if (at) overlay.setPosition(transform(at, from, to));
  }
}
