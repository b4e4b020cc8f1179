/**
 * What the public sends in (issue 14): an opinion on a 批前公示 and a
 * 依申请公开 application (政府信息公开条例 Art 29). One schema per form; the
 * form page renders its fields from it (labels, required, lengths, choices:
 * `formFields`), the server validates the post with it, and the browser runs
 * the same schema inline (src/client/submission-form.ts), so form and
 * validation cannot drift.
 *
 * Each field says in `.meta({ personal })` whether it identifies the sender:
 * the route stores those under the submission's `personal` (purged after the
 * retention, never published) and the rest under `content`
 * (`splitSubmission`). Browser-safe: no Node module, no file-type (the server
 * sniffs attachments, src/submissions/attachment.ts).
 */
import { z } from 'zod';
import { isCreditCode, isResidentId } from '../lib/identifiers.ts';

/** How a field is entered; the form component renders each kind. */
export type FieldInput = 'text' | 'textarea' | 'email' | 'tel' | 'radio' | 'checkbox';

export interface SubmissionFieldMeta {
  /** The label, in the words of the form. */
  title: string;
  input: FieldInput;
  /** Identifies the sender: stored apart, purged after the retention, never published. */
  personal: boolean;
  /** A short help line under the label. */
  hint?: string;
  /** The HTML autocomplete token. */
  autocomplete?: string;
  /** Shown as required though the rule is conditional (e.g. 单位申请时必填): the schema's refinement decides. */
  requiredWhen?: string;
}

// Control characters other than tab and line breaks are refused: text is stored as typed, inert, and escaped on output.
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]*$/;
// Office line or mobile: 0452-2345678(-801), (0452)2345678, 13912345678, +86 139 1234 5678.
const PHONE = /^(?:(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}|[(（]?0\d{2,3}[)）]?[ -]?\d{7,8}(?:[-转]\d{1,5})?)$/;

/** A cross-field rule runs once the fields it reads are valid, so the reader sees every message in one go. */
const whenValid = (...fields: string[]) => ({ when: (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) => !payload.issues.some((i) => fields.includes(String(i.path?.[0] ?? ''))) });

const field = <T extends z.ZodType>(schema: T, meta: SubmissionFieldMeta) => schema.meta({ ...meta });

const textError = { error: (issue: { input?: unknown }) => (issue.input === undefined ? '此项必填' : '应为文字') };

const text = (max: number, min = 1) =>
  z
    .string(textError)
    .trim()
    .min(min, min <= 1 ? '不能为空' : `至少 ${min} 个字`)
    .max(max, `不超过 ${max} 个字`)
    .regex(NO_CONTROL, '含有不可见的控制字符，请删除后再提交');

const phone = z.string(textError).trim().max(30, '不超过 30 个字符').regex(PHONE, '电话号码格式不正确：手机号如 13912345678，座机请带区号，如 0452-2345678');
const email = z.string(textError).trim().max(100, '不超过 100 个字符').pipe(z.email('电子邮箱格式不正确，如 name@example.com'));
const checkbox = z.boolean({ error: '应为是或否' });

// ------------------------------------------------------------- opinions ---

export const OPINION_RELATIONS = ['利害关系人', '其他公众'] as const;

export const opinionSchema = z
  .strictObject({
    anonymous: field(checkbox.default(false), { title: '匿名提交（不填写姓名）', input: 'checkbox', personal: false, hint: '匿名意见同样登记和研究；不留联系方式的，本局无法答复或核实。' }),
    name: field(text(50).optional(), { title: '姓名', input: 'text', personal: true, autocomplete: 'name', requiredWhen: '不匿名时必填' }),
    relation: field(z.enum(OPINION_RELATIONS, { error: '请选择与本项目的关系' }).optional(), {
      title: '与本项目的关系',
      input: 'radio',
      personal: false,
      hint: '利害关系人：项目所在地及周边的居民、业主、单位等。',
    }),
    phone: field(phone.optional(), { title: '联系电话', input: 'tel', personal: true, autocomplete: 'tel', requiredWhen: '不匿名时电话和邮箱至少填一项' }),
    email: field(email.optional(), { title: '电子邮箱', input: 'email', personal: true, autocomplete: 'email' }),
    address: field(text(200).optional(), { title: '通信地址', input: 'text', personal: true, autocomplete: 'address-line1', hint: '需要书面答复时填写。' }),
    opinion: field(text(5000, 5), { title: '意见内容', input: 'textarea', personal: false, hint: '请写明对公示内容的具体意见和理由（5–5000 字）。' }),
  })
  .superRefine((o, ctx) => {
    if (o.anonymous) return;
    if (!o.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写姓名，或选择匿名提交' });
    if (!o.phone && !o.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: '请至少填写联系电话或电子邮箱之一，以便本局答复' });
  }, whenValid('anonymous', 'name', 'phone', 'email'));

export type Opinion = z.infer<typeof opinionSchema>;

// ------------------------------------------------------ 依申请公开 applications ---

export const APPLICANT_TYPES = ['公民', '法人或者其他组织'] as const;
export const ID_TYPES = ['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照', '外国人永久居留身份证', '统一社会信用代码'] as const;
export const INFORMATION_FORMATS = ['纸质', '电子文档'] as const;
export const DELIVERY_METHODS = ['邮寄', '电子邮件', '自行领取', '当场阅读、抄录'] as const;

export const applicationSchema = z
  .strictObject({
    applicantType: field(z.enum(APPLICANT_TYPES, { error: '请选择申请人类型' }), { title: '申请人类型', input: 'radio', personal: false }),
    name: field(text(100), { title: '姓名或名称', input: 'text', personal: true, autocomplete: 'name', hint: '公民填写姓名；法人或者其他组织填写全称。' }),
    idType: field(z.enum(ID_TYPES, { error: '请选择证件类型' }), { title: '身份证明类型', input: 'radio', personal: true, hint: '法人或者其他组织选择统一社会信用代码。' }),
    idNumber: field(text(30), { title: '证件号码', input: 'text', personal: true, autocomplete: 'off' }),
    representative: field(text(50).optional(), { title: '法定代表人或者主要负责人', input: 'text', personal: true, requiredWhen: '法人或者其他组织必填' }),
    contactName: field(text(50).optional(), { title: '联系人', input: 'text', personal: true, hint: '法人或者其他组织经办人的姓名。' }),
    phone: field(phone, { title: '联系电话', input: 'tel', personal: true, autocomplete: 'tel' }),
    email: field(email.optional(), { title: '电子邮箱', input: 'email', personal: true, autocomplete: 'email', requiredWhen: '选择电子邮件获取时必填' }),
    address: field(text(200).optional(), { title: '通信地址', input: 'text', personal: true, autocomplete: 'address-line1', requiredWhen: '选择邮寄时必填' }),
    postcode: field(z.string().trim().regex(/^\d{6}$/, '邮政编码应为 6 位数字').optional(), { title: '邮政编码', input: 'text', personal: true, autocomplete: 'postal-code' }),
    description: field(text(2000, 10), {
      title: '所需政府信息的名称、文号或者便于查询的其他特征性描述',
      input: 'textarea',
      personal: false,
      hint: '如文件名称、文号、项目名称、地块位置、形成时间等（10–2000 字）。',
    }),
    format: field(z.enum(INFORMATION_FORMATS, { error: '请选择信息的载体形式' }), { title: '信息的载体形式', input: 'radio', personal: false }),
    delivery: field(z.enum(DELIVERY_METHODS, { error: '请选择获取信息的方式' }), { title: '获取信息的方式', input: 'radio', personal: false }),
  })
  .superRefine((a, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const organisation = a.applicantType === '法人或者其他组织';
    if (organisation && a.idType !== '统一社会信用代码') issue('idType', '法人或者其他组织请选择统一社会信用代码');
    if (!organisation && a.idType === '统一社会信用代码') issue('idType', '公民请选择个人身份证件');
    if (a.idType === '统一社会信用代码' && !isCreditCode(a.idNumber.toUpperCase())) issue('idNumber', '统一社会信用代码应为 18 位，且校验位正确');
    if (a.idType === '居民身份证' && !isResidentId(a.idNumber)) issue('idNumber', '居民身份证号码应为 18 位，且出生日期和校验位正确');
    if (organisation && !a.representative) issue('representative', '法人或者其他组织请填写法定代表人或者主要负责人');
    if (a.delivery === '电子邮件') {
      if (!a.email) issue('email', '选择电子邮件获取的，请填写电子邮箱');
      if (a.format === '纸质') issue('format', '电子邮件只能发送电子文档，请选择电子文档或其他获取方式');
    }
    if (a.delivery === '邮寄' && !a.address) issue('address', '选择邮寄的，请填写通信地址');
  }, whenValid('applicantType', 'idType', 'idNumber', 'representative', 'email', 'address', 'format', 'delivery'));

export type Application = z.infer<typeof applicationSchema>;

// ---------------------------------------------------------- attachments ---

/** The opinion's optional attachment: one file, small, of a few types sniffed by content (never trusted from the request). */
export const OPINION_ATTACHMENT = {
  name: 'attachment',
  title: '附件（可选）',
  maxBytes: 2 * 1024 * 1024,
  /** Media type → what the form calls it; the server sniffs with file-type and refuses anything else. */
  types: { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' } as Readonly<Record<string, string>>,
  accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  maxNameLength: 100,
} as const;

// -------------------------------------------------------------- forms ---

export type SubmissionFormKind = 'opinion' | 'application';

export const submissionSchemas = { opinion: opinionSchema, application: applicationSchema } as const;

/** One field of a form as the page renders it. */
export interface FormField extends SubmissionFieldMeta {
  name: string;
  /** Required whatever the other fields say. */
  required: boolean;
  maxLength?: number | undefined;
  minLength?: number | undefined;
  /** Choices of a radio group. */
  options?: readonly string[] | undefined;
}

type AnyDef = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; entries?: Record<string, string> };
const defOf = (s: z.ZodType): AnyDef => (s as unknown as { def: AnyDef }).def;

/** The innermost schema under optional/default/pipe wrappers, and whether a wrapper made it optional. */
function unwrap(s: z.ZodType): { base: z.ZodType; optional: boolean } {
  let optional = false;
  let cur = s;
  for (;;) {
    const def = defOf(cur);
    if (def.type === 'optional' || def.type === 'default') {
      optional = true;
      cur = def.innerType!;
    } else if (def.type === 'pipe') cur = def.in!;
    else return { base: cur, optional };
  }
}

/** The fields of a form, in the schema's order, with what the schema says about each. */
export function formFields(kind: SubmissionFormKind): FormField[] {
  const schema = submissionSchemas[kind];
  return Object.entries(schema.shape).map(([name, s]) => {
    const meta = (s as z.ZodType).meta() as unknown as SubmissionFieldMeta;
    const { base, optional } = unwrap(s as z.ZodType);
    const def = defOf(base);
    const str = base as unknown as { maxLength?: number | null; minLength?: number | null };
    return {
      ...meta,
      name,
      required: !optional && meta.input !== 'checkbox',
      maxLength: str.maxLength ?? undefined,
      minLength: str.minLength ?? undefined,
      options: def.type === 'enum' ? Object.values(def.entries!) : undefined,
    };
  });
}

export type FieldErrors = Record<string, string>;

export type ParsedSubmission<K extends SubmissionFormKind> =
  | { ok: true; value: K extends 'opinion' ? Opinion : Application }
  | { ok: false; errors: FieldErrors };

/**
 * The form's values (strings from a form, `true` for a ticked box) →
 * validated value, or the first message per field. Empty text counts as not
 * given; keys the form does not have are refused (a strict object).
 */
export function parseSubmission<K extends SubmissionFormKind>(kind: K, values: Readonly<Record<string, string | boolean>>): ParsedSubmission<K> {
  const result = submissionSchemas[kind].safeParse(values);
  if (result.success) return { ok: true, value: result.data as K extends 'opinion' ? Opinion : Application };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : String(issue.path[0] ?? '');
    errors[key] ??= issue.code === 'unrecognized_keys' ? '表单中没有此项' : issue.message;
  }
  return { ok: false, errors };
}

/**
 * Form data → the values `parseSubmission` reads: text trimmed and dropped
 * when empty (so an optional field left blank is absent), line breaks as \n,
 * a checkbox true when sent. Names outside the form are left out here; the
 * server refuses them before (src/submissions/form-data.ts).
 */
export function formValues(fields: readonly FormField[], get: (name: string) => string | undefined): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const f of fields) {
    const raw = get(f.name);
    if (f.input === 'checkbox') {
      if (raw !== undefined) out[f.name] = true;
      continue;
    }
    const v = raw?.replace(/\r\n?/g, '\n').trim();
    if (v) out[f.name] = v;
  }
  return out;
}

/**
 * A validated submission as the store keeps it: `personal` (the fields that
 * identify the sender; for an anonymous opinion without the name) and
 * `content` (everything else, which the bureau may quote).
 */
export function splitSubmission(kind: SubmissionFormKind, value: Opinion | Application): { content: Record<string, unknown>; personal: Record<string, unknown> } {
  const content: Record<string, unknown> = {};
  const personal: Record<string, unknown> = {};
  const anonymous = kind === 'opinion' && (value as Opinion).anonymous;
  for (const f of formFields(kind)) {
    const v = (value as Record<string, unknown>)[f.name];
    if (v === undefined || (anonymous && f.name === 'name')) continue;
    (f.personal ? personal : content)[f.name] = v;
  }
  return { content, personal };
}
