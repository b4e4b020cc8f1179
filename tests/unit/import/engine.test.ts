import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/engine.ts';
import { formatProblem } from '../../../src/import/problems.ts';
import { tableOf, tinyRow, tinySpec, TINY_HEADER } from './support.ts';

const lines = (r: { problems: Parameters<typeof formatProblem>[0][] }) => r.problems.map(formatProblem);

describe('the import engine', () => {
  it('turns valid rows into records: literals, defaults, compacted groups, required objects', async () => {
    const r = await runImport(tinySpec(), tableOf([[...TINY_HEADER, '项目2名称', '项目2级别', '备注'], tinyRow({ 9: '甲项', 10: '高' }), [...Array(11).fill(''), '填写说明'], tinyRow({ 0: 'a-2', 11: '示例' }), [' ', '', '', '', '', '', '', '', '', '', '', '自己的备注']]));
    expect(lines(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.skipped).toEqual([{ row: 3, reason: '标为“填写说明”' }, { row: 4, reason: '标为“示例”' }, { row: 5, reason: '没有填写任何字段' }]);
    expect(r.records.map((x) => x.record)).toEqual([
      {
        code: 'a-1', title: '第一', kinds: ['甲', '乙'], count: 3, open: true, when: '2026-11-02',
        place: { type: 'Point', coordinates: [123.95, 47.31] }, rules: { need: false }, items: [{ name: '甲项', level: '高' }], flag: false,
      },
    ]);
  });
  it('reports every problem of every row by row, column letter and header, in Chinese', async () => {
    const r = await runImport(
      tinySpec(),
      tableOf([
        [...TINY_HEADER, '项目2名称', '项目2级别', 'contact.phone'],
        tinyRow({ 2: '甲、丁', 3: 120, 7: '', 9: '乙项', 10: '中' }),
        tinyRow({ 0: 'A 1', 4: '也许', 11: '12345' }),
      ]),
    );
    expect(r.ok).toBe(false);
    expect(r.records).toHaveLength(0);
    expect(lines(r)).toEqual([
      '错误 第 2 行 C 列“种类”：第 2 项“丁”：不是可选值；可选：甲、乙、丙',
      '错误 第 2 行 D 列“数量”：应不大于 99',
      '错误 第 2 行 H 列“纬度”：必填，不能为空',
      '错误 第 2 行 K 列“项目2级别”：“中”不是可选值；可选：高、低',
      // A contact given only its phone lacks its unit, whose column the sheet does not have.
      '错误 第 3 行 列“contact·unit”：必填，不能为空（表中没有这一列，请增加“contact·unit”列）',
      '错误 第 3 行 A 列“编码”：id 只能用小写字母、数字和连字符（2–80 个字符），它是页面地址的一部分',
      '错误 第 3 行 E 列“开放”：“也许”应填“是”或“否”',
    ]);
    expect(r.problems.find((p) => p.column === undefined)).toMatchObject({ field: 'contact.unit' });
  });
  it('runs the privacy guard on each row, as the loader does on a file', async () => {
    const r = await runImport(tinySpec(), tableOf([TINY_HEADER, tinyRow({ 1: '联系人手机13912345678' }), tinyRow({ 0: '139 1234 5678' })]));
    expect(lines(r)).toEqual([
      expect.stringMatching(/^错误 第 2 行 B 列“标题”：.*139\*\*\*\*5678/),
      // The cell's format error (not a valid code) would only repeat it: personal data is what to fix.
      expect.stringMatching(/^错误 第 3 行 A 列“编码”：这是代码或编号字段，值中却有手机号码“139 \*\*\*\* 5678”：[^\n]*$/),
    ]);
  });
  it('lets a rule own a cell: checks after it say nothing more there', async () => {
    const spec = tinySpec({
      prepare(rows, ctx) {
        for (const d of rows) {
          ctx.report(d.row, 'place.lon', '坐标不在范围内');
          ctx.own(d.row, 'place');
        }
      },
    });
    const r = await runImport(spec, tableOf([TINY_HEADER, tinyRow({ 6: 500 })]));
    // zod's own “经度应在 −180 到 180 之间” is left out: the rule has said what is wrong.
    expect(lines(r)).toEqual(['错误 第 2 行 G 列“经度”：坐标不在范围内']);
  });
  it('fails a sheet with no data rows, or no header, as a whole', async () => {
    expect(lines(await runImport(tinySpec(), tableOf([[...TINY_HEADER, '备注'], tinyRow({ 9: '示例' })])))).toEqual(['错误 文件：表中没有可导入的数据行（表头在第 1 行）']);
    const none = await runImport(tinySpec(), tableOf([['甲', '乙']]));
    expect(none.ok).toBe(false);
    expect(none.header).toBeUndefined();
  });
});
