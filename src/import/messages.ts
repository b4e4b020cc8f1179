/**
 * zod's issues in words for a spreadsheet cell. A message the schema wrote
 * itself (“id 只能用小写字母…”, “至少选择一个类别”) is kept as it is; zod's
 * own defaults (“无效选项：期望以下之一 …”) are said again for a clerk, with
 * the allowed values and the bounds of the column.
 */
import { z } from 'zod';
import type { Column } from './columns.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };

const zhCN = z.locales.zhCN();
/** True when zod made the message up itself (the schema gave none). */
const isDefault = (issue: Issue) => issue.message === zhCN.localeError(issue as never);

const bound = (b: { value: number; inclusive: boolean } | undefined, word: string, strict: string) =>
  b === undefined ? '' : b.inclusive ? `${word} ${b.value}` : `${strict} ${b.value}`;

export function reasonOf(issue: Issue, column: Column | undefined): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return '必填，不能为空';
  if (!isDefault(issue)) return issue.message;
  switch (issue.code) {
    case 'invalid_value': {
      const values = (issue as { values?: unknown[] }).values ?? column?.values ?? [];
      return `“${String(issue.input)}”不是可选值；可选：${values.map(String).join('、')}`;
    }
    case 'invalid_type':
      if (issue.expected === 'int') return '应为整数';
      if (issue.expected === 'number') return '应为数字';
      if (issue.expected === 'boolean') return '应填“是”或“否”';
      if (issue.expected === 'string') return '应为文字';
      return issue.message;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `至少填写 ${min} 项`;
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字`;
      return `应${bound({ value: min, inclusive: issue.inclusive ?? true }, '不小于', '大于')}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `最多填写 ${max} 项`;
      if (issue.origin === 'string') return `最多 ${max} 个字`;
      return `应${bound({ value: max, inclusive: issue.inclusive ?? true }, '不大于', '小于')}`;
    }
    case 'invalid_format':
      if (issue.format === 'url') return '应为完整网址，以 https:// 开头';
      if (issue.format === 'email') return '邮箱格式不正确';
      return issue.message;
    default:
      return issue.message;
  }
}

/** What a column takes, in one line: the template's second row and the documentation. */
export function describeColumn(column: Column, choices?: readonly string[]): string {
  const kind = (() => {
    switch (column.kind) {
      case 'text':
        if (column.syntax === 'opening-hours') return '开放时间规则，如 Tu-Su 09:00-17:00; Mo off';
        return column.format === 'url' ? '网址（https://…）' : column.format === 'email' ? '邮箱' : '文字';
      case 'date':
        return '日期 YYYY-MM-DD';
      case 'datetime':
        return '日期 YYYY-MM-DD 或 YYYY-MM-DD HH:MM';
      case 'integer':
      case 'number': {
        const word = column.kind === 'integer' ? '整数' : '数字';
        if (column.min?.inclusive && column.max?.inclusive) return `${word} ${column.min.value}–${column.max.value}`;
        if (column.min && !column.min.inclusive && column.min.value === 0 && !column.max) return `正${word}`;
        const lo = column.min && (column.min.inclusive ? `≥ ${column.min.value}` : `> ${column.min.value}`);
        const hi = column.max && (column.max.inclusive ? `≤ ${column.max.value}` : `< ${column.max.value}`);
        return [word, lo, hi].filter(Boolean).join(' ');
      }
      case 'boolean':
        return '是 / 否';
      case 'enum':
        return `可选：${(column.values ?? []).join('、')}`;
      case 'coordinate':
        return column.axis === 'lat' ? '纬度，CGCS2000/WGS84 十进制度（或度分秒）' : '经度，CGCS2000/WGS84 十进制度（或度分秒）';
      case 'polygon':
        return '多边形顶点“经度,纬度；经度,纬度；…”';
      case 'json':
        return 'JSON';
    }
  })();
  const list = column.list ? '，可填多项，用“、”分隔' : '';
  const choice = choices && column.kind !== 'enum' ? `；可填：${choices.join('、')}` : '';
  return `${column.required ? (column.headerRequired ? '必填' : '同组有内容时必填') : '选填'}；${kind}${list}${choice}`;
}
