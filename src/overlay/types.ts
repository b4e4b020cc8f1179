/**
 * The 压覆查询 pre-check's vocabulary (browser-safe). Blocks are the
 * published mining-rights blocks and land parcels, as the build writes them
 * to /overlay/blocks.geojson (src/overlay/blocks.ts); the area is the
 * project's polygon, drawn or uploaded, in CGCS2000/WGS84 lon/lat.
 */
export type AreaGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export type BlockKind = 'mining' | 'parcel';

export type BlockProperties = {
  kind: BlockKind;
  /** 矿业权名称 or 地块编号. */
  name: string;
  /** The notice that discloses it, its 文号 and page. */
  title: string;
  docNo?: string;
  url: string;
  /** 探矿权/采矿权 and 矿种, or 用途. */
  detail: string;
  /** 许可证号 or 宗地代码, when published. */
  code?: string;
};

export type BlockFeature = { type: 'Feature'; id: string; geometry: AreaGeometry; properties: BlockProperties };
export type BlockCollection = { type: 'FeatureCollection'; features: BlockFeature[] };

/** One block the area overlies, with the overlap's ellipsoidal area. */
export type OverlapRow = { id: string; properties: BlockProperties; overlapM2: number; blockM2: number };
