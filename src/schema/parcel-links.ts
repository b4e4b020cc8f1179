/**
 * 一码管地 at check time: a 宗地代码 or 电子监管号 names one parcel, so every
 * record that carries it must be describing the same land. A typo in a code
 * would otherwise silently splice an unrelated parcel's 出让 or 核验 into
 * another's timeline on the public site (src/data/parcels.ts).
 *
 * Each later mention of a code is compared with its first (earliest published) mention: same
 * district, overlapping outlines, areas within AREA_TOLERANCE; a code's
 * 6-digit county prefix must be the record's district; an 电子监管号 names
 * one 宗地代码. Every problem is reported, each on the later file.
 */
import { areaDifference, AREA_TOLERANCE, bboxesMeet, bboxOfGeometry, parcelRefs, type ParcelRef } from '../lib/parcels.ts';
import { sharedPart } from '../overlay/intersect.ts';
import type { AreaGeometry } from '../overlay/types.ts';
import type { DataIssue, Entry, Salvaged } from './dataset.ts';
import type { Notice } from './notice.ts';

type Mention = { file: string; district: string | undefined; ref: ParcelRef };

const labels = { cadastralCode: '宗地代码', supervisionNo: '电子监管号' } as const;
type CodeField = keyof typeof labels;

type Outline = NonNullable<ParcelRef['geometry']>;
const polygonal = (g: Outline): g is Outline & AreaGeometry => g.type === 'Polygon' || g.type === 'MultiPolygon';

/**
 * Whether two outlines of one code share ground: polygons by their actual
 * intersection (two L-shaped parcels can have overlapping extents and no
 * common square metre), anything else (a point, a line) by its extent.
 */
export function outlinesMeet(a: Outline, b: Outline): boolean {
  if (!bboxesMeet(bboxOfGeometry(a), bboxOfGeometry(b))) return false;
  if (!polygonal(a) || !polygonal(b)) return true;
  return sharedPart(a, b) !== null;
}

const fmtArea = (m2: number) => `${Math.round(m2).toLocaleString('zh-CN')} 平方米`;

/**
 * Checks every parcel code of the notices. `districtCodes` maps district names
 * to their GB/T 2260 codes (from the boundaries; absent: the prefix check is
 * skipped); `cityWide` is the district value of a city-wide record.
 */
export function checkParcelLinks(notices: readonly Entry<Salvaged<Notice>>[], districtCodes: ReadonlyMap<string, string> | undefined, cityWide: string): DataIssue[] {
  const issues: DataIssue[] = [];
  const error = (file: string, field: string, reason: string) => issues.push({ file, field, reason, severity: 'error' });
  // Earliest published first: the record that introduced a code is the reference, a later one is what to correct.
  const byDate = [...notices].sort((a, b) => (a.record.publishDate ?? '').localeCompare(b.record.publishDate ?? ''));
  const mentions = byDate.flatMap(({ file, record }) => parcelRefs(record as Parameters<typeof parcelRefs>[0]).map((ref): Mention => ({ file, district: record.district, ref })));
  const placed = (d: string | undefined): d is string => d !== undefined && d !== cityWide;

  for (const field of ['cadastralCode', 'supervisionNo'] as const satisfies readonly CodeField[]) {
    const label = labels[field];
    const first = new Map<string, Mention>();
    for (const m of mentions) {
      const code = m.ref[field];
      if (code === undefined) continue;
      const at = `${m.ref.field}.${field}`;

      // The code's first six digits are the county that issued it (GB/T 37346, the 土地市场网 numbering).
      const expected = placed(m.district) ? districtCodes?.get(m.district) : undefined;
      if (expected !== undefined && code.slice(0, 6) !== expected)
        error(m.file, at, `${label}“${code}”前 6 位 ${code.slice(0, 6)} 不是所在区县“${m.district}”的行政区划代码 ${expected}，请核对代码或区县`);

      const seen = first.get(code);
      if (!seen) {
        first.set(code, m);
        continue;
      }
      if (seen.file === m.file) {
        error(m.file, at, `同一公告的 ${seen.ref.field} 和 ${m.ref.field} 使用了同一${label}“${code}”：一个${label}只能对应一宗地`);
        continue;
      }
      const why: string[] = [];
      if (placed(seen.district) && placed(m.district) && seen.district !== m.district) why.push(`所在区县不同（${seen.district}、${m.district}）`);
      if (seen.ref.geometry && m.ref.geometry && !outlinesMeet(seen.ref.geometry, m.ref.geometry)) why.push('两处地块范围互不重叠');
      if (seen.ref.areaM2 !== undefined && m.ref.areaM2 !== undefined && areaDifference(seen.ref.areaM2, m.ref.areaM2) > AREA_TOLERANCE)
        why.push(`面积相差 ${Math.round(areaDifference(seen.ref.areaM2, m.ref.areaM2) * 100)}%（${fmtArea(seen.ref.areaM2)}、${fmtArea(m.ref.areaM2)}，允许 ${AREA_TOLERANCE * 100}%）`);
      if (field === 'supervisionNo' && seen.ref.cadastralCode && m.ref.cadastralCode && seen.ref.cadastralCode !== m.ref.cadastralCode)
        why.push(`宗地代码不同（${seen.ref.cadastralCode}、${m.ref.cadastralCode}）`);
      if (why.length > 0)
        error(m.file, at, `${label}“${code}”已在 ${seen.file}（${seen.ref.field}）中用于另一宗地：${why.join('；')}。同一${label}不能用于不相关的地块，请核对代码`);
    }
  }
  return issues;
}
