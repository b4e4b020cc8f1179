/**
 * The compact notice index, /notices/index.json: every published notice
 * and every withdrawn one (with its reason) as one short array, for the
 * lists' instant filter in the browser (./notice-filter.ts). Repeated
 * strings (sub-kinds, districts) are table indexes and absent values 0, so
 * 10,000 notices stay near 1 MB before compression; only what a list item
 * shows and the filters read is in it.
 *
 * rows[i] = [id, kind, sub, district, date, start, end, flags (1 superseded, 2 sample), title, docNo, goneDate, goneReason]
 * (kind, sub, district: indexes into KIND_VALUES, subs, districts; 0 for none in the optional places).
 */
import type { PublishedView } from '../data/published.ts';
import { CITY_WIDE, KIND_VALUES, type KindValue, type NoticeRow } from './notice-filter.ts';

export const INDEX_VERSION = 1;

type Cell = string | number;
export type CompactIndex = {
  v: typeof INDEX_VERSION;
  /** The build day (Asia/Shanghai) the pages were rendered for. */
  built: string;
  subs: string[];
  /** [code, name], in administrative-code order; CITY_WIDE for 全市. */
  districts: [string, string][];
  rows: Cell[][];
};

/** The district codes of a view's boundaries by name, 全市 included. */
export function districtTable(view: Pick<PublishedView, 'boundaries'>): [string, string][] {
  return [[CITY_WIDE, '全市'], ...view.boundaries.features.map((f) => [f.properties.code, f.properties.name] as [string, string])];
}

/** The rows of a published view: published notices, then the withdrawn ones. */
export function noticeRows(view: Pick<PublishedView, 'notices' | 'gone' | 'boundaries' | 'statusRule'>): NoticeRow[] {
  const codeOf = new Map(districtTable(view).map(([code, name]) => [name, code]));
  const rows: NoticeRow[] = view.notices.map((n) => ({
    id: n.id,
    kind: n.kind,
    sub: n.subKind,
    district: codeOf.get(n.district) ?? CITY_WIDE,
    date: n.publishDate.slice(0, 10),
    start: n.period?.start,
    end: n.period?.end,
    superseded: view.statusRule(n).superseded,
    sample: n.sample,
    title: n.title,
    docNo: n.docNo,
  }));
  for (const g of view.gone) {
    if (!g.notice) continue;
    rows.push({
      id: g.notice.id,
      kind: g.notice.kind,
      sub: g.notice.subKind,
      district: codeOf.get(g.notice.district) ?? CITY_WIDE,
      date: g.notice.publishDate,
      superseded: false,
      title: g.title,
      docNo: g.docNo,
      gone: { date: g.date, reason: g.reason },
    });
  }
  return rows;
}

export function encodeIndex(rows: readonly NoticeRow[], districts: [string, string][], built: string): CompactIndex {
  const subs = [...new Set(rows.map((r) => r.sub))];
  const subAt = new Map(subs.map((s, i) => [s, i]));
  const districtAt = new Map(districts.map(([c], i) => [c, i]));
  return {
    v: INDEX_VERSION,
    built,
    subs,
    districts,
    rows: rows.map((r) => {
      const cells: Cell[] = [r.id, KIND_VALUES.indexOf(r.kind), subAt.get(r.sub)!, districtAt.get(r.district) ?? 0, r.date, r.start ?? 0, r.end ?? 0, (r.superseded ? 1 : 0) | (r.sample ? 2 : 0), r.title, r.docNo ?? 0];
      if (r.gone) cells.push(r.gone.date, r.gone.reason);
      // Trailing zeros carry nothing.
      while (cells.length > 9 && cells.at(-1) === 0) cells.pop();
      return cells;
    }),
  };
}

const str = (c: Cell | undefined): string | undefined => (typeof c === 'string' && c !== '' ? c : undefined);

/** Reads the index back; throws on a version or shape it does not know (the page then keeps its prerendered list). */
export function decodeIndex(data: unknown): { rows: NoticeRow[]; subs: string[]; districts: [string, string][]; built: string } {
  const d = data as Partial<CompactIndex> | null;
  if (!d || d.v !== INDEX_VERSION || !Array.isArray(d.rows) || !Array.isArray(d.subs) || !Array.isArray(d.districts)) throw new Error('公告索引的格式不认识');
  const { subs, districts } = d as CompactIndex;
  const rows = d.rows.map((c): NoticeRow => {
    const kind = KIND_VALUES[Number(c[1])] as KindValue | undefined;
    if (typeof c[0] !== 'string' || !kind || typeof c[4] !== 'string' || typeof c[8] !== 'string') throw new Error('公告索引的行不完整');
    const goneDate = str(c[10]);
    return {
      id: c[0],
      kind,
      sub: subs[Number(c[2])] ?? '',
      district: districts[Number(c[3])]?.[0] ?? CITY_WIDE,
      date: c[4],
      start: str(c[5]),
      end: str(c[6]),
      superseded: (Number(c[7]) & 1) === 1,
      sample: (Number(c[7]) & 2) === 2,
      title: c[8],
      docNo: str(c[9]),
      ...(goneDate ? { gone: { date: goneDate, reason: str(c[11]) ?? '' } } : {}),
    };
  });
  return { rows, subs, districts, built: String(d.built ?? '') };
}
