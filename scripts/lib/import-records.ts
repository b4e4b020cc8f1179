/**
 * Rows into data/, all or nothing, for every staff tool that writes records:
 * `npm run import`, `npm run new` (one row) and the editor (a form is one
 * row; a save replaces its record). The rows go through the import engine
 * (schema, privacy guard, the kind's rules, the loader's cross-record checks
 * against the data on file); only when every row passes are files written,
 * and then the whole data directory is loaded again as `npm run check` does:
 * should that fail, what was written is taken back.
 */
import path from 'node:path';
import { inspectAttachments } from '../../src/data/files.ts';
import { loadDataset, type Dataset } from '../../src/data/load.ts';
import { runImport, type ImportResult } from '../../src/import/engine.ts';
import type { RecordKind } from '../../src/import/kinds.ts';
import type { Table } from '../../src/import/table.ts';
import { recordYaml } from '../../src/import/yaml-out.ts';
import type { DataIssue } from '../../src/schema/index.ts';
import { removeFiles, replaceFile, writeAllOrNothing } from './write-records.ts';

type AnyRecord = { id: string } & Record<string, unknown>;

export type ImportOptions = {
  dataDir: string;
  /** The data on file, loaded and valid. */
  dataset: Dataset;
  /** Check only; write nothing. */
  dryRun?: boolean;
  /** Red sites: the coordinate system of rows without one. */
  from?: 'gcj02' | 'bd09' | undefined;
  /** The id of the record the (single) row replaces: an edit. Its id may not change. */
  replacing?: string | undefined;
};

export type ImportOutcome = {
  result: ImportResult<AnyRecord>;
  /** Files written (absolute). */
  written: string[];
  /** Set when the data failed its check after writing: nothing stays written. */
  afterIssues?: DataIssue[];
  /** Why nothing was written despite valid rows (a file that appeared meanwhile). */
  writeError?: string;
};

/** The YAML file of a record, as the loader reads it. */
export function recordFile(kind: RecordKind, record: AnyRecord): { name: string; text: string } {
  return { name: `${record.id}.yaml`, text: recordYaml(kind.schema, record, record['sample'] === true ? kind.sampleComment : undefined) };
}

export async function importRows(kind: RecordKind, table: Table, options: ImportOptions): Promise<ImportOutcome> {
  const { dataDir, dataset } = options;
  const spec = kind.importSpec({
    dataset,
    replacing: options.replacing,
    from: options.from,
    checkFiles: async (uses) => {
      const issues: DataIssue[] = [];
      await inspectAttachments(dataDir, uses, issues);
      return issues;
    },
  });
  const result = await runImport(spec, table);
  if (result.ok && options.replacing !== undefined && result.records.some((r) => r.record.id !== options.replacing)) {
    result.problems.push({ row: result.records[0]?.row, field: 'id', reason: `不能修改已发布记录的 id（“${options.replacing}”）：它是页面地址的一部分`, severity: 'error' });
    result.ok = false;
  }
  if (!result.ok || options.dryRun) return { result, written: [] };

  const dir = path.join(dataDir, kind.dir);
  const files = result.records.map(({ record }) => recordFile(kind, record));
  let written: string[] = [];
  let undo: () => Promise<void>;
  try {
    if (options.replacing !== undefined) {
      const final = path.join(dir, files[0]!.name);
      const { restore } = await replaceFile(final, files[0]!.text);
      written = [final];
      undo = restore;
    } else {
      written = await writeAllOrNothing(dir, files);
      undo = () => removeFiles(written);
    }
  } catch (e) {
    return { result: { ...result, ok: false }, written: [], writeError: (e as Error).message };
  }
  // What npm run check would say of the result; should it fail, the write is taken back.
  const after = await loadDataset(dataDir);
  if (!after.dataset) {
    await undo();
    return { result: { ...result, ok: false }, written: [], afterIssues: after.issues.filter((i) => i.severity === 'error') };
  }
  return { result, written };
}
