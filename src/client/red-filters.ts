/**
 * The red-site list's filters (/red/): shows the form, reads the filter
 * from the URL, keeps the list items that match, and tells the map which
 * sites to show (its data-feature-filter attribute, src/map/feature-filter.ts).
 * The URL follows every change (replaceState: a filter is a view of the
 * page, not a new page); back and forward restore it. The match itself is
 * src/lib/red-filter.ts, the module the build used for the facets.
 */
import {
  EMPTY_FILTER,
  describeFilter,
  formatRedFilter,
  isEmptyFilter,
  matchingIds,
  normalizeFilter,
  parseRedFilter,
  type BookingValue,
  type CategoryValue,
  type LevelValue,
  type RedFilter,
  type SiteFacets,
  type StageValue,
} from '../lib/red-filter.ts';

type FilterData = { layer: string; sites: SiteFacets[]; districts: Record<string, string>; holidays: { years: number[]; dates: string[] } };

const form = document.querySelector<HTMLFormElement>('[data-red-filters]');
const dataEl = document.querySelector('script[data-red-filter-data]');
if (form && dataEl) {
  const data = JSON.parse(dataEl.textContent ?? '{}') as FilterData;
  const holidays = new Set(data.holidays.dates);
  const isPublicHoliday = (iso: string) => (data.holidays.years.includes(Number(iso.slice(0, 4))) ? holidays.has(iso) : undefined);
  const codes = Object.keys(data.districts);
  const count = document.querySelector<HTMLElement>('[data-red-count]')!;
  const empty = document.querySelector<HTMLElement>('[data-red-empty]');
  const mapRoot = document.querySelector<HTMLElement>('[data-red-map] [data-map]');
  const items = [...document.querySelectorAll<HTMLElement>('[data-red-list] li[data-site-id]')];
  const sections = [...document.querySelectorAll<HTMLElement>('[data-red-list] section[data-district]')];

  const checked = <T extends string>(name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value).filter(Boolean) as T[];

  const readForm = (): RedFilter => {
    const district = form.querySelector<HTMLSelectElement>('select[name="district"]')!.value;
    const open = form.querySelector<HTMLInputElement>('input[name="open"]')!.value;
    return {
      categories: checked<CategoryValue>('cat'),
      levels: checked<LevelValue>('level'),
      districts: district ? [district] : [],
      stages: checked<StageValue>('stage'),
      free: checked('free').length > 0,
      booking: checked<BookingValue>('booking'),
      open: open || undefined,
    };
  };

  const writeForm = (f: RedFilter) => {
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')) {
      const list: readonly string[] = { cat: f.categories, level: f.levels, stage: f.stages, booking: f.booking, free: f.free ? ['1'] : [] }[input.name] ?? [];
      input.checked = input.name === 'booking' && input.value === '' ? f.booking.length === 0 : list.includes(input.value);
    }
    // The form offers one district and one booking choice; a link may name several, which still filter.
    form.querySelector<HTMLSelectElement>('select[name="district"]')!.value = f.districts.length === 1 ? f.districts[0]! : '';
    form.querySelector<HTMLInputElement>('input[name="open"]')!.value = f.open ?? '';
  };

  const apply = (f: RedFilter, warnings: readonly string[] = []) => {
    const ids = new Set(matchingIds(data.sites, f, isPublicHoliday));
    for (const li of items) li.hidden = !ids.has(li.dataset['siteId']!);
    for (const s of sections) {
      const shown = s.querySelectorAll('li[data-site-id]:not([hidden])').length;
      s.hidden = shown === 0;
      const n = s.querySelector('[data-district-count]');
      if (n) n.textContent = String(shown);
    }
    if (empty) empty.hidden = ids.size > 0;
    const words = describeFilter(f, (c) => data.districts[c] ?? c);
    const unknownYear = f.open && isPublicHoliday(f.open) === undefined ? `（${f.open.slice(0, 4)} 年的法定节假日安排未收录，按平常日期判断）` : '';
    const dropped = warnings.length ? ` 链接中有 ${warnings.length} 个筛选条件无效，已忽略。` : '';
    count.textContent = isEmptyFilter(f) ? `共 ${data.sites.length} 个红色资源点。${dropped}` : `符合“${words}”的红色资源点 ${ids.size} 个（共 ${data.sites.length} 个）${unknownYear}。${dropped}`;
    for (const w of warnings) console.warn(`[红色资源筛选] ${w}`);
    mapRoot?.setAttribute('data-feature-filter', JSON.stringify({ layer: data.layer, ids: isEmptyFilter(f) ? null : [...ids] }));
  };

  const fromUrl = () => {
    const { filter, warnings } = parseRedFilter(location.search, codes);
    writeForm(filter);
    apply(filter, warnings);
  };

  const update = (e?: Event) => {
    // Unticking 爱国主义教育基地 drops its levels; ticking a level ticks the category (normalizeFilter).
    const target = e?.target as HTMLInputElement | null;
    if (target?.name === 'cat' && target.value === 'base' && !target.checked) for (const l of form.querySelectorAll<HTMLInputElement>('input[name="level"]')) l.checked = false;
    const f = normalizeFilter(readForm());
    writeForm(f);
    const query = formatRedFilter(f);
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    apply(f);
  };

  form.hidden = false;
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  // After the browser has reset the controls.
  form.addEventListener('reset', () => setTimeout(() => {
    writeForm(EMPTY_FILTER);
    update();
  }));
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}
