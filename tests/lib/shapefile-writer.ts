/**
 * Writes a small zipped polygon shapefile (.shp, .shx, .dbf, .prj) for the
 * 压覆查询 tests, so no binary fixture is shipped: ESRI's byte layout
 * (big-endian file code and lengths, little-endian shapes), outer rings
 * clockwise as the format wants, and a zip with stored (uncompressed)
 * entries and CRC-32 from node:zlib.
 */
import { crc32 } from 'node:zlib';

type Ring = [number, number][];

/** ESRI WKT of WGS 84 (GCS), as GIS software writes it in .prj. */
export const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

function shpFiles(polygons: Ring[][]): { shp: Buffer; shx: Buffer } {
  const all = polygons.flat(2);
  const box = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
  const records = polygons.map((rings) => {
    const points = rings.flat();
    const content = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    content.writeInt32LE(5, 0);
    const flat = rings.flat();
    [Math.min(...flat.map((p) => p[0])), Math.min(...flat.map((p) => p[1])), Math.max(...flat.map((p) => p[0])), Math.max(...flat.map((p) => p[1]))].forEach((v, i) => content.writeDoubleLE(v, 4 + 8 * i));
    content.writeInt32LE(rings.length, 36);
    content.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((r, i) => {
      content.writeInt32LE(start, 44 + 4 * i);
      start += r.length;
    });
    points.forEach(([x, y], i) => {
      content.writeDoubleLE(x, 44 + 4 * rings.length + 16 * i);
      content.writeDoubleLE(y, 52 + 4 * rings.length + 16 * i);
    });
    return content;
  });
  const header = (bytes: number) => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(bytes / 2, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(5, 32);
    box.forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
    return h;
  };
  const body: Buffer[] = [];
  const index: Buffer[] = [];
  let offset = 100;
  records.forEach((content, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0);
    rh.writeInt32BE(content.length / 2, 4);
    body.push(rh, content);
    const ix = Buffer.alloc(8);
    ix.writeInt32BE(offset / 2, 0);
    ix.writeInt32BE(content.length / 2, 4);
    index.push(ix);
    offset += 8 + content.length;
  });
  return { shp: Buffer.concat([header(offset), ...body]), shx: Buffer.concat([header(100 + 8 * records.length), ...index]) };
}

function dbf(names: string[]): Buffer {
  const width = 40;
  const header = Buffer.alloc(32 + 32 + 1);
  header[0] = 0x03;
  header.writeUInt8(126, 1);
  header.writeUInt8(1, 2);
  header.writeUInt8(1, 3);
  header.writeUInt32LE(names.length, 4);
  header.writeUInt16LE(header.length, 8);
  header.writeUInt16LE(1 + width, 10);
  header.write('NAME', 32, 'latin1');
  header.write('C', 43, 'latin1');
  header.writeUInt8(width, 48);
  header[64] = 0x0d;
  const rows = names.map((n) => {
    const r = Buffer.alloc(1 + width, 0x20);
    r.write(n.slice(0, width), 1, 'latin1');
    return r;
  });
  return Buffer.concat([header, ...rows, Buffer.from([0x1a])]);
}

/** A zip archive with stored entries. */
export function zip(files: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(files).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const signedArea = (r: Ring) => r.reduce((s, [x1, y1], i) => { const [x2, y2] = r[(i + 1) % r.length]!; return s + (x1 * y2 - x2 * y1); }, 0) / 2;

/** A zipped shapefile of polygons ([lon, lat] rings, closed), with a WGS 84 .prj unless `prj` says otherwise (null: none). */
export function zippedShapefile(polygons: Ring[][], options: { prj?: string | null; name?: string } = {}): Buffer {
  // Shapefile outer rings run clockwise, holes counter-clockwise (the reverse of GeoJSON).
  const oriented = polygons.map((rings) => rings.map((r, i) => ((i === 0) === signedArea(r) > 0 ? r.slice().reverse() : r)));
  const { shp, shx } = shpFiles(oriented);
  const base = options.name ?? 'xiangmu';
  const prj = options.prj === undefined ? WGS84_PRJ : options.prj;
  return zip({ [`${base}.shp`]: shp, [`${base}.shx`]: shx, [`${base}.dbf`]: dbf(polygons.map((_, i) => `area-${i + 1}`)), ...(prj === null ? {} : { [`${base}.prj`]: prj }) });
}
