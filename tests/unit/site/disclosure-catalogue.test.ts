/** 政府信息公开目录 from the published view: every published record once, withdrawn ones never, supersession as 有效性. */
import { describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { catalogueItems, catalogueItemUrl } from '../../../src/lib/disclosure-catalogue.ts';

describe('catalogueItems', async () => {
  const view = await getPublishedView();
  const items = catalogueItems(view);
  it('lists each published notice and enforcement record under its 事项, with 索引, 生成日期 and 发布机构', () => {
    expect(items.map((i) => i.key)).toEqual(['planning', 'land', 'mining', 'surveying', 'enforcement']);
    expect(items.reduce((n, i) => n + i.rows.length, 0)).toBe(view.notices.length + view.enforcement.length);
    for (const i of items) for (const r of i.rows) expect(r.date, r.index).toMatch(/^\d{4}-\d{2}-\d{2}$/), expect(r.publisher).not.toBe('');
    expect(catalogueItemUrl('land', 2)).toBe('/disclosure/catalogue/land/page/2/');
  });
  it('never lists a withdrawn record, and marks a superseded one', () => {
    const listed = new Set(items.flatMap((i) => i.rows.map((r) => r.href)));
    expect(view.gone.length).toBeGreaterThan(0);
    for (const g of view.gone) expect(listed.has(g.page), g.page).toBe(false);
    const superseded = view.notices.filter((n) => view.statusRule(n).superseded);
    expect(items.flatMap((i) => i.rows).filter((r) => r.validity === '已被替代').length).toBe(superseded.length + view.enforcement.filter((r) => view.statusRule(r).superseded).length);
  });
});
