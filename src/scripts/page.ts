/**
 * The only script every page loads (well under 1 KB gzipped):
 * - the elderly-mode toggle (larger text, higher contrast), remembered;
 * - notice states recomputed for today, because a 公示期 ends after the build.
 */
import { statusLabels, statusOf } from '../lib/status.ts';
import { todayInShanghai } from '../lib/dates.ts';

const KEY = 'geoportal.elderly';
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

const today = todayInShanghai();
for (const badge of document.querySelectorAll<HTMLElement>('[data-period-start][data-period-end]')) {
  const state = badge.dataset['state'];
  if (state === 'withdrawn' || state === 'superseded') continue;
  const key = statusOf({ state: 'active' }, { start: badge.dataset['periodStart']!, end: badge.dataset['periodEnd']! }, today);
  badge.textContent = statusLabels[key];
  badge.className = badge.className.replace(/\bstatus-\w+/, `status-${key}`);
}
