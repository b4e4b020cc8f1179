/**
 * A record as the YAML file the loader reads, in the style of the files on
 * file: keys in schema order, lists of plain values and coordinates on one
 * line, multi-line text as a block, fields left at their schema default
 * (designations: [], ticket: false, sample: false) left out at any depth.
 */
import { Document, isPair, isScalar, isSeq, visit } from 'yaml';
import type { z } from 'zod';
import { unwrap } from './columns.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Def = { type: string; defaultValue?: unknown; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };

/** The value without fields equal to their schema default, through nested objects and arrays of objects. */
export function withoutDefaults(schema: z.core.$ZodType, value: unknown): unknown {
  const def = unwrap(schema).core._zod.def as Def;
  if (Array.isArray(value)) return def.type === 'array' && def.element ? value.map((v) => withoutDefaults(def.element!, v)) : value;
  if (!isPlain(value) || def.type !== 'object' || !def.shape) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const field = def.shape[key];
    const fieldDef = field?._zod.def as Def | undefined;
    if (fieldDef?.type === 'default' && same(fieldDef.defaultValue, v)) continue;
    out[key] = field ? withoutDefaults(field, v) : v;
  }
  return out;
}

export function recordYaml(schema: z.core.$ZodType, record: Record<string, unknown>, comment?: string): string {
  const doc = new Document(withoutDefaults(schema, record));
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'coordinates' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return comment === undefined ? text : `${comment.split('\n').map((l) => `# ${l}`).join('\n')}\n\n${text}`;
}
