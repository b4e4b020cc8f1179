/**
 * The only script every page loads (about 2 KB gzipped with Vite's preload helper):
 * - the elderly-mode toggle (larger text, higher contrast), remembered;
 * - notice states recomputed for today, because a 公示期 ends after the build;
 * - a 批前公示's opinion channels removed once its deadline has passed (a page built
 *   while it was open must not go on inviting opinions);
 * - the loader of the header search suggestions: the suggestion code and
 *   the search client come with a dynamic import() on the first focus of
 *   or input in the box, never with the page;
 * - the loader of the public's forms (opinions, 依申请公开): their validation
 *   (the schema with zod) comes with a dynamic import(), only where a form is.
 */
import { statusLabels, statusOf } from '../data/status.ts';
import { opinionState } from '../lib/opinions.ts';
import { todayInShanghai } from '../lib/dates.ts';
import { ELDERLY_KEY as KEY } from '../lib/elderly-mode.ts';

const root = document.documentElement;

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-elderly-toggle]')) {
  button.setAttribute('aria-pressed', String(root.classList.contains('elderly')));
  button.addEventListener('click', () => {
    const on = !root.classList.contains('elderly');
    root.classList.toggle('elderly', on);
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // Private browsing: the mode still applies to this page.
    }
    for (const b of document.querySelectorAll('[data-elderly-toggle]')) b.setAttribute('aria-pressed', String(on));
  });
}

const badges = document.querySelectorAll<HTMLElement>('[data-period-start][data-period-end]');
const opinions = document.querySelectorAll<HTMLElement>('[data-opinions-end]');
// A time-zone Intl.DateTimeFormat costs some 30 ms on its first use (time-zone data): only pages with notice states pay,
// not the map page, whose map starts after this script (module scripts run in document order).
const today = badges.length > 0 || opinions.length > 0 ? todayInShanghai() : '';
// src/components/notice/OpinionChannels.astro: after the deadline the channels go (removed, not hidden, so no
// assistive technology or copy-paste finds them) and the sentence saying it has ended shows.
for (const box of opinions) {
  if (opinionState({ start: '', end: box.dataset['opinionsEnd']! }, today) !== 'ended') continue;
  for (const el of box.querySelectorAll('[data-opinions-open]')) el.remove();
  box.querySelector('[data-opinions-ended]')?.removeAttribute('hidden');
}
for (const badge of badges) {
  const rule = { superseded: badge.dataset['superseded'] !== undefined, period: { start: badge.dataset['periodStart']!, end: badge.dataset['periodEnd']! } };
  const key = statusOf(rule, today);
  badge.textContent = statusLabels[key];
  badge.className = badge.className.replace(/\bstatus-\w+/, `status-${key}`);
}

// After the ended opinion sections lost their channels above: a form removed with them is not loaded for.
if (document.querySelector('form[data-submission-form]'))
  import('./submission-form.ts').then((m) => m.mountSubmissionForms(), (e: unknown) => console.warn('[forms] 表单校验无法加载，提交后由服务器校验：', e));

const searchBox = document.querySelector<HTMLInputElement>('#site-search-q');
if (searchBox) {
  // A combobox from the start, so a screen reader names it so on the first focus (search-suggest.ts sets the same).
  for (const [k, v] of [['role', 'combobox'], ['aria-autocomplete', 'list'], ['aria-expanded', 'false'], ['aria-controls', 'site-search-listbox']]) searchBox.setAttribute(k!, v!);
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    // A failed load leaves the plain form, which submits to the search page.
    import('./search-suggest.ts').then((m) => m.mountSuggest(searchBox), (e: unknown) => console.warn('[search] 搜索建议无法加载：', e));
  };
  searchBox.addEventListener('focus', load, { once: true });
  searchBox.addEventListener('input', load, { once: true });
  if (document.activeElement === searchBox) load();
}
