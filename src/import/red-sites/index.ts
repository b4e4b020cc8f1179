/**
 * The red-site import (红色资源专项调查 results): the generic engine with the
 * red-site schema, its labels, and the rules a survey sheet needs on top of
 * the schema:
 *
 * - coordinates in the city, in the district the row names; swapped
 *   经度/纬度 and GCJ-02/BD-09 offsets detected and said (coordinates.ts),
 *   converted only when asked (--from-gcj02, --from-bd09);
 * - opening-hours specs parsed, each error placed (src/lib/opening-hours.ts);
 * - no two sites of one name in one district, in the sheet or on file;
 * - ids from the name's pinyin where the sheet has none (ids.ts);
 * - then the loader's own cross-record checks (validateDataset) on the data
 *   on file plus the new rows, so what is written passes `npm run check`.
 */
import { parseOpeningHours } from '../../lib/opening-hours.ts';
import { CITY_WIDE, DistrictLocator, redSiteSchema, validateDataset, type BoundaryCollection, type DataIssue, type Entry, type RedSite, type Site } from '../../schema/index.ts';
import { salvage } from '../../data/salvage.ts';
import { declaredPublicPhones } from '../../schema/privacy.ts';
import { localFileUses, type FileUse } from '../file-uses.ts';
import { siteSchema } from '../../schema/site.ts';
import type { ImportSpec, RowDraft, RuleContext } from '../engine.ts';
import type { ColumnsSpec } from '../spec.ts';

export { localFileUses, type FileUse } from '../file-uses.ts';
import { CRS_FLAGS, CRS_NAMES, diagnosePoint, parseCrs, toWgs84, type Crs, type Point } from './coordinates.ts';
import { uniqueId } from './ids.ts';
import { CRS_COLUMN, NOTE_COLUMN, RED_SITE_LABELS } from './labels.ts';

export type RedSiteImportOptions = {
  boundaries: BoundaryCollection;
  /** The red sites on file, with their files, for duplicates and ids. */
  existing: readonly Entry<RedSite>[];
  site?: Entry<Site> | undefined;
  /** The coordinate system of rows whose 坐标系 is empty, from --from-gcj02 / --from-bd09. */
  from?: Exclude<Crs, 'wgs84'> | undefined;
  /** Checks the local files the rows link (the loader's inspectAttachments); `file` is the row as 第 N 行. */
  checkFiles?: ((uses: FileUse[]) => Promise<DataIssue[]>) | undefined;
};

/** Column groups the template shows. */
const TEMPLATE_GROUPS = { designations: 2, 'hours.seasons': 1, 'hours.closedDates': 1, 'booking.groups': 2, photos: 1 };

/** A site name as compared: full-width forms, spaces and case do not make two names. */
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const fmt = (p: Point) => `${p[0]}, ${p[1]}`;

const isPoint = (v: unknown): v is Point => Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';

/** The red-site columns and labels, without the data-dependent rules: for the docs and the template. */
export const redSiteColumns = { kind: 'red-sites', title: '红色资源点', schema: redSiteSchema, labels: RED_SITE_LABELS, extras: [NOTE_COLUMN, CRS_COLUMN], templateGroups: TEMPLATE_GROUPS, generated: ['id'] } satisfies ColumnsSpec;

export function redSiteImport(options: RedSiteImportOptions): ImportSpec<RedSite> {
  const locator = new DistrictLocator(options.boundaries);
  const districts = locator.names();
  const city = options.site?.record.city ?? '本市';
  const places = [...districts, ...(options.site ? [options.site.record.city] : [])];
  const fileOfRow = (row: number) => `第 ${row} 行`;
  const converted: number[] = [];

  /** Coordinate system, conversion and the point's place, for one row. */
  function coordinates(d: RowDraft, ctx: RuleContext): void {
    const declaredText = d.extras['crs'];
    const declared = declaredText === undefined ? undefined : parseCrs(declaredText);
    if (declaredText !== undefined && declared === undefined) {
      ctx.report(d.row, 'crs', `不认识的坐标系“${declaredText}”；可填：${CRS_COLUMN.values!.join('、')}`);
      ctx.own(d.row, 'location');
      return;
    }
    const location = d.raw['location'] as { coordinates?: unknown } | undefined;
    if (!location || !isPoint(location.coordinates)) return;
    const written: Point = [location.coordinates[0], location.coordinates[1]];
    const crs = declared ?? options.from ?? 'wgs84';
    if (declared !== undefined && declared !== 'wgs84' && options.from !== declared) {
      ctx.report(d.row, 'crs', `本行坐标系为 ${CRS_NAMES[declared]}，须换算为 CGCS2000 后才能导入：确认无误后加 ${CRS_FLAGS[declared]} 重新导入，程序会换算并列出换算的行`);
      ctx.own(d.row, 'location');
      return;
    }
    const district = typeof d.raw['district'] === 'string' && districts.includes(d.raw['district'].trim()) ? d.raw['district'].trim() : undefined;
    // A swap is a typing slip whatever the system: look at the numbers as written first.
    const before = diagnosePoint(locator, written, district);
    if (before.kind === 'swapped') {
      ctx.report(d.row, 'location.lon', `经度和纬度填反了：（${fmt(written)}）不在${city}范围内，交换后（${fmt(before.fixed)}）在“${before.district}”内。请把经度填 ${before.fixed[0]}、纬度填 ${before.fixed[1]}`);
      ctx.own(d.row, 'location');
      return;
    }
    let p = written;
    if (crs !== 'wgs84') {
      p = toWgs84(written, crs);
      location.coordinates = p;
      const area = d.raw['protectionArea'] as { coordinates?: unknown } | undefined;
      if (area && Array.isArray(area.coordinates))
        area.coordinates = area.coordinates.map((ring: unknown) => (Array.isArray(ring) ? ring.map((q: unknown) => (isPoint(q) ? toWgs84([q[0], q[1]], crs) : q)) : ring));
      converted.push(d.row);
    }
    const after = crs === 'wgs84' ? before : diagnosePoint(locator, p, district);
    const hint = crs === 'wgs84' ? '' : `（已按 ${CRS_NAMES[crs]}换算为（${fmt(p)}）；如果原坐标本来就是 CGCS2000，请不要换算）`;
    switch (after.kind) {
      case 'ok':
        return;
      case 'swapped':
        ctx.report(d.row, 'location.lon', `经度和纬度填反了：交换后（${fmt(after.fixed)}）在“${after.district}”内${hint}`);
        break;
      case 'offset':
        if (crs !== 'wgs84') ctx.report(d.row, 'location.lon', `坐标（${fmt(p)}）不在所填的“${district ?? ''}”内${hint}`);
        else
          ctx.report(
            d.row,
            'location.lon',
            `坐标像是 ${CRS_NAMES[after.crs]}：原坐标（${fmt(written)}）${district ? `不在所填的“${district}”内` : `不在${city}范围内`}，按 ${CRS_NAMES[after.crs]}换算为 CGCS2000 后（${fmt(after.converted)}）在“${after.district}”内。确认坐标来自该地图后，在“${ctx.labelOf('crs')}”列填 ${after.crs === 'gcj02' ? 'GCJ-02' : 'BD-09'} 或导入时加 ${CRS_FLAGS[after.crs]}；如果是所填区县有误，请改正区县`,
          );
        break;
      case 'outside':
        ctx.report(d.row, 'location.lon', `坐标（${fmt(p)}）不在${city}范围内（应为 CGCS2000 经纬度，经度在前）${hint}`);
        break;
      case 'other-district':
        ctx.report(d.row, 'location.lon', `坐标（${fmt(p)}）在“${after.found}”内，不在所填的“${district ?? ''}”内，请核对坐标或区县${hint}`, 'warning');
        break;
    }
    ctx.own(d.row, 'location');
  }

  /** Every column the labels mark as an opening-hours spec: each parse error on its own, placed in its rule. */
  function openingHours(d: RowDraft, ctx: RuleContext): void {
    for (const column of ctx.columns) {
      if (column.syntax !== 'opening-hours') continue;
      const spec = d.cells.get(column.key);
      if (typeof spec !== 'string') continue;
      const parsed = parseOpeningHours(spec);
      if (parsed.ok) continue;
      for (const e of parsed.errors) ctx.report(d.row, column.key, `开放时间规则有误：${e}。写法如 Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00（星期用 Mo Tu We Th Fr Sa Su，PH 为法定节假日）`);
      ctx.own(d.row, column.key);
    }
  }

  /** Two sites of one name in one district are one site entered twice: in the sheet, or already on file. */
  function duplicateNames(rows: RowDraft[], ctx: RuleContext): void {
    const seen = new Map<string, string>();
    for (const e of options.existing) seen.set(`${e.record.district}|${nameKey(e.record.name)}`, `已登记的资源点（${e.file}）`);
    for (const d of rows) {
      const { name, district } = d.raw;
      if (typeof name !== 'string' || typeof district !== 'string' || name.trim() === '') continue;
      const key = `${district.trim()}|${nameKey(name)}`;
      const first = seen.get(key);
      if (first !== undefined) ctx.report(d.row, 'name', `“${name.trim()}”与${first}同名：同一区县（${district.trim()}）内名称不能重复`);
      else seen.set(key, fileOfRow(d.row));
    }
  }

  /** Ids for rows without one: from the name, unique against the file and the sheet. */
  function ids(rows: RowDraft[], ctx: RuleContext): void {
    const taken = new Set<string>([...options.existing.map((e) => e.record.id), ...rows.flatMap((d) => (typeof d.raw['id'] === 'string' ? [d.raw['id']] : []))]);
    const generated: string[] = [];
    for (const d of rows) {
      if (d.raw['id'] !== undefined || typeof d.raw['name'] !== 'string' || d.raw['name'].trim() === '') continue;
      const district = typeof d.raw['district'] === 'string' ? d.raw['district'].trim() : undefined;
      d.raw['id'] = uniqueId(d.raw['name'], district === CITY_WIDE ? undefined : district, taken, places);
      generated.push(`第 ${d.row} 行 ${String(d.raw['id'])}`);
    }
    if (generated.length > 0) ctx.note(`按名称生成 id ${generated.length} 个：${generated.join('，')}`);
  }

  return {
    ...redSiteColumns,
    choices: { district: districts },
    privacy: { publicPhones: options.site ? declaredPublicPhones(siteSchema, options.site.record) : new Set() },
    prepare(rows, ctx) {
      for (const d of rows) {
        coordinates(d, ctx);
        openingHours(d, ctx);
      }
      duplicateNames(rows, ctx);
      ids(rows, ctx);
      if (converted.length > 0)
        ctx.note(`已将 ${converted.length} 行坐标换算为 CGCS2000（第 ${converted.join('、')} 行，原为 ${options.from ? CRS_NAMES[options.from] : '坐标系列所填'}）`);
    },
    async check(rows, ctx, failed) {
      // The loader's cross-record checks, on the data on file plus these rows; a row that
      // failed its schema takes part with its valid fields, as a failed file does (salvage.ts).
      const rowOfFile = new Map([...rows, ...failed].map((r) => [fileOfRow(r.row), r.row]));
      const salvaged = failed.flatMap((d) => {
        const record = salvage(redSiteSchema, d.raw);
        return record ? [{ file: fileOfRow(d.row), record }] : [];
      });
      const issues = validateDataset({
        site: options.site,
        boundaries: { file: 'boundaries', record: options.boundaries },
        redSites: [...options.existing, ...rows.map((r) => ({ file: fileOfRow(r.row), record: r.record })), ...salvaged],
        redRoutes: [],
        notices: [],
        enforcement: [],
      });
      // The files the rows link must exist and be what their extension says, as the loader checks.
      if (options.checkFiles) issues.push(...(await options.checkFiles(rows.flatMap((r) => localFileUses(r.record, fileOfRow(r.row))))));
      for (const issue of issues) {
        const row = rowOfFile.get(issue.file);
        if (row === undefined) ctx.report(rows[0]!.row, undefined, `${issue.file}：${issue.field}：${issue.reason}`, issue.severity);
        else ctx.report(row, issue.field, issue.reason, issue.severity, { secondary: true });
      }
    },
  };
}
