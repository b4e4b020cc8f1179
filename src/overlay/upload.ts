/**
 * The project area from a file the user chooses: GeoJSON, KML or a zipped
 * shapefile, read in the browser (nothing is uploaded). The parsers are
 * maintained libraries, imported only here and only when a file is chosen:
 * @tmcw/togeojson for KML, shpjs for shapefiles (it reprojects by the .prj
 * with proj4). Every way a file can be wrong ends in an UploadError with a
 * Chinese message the page shows; nothing throws past readAreaFile.
 *
 * Coordinates must be CGCS2000 or WGS84 lon/lat. GCJ-02 (高德、腾讯) and
 * BD-09 (百度) files look the same but are 300–600 m off: a file that says
 * it is one of them is refused, never converted or accepted silently.
 */
import type { AreaGeometry } from './types.ts';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export class UploadError extends Error {}

export type AreaFile = { area: AreaGeometry; format: 'GeoJSON' | 'KML' | 'Shapefile'; polygons: number };

const OFFSET_DATUM = /gcj[-_ ]?0?2|bd[-_ ]?0?9|火星坐标|百度坐标|高德坐标/i;
const LONLAT_CRS = /crs84|epsg::?(4326|4490)\b|wgs[-_ ]?84|cgcs[-_ ]?2000|china[_ ]geodetic/i;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Reads a chosen file into the project area; UploadError on any problem. */
export async function readAreaFile(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }): Promise<AreaFile> {
  if (file.size > MAX_UPLOAD_BYTES) throw new UploadError(`文件“${file.name}”有 ${mb(file.size)} MB，超过 5 MB 的上限。项目范围通常只需几 KB：请只导出项目红线一个图层，或简化边界后再试。`);
  if (file.size === 0) throw new UploadError(`文件“${file.name}”是空文件。`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = sniff(bytes, file.name);
  let data: unknown;
  try {
    data = format === 'Shapefile' ? await readShapefile(bytes) : format === 'KML' ? await readKml(text(bytes, file.name)) : readGeoJson(text(bytes, file.name));
  } catch (e) {
    if (e instanceof UploadError) throw e;
    throw new UploadError(`无法读取“${file.name}”：${format === 'Shapefile' ? '不是有效的 zip 压缩的 Shapefile（应包含同名的 .shp、.dbf，最好还有 .prj）' : `不是有效的 ${format} 文件`}（${(e as Error).message}）。`);
  }
  const polygons = collectPolygons(data);
  if (polygons.length === 0) throw new UploadError(`“${file.name}”中没有多边形（面）：项目范围应是面要素（Polygon 或 MultiPolygon），点和线不能计算压覆面积。`);
  checkLonLat(polygons, file.name, format);
  return { area: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }, format, polygons: polygons.length };
}

function sniff(bytes: Uint8Array, name: string): AreaFile['format'] {
  // A zip starts with “PK\x03\x04”, whatever the file is called.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'Shapefile';
  const lower = name.toLowerCase();
  if (lower.endsWith('.kml')) return 'KML';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'GeoJSON';
  // No telling extension: XML is KML, anything else is tried as GeoJSON.
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (lower.endsWith('.shp')) throw new UploadError(`“${name}”是单独的 .shp 文件：请把 .shp、.shx、.dbf 和 .prj 一起压缩为一个 .zip 文件再选择。`);
  return head.startsWith('<') ? 'KML' : 'GeoJSON';
}

function text(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UploadError(`“${name}”不是 UTF-8 文本：GeoJSON 和 KML 应为 UTF-8 编码（也可能选错了文件，如图片或 Word 文档）。`);
  }
}

function refuseOffsetDatum(declared: string): void {
  if (OFFSET_DATUM.test(declared))
    throw new UploadError(`文件注明的坐标系是“${declared}”：GCJ-02（高德、腾讯）和 BD-09（百度）坐标与 CGCS2000 相差数百米，本页不接受。请先用 GIS 软件换算为 CGCS2000 或 WGS84 经纬度再上传。`);
}

function readGeoJson(source: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    throw new UploadError(`不是有效的 GeoJSON：JSON 语法错误（${(e as Error).message}）。`);
  }
  if (!data || typeof data !== 'object') throw new UploadError('不是有效的 GeoJSON：内容应是一个 FeatureCollection、Feature 或几何对象。');
  // RFC 7946 dropped `crs`, but files from older software still name theirs: anything that is not lon/lat is refused.
  const crs = (data as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name;
  if (typeof crs === 'string') {
    refuseOffsetDatum(crs);
    if (!LONLAT_CRS.test(crs)) throw new UploadError(`文件注明的坐标系是“${crs}”：本页只接受 CGCS2000 或 WGS84 经纬度。平面坐标（如 3° 带高斯–克吕格）请先转换为经纬度。`);
  }
  const name = (data as { name?: unknown }).name;
  if (typeof name === 'string') refuseOffsetDatum(name);
  return data;
}

async function readKml(source: string): Promise<unknown> {
  refuseOffsetDatum(source.slice(0, 4096).match(OFFSET_DATUM)?.[0] ?? '');
  const doc = new DOMParser().parseFromString(source, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new UploadError('不是有效的 KML：XML 格式有错误（标签未闭合或含非法字符）。');
  if (doc.documentElement.localName !== 'kml') throw new UploadError(`不是 KML 文件：根元素是 <${doc.documentElement.localName}>，应为 <kml>。`);
  const { kml } = await import('@tmcw/togeojson');
  return kml(doc);
}

async function readShapefile(bytes: Uint8Array): Promise<unknown> {
  const { parseZip } = await import('shpjs');
  try {
    return await parseZip(bytes);
  } catch (e) {
    const message = (e as Error).message;
    if (/no layers/i.test(message)) throw new UploadError('zip 文件中没有 .shp 文件：请把 Shapefile 的 .shp、.shx、.dbf、.prj 一起压缩（KMZ 请先解压为 KML）。');
    throw e;
  }
}

type Rings = number[][][];

/** Every Polygon and MultiPolygon part in a GeoJSON value (collections, features, geometry collections, shpjs's list of layers). */
function collectPolygons(value: unknown, out: Rings[] = []): Rings[] {
  if (Array.isArray(value)) {
    for (const v of value) collectPolygons(v, out);
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  const v = value as { type?: unknown; features?: unknown; geometry?: unknown; geometries?: unknown; coordinates?: unknown };
  if (v.type === 'FeatureCollection') collectPolygons(v.features, out);
  else if (v.type === 'Feature') collectPolygons(v.geometry, out);
  else if (v.type === 'GeometryCollection') collectPolygons(v.geometries, out);
  else if (v.type === 'Polygon' && Array.isArray(v.coordinates)) out.push(v.coordinates as Rings);
  else if (v.type === 'MultiPolygon' && Array.isArray(v.coordinates)) out.push(...(v.coordinates as Rings[]));
  return out;
}

function checkLonLat(polygons: readonly Rings[], name: string, format: AreaFile['format']): void {
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) throw new UploadError(`“${name}”中有一个多边形没有坐标。`);
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4) throw new UploadError(`“${name}”中有一个多边形的环少于 4 个点（首尾相同），不是有效的面。`);
      for (const p of ring) {
        const [lon, lat] = Array.isArray(p) ? p : [];
        if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
          throw new UploadError(`“${name}”中有不是数字的坐标。`);
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
          throw new UploadError(`“${name}”的坐标（${lon}, ${lat}）不是经纬度，像是平面坐标${format === 'Shapefile' ? '（zip 中可能缺少 .prj 文件）' : ''}：本页只接受 CGCS2000 或 WGS84 经纬度。`);
      }
    }
  }
}
