/** shpjs ships no types: the one function the pre-check calls. */
declare module 'shpjs' {
  /** A zipped shapefile (.shp, .dbf, optional .prj, .cpg) → GeoJSON in WGS84 (reprojected by its .prj with proj4), one collection per layer. */
  export function parseZip(buffer: ArrayBuffer | Uint8Array): Promise<unknown>;
}
