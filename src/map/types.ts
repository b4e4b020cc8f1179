/**
 * The map module's declarative vocabulary. Pages describe the map they want
 * with these plain objects; only src/map/ creates OpenLayers objects.
 */

/** Tianditu base maps: 矢量 (vec + cva), 影像 (img + cia), 地形 (ter + cta). */
export type BaseMapId = 'vec' | 'img' | 'ter';
/** Annotation language: Chinese (cva/cia/cta) or English (eva/eia; terrain has none). */
export type AnnotationLang = 'zh' | 'en';
/** Tianditu tile matrix set: w = EPSG:3857, c = CGCS2000 (EPSG:4490) lon/lat. */
export type MatrixSet = 'w' | 'c';
/** [west, south, east, north] in CGCS2000 degrees. */
export type LonLatExtent = [number, number, number, number];

/**
 * Runtime configuration, fetched from /config/map.json: the request-time
 * route on the Node server, or the same file written at build for static
 * deployments. Changing the key needs no rebuild.
 */
export type RuntimeMapConfig = {
  /** Tianditu browser key (浏览器端); null → the offline base map. */
  tiandituKey: string | null;
  matrixSet: MatrixSet;
  /** Shown at lower left on every map, with the 审图号 and 甲测资字 number. */
  attribution: string;
  reviewNo: string;
  qualificationNo: string;
  termsUrl: string;
  homeExtent: LonLatExtent;
};

/** One category of a thematic layer, with its legend entry. */
export type LayerCategory = { value: string; label: string; color: string };

/** A thematic layer: a GeoJSON collection published by the build. */
export type ThematicLayerConfig = {
  /** Collection name: the layer reads /geo/<id>.geojson. */
  id: string;
  title: string;
  url: string;
  /** Points cluster; polygons and lines never do. */
  cluster: boolean;
  /** Feature property that selects the category (style and legend). */
  categoryProperty?: string;
  categories: LayerCategory[];
  /** Colour for features whose category is not listed. */
  defaultColor: string;
  visible: boolean;
};

/** The view state a permalink carries (docs/permalink.md). */
export type MapViewState = {
  /** [lon, lat], CGCS2000. */
  center: [number, number];
  zoom: number;
  base: BaseMapId;
  lang: AnnotationLang;
  /** Ids of the visible thematic layers. */
  layers: string[];
  /** The selected feature, as layer id and feature id. */
  selected?: { layer: string; id: string };
};
