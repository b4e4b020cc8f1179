import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { columnsOf, MAX_GROUPS, templateColumns } from '../../../src/import/columns.ts';
import { redSiteColumns } from '../../../src/import/red-sites/index.ts';
import { isoDate, isoDateTime } from '../../../src/schema/common.ts';
import { specColumns } from '../../../src/import/spec.ts';
import { tinyLabels, tinySchema } from './support.ts';

describe('columns from a schema', () => {
  const set = columnsOf(tinySchema, tinyLabels);
  const byKey = new Map(set.columns.map((c) => [c.key, c]));

  it('makes a column per scalar, dotted keys for nested objects, two for a point, groups for arrays of objects', () => {
    const shown = templateColumns(set, () => 1).map((c) => `${c.key}:${c.kind}${c.list ? '[]' : ''}`);
    expect(shown).toEqual([
      'code:text', 'title:text', 'kinds:enum[]', 'count:integer', 'ratio:number', 'open:boolean', 'when:date',
      'place.lon:coordinate', 'place.lat:coordinate', 'area:polygon', 'rules.need:boolean', 'rules.note:text',
      'contact.unit:text', 'contact.phone:text', 'items.1.name:text', 'items.1.level:enum', 'extra:json', 'flag:boolean',
    ]);
    expect(byKey.get('place.lat')?.target).toEqual(['place', 'coordinates', 1]);
    expect(byKey.get('items.3.level')).toMatchObject({ label: '项目3级别', target: ['items', 2, 'level'], values: ['高', '低'], group: { key: 'items', index: 3 } });
    expect(set.columns.filter((c) => c.key.endsWith('.name'))).toHaveLength(MAX_GROUPS);
    expect(set.literals).toEqual([{ target: ['place', 'type'], value: 'Point' }]);
    expect(byKey.get('count')).toMatchObject({ min: { value: 1, inclusive: true }, max: { value: 99, inclusive: true } });
  });
  it('says which columns the header must have: required all the way up, not in groups, not defaulted', () => {
    const required = set.columns.filter((c) => c.headerRequired).map((c) => c.key);
    expect(required).toEqual(['code', 'title', 'kinds', 'count', 'open', 'when', 'place.lon', 'place.lat', 'rules.need']);
    expect(byKey.get('contact.unit')).toMatchObject({ required: true, headerRequired: false });
    expect(byKey.get('flag')?.required).toBe(false);
  });
  it('labels from .meta({ title }) first, then the table, then the key', () => {
    const labelled = columnsOf(z.strictObject({ a: z.string().meta({ title: '甲', description: '说明甲' }), b: z.string(), c: z.strictObject({ d: z.string() }) }), { b: { label: '乙' }, c: { label: '丙' } });
    expect(labelled.columns.map((c) => [c.label, c.help])).toEqual([['甲', '说明甲'], ['乙', ''], ['丙·d', '']]);
  });
  it('keeps a date a date column when the schema titles it (.meta clones the schema)', () => {
    const titled = columnsOf(z.strictObject({ from: isoDate.meta({ title: '发证日期' }), at: isoDateTime.meta({ title: '发布日期' }), text: z.string().meta({ title: '文字' }) }));
    expect(titled.columns.map((c) => `${c.label}:${c.kind}`)).toEqual(['发证日期:date', '发布日期:datetime', '文字:text']);
  });
  it('refuses a schema that is not an object', () => {
    expect(() => columnsOf(z.string())).toThrow(/object schema/);
  });
  it('every red-site column has a Chinese label (a new schema field needs one in src/import/red-sites/labels.ts)', () => {
    const unlabelled = specColumns(redSiteColumns).columns.filter((c) => !/\p{Script=Han}/u.test(c.label)).map((c) => c.key);
    expect(unlabelled).toEqual([]);
    expect(specColumns(redSiteColumns).columns.find((c) => c.key === 'id')).toMatchObject({ required: false, headerRequired: false });
  });
});
