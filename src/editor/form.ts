/**
 * A record's form, generated from the same columns as the spreadsheet import
 * (src/import/columns.ts, walked from the zod schema), so the editor, the
 * import, the template and `npm run new` cannot drift from the schema or
 * from each other: a field the schema gains is a form field the day it is
 * added. Field names are the column keys (party.name, attachments.2.href);
 * a posted form is read back as one row of the import (src/import/one-record.ts).
 */
import type { Column } from '../import/columns.ts';
import { describeColumn } from '../import/messages.ts';
import type { ImportProblem } from '../import/problems.ts';
import { specColumns, type ColumnsSpec } from '../import/spec.ts';
import { esc } from './html.ts';

export type FormOptions = {
  /** The form's values by column key (a record's cells, or what was posted). */
  values: ReadonlyMap<string, string>;
  problems?: readonly ImportProblem[];
  /** Editing a record on file: its id cannot change (it is its URL). */
  editing?: boolean;
  /** Values a text column takes that only the data knows (district names). */
  choices?: Readonly<Record<string, readonly string[]>>;
};

/** Texts that are read as paragraphs: a text area. */
const LONG_TEXT = /(?:^|\.)(?:body|facts|history|summary|description|result|basis|notes?|safetyNotes|transport|accessibility|guidedTours|extent|reason|channels|content|violationType)$/;

/** The id of a field's control: f-party-name. */
export const fieldId = (key: string): string => `f-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;

type Section = { key: string; title: string; columns: Column[] };

/**
 * Fields in schema order: the record's own fields as they come, each object
 * (当事人, 发布状态) and each group item (附件1) as a section of its own where
 * the schema has it. Group items shown: those filled, and one empty one to add.
 */
function sections(columns: readonly Column[], values: ReadonlyMap<string, string>): Section[] {
  const out: Section[] = [];
  const shownItems = new Map<string, number>();
  for (const c of columns)
    if (c.group && values.has(c.key)) shownItems.set(c.group.key, Math.max(shownItems.get(c.group.key) ?? 0, c.group.index));
  for (const c of columns) {
    let key = '';
    let title = '';
    if (c.group) {
      if (c.group.index > (shownItems.get(c.group.key) ?? 0) + 1) continue;
      key = `${c.group.key}.${c.group.index}`;
      title = c.label.slice(0, c.label.length - labelTail(c).length) || key;
    } else if (c.target.length > 1 && typeof c.target[0] === 'string' && !c.key.endsWith('.lon') && !c.key.endsWith('.lat')) {
      key = String(c.target[0]);
    }
    const last = out.at(-1);
    if (last && last.key === key) last.columns.push(c);
    else out.push({ key, title, columns: [c] });
  }
  return out;
}

/** A group column's own label after its group prefix (附件1标题 → 标题): the label table's entry for the field. */
function labelTail(c: Column): string {
  const m = /^(.*?\d+)(.+)$/.exec(c.label);
  return m ? m[2]! : c.label;
}

function objectTitle(s: Section, spec: ColumnsSpec): string {
  if (s.key.includes('.')) return s.title;
  return spec.labels[s.key]?.label ?? s.key;
}

/** The form's own fields stand alone; an object or a group item is a fieldset with its name as legend. */
function sectionHtml(s: Section, spec: ColumnsSpec, fields: string[]): string {
  return s.key === '' ? fields.join('\n') : `<fieldset><legend>${esc(objectTitle(s, spec))}</legend>${fields.join('\n')}</fieldset>`;
}

function control(c: Column, value: string | undefined, options: FormOptions, describedBy: string, invalid: boolean, generated: boolean): string {
  const id = fieldId(c.key);
  const common = `id="${id}" name="${esc(c.key)}" aria-describedby="${describedBy}"${invalid ? ' aria-invalid="true"' : ''}`;
  const choices = c.kind === 'enum' ? c.values : c.kind === 'boolean' ? ['是', '否'] : c.list ? undefined : options.choices?.[c.key];
  if (choices) {
    const blank = `<option value=""${value === undefined || value === '' ? ' selected' : ''}>（不填）</option>`;
    const opts = choices.map((v) => `<option value="${esc(v)}"${v === value ? ' selected' : ''}>${esc(v)}</option>`).join('');
    // A value on file that is not (or no longer) a choice stays visible, so saving shows why it fails.
    const stray = value !== undefined && value !== '' && !choices.includes(value) ? `<option value="${esc(value)}" selected>${esc(value)}</option>` : '';
    return `<select ${common}>${blank}${stray}${opts}</select>`;
  }
  if (c.key === 'id' && options.editing) return `<input type="text" ${common} value="${esc(value)}" readonly>`;
  const multiline = c.kind === 'json' || c.kind === 'polygon' || (c.kind === 'text' && (LONG_TEXT.test(c.key) || (value ?? '').includes('\n') || (value ?? '').length > 60));
  if (multiline) return `<textarea ${common} rows="${c.kind === 'json' ? 6 : 4}">${esc(value)}</textarea>`;
  const inputmode = c.kind === 'integer' ? ' inputmode="numeric"' : c.kind === 'number' || c.kind === 'coordinate' ? ' inputmode="decimal"' : '';
  const placeholder = c.kind === 'date' ? ' placeholder="YYYY-MM-DD"' : c.kind === 'datetime' ? ' placeholder="YYYY-MM-DD 或 YYYY-MM-DD HH:MM"' : generated ? ' placeholder="留空自动生成"' : '';
  return `<input type="text" ${common} value="${esc(value)}"${inputmode}${placeholder} autocomplete="off">`;
}

/** The fields of a record type as HTML, with each problem at its field. */
export function formFields(spec: ColumnsSpec, options: FormOptions): string {
  const columns = specColumns(spec).columns;
  const problemsOf = (key: string) => (options.problems ?? []).filter((p) => p.field === key);
  const out: string[] = [];
  for (const s of sections(columns, options.values)) {
    const fields = s.columns.map((c) => {
      const id = fieldId(c.key);
      const own = problemsOf(c.key);
      const errors = own.filter((p) => p.severity === 'error');
      const generated = (spec.generated ?? []).includes(c.key);
      const fallback = spec.defaults?.[c.key];
      const hint = [describeColumn(c, spec.choices?.[c.key]), c.help].filter(Boolean).join('。');
      const messages = own.map((p, i) => `<p class="${p.severity === 'error' ? 'error-text' : 'warn-text'}" id="${id}-p${i}">${p.severity === 'error' ? '错误' : '提醒'}：${esc(p.reason.replace(/（表中没有这一列，请增加“[^”]*”列）$/, ''))}</p>`).join('');
      const describedBy = [`${id}-hint`, ...own.map((_, i) => `${id}-p${i}`)].join(' ');
      // “必填” only where the record itself needs the field; inside an optional object or a group the hint says “同组有内容时必填”.
      const required = c.headerRequired && !generated && fallback === undefined;
      const label = c.label;
      return `<div class="field"><label for="${id}">${esc(label)}${required ? '<span class="req">（必填）</span>' : ''}</label><p class="hint" id="${id}-hint">${esc(hint)}</p>${messages}${control(c, options.values.get(c.key), options, describedBy, errors.length > 0, generated)}</div>`;
    });
    out.push(sectionHtml(s, spec, fields));
  }
  return out.join('\n');
}

/** The problems a form has no field for, and a summary linking to each field's problem. */
export function problemSummary(spec: ColumnsSpec, problems: readonly ImportProblem[]): string {
  if (problems.length === 0) return '';
  const columns = specColumns(spec).columns;
  const errors = problems.filter((p) => p.severity === 'error');
  const items = problems.map((p) => {
    const c = columns.find((x) => x.key === p.field);
    const text = `${p.severity === 'error' ? '错误' : '提醒'}：${c ? `${c.label}：` : p.label ? `${p.label}：` : ''}${p.reason.replace(/（表中没有这一列，请增加“[^”]*”列）$/, '')}`;
    return `<li>${c ? `<a href="#${fieldId(c.key)}">${esc(text)}</a>` : esc(text)}</li>`;
  });
  const heading = errors.length > 0 ? `未保存：${errors.length} 个错误${problems.length > errors.length ? `，${problems.length - errors.length} 个提醒` : ''}` : `已保存，${problems.length} 个提醒请核对`;
  return `<div class="${errors.length > 0 ? 'problems' : 'notice-warn'}" role="alert" id="problems"><h2>${esc(heading)}</h2><ul>${items.join('')}</ul></div>`;
}

/** A posted form's values: the column keys, without empty fields and without the form's own fields (_csrf). */
export function postedValues(spec: ColumnsSpec, form: URLSearchParams | FormData): Map<string, string> {
  const keys = new Set(specColumns(spec).columns.map((c) => c.key));
  const out = new Map<string, string>();
  for (const [k, v] of form.entries()) if (keys.has(k) && typeof v === 'string' && v.trim() !== '') out.set(k, v);
  return out;
}
