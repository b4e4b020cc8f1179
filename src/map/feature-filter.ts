/**
 * Showing only some features of a thematic layer: the red-site list page
 * filters its list and the map shows the same sites. The filter takes the
 * features out of the layer's source (and puts them back), so clusters,
 * the features-in-view list and `]`/`[` stepping all see what the reader
 * sees; a style that hid them would leave them in the cluster counts.
 *
 * Pages say what to show declaratively: the map's root element carries
 * `data-feature-filter='{"layer":"red-sites","ids":[…]}'` (ids null: all),
 * or a list of such objects when the list spans several layers (the notice
 * lists: one layer per kind); the map applies it when it loads and whenever
 * the attribute changes.
 */
import type Feature from 'ol/Feature.js';
import type { Geometry } from 'ol/geom.js';
import type VectorSource from 'ol/source/Vector.js';

export type FeatureFilter = {
  /** Shows only the features with these ids (null: every feature); applied once the layer has loaded. */
  set(ids: ReadonlySet<string> | null): Promise<void>;
  /** Every feature of the layer, shown or not, once a filter has been applied: what moves with a new projection (./reproject.ts). */
  held(): readonly Feature<Geometry>[];
};

/** A filter over a layer's source, which holds every feature once `ready` resolves. */
export function createFeatureFilter(source: VectorSource<Feature<Geometry>>, ready: Promise<void>): FeatureFilter {
  let all: Feature<Geometry>[] | undefined;
  let latest: ReadonlySet<string> | null = null;
  const apply = () => {
    all ??= source.getFeatures();
    const keep = latest ? all.filter((f) => latest!.has(String(f.getId()))) : all;
    // clear(true) skips a removefeature event per feature: one change for the clusters, not hundreds.
    source.clear(true);
    source.addFeatures(keep);
  };
  return {
    async set(ids) {
      latest = ids;
      try {
        await ready;
      } catch {
        return; // the layer failed to load: it has said so, and there is nothing to filter
      }
      // Only the latest filter is applied, however the loads interleave.
      if (latest === ids) apply();
    },
    held: () => all ?? [],
  };
}

export type FilterRequest = { layer: string; ids: string[] | null };

/** Reads the attribute's JSON; anything malformed means no filter. */
export function parseFilterAttribute(value: string | null | undefined): FilterRequest | undefined {
  if (!value) return undefined;
  try {
    const v = JSON.parse(value) as unknown;
    if (typeof v !== 'object' || v === null) return undefined;
    const { layer, ids } = v as { layer?: unknown; ids?: unknown };
    if (typeof layer !== 'string') return undefined;
    if (ids === null) return { layer, ids: null };
    if (Array.isArray(ids) && ids.every((i) => typeof i === 'string')) return { layer, ids };
  } catch {
    // fall through
  }
  return undefined;
}

/**
 * Reads the attribute as one request or a list of them (a list filters
 * several layers at once). One malformed entry spoils the whole list: a
 * half-applied filter would show a map that agrees with no list.
 */
export function parseFilterRequests(value: string | null | undefined): FilterRequest[] {
  if (!value) return [];
  let v: unknown;
  try {
    v = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(v)) {
    const one = parseFilterAttribute(value);
    return one ? [one] : [];
  }
  const out: FilterRequest[] = [];
  for (const item of v) {
    const r = parseFilterAttribute(JSON.stringify(item));
    if (!r) return [];
    out.push(r);
  }
  return out;
}

/** Applies the root's data-feature-filter now and on every change. */
export function bindFilterAttribute(root: HTMLElement, setFilter: (layer: string, ids: ReadonlySet<string> | null) => void): void {
  const read = () => {
    for (const request of parseFilterRequests(root.dataset['featureFilter'])) setFilter(request.layer, request.ids ? new Set(request.ids) : null);
  };
  read();
  new MutationObserver(read).observe(root, { attributes: true, attributeFilter: ['data-feature-filter'] });
}
