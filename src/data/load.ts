/**
 * Loaders: data/ → typed, validated records. The only code that reads data/;
 * Astro pages, scripts and tests all come through here.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  boundaryCollection,
  enforcementSchema,
  holidayCalendarSchema,
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
  type Notice,
  type RedRoute,
  type RedSite,
  type Site,
} from '../schema/index.ts';
import { declaredPublicPhones, guardRecord, type GuardOptions } from '../schema/privacy.ts';

export type Dataset = {
  dataDir: string;
  site: Site;
  boundaries: BoundaryCollection;
  redSites: RedSite[];
  redRoutes: RedRoute[];
  notices: Notice[];
  enforcement: EnforcementRecord[];
};

export type LoadResult = { dataset: Dataset | undefined; issues: DataIssue[] };

/** The data directory: GEOPORTAL_DATA_DIR, or data/ in the working directory. */
export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env['GEOPORTAL_DATA_DIR'] ?? 'data');
}

const RECORD_FILE = /\.(ya?ml|json)$/i;

/** Turns a zod issue path into a field name like parcels[0].startPriceWan. */
function fieldName(p: readonly PropertyKey[]): string {
  let out = '';
  for (const part of p) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(整个文件)';
}

/** Reads a YAML or JSON file; syntax errors come back as issues with line and column. */
async function readStructured(file: string, rel: string, issues: DataIssue[]): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    issues.push({ file: rel, field: '(文件)', reason: `无法读取：${(e as Error).message}`, severity: 'error' });
    return undefined;
  }
  if (/\.json$/i.test(file) || /\.geojson$/i.test(file)) {
    try {
      return JSON.parse(text);
    } catch (e) {
      issues.push({ file: rel, field: '(JSON 语法)', reason: `JSON 语法错误：${(e as Error).message}`, severity: 'error' });
      return undefined;
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
      const where = pos ? `第 ${pos.line} 行第 ${pos.col} 列` : '';
      issues.push({ file: rel, field: '(YAML 语法)', reason: `YAML 语法错误${where ? `（${where}）` : ''}：${err.message.split('\n')[0]}`, severity: 'error' });
    }
    return undefined;
  }
  return doc.toJS();
}

function validate<S extends z.ZodType>(schema: S, raw: unknown, rel: string, issues: DataIssue[], guard: GuardOptions = {}): z.infer<S> | undefined {
  // The privacy guard reads the raw value, so a schema error never hides personal data in the same file.
  for (const p of guardRecord(schema, raw, guard)) issues.push({ file: rel, field: p.field, reason: p.reason, severity: 'error' });
  // reportInput: lets us tell a missing field from a value of the wrong type.
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    issues.push({
      file: rel,
      field: fieldName(issue.path),
      reason: missing ? '缺少必填字段' : issue.message,
      severity: 'error',
    });
  }
  return undefined;
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

async function loadCollection<S extends z.ZodType>(
  dataDir: string,
  subdir: string,
  schema: S,
  issues: DataIssue[],
  guard: GuardOptions,
  check?: (record: z.infer<S>, rel: string) => void,
): Promise<Entry<z.infer<S>>[]> {
  const files = await listRecordFiles(path.join(dataDir, subdir));
  const entries: Entry<z.infer<S>>[] = [];
  // Read a bounded number of files at a time: the corpus has tens of
  // thousands, and holding every text at once costs memory and GC time.
  const raws = await mapWithConcurrency(files, READ_CONCURRENCY, async (file) => {
    const rel = path.relative(process.cwd(), file);
    return { rel, raw: await readStructured(file, rel, issues) };
  });
  for (const { rel, raw } of raws) {
    if (raw === undefined) continue;
    const record = validate(schema, raw, rel, issues, guard);
    if (record === undefined) continue;
    // The id is the public URL; the file name keeps it findable for editors.
    const stem = path.basename(rel).replace(RECORD_FILE, '');
    const id = (record as { id?: unknown }).id;
    if (typeof id === 'string' && stem !== id)
      issues.push({ file: rel, field: 'id', reason: `文件名应与 id 一致：id 为“${id}”，文件名应为 ${id}${path.extname(rel)}`, severity: 'error' });
    check?.(record, rel);
    entries.push({ file: rel, record });
  }
  return entries;
}

/** Loads and validates everything under a data directory. */
export async function loadDataset(dataDir: string = resolveDataDir()): Promise<LoadResult> {
  const issues: DataIssue[] = [];
  const relOf = (p: string) => path.relative(process.cwd(), path.join(dataDir, p));

  const siteRaw = await readStructured(path.join(dataDir, 'site.yaml'), relOf('site.yaml'), issues);
  const site = siteRaw === undefined ? undefined : validate(siteSchema, siteRaw, relOf('site.yaml'), issues);
  // Office lines site.yaml declares public may appear in any record's text.
  const guard: GuardOptions = { publicPhones: declaredPublicPhones(siteSchema, siteRaw) };

  const boundaryFile = path.join('boundaries', 'districts.geojson');
  const boundaryRaw = await readStructured(path.join(dataDir, boundaryFile), relOf(boundaryFile), issues);
  const boundaries = boundaryRaw === undefined ? undefined : validate(boundaryCollection, boundaryRaw, relOf(boundaryFile), issues);

  const redSites = await loadCollection(dataDir, 'red/sites', redSiteSchema, issues, guard);
  const redRoutes = await loadCollection(dataDir, 'red/routes', redRouteSchema, issues, guard);
  const notices: Entry<Notice>[] = [];
  for (const kind of noticeKinds) {
    notices.push(
      ...(await loadCollection(dataDir, `notices/${kind}`, noticeSchema, issues, guard, (record, rel) => {
        if (record.kind !== kind)
          issues.push({ file: rel, field: 'kind', reason: `文件在 notices/${kind}/ 下，但 kind 为 ${record.kind}`, severity: 'error' });
      })),
    );
  }
  const enforcement = await loadCollection(dataDir, 'enforcement', enforcementSchema, issues, guard);

  // Optional: years of the holiday calendar that chinese-days does not carry yet.
  const holidaysFile = 'holidays.yaml';
  const holidaysRaw = existsSync(path.join(dataDir, holidaysFile)) ? await readStructured(path.join(dataDir, holidaysFile), relOf(holidaysFile), issues) : undefined;
  const holidays = holidaysRaw === undefined ? undefined : validate(holidayCalendarSchema, holidaysRaw, relOf(holidaysFile), issues);

  if (!site || !boundaries) return { dataset: undefined, issues };

  issues.push(
    ...validateDataset({
      site: { file: relOf('site.yaml'), record: site },
      boundaries: { file: relOf(boundaryFile), record: boundaries },
      redSites,
      redRoutes,
      notices,
      enforcement,
      holidays: holidays && { file: relOf(holidaysFile), record: holidays },
    }),
  );
  if (issues.some((i) => i.severity === 'error')) return { dataset: undefined, issues };

  const byNewest = <T extends { publishDate: string; id: string }>(a: T, b: T) =>
    b.publishDate.localeCompare(a.publishDate) || a.id.localeCompare(b.id);
  return {
    dataset: {
      dataDir,
      site,
      boundaries,
      redSites: redSites.map((e) => e.record),
      redRoutes: redRoutes.map((e) => e.record),
      notices: notices.map((e) => e.record).sort(byNewest),
      enforcement: enforcement.map((e) => e.record).sort(byNewest),
    },
    issues,
  };
}

/** One line per issue: file: field: reason. */
export function formatIssue(issue: DataIssue): string {
  const tag = issue.severity === 'error' ? '错误' : '提醒';
  return `${tag} ${issue.file}: ${issue.field}: ${issue.reason}`;
}
