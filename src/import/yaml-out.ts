/**
 * A record as the YAML file the loader reads, in the style of the files on
 * file: keys in schema order, coordinates on one line, fields left at their
 * schema default (designations: [], sample: false) left out.
 */
import { Document, isPair, isScalar, isSeq, visit } from 'yaml';
import type { z } from 'zod';
import { unwrap } from './columns.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The record without top-level fields equal to their schema default. */
export function withoutDefaults(schema: z.core.$ZodType, record: Record<string, unknown>): Record<string, unknown> {
  const shape = (unwrap(schema).core._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const def = shape[key]?._zod.def as { type: string; defaultValue?: unknown } | undefined;
    if (def?.type === 'default' && same(def.defaultValue, value)) continue;
    out[key] = value;
  }
  return out;
}

export function recordYaml(schema: z.core.$ZodType, record: Record<string, unknown>, comment?: string): string {
  const doc = new Document(withoutDefaults(schema, record));
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'coordinates' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return comment === undefined ? text : `${comment.split('\n').map((l) => `# ${l}`).join('\n')}\n\n${text}`;
}
