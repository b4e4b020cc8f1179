import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PMTiles, type Source } from 'pmtiles';
import { archiveEnd, checkArchive } from '../../../src/map/pmtiles-archive.ts';
import { writePmtiles } from '../../lib/pmtiles-writer.ts';

const districts = JSON.parse(readFileSync('data/boundaries/districts.geojson', 'utf8'));
const archive = writePmtiles({ layers: { districts }, minZoom: 5, maxZoom: 8, bounds: [122.3, 45.9, 126.7, 48.9] });
const ab = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;

/** The archive as a pmtiles Source, as a byte-serving server would give it. */
const bufferSource = (bytes: Buffer): Source => ({
  getKey: () => 'test',
  getBytes: async (offset, length) => ({ data: ab(bytes.subarray(offset, offset + length)) }),
});

describe('checkArchive', () => {
  it('accepts a whole PMTiles v3 vector archive, which the PMTiles reader then reads', async () => {
    const checked = checkArchive(ab(archive.subarray(0, 16384)), archive.length, 'a.pmtiles');
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(archiveEnd(checked.header)).toBe(archive.length);
    const reader = new PMTiles(bufferSource(archive));
    const tile = await reader.getZxy(6, 54, 22);
    expect(tile?.data.byteLength).toBeGreaterThan(0);
  });
  it('refuses an archive cut short, naming the bytes missing', () => {
    const checked = checkArchive(ab(archive.subarray(0, 16384)), archive.length - 100, 'a.pmtiles');
    expect(checked).toEqual({ ok: false, reason: expect.stringMatching(/^底图文件 a\.pmtiles 不完整：应有 \d+ 字节，实际只有 \d+ 字节/) });
  });
  it('refuses a file that is not PMTiles, a header cut short, another version, raster tiles', () => {
    expect(checkArchive(ab(Buffer.from('<html>404</html>'.padEnd(200))), 200, 'a.pmtiles')).toMatchObject({ ok: false, reason: expect.stringContaining('不是 PMTiles 文件') });
    expect(checkArchive(ab(archive.subarray(0, 50)), 50, 'a.pmtiles')).toMatchObject({ ok: false, reason: expect.stringContaining('文件头不足') });
    const v2 = Buffer.from(archive);
    v2.writeUInt8(2, 7);
    expect(checkArchive(ab(v2), v2.length, 'a.pmtiles')).toMatchObject({ ok: false, reason: expect.stringContaining('第 2 版') });
    const png = Buffer.from(archive);
    png.writeUInt8(2, 99);
    expect(checkArchive(ab(png), png.length, 'a.pmtiles')).toMatchObject({ ok: false, reason: expect.stringContaining('不是矢量瓦片') });
  });
});
