/**
 * The text of a CSV file. Excel on a Chinese Windows saves “CSV (逗号分隔)”
 * in the ANSI code page, i.e. GBK, and “CSV UTF-8” with a BOM; WPS and
 * LibreOffice usually write UTF-8 without one. How the encoding is told:
 *
 * 1. a BOM decides (UTF-8, UTF-16 LE/BE);
 * 2. otherwise strict UTF-8: text in GBK is practically never valid UTF-8
 *    (its two-byte characters do not follow UTF-8's lead/continuation
 *    byte pattern across a whole file), so a file that decodes is UTF-8;
 * 3. otherwise strict GB18030 (the superset of GBK and GB2312);
 * 4. otherwise the file is refused with what to do: nothing is guessed
 *    into replacement characters.
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const strict = (label: string, bytes: Uint8Array, ignoreBOM = false): string | undefined => {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM }).decode(bytes);
  } catch {
    return undefined;
  }
};

const SAVE_AS = '请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”后重新导入';

export function decodeText(bytes: Uint8Array): Decoded {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    const text = strict('utf-8', bytes);
    return text === undefined ? { ok: false, reason: `文件开头标明 UTF-8，但内容不是有效的 UTF-8。${SAVE_AS}` } : { ok: true, text, encoding: 'UTF-8（带 BOM）' };
  }
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    const text = strict(a === 0xff ? 'utf-16le' : 'utf-16be', bytes);
    return text === undefined ? { ok: false, reason: `文件开头标明 UTF-16，但内容无法读取。${SAVE_AS}` } : { ok: true, text, encoding: 'UTF-16' };
  }
  // NUL bytes without a BOM: UTF-16 without its mark, or not a text file at all.
  if (bytes.includes(0)) return { ok: false, reason: `文件不是文本格式的 CSV（含有二进制内容）。${SAVE_AS}` };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'UTF-8' };
  const gb = strict('gb18030', bytes);
  if (gb !== undefined) return { ok: true, text: gb, encoding: 'GB18030/GBK' };
  return { ok: false, reason: `文件既不是 UTF-8 也不是 GB18030/GBK 编码，无法读取。${SAVE_AS}` };
}
