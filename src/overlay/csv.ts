/**
 * The result as CSV for Excel: UTF-8 with a byte-order mark (without it,
 * Excel on Chinese Windows reads UTF-8 as GBK and the headers turn to
 * mojibake), Chinese headers, CRLF line ends (RFC 4180), and every field
 * quoted when it holds a comma, quote or line break. A cell that starts
 * with = + - @ is prefixed with ' so Excel does not run it as a formula
 * (names come from published data, but the file is opened on staff machines).
 */
import type { OverlapRow } from './types.ts';

export const CSV_HEADERS = ['序号', '类型', '名称', '许可证号或宗地代码', '性质', '公告标题', '文号', '重叠面积（平方米）', '重叠面积（亩）', '占该范围比例（%）', '公告链接'] as const;

const KIND_NAMES = { mining: '矿业权', parcel: '已公开地块' } as const;

function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** 1 亩 = 10000/15 m². */
export const m2ToMu = (m2: number) => (m2 * 15) / 10_000;

export function overlapCsv(rows: readonly OverlapRow[], origin: string): string {
  const lines = [CSV_HEADERS.join(',')];
  rows.forEach((r, i) => {
    const p = r.properties;
    lines.push(
      [
        String(i + 1), KIND_NAMES[p.kind], p.name, p.code ?? '', p.detail, p.title, p.docNo ?? '',
        r.overlapM2.toFixed(2), m2ToMu(r.overlapM2).toFixed(4), r.blockM2 > 0 ? ((100 * r.overlapM2) / r.blockM2).toFixed(2) : '',
        new URL(p.url, origin).href,
      ].map(cell).join(','),
    );
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
