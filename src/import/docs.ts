/**
 * The column table of an import for docs/data-format.md, written by
 * `npm run docs:import` between markers, and checked to be current by a test,
 * so the documentation follows the schema like the import does.
 */
import { MAX_GROUPS, type Column } from './columns.ts';
import { describeColumn } from './messages.ts';
import { specColumns, type ColumnsSpec } from './spec.ts';

type DocsSpec = ColumnsSpec;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A group column shown once, with N for its number: 称号N名称, designations.N.title. */
function shown(c: Column): { label: string; key: string } {
  if (!c.group) return { label: c.label, key: c.key };
  const n = String(c.group.index);
  const prefix = `${c.group.key}.${n}.`;
  return { label: c.label.replace(new RegExp(`(?<=\\D)${n}(?=\\D)`), 'N'), key: `${c.group.key}.N.${c.key.slice(prefix.length)}` };
}

export function columnsMarkdown(spec: DocsSpec): string {
  const set = specColumns(spec);
  const lines = ['| 列名 | 字段 | 填写要求 | 说明 |', '|---|---|---|---|'];
  for (const c of set.columns.filter((x) => !x.group || x.group.index === 1)) {
    const { label, key } = shown(c);
    lines.push(`| ${cell(label)} | \`${key}\` | ${cell(describeColumn(c))} | ${cell(c.help)} |`);
  }
  for (const e of spec.extras) lines.push(`| ${cell(e.label)} | （不是字段） | ${cell(e.values ? `选填；可填：${e.values.join('、')}` : '选填')} | ${cell(e.help)} |`);
  const groups = set.groups.map((g) => `“${g.label}”`).join('、');
  if (groups) lines.push('', `${groups}可重复多组，列名中的 N 换成 1、2、3……（最多 ${MAX_GROUPS} 组）；模板默认给出前几组，需要更多时照样增加列。`);
  return lines.join('\n');
}

export const docsMarkers = (kind: string) => ({ start: `<!-- import-columns:${kind}:start -->`, end: `<!-- import-columns:${kind}:end -->` });

/** The document with the table between its markers replaced; undefined when the markers are missing. */
export function replaceColumnsSection(doc: string, spec: DocsSpec): string | undefined {
  const { start, end } = docsMarkers(spec.kind);
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) return undefined;
  return `${doc.slice(0, a + start.length)}\n${columnsMarkdown(spec)}\n${doc.slice(b)}`;
}
