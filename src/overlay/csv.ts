/**
 * The result as CSV for Excel, with Chinese headers (the writer: src/lib/csv.ts,
 * BOM, CRLF, quoting, formula-safe cells).
 */
import { csvDocument } from '../lib/csv.ts';
import type { OverlapRow } from './types.ts';

export const CSV_HEADERS = ['序号', '类型', '名称', '许可证号或宗地代码', '性质', '公告标题', '文号', '重叠面积（平方米）', '重叠面积（亩）', '占该范围比例（%）', '公告链接'] as const;

const KIND_NAMES = { mining: '矿业权', parcel: '已公开地块' } as const;

/** 1 亩 = 10000/15 m². */
export const m2ToMu = (m2: number) => (m2 * 15) / 10_000;

export function overlapCsv(rows: readonly OverlapRow[], origin: string): string {
  return csvDocument(
    CSV_HEADERS,
    rows.map((r, i) => {
      const p = r.properties;
      return [
        String(i + 1), KIND_NAMES[p.kind], p.name, p.code ?? '', p.detail, p.title, p.docNo ?? '',
        r.overlapM2.toFixed(2), m2ToMu(r.overlapM2).toFixed(4), r.blockM2 > 0 ? ((100 * r.overlapM2) / r.blockM2).toFixed(2) : '',
        new URL(p.url, origin).href,
      ];
    }),
  );
}
