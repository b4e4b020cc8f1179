/**
 * The map module's declarative vocabulary. Pages describe the map they want
 * with these plain objects; only src/map/ creates OpenLayers objects.
 */

/** Tianditu base maps: 矢量 (vec + cva), 影像 (img + cia), 地形 (ter + cta). */
/** How a map tool tells the reader something: a message in the map's status area. */
export type Say = (message: string, kind: 'info' | 'warning' | 'error') => void;

export type BaseMapId = 'vec' | 'img' | 'ter';
/** Annotation language: Chinese (cva/cia/cta) or English (eva/eia; terrain has none). */
export type AnnotationLang = 'zh' | 'en';
/** Tianditu tile matrix set: w = EPSG:3857, c = CGCS2000 (EPSG:4490) lon/lat. */
export type MatrixSet = 'w' | 'c';
/** [west, south, east, north] in CGCS2000 degrees. */
export type LonLatExtent = [number, number, number, number];

/** The 审图号-bearing credit of a base map that is not 天地图 (WMTS, PMTiles). */
export type BaseMapCredit = { attribution: string; reviewNo?: string };

/**
 * The base map the site publishes (site.yaml map.basemap, resolved at build):
 * - tianditu: national 天地图 with `tiandituKey` (without a key: the 示意底图);
 * - wmts: read from `capabilitiesUrl`, the server's copy of the configured GetCapabilities;
 * - pmtiles: a vector archive drawn with a style document, both served by the site;
 * - offline: the bundled 示意底图; `reason` when the chosen source could not be published.
 */
export type BaseMapSourceConfig =
  | { kind: 'tianditu' }
  | ({ kind: 'wmts'; capabilitiesUrl: string; layer: string; matrixSet?: string } & BaseMapCredit)
  | ({ kind: 'pmtiles'; archiveUrl: string; styleUrl: string } & BaseMapCredit)
  | { kind: 'offline'; reason?: string };

/** What is drawn under the data: names the attribution shown. */
export type DrawnBaseMap = 'tianditu' | 'wmts' | 'pmtiles' | 'offline';

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
  basemap: BaseMapSourceConfig;
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
  /**
   * Zones drawn as filled areas (基准地价 grades, 控规 land-use classes): the
   * category colour fills the polygon at `fillOpacity` and every polygon
   * gets the one dark `outline`. Pale customary fills (居住 yellow) cannot
   * reach 3:1 against a light base map; the outline does (WCAG 1.4.11).
   * Without it, polygons have a category-coloured outline and a faint tint.
   */
  area?: { outline: string; fillOpacity: number };
};

/**
 * A study route drawn on an embedded map (./route-layer.ts): the line
 * through the stops and a marker per stop, labelled with its number in
 * the page's list of stops.
 */
export type RouteOverlay = {
  /** [lon, lat] vertices in CGCS2000, in visiting order. */
  line: [number, number][];
  stops: { lon: number; lat: number; label: string; title: string }[];
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
