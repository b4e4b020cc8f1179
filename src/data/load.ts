/**
 * Loaders: data/ → typed, validated records. The only code that reads data/;
 * the published view (published.ts), scripts and tests all come through here.
 *
 * Every problem shows in one run: a file that fails its schema is still
 * scanned for personal data, and its valid fields (salvage.ts) still take
 * part in the cross-record checks; a broken site.yaml or boundary file does
 * not stop the records from being checked.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  boundaryCollection,
  enforcementSchema,
  enforcementReportSchema,
  displayPeriodsSchema,
  officerSchema,
  type DisplayPeriods,
  type EnforcementReport,
  type Officer,
  gazetteerCollection,
  holidayCalendarSchema,
  landPriceZoneSchema,
  zoningZoneSchema,
  type LandPriceZone,
  type ZoningZone,
  noticeKinds,
  noticeSchema,
  redRouteSchema,
  redSiteSchema,
  siteSchema,
  validateDataset,
  type BoundaryCollection,
  type DataIssue,
  type EnforcementRecord,
  type Entry,
  type GazetteerCollection,
  type Notice,
  type RedRoute,
  type RedSite,
  type Salvaged,
  type Site,
} from '../schema/index.ts';
import { declaredPublicPhones, fieldName, guardRecord, type GuardOptions } from '../schema/privacy.ts';
import { inspectAttachments, type AttachmentUse, type LocalFile } from './files.ts';
import { resolveBaseMap, type PublishedBaseMap } from './basemap.ts';
import { readStructured } from './read-structured.ts';
import type { HolidayYear } from '../lib/workdays.ts';
import { salvage } from './salvage.ts';

export type Dataset = {
  dataDir: string;
  site: Site;
  boundaries: BoundaryCollection;
  /** Towns and named places (data/boundaries/gazetteer.geojson); none when the file is absent. */
  gazetteer: GazetteerCollection | undefined;
  redSites: RedSite[];
  redRoutes: RedRoute[];
  notices: Notice[];
  enforcement: EnforcementRecord[];
  /** The local files that attachments link, checked and measured, by href. */
  files: Map<string, LocalFile>;
  /** The base map site.yaml chooses, with its files checked (src/data/basemap.ts). */
  basemap: PublishedBaseMap;
  /** Years of the holiday calendar from data/holidays.yaml ([] without the file): opening hours' PH rules read them. */
  holidayYears: HolidayYear[];
  /** 基准地价 zones (data/land-price), by landType, grade and id. */
  landPriceZones: LandPriceZone[];
  /** 控制性详细规划 zones (data/zoning/), by plan and 地块编号. */
  zoningZones: ZoningZone[];
  /** The 执法人员 roster (data/enforcement/officers/), by unit and 执法证号. */
  officers: Officer[];
  /** 行政执法统计年报 (data/enforcement/reports/), newest year first. */
  enforcementReports: EnforcementReport[];
  /** Display periods of 事后公开 decisions (data/display-periods.yaml); undefined without the file: nothing expires. */
  displayPeriods: DisplayPeriods | undefined;
};

export type LoadResult = { dataset: Dataset | undefined; issues: DataIssue[] };

/** The data directory: GEOPORTAL_DATA_DIR, or data/ in the working directory. */
export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env['GEOPORTAL_DATA_DIR'] ?? 'data');
}

const RECORD_FILE = /\.(ya?ml|json)$/i;

/** A file checked against its schema: the record when valid, what of it is valid either way, and the raw value read. */
type Checked<T> = { file: string; record: T | undefined; salvaged: Salvaged<T> | undefined; raw: unknown };

/**
 * Reads one file and checks it: read problems, personal data (on the raw
 * value, so a schema error cannot hide it) and the schema, all reported.
 */
async function checkFile<S extends z.ZodType>(file: string, schema: S, issues: DataIssue[], guard: GuardOptions = {}): Promise<Checked<z.infer<S>>> {
  const rel = path.relative(process.cwd(), file);
  const { value, problems } = await readStructured(file);
  for (const p of problems) issues.push({ file: rel, field: p.field, reason: p.reason, severity: 'error' });
  if (value === undefined) return { file: rel, record: undefined, salvaged: undefined, raw: undefined };
  // The privacy guard reads the raw value, so a schema error never hides personal data in the same file.
  for (const p of guardRecord(schema, value, guard)) issues.push({ file: rel, field: p.field, reason: p.reason, severity: 'error' });
  // reportInput: lets us tell a missing field from a value of the wrong type.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
      issues.push({ file: rel, field: fieldName(issue.path), reason: missing ? '缺少必填字段' : issue.message, severity: 'error' });
    }
  }
  // A file whose text had to be repaired (a full-width colon) is not valid, but its fields are still checked.
  const record = result.success && problems.length === 0 ? (result.data as z.infer<S>) : undefined;
  return { file: rel, record, salvaged: result.success ? (result.data as Salvaged<z.infer<S>>) : salvage(schema, value), raw: value };
}

const READ_CONCURRENCY = 64;

/** Maps over items with at most `limit` promises in flight, keeping order. */
async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function listRecordFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => RECORD_FILE.test(n) && !n.startsWith('_')).sort().map((n) => path.join(dir, n));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

type Collection<T> = { valid: T[]; checked: Entry<Salvaged<T>>[] };

async function loadCollection<S extends z.ZodType>(
  dataDir: string,
  subdir: string,
  schema: S,
  issues: DataIssue[],
  guard: GuardOptions,
  check?: (record: Salvaged<z.infer<S>>, rel: string) => void,
): Promise<Collection<z.infer<S>>> {
  const files = await listRecordFiles(path.join(dataDir, subdir));
  // Read a bounded number of files at a time: the corpus has tens of
  // thousands, and holding every text at once costs memory and GC time.
  const results = await mapWithConcurrency(files, READ_CONCURRENCY, (file) => checkFile(file, schema, issues, guard));
  const out: Collection<z.infer<S>> = { valid: [], checked: [] };
  for (const { file: rel, record, salvaged } of results) {
    if (salvaged === undefined) continue;
    // The id is the public URL; the file name keeps it findable for editors.
    const stem = path.basename(rel).replace(RECORD_FILE, '');
    const id = (salvaged as { id?: unknown }).id;
    if (typeof id === 'string' && stem !== id)
      issues.push({ file: rel, field: 'id', reason: `文件名应与 id 一致：id 为“${id}”，文件名应为 ${id}${path.extname(rel)}`, severity: 'error' });
    check?.(salvaged, rel);
    out.checked.push({ file: rel, record: salvaged });
    if (record !== undefined) out.valid.push(record);
  }
  return out;
}

/** Every attachment (or image) of the checked records, with the field it is in. */
function attachmentUses<K extends string>(entries: Entry<Partial<Record<K, { href: string; format?: AttachmentUse['format'] }[]>>>[], key: K): AttachmentUse[] {
  return entries.flatMap(({ file, record }) => (record[key] ?? []).map((a, i) => ({ file, field: `${key}[${i}].href`, href: a.href, format: a.format })));
}

export type LoadOptions = {
  /**
   * Check that local attachments exist (default). Off only for the tool
   * that makes the sample attachments (scripts/make-sample-files.ts).
   */
  checkFiles?: boolean;
};

/** Loads and validates everything under a data directory; every problem is in `issues`. */
export async function loadDataset(dataDir: string = resolveDataDir(), options: LoadOptions = {}): Promise<LoadResult> {
  const issues: DataIssue[] = [];
  const file = (p: string) => path.join(dataDir, p);
  const relOf = (p: string) => path.relative(process.cwd(), file(p));

  const site = await checkFile(file('site.yaml'), siteSchema, issues);
  // Office lines site.yaml declares public may appear in any record's text.
  const guard: GuardOptions = { publicPhones: declaredPublicPhones(siteSchema, site.raw) };
  const boundaryFile = path.join('boundaries', 'districts.geojson');
  const boundaries = await checkFile(file(boundaryFile), boundaryCollection, issues);
  // Optional: the 示意底图 shows town and place names only when the bureau keeps a gazetteer.
  const gazetteerFile = path.join('boundaries', 'gazetteer.geojson');
  const gazetteer = existsSync(file(gazetteerFile)) ? await checkFile(file(gazetteerFile), gazetteerCollection, issues) : undefined;

  const redSites = await loadCollection(dataDir, 'red/sites', redSiteSchema, issues, guard);
  const redRoutes = await loadCollection(dataDir, 'red/routes', redRouteSchema, issues, guard);
  const notices: Collection<Notice> = { valid: [], checked: [] };
  for (const kind of noticeKinds) {
    const c = await loadCollection(dataDir, `notices/${kind}`, noticeSchema, issues, guard, (record, rel) => {
      if (record.kind !== undefined && record.kind !== kind)
        issues.push({ file: rel, field: 'kind', reason: `文件在 notices/${kind}/ 下，但 kind 为 ${record.kind}`, severity: 'error' });
    });
    notices.valid.push(...c.valid);
    notices.checked.push(...c.checked);
  }
  const enforcement = await loadCollection(dataDir, 'enforcement', enforcementSchema, issues, guard);
  const landPriceZones = await loadCollection(dataDir, 'land-price', landPriceZoneSchema, issues, guard);
  const zoningZones = await loadCollection(dataDir, 'zoning', zoningZoneSchema, issues, guard);
  const officers = await loadCollection(dataDir, 'enforcement/officers', officerSchema, issues, guard);
  const reports = await loadCollection(dataDir, 'enforcement/reports', enforcementReportSchema, issues, guard);
  // Optional: without it no decision leaves the lists by age.
  const displayPeriods = existsSync(file('display-periods.yaml')) ? await checkFile(file('display-periods.yaml'), displayPeriodsSchema, issues) : undefined;

  // Optional: years of the holiday calendar that chinese-days does not carry yet.
  const holidays = existsSync(file('holidays.yaml')) ? await checkFile(file('holidays.yaml'), holidayCalendarSchema, issues) : undefined;

  const files = options.checkFiles === false ? new Map<string, LocalFile>() : await inspectAttachments(dataDir, [...attachmentUses(notices.checked, 'attachments'), ...attachmentUses(enforcement.checked, 'attachments'), ...attachmentUses(reports.checked, 'attachments'), ...attachmentUses(redSites.checked, 'photos'), ...attachmentUses(landPriceZones.checked, 'documents')], issues);

  const basemap = site.record ? await resolveBaseMap(dataDir, site.record, relOf('site.yaml'), issues) : undefined;

  issues.push(
    ...validateDataset({
      site: site.record && { file: relOf('site.yaml'), record: site.record },
      boundaries: boundaries.record && { file: relOf(boundaryFile), record: boundaries.record },
      redSites: redSites.checked,
      redRoutes: redRoutes.checked,
      notices: notices.checked,
      enforcement: enforcement.checked,
      holidays: holidays?.record && { file: relOf('holidays.yaml'), record: holidays.record },
      gazetteer: gazetteer?.record && { file: relOf(gazetteerFile), record: gazetteer.record },
      landPriceZones: landPriceZones.checked,
      zoningZones: zoningZones.checked,
      officers: officers.checked,
      reports: reports.checked,
      reportsDir: relOf(path.join('enforcement', 'reports')),
    }),
  );
  if (!site.record || !basemap || !boundaries.record || issues.some((i) => i.severity === 'error')) return { dataset: undefined, issues };

  const byNewest = <T extends { publishDate: string; id: string }>(a: T, b: T) =>
    b.publishDate.localeCompare(a.publishDate) || a.id.localeCompare(b.id);
  return {
    dataset: {
      dataDir,
      site: site.record,
      boundaries: boundaries.record,
      gazetteer: gazetteer?.record,
      redSites: redSites.valid,
      redRoutes: redRoutes.valid,
      notices: notices.valid.sort(byNewest),
      enforcement: enforcement.valid.sort(byNewest),
      files,
      basemap,
      holidayYears: holidays?.record?.years ?? [],
      landPriceZones: landPriceZones.valid.sort((a, b) => a.landType.localeCompare(b.landType, 'zh') || a.grade - b.grade || a.id.localeCompare(b.id)),
      zoningZones: zoningZones.valid.sort((a, b) => a.plan.localeCompare(b.plan, 'zh') || a.parcelNo.localeCompare(b.parcelNo) || a.id.localeCompare(b.id)),
      officers: officers.valid.sort((a, b) => a.unit.localeCompare(b.unit, 'zh') || a.certificateNo.localeCompare(b.certificateNo) || a.id.localeCompare(b.id)),
      enforcementReports: reports.valid.sort((a, b) => b.year - a.year),
      displayPeriods: displayPeriods?.record,
    },
    issues,
  };
}

/** One line per issue: file: field: reason. */
export function formatIssue(issue: DataIssue): string {
  const tag = issue.severity === 'error' ? '错误' : '提醒';
  return `${tag} ${issue.file}: ${issue.field}: ${issue.reason}`;
}
