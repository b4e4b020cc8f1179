/** Zone records for the zone tests: valid, in 龙沙区 of the fixture boundaries. */
const square = { type: 'Polygon', coordinates: [[[123.945, 47.318], [123.962, 47.318], [123.962, 47.328], [123.945, 47.328], [123.945, 47.318]]] };
const approval = { docNo: '齐政发〔2025〕8号', title: '关于公布实施基准地价的通知', authority: '齐齐哈尔市人民政府', date: '2025-06-10' };

export const landPriceZone = () => ({
  id: 'lp-gy-1', name: '国有建设用地Ⅰ级地', landType: '国有建设用地', grade: 1, district: '龙沙区', extent: '东至龙华路', geometry: square,
  prices: [{ use: '商服', yuanPerM2: 3200, wanPerMu: 213.33 }, { use: '住宅', yuanPerM2: 2600 }],
  basis: '地面地价', baseDate: '2025-01-01', effectiveDate: '2025-07-01', approval, documents: [{ title: '通知', href: 'https://zrzy.example.gov.cn/a.pdf' }], updated: '2026-11-20', sample: true,
});
export const zoningZone = () => ({
  id: 'kg-1', plan: '某片区控制性详细规划', parcelNo: 'LS-05-03', district: '龙沙区', geometry: square, landUse: { code: '0701', name: '城镇住宅用地' },
  indicators: { farMax: 2.2, farMin: 1.2, densityMaxPct: 25, greenMinPct: 35, heightMaxM: 54 }, approval: { ...approval, docNo: '齐政函〔2026〕58号' }, preApprovalNotices: ['gh-2026-029'], updated: '2026-11-20', sample: true,
});
