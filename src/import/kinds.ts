/**
 * Every record type staff tools write, by the name the commands use
 * (`npm run new -- enforcement`, `npm run import -- planning 台账.xlsx`, the
 * editor's forms): its schema and column labels, its folder under data/, its
 * records on file, the import spec with its rules, and its public page. The
 * import, the template, the docs' column tables, `npm run new` and the
 * editor all read their columns from here, so none can drift from the schema.
 */
import path from 'node:path';
import type { Dataset } from '../data/load.ts';
import { urls } from '../lib/urls.ts';
import {
  enforcementSchema,
  landNotice,
  landPriceZoneSchema,
  miningNotice,
  noticeKindNames,
  noticeKinds,
  normaliseCertificateNo,
  officerSchema,
  planningNotice,
  redRouteSchema,
  surveyingNotice,
  zoningZoneSchema,
  type NoticeKind,
} from '../schema/index.ts';
import { NOTE_COLUMN } from './common-labels.ts';
import type { ImportSpec } from './engine.ts';
import { ENFORCEMENT_LABELS } from './enforcement/labels.ts';
import { NOTICE_LABELS } from './notices/labels.ts';
import { OFFICER_LABELS } from './officers/labels.ts';
import { districtChoices, recordImport, sequentialId, yearOf, type CollectionKey, type FileOf, type KindContext } from './records.ts';
import { RED_ROUTE_LABELS } from './red-routes/labels.ts';
import { redSiteColumns, redSiteImport } from './red-sites/index.ts';
import { idFromName, uniqueId } from './red-sites/ids.ts';
import type { ColumnsSpec } from './spec.ts';
import { LAND_PRICE_LABELS, ZONING_LABELS } from './zones/labels.ts';

export type { KindContext } from './records.ts';

type AnyRecord = { id: string } & Record<string, unknown>;

export type RecordKind = ColumnsSpec & {
  /** Other names the commands accept (the Chinese title, 执法). */
  aliases: readonly string[];
  /** The folder under data/ its files are in. */
  dir: string;
  collection: CollectionKey;
  /** The records of this kind on file. */
  records(d: Dataset): readonly AnyRecord[];
  /** The import spec of this kind against the data on file. */
  importSpec(ctx: KindContext): ImportSpec<AnyRecord>;
  /** The record's public page. */
  pagePath(record: AnyRecord): string;
  /** What a list shows of a record. */
  caption(record: AnyRecord): string;
  /** The comment the file of a sample record starts with. */
  sampleComment: string;
};

const SAMPLE_COMMENT = '示例数据（sample: true）：内容为演示虚构，不是真实公告。';

const DIRS: Record<Exclude<CollectionKey, 'notices'>, string> = {
  redSites: 'red/sites',
  redRoutes: 'red/routes',
  enforcement: 'enforcement',
  landPriceZones: 'land-price',
  zoningZones: 'zoning',
  officers: 'enforcement/officers',
};

/** The file of a record on file, relative to the data directory, as messages name it. */
export const fileOf: FileOf = (key, record) =>
  path.posix.join(key === 'notices' ? `notices/${String(record['kind'])}` : DIRS[key], `${record.id}.yaml`);

const captionOf = (r: AnyRecord) => String(r['title'] ?? r['name'] ?? `${String(r['plan'] ?? '')} ${String(r['parcelNo'] ?? '')}`.trim());

/** 事后公开 decisions by category: the id's middle part (zf-2026-cf-012). */
const ENFORCEMENT_ID_PARTS: Record<string, string> = { 行政处罚: 'cf', 行政检查: 'jc', 行政许可: 'xk', 行政强制: 'qz' };
const NOTICE_ID_PREFIX: Record<NoticeKind, string> = { planning: 'gh', land: 'td', mining: 'kq', surveying: 'ch' };
const NOTICE_SCHEMAS = { planning: planningNotice, land: landNotice, mining: miningNotice, surveying: surveyingNotice } as const;

const enforcementKind: RecordKind = {
  kind: 'enforcement',
  title: '执法信息',
  aliases: ['执法', '执法信息', '执法决定', '事后公开'],
  schema: enforcementSchema,
  labels: ENFORCEMENT_LABELS,
  extras: [NOTE_COLUMN],
  generated: ['id'],
  // Staff keep their 台账 of decisions: a sheet without the stage column is 事后公开.
  defaults: { stage: '事后公开' },
  templateGroups: { items: 1, attachments: 1 },
  dir: DIRS.enforcement,
  collection: 'enforcement',
  records: (d) => d.enforcement as unknown as AnyRecord[],
  importSpec(ctx) {
    return recordImport(this, ctx, {
      fileOf,
      idFor: (raw, taken) => {
        const part = ENFORCEMENT_ID_PARTS[String(raw['category'])] ?? (raw['stage'] === '事前公开' ? 'sq' : raw['stage'] === '事中公示' ? 'sz' : 'zf');
        return sequentialId(`zf-${yearOf(raw['decisionDate'], raw['publishDate'])}-${part}`, taken);
      },
    });
  },
  pagePath: (r) => urls.enforcementRecord(r),
  caption: captionOf,
  sampleComment: SAMPLE_COMMENT,
};

function noticeKind(kind: NoticeKind): RecordKind {
  return {
    kind,
    title: noticeKindNames[kind],
    aliases: [noticeKindNames[kind], `notices/${kind}`],
    schema: NOTICE_SCHEMAS[kind],
    labels: NOTICE_LABELS[kind],
    extras: [NOTE_COLUMN],
    generated: ['id'],
    templateGroups: { attachments: 1, parcels: 2, rights: 1, corners: 4, 'supplyPlan.rows': 2 },
    dir: `notices/${kind}`,
    collection: 'notices',
    records: (d) => d.notices.filter((n) => n.kind === kind) as unknown as AnyRecord[],
    importSpec(ctx) {
      return recordImport(this, ctx, {
        fileOf,
        idFor: (raw, taken) => sequentialId(`${NOTICE_ID_PREFIX[kind]}-${yearOf(raw['publishDate'])}`, taken),
      });
    },
    pagePath: (r) => urls.notice(r as never),
    caption: captionOf,
    sampleComment: SAMPLE_COMMENT,
  };
}

const redSitesKind: RecordKind = {
  ...redSiteColumns,
  title: '红色资源点',
  aliases: ['红色资源点', '红色资源', 'red/sites'],
  dir: DIRS.redSites,
  collection: 'redSites',
  records: (d) => d.redSites as unknown as AnyRecord[],
  importSpec(ctx) {
    const d = ctx.dataset;
    return redSiteImport({
      boundaries: d.boundaries,
      existing: d.redSites.filter((r) => r.id !== ctx.replacing).map((record) => ({ file: fileOf('redSites', record as never), record })),
      site: { file: 'site', record: d.site },
      from: ctx.from,
      checkFiles: ctx.checkFiles,
    }) as never;
  },
  pagePath: (r) => urls.redSite(r),
  caption: captionOf,
  sampleComment: '示例数据（sample: true）：名称与史实须经党史、文旅部门审核后方可替换为正式数据。',
};

const redRoutesKind: RecordKind = {
  kind: 'red-routes',
  title: '研学线路',
  aliases: ['研学线路', '线路', 'red/routes'],
  schema: redRouteSchema,
  labels: RED_ROUTE_LABELS,
  extras: [NOTE_COLUMN],
  generated: ['id'],
  templateGroups: { stops: 4 },
  dir: DIRS.redRoutes,
  collection: 'redRoutes',
  records: (d) => d.redRoutes as unknown as AnyRecord[],
  importSpec(ctx) {
    const places = [...ctx.dataset.boundaries.features.map((f) => f.properties.name), ctx.dataset.site.city];
    return recordImport(this, ctx, {
      fileOf,
      idFor: (raw, taken) => (typeof raw['name'] === 'string' && raw['name'].trim() !== '' ? uniqueId(raw['name'], undefined, taken as Set<string>, places) : undefined),
    });
  },
  pagePath: (r) => urls.redRoute(r),
  caption: captionOf,
  sampleComment: SAMPLE_COMMENT,
};

const landPriceKind: RecordKind = {
  kind: 'land-price',
  title: '基准地价级别区域',
  aliases: ['基准地价', '基准地价级别区域'],
  schema: landPriceZoneSchema,
  labels: LAND_PRICE_LABELS,
  extras: [NOTE_COLUMN],
  templateGroups: { prices: 3, documents: 1 },
  dir: DIRS.landPriceZones,
  collection: 'landPriceZones',
  records: (d) => d.landPriceZones as unknown as AnyRecord[],
  importSpec(ctx) {
    return recordImport(this, ctx, { fileOf });
  },
  pagePath: (r) => urls.landPriceZone(r),
  caption: captionOf,
  sampleComment: SAMPLE_COMMENT,
};

const zoningKind: RecordKind = {
  kind: 'zoning',
  title: '控规地块',
  aliases: ['控规', '控规地块', '控制性详细规划'],
  schema: zoningZoneSchema,
  labels: ZONING_LABELS,
  extras: [NOTE_COLUMN],
  generated: ['id'],
  dir: DIRS.zoningZones,
  collection: 'zoningZones',
  records: (d) => d.zoningZones as unknown as AnyRecord[],
  importSpec(ctx) {
    return recordImport(this, ctx, {
      fileOf,
      idFor: (raw) => (typeof raw['parcelNo'] === 'string' && raw['parcelNo'].trim() !== '' ? `kg-${idFromName(raw['parcelNo'])}` : undefined),
    });
  },
  pagePath: (r) => urls.zoningZone(r),
  caption: captionOf,
  sampleComment: SAMPLE_COMMENT,
};

/**
 * The 执法人员 roster, one officer per file named by the 执法证号
 * (zfry-23020020200001). The 执法证号 is unique by the loader's roster check
 * (src/schema/enforcement-checks.ts, width- and case-folded), which the
 * import runs on the sheet and the roster on file together: an officer
 * already on file is refused, not updated (an import only adds; a change
 * to an officer is an edit in the editor or of the file).
 */
const officersKind: RecordKind = {
  kind: 'officers',
  title: '执法人员',
  aliases: ['执法人员', '执法人员名单', '执法证', 'enforcement/officers'],
  schema: officerSchema,
  labels: OFFICER_LABELS,
  extras: [NOTE_COLUMN],
  generated: ['id'],
  dir: DIRS.officers,
  collection: 'officers',
  records: (d) => d.officers as unknown as AnyRecord[],
  importSpec(ctx) {
    return recordImport(this, ctx, {
      fileOf,
      idFor: (raw, taken) => {
        if (typeof raw['certificateNo'] !== 'string' || raw['certificateNo'].trim() === '') return undefined;
        const id = `zfry-${normaliseCertificateNo(raw['certificateNo']).toLowerCase()}`;
        // A taken id means the 执法证号 is on file or earlier in the sheet: the roster check says so at
        // the 执法证号 cell; a free id here keeps the id column (not in the sheet) out of the message.
        return taken.has(id) ? sequentialId(id, taken) : id;
      },
    });
  },
  pagePath: () => urls.enforcementOfficers,
  caption: (r) => `${String(r['name'])}（${String(r['certificateNo'])}）`,
  sampleComment: '示例数据（sample: true）：内容为演示虚构，不是真实信息。',
};

/** Every record type staff write, in the order the editor lists them. */
export const RECORD_KINDS: readonly RecordKind[] = [enforcementKind, officersKind, ...noticeKinds.map(noticeKind), redSitesKind, redRoutesKind, landPriceKind, zoningKind];

/** The values a kind's text columns take that only the data knows (district names, 全市): dropdowns and selects. */
export const choicesOf = (kind: RecordKind, d: Dataset | undefined): Readonly<Record<string, readonly string[]>> | undefined =>
  d ? { district: districtChoices(d), ...kind.choices } : kind.choices;

/** Every spreadsheet import: the template command and the docs tables read this list. */
export const IMPORT_KINDS: readonly RecordKind[] = RECORD_KINDS;

/** A kind by its name or one of its aliases. */
export function kindNamed(name: string): RecordKind | undefined {
  const n = name.trim();
  return RECORD_KINDS.find((k) => k.kind === n || k.aliases.includes(n));
}
