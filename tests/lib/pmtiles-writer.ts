/**
 * Writes a small PMTiles v3 archive of vector tiles, for tests that need a
 * bureau's base map without shipping a binary: GeoJSON layers are cut into
 * Mapbox Vector Tiles by geojson-vt and encoded by vt-pbf (both Mapbox's),
 * then laid out as the PMTiles v3 specification says (header, root
 * directory, metadata, tile data; tiles gzip-compressed). Only what a test
 * needs: one root directory, no leaf directories, so at most a few thousand tiles.
 */
import { gzipSync } from 'node:zlib';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { zxyToTileId } from 'pmtiles';
import type { FeatureCollection } from 'geojson';

export type PmtilesInput = {
  /** Source-layer name → features (lon/lat). */
  layers: Record<string, FeatureCollection>;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] the tiles cover. */
  bounds: [number, number, number, number];
};

function varints(values: number[]): Buffer {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  }
  return Buffer.from(out);
}

const tileX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const tileY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/** The archive's bytes. */
export function writePmtiles(input: PmtilesInput): Buffer {
  const indexes = Object.entries(input.layers).map(([name, fc]) => [name, new GeoJSONVT(fc, { maxZoom: input.maxZoom, indexMaxZoom: input.maxZoom, indexMaxPoints: 0 })] as const);
  const [west, south, east, north] = input.bounds;
  const tiles: { id: number; data: Buffer }[] = [];
  for (let z = input.minZoom; z <= input.maxZoom; z++) {
    for (let x = tileX(west, z); x <= tileX(east, z); x++) {
      for (let y = tileY(north, z); y <= tileY(south, z); y++) {
        const layers: Record<string, unknown> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) layers[name] = tile;
        }
        if (Object.keys(layers).length === 0) continue;
        tiles.push({ id: zxyToTileId(z, x, y), data: gzipSync(vtpbf.fromGeojsonVt(layers, { version: 2 })) });
      }
    }
  }
  tiles.sort((a, b) => a.id - b.id);

  let offset = 0;
  const offsets = tiles.map((t) => {
    const o = offset;
    offset += t.data.length;
    return o;
  });
  const directory = Buffer.concat([
    varints([tiles.length]),
    varints(tiles.map((t, i) => t.id - (i === 0 ? 0 : tiles[i - 1]!.id))),
    varints(tiles.map(() => 1)),
    varints(tiles.map((t) => t.data.length)),
    varints(offsets.map((o) => o + 1)),
  ]);
  const metadata = Buffer.from(
    JSON.stringify({ name: '测试底图（示例数据）', vector_layers: Object.keys(input.layers).map((id) => ({ id, fields: {} })) }),
  );
  const tileData = Buffer.concat(tiles.map((t) => t.data));

  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset);
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, tiles.length);
  u64(80, tiles.length);
  u64(88, tiles.length);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(2, 98); // tile compression: gzip
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(input.minZoom, 100);
  header.writeUInt8(input.maxZoom, 101);
  const e7 = (at: number, v: number) => header.writeInt32LE(Math.round(v * 1e7), at);
  e7(102, west);
  e7(106, south);
  e7(110, east);
  e7(114, north);
  header.writeUInt8(input.minZoom, 118);
  e7(119, (west + east) / 2);
  e7(123, (south + north) / 2);
  return Buffer.concat([header, directory, metadata, tileData]);
}
