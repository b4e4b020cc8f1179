import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/import/decode.ts';

// 名称,建华区 in GBK (GB18030): what Excel's “CSV (逗号分隔)” writes on a Chinese Windows.
const GBK = Uint8Array.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbd, 0xa8, 0xbb, 0xaa, 0xc7, 0xf8]);

describe('CSV encodings', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 with one', () => {
    expect(decodeText(new TextEncoder().encode('名称,建华区'))).toEqual({ ok: true, text: '名称,建华区', encoding: 'UTF-8' });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('名称')]);
    expect(decodeText(bom)).toEqual({ ok: true, text: '名称', encoding: 'UTF-8（带 BOM）' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x0d, 0x54, 0xf0, 0x79]))).toMatchObject({ ok: true, text: '名称' });
  });
  it('reads GBK (as GB18030) when the bytes are not UTF-8', () => {
    expect(decodeText(GBK)).toEqual({ ok: true, text: '名称,建华区', encoding: 'GB18030/GBK' });
  });
  it('refuses what is neither, and binary files, with what to do', () => {
    const bad = decodeText(Uint8Array.from([0x81, 0x20, 0xff, 0xff]));
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('CSV UTF-8') });
    expect(decodeText(Uint8Array.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, reason: expect.stringContaining('二进制') });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0xfb]))).toMatchObject({ ok: false });
  });
});
