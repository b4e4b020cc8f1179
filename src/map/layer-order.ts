/**
 * The one table of z-orders. Every layer the map module adds takes its
 * zIndex from here, so the drawing order is readable in one place and a new
 * layer cannot slip between two others by accident.
 */
export const LAYER_Z = {
  offlineBase: 0,
  /** A WMTS or PMTiles base map (./basemap.ts); never drawn together with 天地图. */
  externalBase: 1,
  tiandituBase: 2,
  tiandituAnnotation: 3,
  /** Town and place names over the 示意底图 (./gazetteer-layer.ts). */
  offlinePlaces: 4,
  /** An embedded map's district, outlined and named over the 示意底图 (./district-context.ts). */
  districtContext: 5,
  /** Filled zones (基准地价, 控规: ThematicLayerConfig.area): under the records, which sit in them. */
  thematicAreas: 9,
  thematic: 10,
  searchResults: 15,
  /** A study route's line and numbered stops (./route-layer.ts). */
  route: 18,
  focus: 20,
  measure: 30,
} as const;

export type LayerRole = keyof typeof LAYER_Z;

/** The roles bottom to top (ties keep the table's order). */
export function layerRolesBottomUp(): LayerRole[] {
  return (Object.keys(LAYER_Z) as LayerRole[]).sort((a, b) => LAYER_Z[a] - LAYER_Z[b]);
}
