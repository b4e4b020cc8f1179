/**
 * Mining 拐点 tables at check time: X/Y with the zone in Y or lon/lat, and the
 * mistakes a table makes (schema), then swapped lon/lat and a wrong zone
 * against the city (validateDataset).
 */
import { describe, expect, it } from 'vitest';
import { lonLatToGk } from '../../../src/lib/gauss-kruger.ts';
import { boundaryCollection, noticeSchema, siteSchema, validateDataset, type DataIssue } from '../../../src/schema/index.ts';
import { FILES, fixture, issuesOf } from './helpers.ts';

const boundaries = boundaryCollection.parse(fixture(FILES.boundaries));
// A block of about 150 m around 富拉尔基区's label point, counter-clockwise.
const LON_LAT: [number, number][] = [[123.6216, 47.2062], [123.6236, 47.2062], [123.6236, 47.2075], [123.6216, 47.2075]];
const lonLatRows = () => LON_LAT.map(([lon, lat], i) => ({ no: String(i + 1), lon, lat }));
const xyRows = () => LON_LAT.map(([lon, lat], i) => {
  const { x, y } = lonLatToGk(lon, lat);
  return { no: String(i + 1), x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
});

function mining(corners: unknown) {
  const n = fixture(FILES.mining);
  n.corners = corners;
  return n;
}
const schemaIssues = (corners: unknown) => issuesOf(noticeSchema, mining(corners));
function datasetIssues(corners: unknown, geometry?: unknown): DataIssue[] {
  return validateDataset({
    site: { file: 'site.yaml', record: siteSchema.parse(fixture(FILES.site)) },
    boundaries: { file: 'boundaries/districts.geojson', record: boundaries },
    redSites: [],
    redRoutes: [],
    notices: [{ file: 'notices/mining/a.yaml', record: noticeSchema.parse({ ...mining(corners), ...(geometry ? { geometry } : {}) }) }],
    enforcement: [],
  }).filter((i) => i.severity === 'error');
}

describe('拐点 tables in the schema', () => {
  it('accepts X/Y with the zone in Y, and lon/lat', () => {
    expect(schemaIssues(xyRows())).toEqual([]);
    expect(schemaIssues(lonLatRows())).toEqual([]);
    // Tables run either way round: clockwise is as good as counter-clockwise.
    expect(schemaIssues(lonLatRows().reverse())).toEqual([]);
  });

  it('refuses a Y without its zone, with the fix', () => {
    const rows = xyRows();
    rows[1]!.y -= 41_000_000;
    const [issue] = schemaIssues(rows);
    expect(issue?.path).toBe('corners[1].y');
    expect(issue?.message).toMatch(/没有带号.*41/);
  });

  it('names X and Y written the wrong way round', () => {
    const rows = xyRows().map((r) => ({ no: r.no, x: r.y, y: r.x }));
    expect(schemaIssues(rows)[0]?.message).toMatch(/X 和 Y 填反了/);
  });

  it('refuses a table whose points cross, one that mixes forms, and a repeated point number', () => {
    const crossing = lonLatRows();
    [crossing[1], crossing[2]] = [crossing[2]!, crossing[1]!];
    expect(schemaIssues(crossing).map((i) => i.message).join()).toMatch(/自相交/);
    const mixed = [...xyRows().slice(0, 2), ...lonLatRows().slice(2)];
    expect(schemaIssues(mixed).map((i) => i.message).join()).toMatch(/统一为一种/);
    const repeated = lonLatRows();
    repeated[3]!.no = '1';
    expect(schemaIssues(repeated)).toEqual([{ path: 'corners[3].no', message: expect.stringMatching(/点号“1”重复/) }]);
    expect(schemaIssues([{ no: '1', lon: 123.62, lat: 47.2, x: 5_230_000, y: 41_500_000 }, ...lonLatRows().slice(1)])[0]?.message).toMatch(/只写一种坐标/);
  });
});

describe('拐点 tables against the city', () => {
  it('finds nothing wrong with a block inside its district, in either form', () => {
    expect(datasetIssues(xyRows())).toEqual([]);
    expect(datasetIssues(lonLatRows())).toEqual([]);
  });

  it('detects longitude and latitude swapped from the city bounds', () => {
    const rows = lonLatRows().map((r) => ({ no: r.no, lon: r.lat, lat: r.lon }));
    const issues = datasetIssues(rows);
    expect(issues).toHaveLength(4);
    expect(issues[0]).toMatchObject({ field: 'corners[0]', reason: expect.stringMatching(/经度和纬度填反了.*富拉尔基区.*lon 填 123\.6216/) });
  });

  it('names a zone the city does not lie in', () => {
    const rows = xyRows().map((r) => ({ ...r, y: r.y + 2_000_000 }));
    expect(datasetIssues(rows)[0]?.reason).toMatch(/带号为 43.*第 41、42 带/);
  });
  it('accepts a geometry that outlines the same block as the table (X/Y rows, a centimetre off the exact points)', () => {
    const ring = [...LON_LAT, LON_LAT[0]!];
    expect(datasetIssues(xyRows(), { type: 'Polygon', coordinates: [ring] })).toEqual([]);
  });
  it('refuses a geometry that outlines other ground than the table: the map and the table would disagree', () => {
    const shifted = [...LON_LAT, LON_LAT[0]!].map(([lon, lat]) => [lon + 0.001, lat]);
    const found = datasetIssues(lonLatRows(), { type: 'Polygon', coordinates: [shifted] });
    expect(found.map((i) => `${i.field}: ${i.reason}`)).toEqual([expect.stringMatching(/^geometry: 拐点坐标围成的范围（.+公顷）与 geometry（.+公顷）只重合 \d+\.\d%/)]);
    const apart = [...LON_LAT, LON_LAT[0]!].map(([lon, lat]) => [lon + 0.01, lat]);
    expect(datasetIssues(lonLatRows(), { type: 'Polygon', coordinates: [apart] })[0]?.reason).toMatch(/不相交/);
  });
});
