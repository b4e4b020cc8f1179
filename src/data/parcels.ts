/**
 * 一码管地 in the published view: the published notices that share a 宗地代码
 * or 电子监管号, grouped into one timeline per parcel, once per build. The
 * notice page, the parcel pages and their twins, and the map popups all read
 * these timelines, so they cannot disagree about which records belong to a
 * parcel. Withdrawn notices are not published and so never appear; superseded
 * ones do, marked by their status rule, as they do on their own pages.
 *
 * The check (src/schema/parcel-links.ts) has already refused a code used for
 * unrelated parcels; here a timeline is simply every record the codes reach.
 */
import type { Geometry, Notice } from '../schema/index.ts';
import type { StatusRule } from './status.ts';
import { twinUrl, urls } from '../lib/urls.ts';
import { groupByLinks, linkKeys, parcelRefs, parcelStages, stageOf, type ParcelRef, type ParcelStage } from '../lib/parcels.ts';

/** One record on a parcel's timeline. */
export interface ParcelEntry {
  notice: Notice;
  stage: ParcelStage;
  /** The parcel as this record describes it. */
  ref: ParcelRef;
}

export interface ParcelTimeline {
  /** The URL segment: the 宗地代码 once any record has one, else the 电子监管号. */
  key: string;
  cadastralCodes: string[];
  supervisionNos: string[];
  /** The bureau's 地块编号 the records use (shown, not linked on). */
  parcelNos: string[];
  district: string;
  /** From the latest record that states them. */
  location: string | undefined;
  areaM2: number | undefined;
  use: string | undefined;
  geometry: Geometry | undefined;
  /**
   * By publication date, the stage order (规划许可 → 出让公告 → 成交公示 → 供地 → 核验) breaking ties: a
   * timeline reads in time, and a 建设工程规划许可 often comes after the 供地 it builds on.
   */
  entries: ParcelEntry[];
  /** The stages no published record covers yet. */
  missing: ParcelStage[];
  sample: boolean;
}

export interface ParcelIndex {
  /** Every parcel, by key. */
  list: ParcelTimeline[];
  byKey: ReadonlyMap<string, ParcelTimeline>;
  /** The parcels a notice belongs to (a 出让公告 may sell several). */
  byNotice: ReadonlyMap<Notice, ParcelTimeline[]>;
}

const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => x !== undefined))];
const rank = (s: ParcelStage) => parcelStages.indexOf(s);

/** Builds the timelines from the published notices (newest first, as the view holds them). */
export function parcelIndex(notices: readonly Notice[]): ParcelIndex {
  const entries: ParcelEntry[] = notices.flatMap((notice) => {
    const stage = stageOf(notice);
    return stage ? parcelRefs(notice).map((ref) => ({ notice, stage, ref })) : [];
  });
  const list = groupByLinks(entries, (e) => linkKeys(e.ref)).map((group): ParcelTimeline => {
    const sorted = [...group].sort((a, b) => a.notice.publishDate.localeCompare(b.notice.publishDate) || rank(a.stage) - rank(b.stage) || a.notice.id.localeCompare(b.notice.id));
    const cadastralCodes = uniq(sorted.map((e) => e.ref.cadastralCode));
    const supervisionNos = uniq(sorted.map((e) => e.ref.supervisionNo));
    // Latest first: a 核验's surveyed area and outline supersede the 出让 figures.
    const latest = [...sorted].reverse();
    const pick = <K extends 'location' | 'areaM2' | 'use' | 'geometry'>(k: K) => latest.find((e) => e.ref[k] !== undefined)?.ref[k];
    const stages = new Set(sorted.map((e) => e.stage));
    return {
      key: cadastralCodes[0] ?? supervisionNos[0]!,
      cadastralCodes,
      supervisionNos,
      parcelNos: uniq(sorted.map((e) => e.ref.parcelNo)),
      district: latest.find((e) => e.notice.district !== '全市')?.notice.district ?? sorted[0]!.notice.district,
      location: pick('location'),
      areaM2: pick('areaM2'),
      use: pick('use'),
      geometry: pick('geometry'),
      entries: sorted,
      missing: parcelStages.filter((s) => !stages.has(s)),
      sample: sorted.some((e) => e.notice.sample),
    };
  });
  list.sort((a, b) => a.key.localeCompare(b.key));
  const byNotice = new Map<Notice, ParcelTimeline[]>();
  for (const t of list)
    for (const e of t.entries) {
      const mine = byNotice.get(e.notice) ?? [];
      if (!mine.includes(t)) byNotice.set(e.notice, [...mine, t]);
    }
  return { list, byKey: new Map(list.map((t) => [t.key, t])), byNotice };
}

/**
 * A parcel as its .json twin publishes it: the codes, the land, and each record with its stage,
 * links and status rule. The records' own twins carry the rest; the 竞得人 is left to them, so
 * the privacy rules of a record (a natural person masked) apply in one place.
 */
export function parcelDocument(t: ParcelTimeline, statusRule: (n: Notice) => StatusRule) {
  return {
    key: t.key,
    url: urls.parcel(t),
    cadastralCodes: t.cadastralCodes,
    supervisionNos: t.supervisionNos,
    parcelNos: t.parcelNos,
    district: t.district,
    location: t.location ?? null,
    areaM2: t.areaM2 ?? null,
    use: t.use ?? null,
    stages: parcelStages,
    missing: t.missing,
    records: t.entries.map((e) => {
      const rule = statusRule(e.notice);
      return {
        stage: e.stage,
        id: e.notice.id,
        kind: e.notice.kind,
        subKind: e.notice.subKind,
        title: e.notice.title,
        docNo: e.notice.docNo ?? null,
        publishDate: e.notice.publishDate,
        period: rule.period ?? null,
        superseded: rule.superseded,
        url: urls.notice(e.notice),
        json: twinUrl(urls.notice(e.notice)),
      };
    }),
    geometry: t.geometry ?? null,
    sample: t.sample,
  };
}

/** The parcel as a GeoJSON Feature (its .geojson twin), or undefined without an outline. */
export function parcelFeature(t: ParcelTimeline) {
  if (!t.geometry) return undefined;
  return {
    type: 'Feature' as const,
    id: t.key,
    geometry: t.geometry,
    properties: { title: `宗地 ${t.key}`, district: t.district, records: t.entries.length, stages: t.entries.map((e) => e.stage), url: urls.parcel(t), sample: t.sample },
  };
}

/** How a record's map popup names a parcel: a link to its page and a one-line summary. */
export function parcelPopupLink(t: ParcelTimeline): { url: string; label: string } {
  return { url: urls.parcel(t), label: `一码管地：宗地 ${t.key}，${t.entries.length} 条记录（${[...new Set(t.entries.map((e) => e.stage))].join('、')}）` };
}
