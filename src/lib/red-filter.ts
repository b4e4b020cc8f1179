/**
 * The red-site filters of the list page (/red/): facets of a site, the
 * filter state, its URL grammar (docs/red-filters.md) and the match. One
 * pure module for the list and its map: the page computes each site's
 * facets at build time, the browser reads the filter from the URL, keeps
 * the list items that match and hands the same ids to the map.
 *
 * Within a facet the values are alternatives (OR); facets combine with AND.
 */
import type { DesignationLevel, RedSite, SchoolStage, SiteHours } from '../schema/red.ts';
import { isIsoDate } from './dates.ts';
import { hoursOn } from './red-hours.ts';
import { needsBooking } from './red-site-text.ts';
import { listOf } from './query-list.ts';

export const CATEGORY_VALUES = ['heritage', 'hall', 'martyrs', 'base', 'study'] as const;
export type CategoryValue = (typeof CATEGORY_VALUES)[number];
export const CATEGORY_LABELS: Record<CategoryValue, string> = {
  heritage: '革命旧址/遗址',
  hall: '纪念馆',
  martyrs: '烈士纪念设施',
  base: '爱国主义教育基地',
  study: '研学基地',
};

export const LEVEL_VALUES = ['national', 'provincial', 'city', 'county'] as const;
export type LevelValue = (typeof LEVEL_VALUES)[number];
export const LEVEL_LABELS: Record<LevelValue, string> = { national: '全国', provincial: '省级', city: '市级', county: '县级' };
const LEVEL_OF: Record<DesignationLevel, LevelValue> = { 国家级: 'national', 省级: 'provincial', 市级: 'city', 县级: 'county' };

export const STAGE_VALUES = ['primary', 'junior', 'senior'] as const;
export type StageValue = (typeof STAGE_VALUES)[number];
export const STAGE_LABELS: Record<StageValue, SchoolStage> = { primary: '小学', junior: '初中', senior: '高中' };
const STAGE_OF = Object.fromEntries(Object.entries(STAGE_LABELS).map(([k, v]) => [v, k])) as Record<SchoolStage, StageValue>;

export const BOOKING_VALUES = ['none', 'groups', 'individuals'] as const;
export type BookingValue = (typeof BOOKING_VALUES)[number];
export const BOOKING_LABELS: Record<BookingValue, string> = { none: '无需预约', groups: '仅团队需预约', individuals: '散客也需预约' };

/** What the filters read of a site; computed at build time and carried by the list page. */
export type SiteFacets = {
  id: string;
  categories: CategoryValue[];
  /** Levels of the site's 爱国主义教育基地 designations. */
  baseLevels: LevelValue[];
  /** The district's 6-digit code. */
  district: string;
  stages: StageValue[];
  free: boolean;
  booking: BookingValue;
  hours: SiteHours;
};

export function siteFacets(site: RedSite, districtCode: string): SiteFacets {
  const cats = new Set<CategoryValue>();
  if (site.categories.includes('革命旧址') || site.categories.includes('革命遗址')) cats.add('heritage');
  if (site.categories.includes('纪念馆')) cats.add('hall');
  if (site.categories.includes('烈士纪念设施')) cats.add('martyrs');
  const bases = site.designations.filter((d) => d.kind === '爱国主义教育基地');
  if (bases.length > 0) cats.add('base');
  if (site.designations.some((d) => d.kind === '研学实践教育基地')) cats.add('study');
  const booking = needsBooking(site.booking);
  return {
    id: site.id,
    categories: CATEGORY_VALUES.filter((c) => cats.has(c)),
    baseLevels: LEVEL_VALUES.filter((l) => bases.some((d) => LEVEL_OF[d.level] === l)),
    district: districtCode,
    stages: site.schoolStages.map((s) => STAGE_OF[s]),
    free: site.admission.free,
    booking,
    hours: site.hours,
  };
}

/** The filter state; empty lists and undefined mean “any”. */
export type RedFilter = {
  categories: CategoryValue[];
  /** Narrows `base`: only bases of these levels. */
  levels: LevelValue[];
  districts: string[];
  stages: StageValue[];
  free: boolean;
  booking: BookingValue[];
  /** Open on this date (YYYY-MM-DD). */
  open?: string | undefined;
};

export const EMPTY_FILTER: RedFilter = { categories: [], levels: [], districts: [], stages: [], free: false, booking: [] };

/** A level says “bases of this level”: it brings the base category with it. */
export function normalizeFilter(f: RedFilter): RedFilter {
  return f.levels.length > 0 && !f.categories.includes('base') ? { ...f, categories: CATEGORY_VALUES.filter((c) => f.categories.includes(c) || c === 'base') } : f;
}

export const isEmptyFilter = (f: RedFilter): boolean =>
  f.categories.length === 0 && f.levels.length === 0 && f.districts.length === 0 && f.stages.length === 0 && !f.free && f.booking.length === 0 && !f.open;

/** Whether a date is a 法定节假日; undefined when the calendar the page carries does not cover its year. */
export type HolidayLookup = (iso: string) => boolean | undefined;

export function matches(site: SiteFacets, filter: RedFilter, isPublicHoliday: HolidayLookup): boolean {
  const f = normalizeFilter(filter);
  if (f.categories.length > 0) {
    const ok = f.categories.some((c) => {
      if (!site.categories.includes(c)) return false;
      return c !== 'base' || f.levels.length === 0 || site.baseLevels.some((l) => f.levels.includes(l));
    });
    if (!ok) return false;
  }
  if (f.districts.length > 0 && !f.districts.includes(site.district)) return false;
  if (f.stages.length > 0 && !site.stages.some((s) => f.stages.includes(s))) return false;
  if (f.free && !site.free) return false;
  if (f.booking.length > 0 && !f.booking.includes(site.booking)) return false;
  // A year the calendar does not cover is read as an ordinary day; the page says so.
  if (f.open && !hoursOn(site.hours, f.open, isPublicHoliday(f.open) ?? false).open) return false;
  return true;
}

/** The ids of the sites that match, in the sites' order. */
export const matchingIds = (sites: readonly SiteFacets[], f: RedFilter, isPublicHoliday: HolidayLookup): string[] =>
  sites.filter((s) => matches(s, f, isPublicHoliday)).map((s) => s.id);

// ------------------------------------------------------------- URL grammar ---

/** Parameter names, in the canonical order the formatter writes them. */
export const PARAMS = ['cat', 'level', 'district', 'stage', 'free', 'booking', 'open'] as const;

export type ParsedFilter = { filter: RedFilter; warnings: string[] };


/**
 * Reads the filter from a query string (`?cat=base&level=national…`). What
 * it does not understand is dropped with a warning, never guessed; a level
 * without cat=base adds base (a level says “bases of this level”).
 */
export function parseRedFilter(search: string, districtCodes: readonly string[]): ParsedFilter {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const warnings: string[] = [];
  for (const key of new Set(q.keys())) {
    if (!(PARAMS as readonly string[]).includes(key)) warnings.push(`${key}：不是筛选参数，已忽略`);
    else if (q.getAll(key).length > 1) warnings.push(`${key} 出现了多次，只读第一个`);
  }
  const categories = listOf(q.get('cat'), CATEGORY_VALUES, 'cat', warnings);
  const levels = listOf(q.get('level'), LEVEL_VALUES, 'level', warnings);
  const districts = listOf(q.get('district'), districtCodes, 'district', warnings);
  const stages = listOf(q.get('stage'), STAGE_VALUES, 'stage', warnings);
  const freeRaw = q.get('free');
  if (freeRaw !== null && freeRaw !== '1') warnings.push(`free=${freeRaw}：只能是 1，已忽略`);
  const booking = listOf(q.get('booking'), BOOKING_VALUES, 'booking', warnings);
  const openRaw = q.get('open');
  let open: string | undefined;
  if (openRaw !== null && openRaw !== '') {
    if (isIsoDate(openRaw)) open = openRaw;
    else warnings.push(`open=${openRaw}：日期应写作 YYYY-MM-DD，已忽略`);
  }
  return { filter: normalizeFilter({ categories, levels, districts, stages, free: freeRaw === '1', booking, open }), warnings };
}

/** The canonical query string of a filter, without “?”; '' for no filter. Parsing it gives the filter back. */
export function formatRedFilter(f: RedFilter): string {
  const parts: string[] = [];
  const add = (key: string, values: readonly string[]) => values.length > 0 && parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
  add('cat', CATEGORY_VALUES.filter((c) => f.categories.includes(c)));
  add('level', LEVEL_VALUES.filter((l) => f.levels.includes(l)));
  add('district', [...f.districts].sort());
  add('stage', STAGE_VALUES.filter((s) => f.stages.includes(s)));
  if (f.free) parts.push('free=1');
  add('booking', BOOKING_VALUES.filter((b) => f.booking.includes(b)));
  if (f.open) parts.push(`open=${f.open}`);
  return parts.join('&');
}

/** The filter in words, for the result count: 爱国主义教育基地（全国）· 初中 · 2026年5月1日开放. */
export function describeFilter(f: RedFilter, districtName: (code: string) => string): string {
  const parts: string[] = [];
  if (f.categories.length) parts.push(f.categories.map((c) => (c === 'base' && f.levels.length ? `${CATEGORY_LABELS.base}（${f.levels.map((l) => LEVEL_LABELS[l]).join('、')}）` : CATEGORY_LABELS[c])).join('或'));
  if (f.districts.length) parts.push(f.districts.map(districtName).join('或'));
  if (f.stages.length) parts.push(`适合${f.stages.map((s) => STAGE_LABELS[s]).join('或')}`);
  if (f.free) parts.push('免费');
  if (f.booking.length) parts.push(f.booking.map((b) => BOOKING_LABELS[b]).join('或'));
  if (f.open) parts.push(`${Number(f.open.slice(5, 7))}月${Number(f.open.slice(8, 10))}日（${f.open.slice(0, 4)}年）开放`);
  return parts.join(' · ');
}
