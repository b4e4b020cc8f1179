/**
 * Is a PMTiles archive usable as the base map? One check for the build (the
 * file under data/basemap/, src/data/basemap.ts) and the browser (the file
 * as served, src/map/pmtiles-basemap.ts): a PMTiles v3 header, vector tiles,
 * and every section the header points to inside the file. An archive cut
 * short by an interrupted upload has a good header but ends before its tile
 * data; without this check it would draw a map with holes and no message.
 */
import { bytesToHeader, TileType, type Header } from 'pmtiles';

/** The fixed-size header at the start of every PMTiles v3 archive. */
export const PMTILES_HEADER_BYTES = 127;

export type ArchiveCheck = { ok: true; header: Header } | { ok: false; reason: string };

/** The byte just past the last section the header points to. */
export function archiveEnd(h: Header): number {
  return Math.max(
    h.rootDirectoryOffset + h.rootDirectoryLength,
    h.jsonMetadataOffset + h.jsonMetadataLength,
    h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0),
    h.tileDataOffset + (h.tileDataLength ?? 0),
  );
}

/**
 * Checks the first bytes of an archive (at least the 127-byte header) and,
 * when known, its total length. `name` is how the reason names the file.
 */
export function checkArchive(head: ArrayBuffer, totalBytes: number | undefined, name: string): ArchiveCheck {
  if (head.byteLength < PMTILES_HEADER_BYTES) return { ok: false, reason: `底图文件 ${name} 不完整（文件头不足 ${PMTILES_HEADER_BYTES} 字节）` };
  const magic = new TextDecoder().decode(new Uint8Array(head, 0, 7));
  if (magic !== 'PMTiles') return { ok: false, reason: `底图文件 ${name} 不是 PMTiles 文件` };
  const version = new DataView(head).getUint8(7);
  if (version !== 3) return { ok: false, reason: `底图文件 ${name} 是 PMTiles 第 ${version} 版，只支持第 3 版` };
  const header = bytesToHeader(head.slice(0, PMTILES_HEADER_BYTES));
  if (header.tileType !== TileType.Mvt) return { ok: false, reason: `底图文件 ${name} 不是矢量瓦片（MVT），无法按样式绘制` };
  const end = archiveEnd(header);
  if (totalBytes !== undefined && end > totalBytes)
    return { ok: false, reason: `底图文件 ${name} 不完整：应有 ${end} 字节，实际只有 ${totalBytes} 字节（可能上传中断）` };
  return { ok: true, header };
}
