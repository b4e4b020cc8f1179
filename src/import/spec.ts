/**
 * What an import is about, without its rules: the record schema, the labels
 * of its columns and the columns that are not fields. The engine, the
 * template and the documentation all read their columns from here.
 */
import type { z } from 'zod';
import { columnsOf, type ColumnSet, type LabelTable } from './columns.ts';
import type { ExtraColumn } from './header.ts';

export type ColumnsSpec = {
  /** The command's name for it: red-sites. */
  kind: string;
  /** 红色资源点: the template's sheet. */
  title: string;
  schema: z.core.$ZodType;
  labels: LabelTable;
  extras: readonly ExtraColumn[];
  /** Column groups the template shows per array of objects (default 2). */
  templateGroups?: Readonly<Record<string, number>>;
  /** Required fields the import fills itself when a row leaves them empty (id from the name): optional in the sheet. */
  generated?: readonly string[];
  /** Values the import fills where a row leaves the column empty, by column key (stage: 事后公开): optional in the sheet. */
  defaults?: Readonly<Record<string, unknown>>;
  /** Values a text column takes that only the data knows (district names): the template's dropdown. */
  choices?: Readonly<Record<string, readonly string[]>>;
};

/** The spec's columns, with generated fields optional in the sheet. */
export function specColumns(spec: ColumnsSpec): ColumnSet {
  const set = columnsOf(spec.schema, spec.labels);
  const generated = new Set([...(spec.generated ?? []), ...Object.keys(spec.defaults ?? {})]);
  return { ...set, columns: set.columns.map((c) => (generated.has(c.key) ? { ...c, required: false, headerRequired: false } : c)) };
}
