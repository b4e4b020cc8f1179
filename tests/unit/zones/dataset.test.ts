/** Cross-record checks of the zones: 批前公示 that resolve, geometry in the city, one document one set of dates (ring shape is the schema's: tests/unit/schema/polygons.test.ts). */
import { describe, expect, it } from 'vitest';
import { boundaryCollection, landPriceZoneSchema, noticeSchema, siteSchema, validateDataset, zoningZoneSchema, type DataIssue } from '../../../src/schema/index.ts';
import { FILES, fixture } from '../schema/helpers.ts';
import { landPriceZone, zoningZone } from './fixtures.ts';

const boundaries = boundaryCollection.parse(fixture(FILES.boundaries));
const planning = noticeSchema.parse(fixture(FILES.planning));
const land = noticeSchema.parse(fixture(FILES.land));

function check(lp: object[], zoning: object[]): DataIssue[] {
  return validateDataset({
    site: { file: 'site.yaml', record: siteSchema.parse(fixture(FILES.site)) },
    boundaries: { file: 'boundaries/districts.geojson', record: boundaries },
    redSites: [], redRoutes: [], enforcement: [],
    notices: [{ file: 'planning.yaml', record: planning }, { file: 'land.yaml', record: land }],
    landPriceZones: lp.map((r, i) => ({ file: `land-price/${i}.yaml`, record: landPriceZoneSchema.parse(r) })),
    zoningZones: zoning.map((r, i) => ({ file: `zoning/${i}.yaml`, record: zoningZoneSchema.parse(r) })),
  });
}
const errors = (issues: DataIssue[]) => issues.filter((i) => i.severity === 'error').map((i) => `${i.file}: ${i.field}: ${i.reason}`);

describe('zone cross-record checks', () => {
  it('passes zones in their district whose 批前公示 is a planning notice on file', () => {
    expect(errors(check([landPriceZone()], [{ ...zoningZone(), preApprovalNotices: [planning.id] }]))).toEqual([]);
  });
  it('refuses a missing 批前公示, one that is a land notice, a zone outside the city and disagreeing documents', () => {
    const outside = { ...landPriceZone(), id: 'lp-out', geometry: { type: 'Polygon', coordinates: [[[116.3, 39.9], [116.4, 39.9], [116.4, 40], [116.3, 39.9]]] } };
    const sameDoc = { ...landPriceZone(), id: 'lp-2', grade: 2, effectiveDate: '2025-08-01' };
    const found = errors(check([landPriceZone(), outside, sameDoc], [{ ...zoningZone(), preApprovalNotices: ['gh-nope', land.id] }, { ...zoningZone(), id: 'kg-3' }]));
    expect(found).toEqual(expect.arrayContaining([
      'zoning/0.yaml: preApprovalNotices[0]: 批前公示“gh-nope”不存在（应为 data/notices/planning/ 下的公告 id）',
      expect.stringMatching(/^zoning\/0\.yaml: preApprovalNotices\[1\]: .*不是规划公示/),
      expect.stringMatching(/^land-price\/1\.yaml: geometry: 几何位于.*范围之外/),
      expect.stringMatching(/^land-price\/2\.yaml: effectiveDate: 与同一批准文件（齐政发〔2025〕8号）的 land-price\/0\.yaml 不一致/),
      expect.stringMatching(/^zoning\/1\.yaml: parcelNo: 地块编号“LS-05-03”在同一控规中重复/),
    ]));
  });
});
