/**
 * The import spec of a record type without rules of its own: the schema and
 * labels, ids for rows without one, and then the loader's cross-record checks
 * (validateDataset: unique ids and 文号 across the site, known districts,
 * geometry in the city, references that resolve, publication deadlines) on
 * the data on file plus the new rows, so what is written passes
 * `npm run check`. A save that replaces a record (the editor) leaves the old
 * version out of the data on file.
 */
import { salvage } from '../data/salvage.ts';
import { todayInShanghai } from '../lib/dates.ts';
import type { Dataset } from '../data/load.ts';
import { CITY_WIDE, validateDataset, type DataIssue, type DatasetInput, type Entry } from '../schema/index.ts';
import { declaredPublicPhones } from '../schema/privacy.ts';
import { siteSchema } from '../schema/site.ts';
import type { ImportSpec, ParsedRow, RowDraft, RuleContext } from './engine.ts';
import { localFileUses, type FileUse } from './file-uses.ts';
import type { ColumnsSpec } from './spec.ts';

/** The collections of the dataset that staff tools write, as the cross-record checks name them. */
export type CollectionKey = 'redSites' | 'redRoutes' | 'notices' | 'enforcement' | 'landPriceZones' | 'zoningZones' | 'officers';

export type KindContext = {
  /** The data on file (valid: the commands refuse to import into data that fails its check). */
  dataset: Dataset;
  /** The id of the record a save replaces (the editor): its old version leaves the data on file for the checks. */
  replacing?: string | undefined;
  /** Red sites: the coordinate system of rows whose 坐标系 is empty (--from-gcj02 / --from-bd09). */
  from?: 'gcj02' | 'bd09' | undefined;
  /** Checks the local files the rows link (the loader's inspectAttachments); `file` is the row as 第 N 行. */
  checkFiles?: ((uses: FileUse[]) => Promise<DataIssue[]>) | undefined;
};

type AnyRecord = { id: string } & Record<string, unknown>;

/** How an entry of a collection is named in messages: its folder under data/ and its id. */
export type FileOf = (key: CollectionKey, record: { id: string } & Record<string, unknown>) => string;

/** The dataset as the cross-record checks take it, each record with the file it is in. */
export function datasetInput(d: Dataset, fileOf: FileOf): DatasetInput {
  const entries = <K extends CollectionKey>(key: K) => (d[key] as unknown as AnyRecord[]).map((record) => ({ file: fileOf(key, record), record })) as never;
  return {
    site: { file: 'site', record: d.site },
    boundaries: { file: 'boundaries', record: d.boundaries },
    gazetteer: d.gazetteer && { file: 'gazetteer', record: d.gazetteer },
    holidays: d.holidayYears.length > 0 ? { file: 'holidays', record: { years: d.holidayYears as never } } : undefined,
    redSites: entries('redSites'),
    redRoutes: entries('redRoutes'),
    notices: entries('notices'),
    enforcement: entries('enforcement'),
    landPriceZones: entries('landPriceZones'),
    zoningZones: entries('zoningZones'),
    officers: entries('officers'),
  };
}

/**
 * The values a district field takes (the template's dropdown, the editor's
 * select, `npm run new`'s list): the city's districts and 全市, as the
 * loader's district check accepts them.
 */
export const districtChoices = (d: Dataset): readonly string[] => [...d.boundaries.features.map((f) => f.properties.name), CITY_WIDE];

export const rowFile = (row: number): string => `第 ${row} 行`;

export type RecordImportOptions = {
  fileOf: FileOf;
  /** Ids for rows without one; `taken` holds every id on file and in the sheet, and gets the new ones. */
  idFor?: ((raw: Record<string, unknown>, taken: Set<string>) => string | undefined) | undefined;
};

/** `spec` is the kind's: its `collection` is where the rows go and what they are checked against. */
export function recordImport<T>(spec: ColumnsSpec & { collection: CollectionKey }, ctx: KindContext, options: RecordImportOptions): ImportSpec<T> {
  const d = ctx.dataset;
  const { collection } = spec;
  const base = datasetInput(d, options.fileOf);
  const onFile = (base[collection] as Entry<AnyRecord>[]).filter((e) => e.record.id !== ctx.replacing);
  base[collection] = onFile as never;
  // What the checks say of the data on file alone: only what the rows add is theirs.
  let baseline: Set<string> | undefined;
  const keyOf = (i: DataIssue) => `${i.file}|${i.field}|${i.reason}`;

  return {
    ...spec,
    schema: spec.schema as never,
    choices: { district: districtChoices(d), ...spec.choices },
    privacy: { publicPhones: declaredPublicPhones(siteSchema, d.site) },
    prepare(rows: RowDraft[], rc: RuleContext) {
      if (!options.idFor) return;
      const taken = new Set<string>([...onFile.map((e) => e.record.id), ...rows.flatMap((r) => (typeof r.raw['id'] === 'string' ? [r.raw['id']] : []))]);
      const generated: string[] = [];
      for (const r of rows) {
        if (r.raw['id'] !== undefined) continue;
        const id = options.idFor(r.raw, taken);
        // No id without the field it comes from: that field's own problem says so, not a missing id column.
        if (id === undefined) {
          rc.own(r.row, 'id');
          continue;
        }
        r.raw['id'] = id;
        taken.add(id);
        generated.push(`第 ${r.row} 行 ${id}`);
      }
      if (generated.length > 0) rc.note(`生成 id ${generated.length} 个：${generated.length > 20 ? `${generated.slice(0, 20).join('，')}……` : generated.join('，')}`);
    },
    async check(rows: ParsedRow<T>[], rc: RuleContext, failed: RowDraft[]) {
      baseline ??= new Set(validateDataset(base).map(keyOf));
      const rowOfFile = new Map([...rows, ...failed].map((r) => [rowFile(r.row), r.row]));
      const salvaged = failed.flatMap((r) => {
        const record = salvage(spec.schema as never, r.raw);
        return record ? [{ file: rowFile(r.row), record }] : [];
      });
      const input = { ...base, [collection]: [...onFile, ...rows.map((r) => ({ file: rowFile(r.row), record: r.record })), ...salvaged] };
      const issues = validateDataset(input);
      if (ctx.checkFiles) issues.push(...(await ctx.checkFiles(rows.flatMap((r) => localFileUses(r.record, rowFile(r.row))))));
      const first = [...rows, ...failed].map((r) => r.row).sort((a, b) => a - b)[0]!;
      for (const issue of issues) {
        const row = rowOfFile.get(issue.file);
        if (row !== undefined) rc.report(row, issue.field, issue.reason, issue.severity, { secondary: true });
        else if (issue.severity === 'error' && !baseline.has(keyOf(issue))) rc.report(first, undefined, `${issue.file}：${issue.field}：${issue.reason}`, 'error');
      }
    },
  };
}

/** The next free `<prefix>-NNN` (at least three digits) after the highest one taken. */
export function sequentialId(prefix: string, taken: ReadonlySet<string>): string {
  const pattern = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}-(\\d+)$`);
  let max = 0;
  for (const id of taken) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (taken.has(`${prefix}-${String(n).padStart(3, '0')}`)) n++;
  return `${prefix}-${String(n).padStart(3, '0')}`;
}

/** The year a record belongs to: its decision or publication date, else this year in Asia/Shanghai. */
export function yearOf(...dates: unknown[]): string {
  for (const d of dates) if (typeof d === 'string' && /^\d{4}-/.test(d.trim())) return d.trim().slice(0, 4);
  return todayInShanghai().slice(0, 4);
}
