/**
 * What can still be checked in a record that failed its schema: every
 * top-level field that is valid on its own. The cross-record checks
 * (duplicate ids, unknown districts, geometry outside the city, references)
 * run on it, so a schema error in a file does not hide the file's other
 * problems until the next run.
 */
import { z } from 'zod';
import type { Salvaged } from '../schema/index.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object schema a raw value would be checked against (for a discriminated union: by its discriminator). */
function objectSchemaFor(schema: z.ZodType, raw: Record<string, unknown>): z.ZodObject | undefined {
  if (schema instanceof z.ZodObject) return schema;
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const key = schema.def.discriminator;
    for (const option of schema.options as z.ZodType[]) {
      if (!(option instanceof z.ZodObject)) continue;
      const field = option.shape[key] as z.ZodType | undefined;
      if (field?.safeParse(raw[key]).success) return option;
    }
  }
  return undefined;
}

/** The valid top-level fields of a raw record (defaults applied), or undefined when it is not an object. */
export function salvage<S extends z.ZodType>(schema: S, raw: unknown): Salvaged<z.infer<S>> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const object = objectSchemaFor(schema, raw);
  if (!object) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
    const r = field.safeParse(raw[key]);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return out as Salvaged<z.infer<S>>;
}
