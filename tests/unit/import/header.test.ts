import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../src/import/columns.ts';
import { mapHeader, normalizeHeader } from '../../../src/import/header.ts';
import { tableOf, tinyLabels, tinySchema, TINY_HEADER } from './support.ts';

const set = columnsOf(tinySchema, tinyLabels);
const extras = [{ key: 'note', label: '备注', help: '' }];

describe('the header row', () => {
  it('matches labels, keys and aliases whatever the spacing, width and 必填 marks, below a title row', () => {
    expect(normalizeHeader(' 数 量（必填）* ')).toBe(normalizeHeader('数量'));
    const { header, problems } = mapHeader(tableOf([['2026 年调查表'], ['名称', 'code', '种 类', 'ＣＯＵＮＴ', '开放', '日期', '经度', '纬度', 'rules.need', '项目2名称', '备注']]), set, extras);
    expect(problems).toEqual([]);
    expect(header?.row).toBe(2);
    expect(header?.fields.map((f) => `${f.letter}=${f.column.key}`)).toEqual(['A=title', 'B=code', 'C=kinds', 'D=count', 'E=open', 'F=when', 'G=place.lon', 'H=place.lat', 'I=rules.need', 'J=items.2.name']);
    expect(header?.extras.map((e) => e.extra.key)).toEqual(['note']);
  });
  it('names unknown, repeated and missing columns, with a suggestion for a slip', () => {
    const { problems } = mapHeader(tableOf([[...TINY_HEADER.filter((h) => h !== '数量'), '标提', '编码']]), set, extras);
    expect(problems).toEqual([
      { row: 1, column: 'I', label: '标提', reason: '不认识这个列名（是不是“标题”？）；可用的列名见模板和 docs/data-format.md', severity: 'error' },
      { row: 1, column: 'J', label: '编码', reason: '与 A 列重复：同一字段只能有一列', severity: 'error' },
      { row: 1, field: 'count', reason: '表头缺少必填列“数量”（字段 count）', severity: 'error' },
    ]);
  });
  it('says so when no row looks like a header', () => {
    const { header, problems } = mapHeader(tableOf([['甲', '乙'], ['丙', '丁']]), set, extras);
    expect(header).toBeUndefined();
    expect(problems[0]?.reason).toMatch(/^找不到表头/);
  });
});
