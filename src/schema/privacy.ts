/**
 * The privacy guard: walks a record's schema and its raw parsed value
 * together and refuses personal data in every published field.
 *
 * It runs on raw input (before or without zod's parse), so a schema error
 * never hides a privacy error in the same file. Each field's privacy class is
 * declared in the schema itself with `.meta({ privacy })`; unmarked strings
 * are text, keys the schema does not know are scanned as text, geometry is
 * not text. The string patterns are in src/lib/privacy.ts.
 */
import { globalRegistry, type z } from 'zod';
import { phoneKey } from '../lib/identifiers.ts';
import {
  findPersonalData,
  isMaskedPersonName,
  looksLikePersonName,
  maskSpan,
  surnameOfMasked,
  type PersonalDataKind,
  type PrivacyFinding,
  type ScanOptions,
} from '../lib/privacy.ts';

/**
 * - text: free text, every check (the default for strings);
 * - code: ids, 文号, credit codes, licence and parcel numbers: ID and phone shapes;
 * - public-contact: declared office phone, e-mail and address of the bureau,
 *   a venue or a notice unit: landlines allowed (and then allowed in the
 *   record's text), mobiles and IDs refused;
 * - person-name: a natural person's name: must be masked (王某, 王**); its
 *   surname is then looked for in the record's text;
 * - org-or-person: an organisation's full name or a masked person's name
 *   (建设单位, 竞得人, 矿业权人): refused when it reads as a bare person's name;
 * - official-name: a name public by rule (执法人员 roster, 国办发〔2018〕118号):
 *   allowed, and allowed in the record's text; ID and phone shapes refused;
 * - url: links (format-checked by the schema), not scanned;
 * - none: not text (geometry, coordinates).
 */
export type PrivacyClass = 'text' | 'code' | 'public-contact' | 'person-name' | 'org-or-person' | 'official-name' | 'url' | 'none';

declare module 'zod' {
  interface GlobalMeta {
    /** How the privacy guard treats the field (src/schema/privacy.ts). */
    privacy?: PrivacyClass;
    /** A person-name field that is one only when a sibling says so (party.name when party.type is 自然人). */
    personWhen?: { key: string; in: readonly string[] };
  }
}

/** One refusal: the field (as the loader names fields) and a message with the span masked. */
export type PrivacyIssue = { field: string; reason: string };

export type GuardOptions = {
  /** phoneKey()s of office lines declared public in site.yaml: allowed in every record's text. */
  publicPhones?: ReadonlySet<string>;
};

type Path = (string | number)[];
type Leaf = { path: Path; value: string; cls: PrivacyClass };
type AnySchema = z.core.$ZodType;
type Resolved = { cls: PrivacyClass | undefined; personWhen: { key: string; in: readonly string[] } | undefined; core: AnySchema };

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'success']);
const resolvedCache = new WeakMap<AnySchema, Resolved>();

/** The schema under optional/default/pipe/lazy wrappers, and the outermost privacy class on the way. */
function resolve(schema: AnySchema): Resolved {
  const cached = resolvedCache.get(schema);
  if (cached) return cached;
  let cls: PrivacyClass | undefined;
  let personWhen: Resolved['personWhen'];
  let s = schema;
  for (let depth = 0; depth < 20; depth++) {
    const meta = globalRegistry.get(s);
    cls ??= meta?.privacy;
    personWhen ??= meta?.personWhen;
    const def = s._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; getter?: () => AnySchema };
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else break;
  }
  const r = { cls, personWhen, core: s };
  resolvedCache.set(schema, r);
  return r;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects every string (and long integer) in the raw value, with its field class. */
function collect(schema: AnySchema | undefined, value: unknown, path: Path, inherited: PrivacyClass | undefined, leaves: Leaf[]): void {
  const r = schema ? resolve(schema) : undefined;
  const cls = r?.cls ?? inherited;
  if (cls === 'none') return;
  if (typeof value === 'string') {
    leaves.push({ path, value, cls: cls ?? 'text' });
    return;
  }
  const def = r?.core._zod.def as Record<string, unknown> & { type: string } | undefined;
  if (typeof value === 'number' || typeof value === 'bigint') {
    // YAML reads an unquoted 13912345678 as a number: scan long integers unless the field is numeric.
    if (def?.type !== 'number' && def?.type !== 'bigint' && Number.isInteger(Number(value)) && Math.abs(Number(value)) >= 1e9)
      leaves.push({ path, value: BigInt(value).toString(), cls: cls ?? 'text' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      let el: AnySchema | undefined;
      if (def?.type === 'array') el = def['element'] as AnySchema;
      else if (def?.type === 'tuple') el = (def['items'] as AnySchema[])[i] ?? (def['rest'] as AnySchema | null) ?? undefined;
      collect(el, v, [...path, i], el ? undefined : cls, leaves);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  if (def?.type === 'union') {
    const options = def['options'] as AnySchema[];
    const disc = def['discriminator'] as string | undefined;
    // An unknown discriminator (kind: plannning) is a schema error: the option sharing most keys
    // with the value still gives the classes of its fields (contact.phone stays a public contact).
    const option = (disc && options.find((o) => o._zod.propValues?.[disc]?.has(value[disc] as never))) || closestOption(options, value);
    collect(option, value, path, option ? undefined : cls, leaves);
    return;
  }
  if (def?.type === 'object') {
    const shape = def['shape'] as Record<string, AnySchema>;
    const catchall = def['catchall'] as AnySchema | undefined;
    for (const [key, v] of Object.entries(value)) {
      const field = Object.hasOwn(shape, key) ? shape[key] : catchall && catchall._zod.def.type !== 'never' ? catchall : undefined;
      if (!field) {
        collect(undefined, v, [...path, key], 'text', leaves);
        continue;
      }
      const fr = resolve(field);
      if (fr.personWhen && typeof v === 'string') {
        const sibling = value[fr.personWhen.key];
        leaves.push({ path: [...path, key], value: v, cls: fr.personWhen.in.includes(sibling as string) ? 'person-name' : 'org-or-person' });
        continue;
      }
      collect(field, v, [...path, key], undefined, leaves);
    }
    return;
  }
  if (def?.type === 'record') {
    for (const [key, v] of Object.entries(value)) collect(def['valueType'] as AnySchema, v, [...path, key], undefined, leaves);
    return;
  }
  // No schema here (an unknown key) or a schema that expects no object: everything inside is text.
  for (const [key, v] of Object.entries(value)) collect(undefined, v, [...path, key], cls ?? 'text', leaves);
}

/** The object option of a union whose shape has most of the value's keys. */
function closestOption(options: AnySchema[], value: Record<string, unknown>): AnySchema | undefined {
  let best: AnySchema | undefined;
  let bestScore = 0;
  const keys = Object.keys(value);
  for (const o of options) {
    const def = resolve(o).core._zod.def as { type: string; shape?: Record<string, unknown> };
    if (def.type !== 'object' || !def.shape) continue;
    const score = keys.filter((k) => Object.hasOwn(def.shape!, k)).length;
    if (score > bestScore) [best, bestScore] = [o, score];
  }
  return best;
}

/** A zod issue path as the field name an editor reads: parcels[0].winner, party.name. The loader and the guard share it. */
export function fieldName(p: readonly PropertyKey[]): string {
  let out = '';
  for (const part of p) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(整个文件)';
}

/** Phone keys of every declared public contact in a raw record (site.yaml's contacts, a notice's contact). */
export function declaredPublicPhones(schema: z.ZodType, raw: unknown): Set<string> {
  const leaves: Leaf[] = [];
  collect(schema, raw, [], undefined, leaves);
  return phonesOf(leaves);
}

function phonesOf(leaves: Leaf[]): Set<string> {
  const phones = new Set<string>();
  for (const l of leaves)
    if (l.cls === 'public-contact') for (const part of l.value.split(/[、，,；;/或]|\s{2,}/)) if (/\d{7}/.test(part)) phones.add(phoneKey(part.trim()));
  return phones;
}

const ADVICE: Record<PersonalDataKind, string> = {
  身份证号码: '不得公开身份证号码，请删除',
  手机号码: '不得公开个人手机号码，请删除；单位电话请用座机，写在 contact.phone',
  座机号码: '这个号码不是本记录或 site.yaml 登记的单位公开电话：个人电话请删除；单位电话请先写入本记录的 contact.phone 或 site.yaml 的 publicContacts',
  银行卡号: '不得公开银行卡号或账号，请删除',
  住址: '不得公开自然人的住址（门牌、楼栋、单元、房号），请删除，最多写到乡镇、村或街道',
  姓名: '自然人姓名必须遮盖后发布',
};

function reasonOf(f: PrivacyFinding, leaf: Leaf): string {
  const where = leaf.value.length > 30 ? `（第 ${f.index + 1} 字起）` : '';
  if (f.kind === '姓名') return `含有未遮盖的自然人姓名“${f.masked}”${where}：${ADVICE.姓名}，请改为“${f.masked.replace(/\*+$/, '某')}”`;
  if (leaf.cls === 'code' || leaf.cls === 'official-name')
    return `这是代码或编号字段，值中却有${f.kind}“${f.masked}”：请填写正确的代码或编号；${ADVICE[f.kind]}`;
  return `含有${f.kind}“${f.masked}”${where}：${ADVICE[f.kind]}`;
}

const MODE: Partial<Record<PrivacyClass, ScanOptions['mode']>> = {
  code: 'code',
  'official-name': 'code',
  'person-name': 'code',
  'public-contact': 'contact',
  'org-or-person': 'text',
  text: 'text',
};

/**
 * Every piece of personal data in a raw (parsed, not validated) record, per
 * field. `schema` gives the field classes; the value may be anything.
 */
export function guardRecord(schema: z.ZodType, raw: unknown, options: GuardOptions = {}): PrivacyIssue[] {
  const leaves: Leaf[] = [];
  collect(schema, raw, [], undefined, leaves);

  // Record-level facts: declared office lines, the surnames of masked persons, the officials.
  const publicPhones = new Set([...(options.publicPhones ?? []), ...phonesOf(leaves)]);
  const surnames = new Set<string>();
  const allowedNames = new Set<string>();
  for (const l of leaves) {
    if ((l.cls === 'person-name' || l.cls === 'org-or-person') && isMaskedPersonName(l.value)) {
      const s = surnameOfMasked(l.value);
      if (s) surnames.add(s);
    }
    if (l.cls === 'official-name') for (const n of l.value.split(/[、，,；;\s]+/)) if (n) allowedNames.add(n);
  }
  const scan: ScanOptions = { publicPhones, surnames, allowedNames };

  const issues: PrivacyIssue[] = [];
  for (const leaf of leaves) {
    const field = fieldName(leaf.path);
    if (leaf.cls === 'url' || leaf.cls === 'none') continue;
    if (leaf.cls === 'person-name' && !isMaskedPersonName(leaf.value)) {
      const bare = leaf.value.trim().replace(/[（(][^）)]*[）)]$/, '');
      const masked = looksLikePersonName(bare) ? maskSpan('姓名', bare) : `${[...bare][0] ?? ''}**`;
      issues.push({ field, reason: `自然人（含个体工商户经营者、法定代表人）姓名必须遮盖后发布，请改为“${masked.replace(/\*+.*$/, '某')}”，现为“${masked}”` });
    } else if (leaf.cls === 'org-or-person' && looksLikePersonName(leaf.value)) {
      const masked = maskSpan('姓名', leaf.value.trim().replace(/[（(].*$/, ''));
      issues.push({ field, reason: `这里应写单位全称；自然人姓名必须遮盖后发布，请改为“${masked.replace(/\*+$/, '某')}”，现为“${masked}”` });
      continue;
    }
    const mode = MODE[leaf.cls] ?? 'text';
    for (const f of findPersonalData(leaf.value, { ...scan, mode })) issues.push({ field, reason: reasonOf(f, leaf) });
  }
  return issues;
}
