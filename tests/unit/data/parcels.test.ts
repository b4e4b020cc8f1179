/**
 * 一码管地 in the published view (src/data/parcels.ts): timelines built once from the published
 * notices; and the loader refusing a parcel code used by unrelated parcels, with file, field and reason.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../../src/data/load.ts';
import { publishedView } from '../../../src/data/published.ts';
import { parcelDocument, parcelFeature } from '../../../src/data/parcels.ts';
import { mapCollections } from '../../../src/lib/collections.ts';
import type { LandNotice, Notice, PlanningNotice } from '../../../src/schema/index.ts';
import { edit, FIXTURE, fixtureCopies, PLANNING } from './fixture-copies.ts';

const copies = fixtureCopies('parcels');
const CODE = '230204001002GB00015';
const SUP = '2302042026B00015';

async function fixture(): Promise<Dataset> {
  const { dataset, issues } = await loadDataset(FIXTURE);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return dataset!;
}

/** The fixture's 出让公告 followed by a 成交公示 (both codes), a 供地结果 (电子监管号 only) and a 批后公布 (宗地代码). */
function withTimeline(d: Dataset, change: (extra: Notice[]) => Notice[] = (x) => x): Dataset {
  const sale = d.notices.find((n): n is LandNotice => n.kind === 'land')!;
  const plan = d.notices.find((n): n is PlanningNotice => n.kind === 'planning')!;
  const parcel = sale.parcels[0]!;
  const deal: LandNotice = { ...sale, id: 'deal', docNo: undefined, subKind: '成交公示', publishDate: '2026-11-25 09:00', parcels: [{ ...parcel, supervisionNo: SUP, dealPriceWan: 1600, winner: '王某', dealDate: '2026-11-20' }] };
  const supply: LandNotice = { ...sale, id: 'supply', docNo: undefined, subKind: '供地结果', publishDate: '2026-12-01 09:00', parcels: [{ ...parcel, cadastralCode: undefined, supervisionNo: SUP }] };
  const permit: PlanningNotice = { ...plan, id: 'permit', docNo: undefined, subKind: '批后公布', district: '铁锋区', publishDate: '2026-12-10 09:00', parcel: { cadastralCode: CODE } };
  return { ...d, notices: [...d.notices, ...change([deal, supply, permit])] };
}

describe('parcel timelines', () => {
  it('tie records by either code into one timeline in time, with the stages still missing', async () => {
    const v = publishedView(withTimeline(await fixture()));
    expect(v.parcels.map((p) => p.key)).toEqual([CODE]);
    const p = v.parcel(CODE)!;
    expect(p.entries.map((e) => [e.notice.id, e.stage])).toEqual([['2026-g-015', '出让公告'], ['deal', '成交公示'], ['supply', '供地'], ['permit', '规划许可']]);
    expect(p.missing).toEqual(['核验']);
    expect(p).toMatchObject({ cadastralCodes: [CODE], supervisionNos: [SUP], parcelNos: ['2026-G-015'], district: '铁锋区' });
    expect(v.parcelsOf(v.notice('land', 'supply')!)).toEqual([p]);
    expect(v.sitemap.map((s) => s.path)).toEqual(expect.arrayContaining(['/parcels/', `/parcels/${CODE}/`]));
    const feature = mapCollections(v).find((c) => c.name === 'notices-land')!.features.find((f) => f.id === 'supply')!;
    expect(feature.properties['parcels']).toEqual([{ url: `/parcels/${CODE}/`, label: `一码管地：宗地 ${CODE}，4 条记录（出让公告、成交公示、供地、规划许可）` }]);
  });
  it("publish each record's stage and links, not the 竞得人; the outline as GeoJSON", async () => {
    const v = publishedView(withTimeline(await fixture()));
    const doc = parcelDocument(v.parcel(CODE)!, (n) => v.statusRule(n));
    expect(doc.records.map((r) => r.url)).toContain('/notices/land/deal/');
    expect(JSON.stringify(doc)).not.toContain('王某');
    expect(parcelFeature(v.parcel(CODE)!)).toMatchObject({ type: 'Feature', id: CODE, properties: { url: `/parcels/${CODE}/`, records: 4 } });
  });
  it('leave withdrawn records out, and give a notice without codes no parcel', async () => {
    const d = withTimeline(await fixture(), ([deal, supply, permit]) => [deal!, { ...supply!, status: { state: 'withdrawn', date: '2026-12-02', reason: '录入错误' } }, permit!]);
    const v = publishedView(d);
    expect(v.parcel(CODE)!.entries.map((e) => e.notice.id)).not.toContain('supply');
    expect(v.parcelsOf(v.notices.find((n) => n.kind === 'mining')!)).toEqual([]);
    expect(publishedView(await fixture()).parcel(SUP)).toBeUndefined();
  });
});

describe('the loader', () => {
  it('accepts a planning notice on the same parcel as the 出让公告', async () => {
    const dir = copies.copy((dir) =>
      edit(dir, PLANNING, (t) => t.replace('district: 建华区', 'district: 铁锋区').replace('landAreaM2: 12000', 'landAreaM2: 20000').replace(/geometry:\n  type: Point\n  coordinates: .*\n/, '') + `parcel:\n  cadastralCode: ${CODE}\n`),
    );
    const { issues } = await loadDataset(dir);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
  it('refuses the 宗地代码 of a 铁锋区 parcel on a notice in 建华区, naming file, field and every reason at once', async () => {
    const dir = copies.copy((dir) => edit(dir, PLANNING, (t) => `${t}parcel:\n  cadastralCode: ${CODE}\n`));
    const { dataset, issues } = await loadDataset(dir);
    expect(dataset).toBeUndefined();
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.file.split(path.sep).join('/').endsWith(PLANNING), e.field])).toEqual([
      [true, 'parcel.cadastralCode'],
      [true, 'parcel.cadastralCode'],
    ]);
    expect(errors[0]!.reason).toContain('不是所在区县“建华区”的行政区划代码 230203');
    expect(errors[1]!.reason).toMatch(/已在 .*2026-g-015\.yaml（parcels\[0\]）中用于另一宗地：所在区县不同（铁锋区、建华区）；两处地块范围互不重叠；面积相差 40%（20,000 平方米、12,000 平方米/);
  });
});
