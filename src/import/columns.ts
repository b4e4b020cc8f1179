/**
 * The spreadsheet columns of a record type, derived from its zod schema, so
 * the import, the template and the documentation follow the schema when it
 * changes (a new field is a new column the day it is added).
 *
 * The walk:
 * - a scalar field (text, date, number, boolean, enum) is one column;
 * - a nested object's fields are columns with dotted keys, `booking.groupThreshold`;
 * - an array of scalars is one cell with the items separated by 、;
 * - an array of objects is numbered column groups, `designations.1.title`
 *   (称号1名称), `designations.2.title`, …; the header decides how many;
 * - a GeoJSON Point is two columns, longitude and latitude; a Polygon one
 *   cell of “经度,纬度” pairs; a literal (the Point's `type`) needs no column;
 * - anything else (unions, tuples) is one cell of JSON.
 *
 * Labels: `.meta({ title })` in the schema wins, then the label table next to
 * the importer, then the field key itself, so a field nobody has labelled yet
 * is still importable by its key.
 */
import { globalRegistry, type z } from 'zod';
import { isoDate, isoDateTime } from '../schema/common.ts';

export type ValueKind = 'text' | 'date' | 'datetime' | 'integer' | 'number' | 'boolean' | 'enum' | 'coordinate' | 'polygon' | 'json';

/** A path into the raw record: ['booking', 'groupThreshold'], ['designations', 0, 'title']. */
export type Target = readonly (string | number)[];

export type Column = {
  /** The column's key: booking.groupThreshold, designations.2.level, location.lon. Also accepted as a header. */
  key: string;
  /** The Chinese header of the template. */
  label: string;
  /** What the field means, from the schema or the label table (may be empty). */
  help: string;
  kind: ValueKind;
  /** For kind coordinate: which one. */
  axis?: 'lon' | 'lat' | undefined;
  /** Text formats zod checks: a link or an e-mail address. */
  format?: 'url' | 'email' | undefined;
  /** Several values in one cell (an array of scalars). */
  list: boolean;
  /** The field must be filled whenever the object it is in is there. */
  required: boolean;
  /** The column must be in the header: required all the way up, not in a column group. */
  headerRequired: boolean;
  values?: readonly string[] | undefined;
  min?: { value: number; inclusive: boolean } | undefined;
  max?: { value: number; inclusive: boolean } | undefined;
  /** Where the value goes in the raw record. */
  target: Target;
  /** The array-of-objects group the column belongs to, with its 1-based number. */
  group?: { key: string; target: Target; index: number } | undefined;
  /** Other headers accepted for this column (label table). */
  aliases: readonly string[];
  /** A text with a grammar of its own that a rule checks (label table). */
  syntax?: 'opening-hours' | undefined;
  /** A code or number (privacy class code: 文号, 信用代码, 许可证号): full-width digits are read as ASCII. */
  code?: boolean | undefined;
};

/** A constant the record needs where the object it is in is present (a Point's type). */
export type Literal = { target: Target; value: unknown };

/** An object in the record; required ones are created even when all their cells are empty, so zod names the missing fields. */
export type ObjectNode = { target: Target; required: boolean };

export type GroupNode = { key: string; target: Target; label: string };

export type ColumnSet = { columns: Column[]; literals: Literal[]; objects: ObjectNode[]; groups: GroupNode[] };

export type LabelEntry = { label: string; help?: string; aliases?: readonly string[]; syntax?: Column['syntax'] };
/** Labels by dotted schema path without group numbers: `booking.groupThreshold`, `designations.title`, `location.lon`. */
export type LabelTable = Readonly<Record<string, LabelEntry>>;

/** Column groups read per array of objects (称号1 … 称号20): more than any survey sheet needs. */
export const MAX_GROUPS = 20;

type AnySchema = z.core.$ZodType;
type Def = { type: string; innerType?: AnySchema; in?: AnySchema; getter?: () => AnySchema; shape?: Record<string, AnySchema>; element?: AnySchema; values?: unknown[]; entries?: Record<string, string>; checks?: { _zod: { def: Record<string, unknown> } }[]; format?: string };

type Unwrapped = { core: AnySchema; optional: boolean; title: string | undefined; description: string | undefined; privacy: string | undefined };

/** The schema under optional/default/pipe wrappers; optional when any wrapper lets the field be left out. */
export function unwrap(schema: AnySchema): Unwrapped {
  let s = schema;
  let optional = false;
  let title: string | undefined;
  let description: string | undefined;
  let privacy: string | undefined;
  for (let depth = 0; depth < 20; depth++) {
    const meta = globalRegistry.get(s) as { title?: unknown; description?: unknown; privacy?: unknown } | undefined;
    if (typeof meta?.title === 'string') title ??= meta.title;
    if (typeof meta?.description === 'string') description ??= meta.description;
    if (typeof meta?.privacy === 'string') privacy ??= meta.privacy;
    const def = s._zod.def as Def;
    if (['optional', 'default', 'prefault', 'catch'].includes(def.type) && def.innerType) {
      optional = true;
      s = def.innerType;
    } else if (['nullable', 'readonly', 'nonoptional'].includes(def.type) && def.innerType) {
      if (def.type === 'nonoptional') optional = false;
      s = def.innerType;
    } else if (def.type === 'pipe' && def.in) s = def.in;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else break;
  }
  // The innermost string schema may carry the class too (documentNo = z.string().meta(...)).
  privacy ??= (globalRegistry.get(s) as { privacy?: string } | undefined)?.privacy;
  return { core: s, optional, title, description, privacy };
}

const defOf = (s: AnySchema): Def => s._zod.def as Def;

/** A GeoJSON geometry object of this type: `{ type: literal, coordinates }`. */
function geometryType(s: AnySchema): string | undefined {
  const def = defOf(s);
  if (def.type !== 'object' || !def.shape?.['type'] || !def.shape['coordinates']) return undefined;
  const t = defOf(unwrap(def.shape['type']).core);
  return t.type === 'literal' && typeof t.values?.[0] === 'string' ? t.values[0] : undefined;
}

/** A discriminated union whose options are objects other than geometry: its discriminator, the values it takes, the options. */
function objectUnion(s: AnySchema): { discriminator: string; values: string[]; options: { shape: Record<string, AnySchema> }[] } | undefined {
  const def = defOf(s) as Def & { options?: AnySchema[]; discriminator?: string };
  if (def.type !== 'union' || !def.discriminator || !def.options) return undefined;
  const options = def.options.map((o) => defOf(unwrap(o).core));
  if (!options.every((o) => o.type === 'object' && o.shape) || def.options.some((o) => geometryType(unwrap(o).core))) return undefined;
  const values = options.flatMap((o) => {
    const d = defOf(unwrap(o.shape![def.discriminator!]!).core);
    return d.type === 'literal' ? (d.values ?? []).map(String) : [];
  });
  return { discriminator: def.discriminator, values, options: options as { shape: Record<string, AnySchema> }[] };
}

type Scalar = Pick<Column, 'kind' | 'format' | 'values' | 'min' | 'max'>;

/** The column kind of a scalar schema, or undefined when the schema is not a scalar. */
function scalarOf(s: AnySchema): Scalar | undefined {
  const def = defOf(s);
  switch (def.type) {
    case 'string': {
      // By definition, not identity: `.meta({ title })` clones the schema but keeps its def (validFrom: isoDate.meta(...)).
      if (def === defOf(isoDate)) return { kind: 'date' };
      if (def === defOf(isoDateTime)) return { kind: 'datetime' };
      const format = def.format === 'url' || def.format === 'email' ? def.format : undefined;
      return { kind: 'text', format };
    }
    case 'number': {
      let min: Column['min'];
      let max: Column['max'];
      let integer = false;
      for (const c of def.checks ?? []) {
        const d = c._zod.def;
        if (d['check'] === 'number_format' && (d['format'] === 'safeint' || d['format'] === 'int32')) integer = true;
        if (d['check'] === 'greater_than') min = { value: d['value'] as number, inclusive: d['inclusive'] as boolean };
        if (d['check'] === 'less_than') max = { value: d['value'] as number, inclusive: d['inclusive'] as boolean };
      }
      if (def.format === 'safeint' || def.format === 'int32') integer = true;
      return { kind: integer ? 'integer' : 'number', min, max };
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', values: Object.values(def.entries ?? {}) };
    default:
      return undefined;
  }
}

type Walk = { set: ColumnSet; labels: LabelTable };
type Place = {
  /** Dotted schema path, no group numbers: the label table's key. */
  schemaKey: string;
  /** Dotted column key, with group numbers. */
  columnKey: string;
  target: Target;
  /** Required all the way up from the record. */
  chainRequired: boolean;
  /** The label of the enclosing object, for fallback labels (预约·url). */
  parentLabel: string | undefined;
  group: Column['group'];
  /** A group column's label prefix (称号2). */
  groupPrefix: string | undefined;
};

function labelFor(w: Walk, place: Place, title: string | undefined, key: string): { label: string; help: string; aliases: readonly string[]; syntax: Column['syntax'] } {
  const entry = w.labels[place.schemaKey];
  const own = title ?? entry?.label;
  const base = own ?? (place.parentLabel === undefined || place.groupPrefix !== undefined ? key : `${place.parentLabel}·${key}`);
  return {
    label: place.groupPrefix === undefined ? base : `${place.groupPrefix}${base}`,
    help: entry?.help ?? '',
    aliases: place.groupPrefix === undefined ? (entry?.aliases ?? []) : [],
    syntax: entry?.syntax,
  };
}

function addColumn(w: Walk, place: Place, key: string, u: Unwrapped, scalar: Scalar, list: boolean, extra: Partial<Column> = {}): void {
  const { label, help, aliases, syntax } = labelFor(w, place, u.title, key);
  const required = !u.optional;
  w.set.columns.push({
    key: place.columnKey,
    label,
    help: u.description ?? help,
    list,
    required,
    headerRequired: required && place.chainRequired && place.group === undefined,
    target: place.target,
    group: place.group,
    aliases,
    syntax,
    code: u.privacy === 'code' || undefined,
    ...scalar,
    ...extra,
  });
}

function child(place: Place, key: string, required: boolean, parentLabel: string | undefined): Place {
  return {
    schemaKey: place.schemaKey === '' ? key : `${place.schemaKey}.${key}`,
    columnKey: place.columnKey === '' ? key : `${place.columnKey}.${key}`,
    target: [...place.target, key],
    chainRequired: place.chainRequired && required,
    parentLabel,
    group: place.group,
    groupPrefix: undefined,
  };
}

function walkField(w: Walk, place: Place, key: string, schema: AnySchema): void {
  const u = unwrap(schema);
  const def = defOf(u.core);
  const scalar = scalarOf(u.core);
  if (scalar) return addColumn(w, place, key, u, scalar, false);
  if (def.type === 'literal') {
    w.set.literals.push({ target: place.target, value: def.values?.[0] });
    return;
  }
  const geometry = geometryType(u.core);
  if (geometry === 'Point') {
    const { label } = labelFor(w, place, u.title, key);
    // The Point's own fields: its type is a literal, its coordinates two columns.
    w.set.literals.push({ target: [...place.target, 'type'], value: 'Point' });
    w.set.objects.push({ target: place.target, required: false });
    const chainRequired = place.chainRequired && !u.optional;
    for (const [i, axis] of (['lon', 'lat'] as const).entries()) {
      const p: Place = { ...child(place, axis, true, label), target: [...place.target, 'coordinates', i], chainRequired };
      const names = labelFor(w, { ...p, parentLabel: undefined }, undefined, `${label}${axis === 'lon' ? '经度' : '纬度'}`);
      w.set.columns.push({
        key: p.columnKey,
        label: names.label,
        help: names.help,
        kind: 'coordinate',
        axis,
        list: false,
        // A point is all or nothing: both cells are needed once either is filled.
        required: true,
        headerRequired: chainRequired && place.group === undefined,
        target: p.target,
        group: place.group,
        aliases: names.aliases,
      });
    }
    return;
  }
  if (geometry === 'Polygon') return addColumn(w, place, key, u, { kind: 'polygon' }, false);
  const union = objectUnion(u.core);
  if (union) {
    // A discriminated union of objects (status: active | withdrawn | superseded): the discriminator
    // is a choice column and every other field of every option a column; zod says which the chosen option needs.
    const { label } = labelFor(w, place, u.title, key);
    w.set.objects.push({ target: place.target, required: false });
    addColumn(w, child(place, union.discriminator, !u.optional, label), union.discriminator, { ...unwrap(union.options[0]!.shape[union.discriminator]!), optional: u.optional }, { kind: 'enum', values: union.values }, false);
    const seen = new Set([union.discriminator]);
    const from = w.set.columns.length;
    for (const o of union.options)
      for (const [k, f] of Object.entries(o.shape)) {
        if (seen.has(k)) continue;
        seen.add(k);
        walkField(w, child(place, k, false, label), k, f);
      }
    for (const c of w.set.columns.slice(from)) Object.assign(c, { required: false, headerRequired: false });
    return;
  }
  if (def.type === 'object' && !geometry && def.shape) {
    const { label } = labelFor(w, place, u.title, key);
    w.set.objects.push({ target: place.target, required: place.chainRequired && !u.optional });
    for (const [k, s] of Object.entries(def.shape)) walkField(w, child(place, k, !u.optional, label), k, s);
    return;
  }
  if (def.type === 'array' && def.element) {
    const el = unwrap(def.element);
    const elScalar = scalarOf(el.core);
    if (elScalar) return addColumn(w, place, key, u, elScalar, true);
    const elDef = defOf(el.core);
    if (elDef.type === 'object' && elDef.shape && !geometryType(el.core) && place.group === undefined) {
      const { label } = labelFor(w, place, u.title, key);
      w.set.groups.push({ key: place.columnKey, target: place.target, label });
      for (let n = 1; n <= MAX_GROUPS; n++) {
        const item: Place = {
          schemaKey: place.schemaKey,
          columnKey: `${place.columnKey}.${n}`,
          target: [...place.target, n - 1],
          chainRequired: false,
          parentLabel: undefined,
          group: { key: place.columnKey, target: place.target, index: n },
          groupPrefix: `${label}${n}`,
        };
        for (const [k, s] of Object.entries(elDef.shape)) walkField(w, { ...child(item, k, true, undefined), group: item.group, groupPrefix: item.groupPrefix }, k, s);
      }
      return;
    }
  }
  // Unions, tuples, nested groups: one cell of JSON, so every schema stays importable.
  addColumn(w, place, key, u, { kind: 'json' }, false);
}

/** The columns of an object schema. */
export function columnsOf(schema: AnySchema, labels: LabelTable = {}): ColumnSet {
  const u = unwrap(schema);
  const def = defOf(u.core);
  if (def.type !== 'object' || !def.shape) throw new Error('columnsOf: the import needs an object schema');
  const w: Walk = { set: { columns: [], literals: [], objects: [], groups: [] }, labels };
  const root: Place = { schemaKey: '', columnKey: '', target: [], chainRequired: true, parentLabel: undefined, group: undefined, groupPrefix: undefined };
  for (const [k, s] of Object.entries(def.shape)) walkField(w, child(root, k, true, undefined), k, s);
  return w.set;
}

/** The columns a template shows: every column outside groups, and the first `count` of each group. */
export function templateColumns(set: ColumnSet, groupCount: (groupKey: string) => number): Column[] {
  return set.columns.filter((c) => c.group === undefined || c.group.index <= groupCount(c.group.key));
}
