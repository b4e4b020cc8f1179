/**
 * Header search suggestions on #site-search-q (every page), following the
 * ARIA 1.2 combobox pattern with a listbox popup: the input keeps focus,
 * the active option is named by aria-activedescendant, the options are
 * links (<a role="option">) to the records, the last one "查看全部 N 条结果"
 * to the search page. The markup (popup, listbox, live region) is in
 * src/components/SiteHeader.astro; styles in src/styles/search-suggest.css.
 *
 * src/client/page.ts imports this module on the first focus of or input in
 * the box; the search client and the index parts load on the first query.
 * Without JavaScript, or when search fails, the form still submits to
 * /search/?q=….
 *
 * Keys: ArrowDown/ArrowUp move through the options (wrapping), Enter opens
 * the active option (or submits the form when there is none), Escape closes
 * the popup and a second Escape clears the box, Tab leaves as usual.
 */
import { collectionNames } from '../search/format.ts';
import type { SearchHit, SearchResponse } from '../search/client.ts';
import { appendHighlighted, searchClient, searchPageUrl } from '../lib/search-ui.ts';

export const SUGGEST_LIMIT = 8;
export const SUGGEST_DEBOUNCE_MS = 120;
export const UNAVAILABLE = '搜索暂不可用，请按回车前往搜索页';
/** Show “正在搜索” only when an answer takes longer than this. */
const SLOW_MS = 400;

const mounted = new WeakSet<HTMLInputElement>();

/** The meta line of a suggestion: 公示公告 · 泰来县 · 2026-11-02. */
export function suggestionMeta(hit: Pick<SearchHit, 'collection' | 'district' | 'date'>): string {
  return [collectionNames[hit.collection], hit.district, hit.date].filter(Boolean).join(' · ');
}

export function mountSuggest(input: HTMLInputElement): void {
  if (mounted.has(input)) return;
  const form = input.form;
  const popup = document.getElementById('site-search-popup');
  const listbox = document.getElementById('site-search-listbox');
  const note = document.getElementById('site-search-note');
  const live = document.getElementById('site-search-live');
  if (!form || !popup || !listbox || !note || !live) return;
  mounted.add(input);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-expanded', 'false');

  let options: HTMLAnchorElement[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let slowTimer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  /** The query whose answer the popup shows (or is waiting for). */
  let shown: string | undefined;

  const isOpen = () => !popup.hidden;

  const open = () => {
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const setActive = (i: number) => {
    if (active >= 0) {
      options[active]?.classList.remove('is-active');
      options[active]?.setAttribute('aria-selected', 'false');
    }
    active = i;
    const option = options[i];
    if (option) {
      option.classList.add('is-active');
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      active = -1;
      input.removeAttribute('aria-activedescendant');
    }
  };

  const close = () => {
    clearTimeout(slowTimer);
    setActive(-1);
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };

  const announce = (message: string) => {
    // The same message twice in a row is still read: the region changes.
    live.textContent = live.textContent === message ? `${message}\u00a0` : message;
  };

  const showNote = (message: string) => {
    note.textContent = message;
    note.hidden = message === '';
  };

  const clearOptions = () => {
    setActive(-1);
    options = [];
    listbox.replaceChildren();
    listbox.hidden = true;
  };

  const option = (i: number, href: string): HTMLAnchorElement => {
    const a = document.createElement('a');
    a.id = `site-search-option-${i}`;
    a.href = href;
    a.className = 'suggest-option';
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    // Options are reached with the arrow keys, not Tab (focus stays in the box).
    a.tabIndex = -1;
    return a;
  };

  const render = (query: string, res: SearchResponse) => {
    clearOptions();
    if (res.hint) {
      showNote(res.hint);
      announce(res.hint);
      open();
      return;
    }
    if (res.total === 0) {
      const message = `没有找到与“${query}”相关的结果`;
      showNote(message);
      announce(message);
      open();
      return;
    }
    showNote('');
    const highlight = res.terms.join(' ') || query;
    const hits = res.hits.slice(0, SUGGEST_LIMIT);
    hits.forEach((hit, i) => {
      const a = option(i, hit.url);
      const title = document.createElement('span');
      title.className = 'suggest-title';
      appendHighlighted(title, hit.title, highlight);
      const meta = document.createElement('span');
      meta.className = 'suggest-meta';
      meta.textContent = suggestionMeta(hit);
      a.append(title, meta);
      options.push(a);
    });
    const all = option(hits.length, searchPageUrl(query));
    all.classList.add('suggest-all');
    all.textContent = `查看全部 ${res.total} 条结果`;
    options.push(all);
    listbox.append(...options);
    listbox.hidden = false;
    open();
    announce(`${hits.length} 条建议`);
  };

  const fail = () => {
    clearOptions();
    showNote(UNAVAILABLE);
    announce(UNAVAILABLE);
    open();
  };

  const run = async (query: string) => {
    const mine = ++seq;
    shown = query;
    clearTimeout(slowTimer);
    slowTimer = setTimeout(() => {
      if (mine !== seq || document.activeElement !== input) return;
      clearOptions();
      showNote('正在搜索……');
      open();
    }, SLOW_MS);
    let res: SearchResponse;
    try {
      const client = await searchClient();
      res = await client.search(query, { limit: SUGGEST_LIMIT });
    } catch (e) {
      if (mine !== seq) return;
      clearTimeout(slowTimer);
      console.warn('[search] 搜索建议不可用：', e);
      if (document.activeElement === input) fail();
      return;
    }
    if (mine !== seq) return;
    clearTimeout(slowTimer);
    // The reader may have left the box while the index loaded.
    if (document.activeElement !== input) return;
    render(query, res);
  };

  /** Runs the query for the box's value now (empty: closes). */
  const update = () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query === '') {
      seq++;
      shown = undefined;
      clearOptions();
      showNote('');
      close();
      return;
    }
    if (query === shown && (isOpen() || options.length > 0 || !note.hidden)) {
      open();
      return;
    }
    void run(query);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, SUGGEST_DEBOUNCE_MS);
  };

  input.addEventListener('input', (e) => {
    // While an IME composes (pinyin letters before the characters are chosen), wait for compositionend.
    if ((e as InputEvent).isComposing) return;
    setActive(-1);
    schedule();
  });
  input.addEventListener('compositionend', schedule);

  input.addEventListener('keydown', (e) => {
    // An IME is composing: its Enter and arrows pick characters. (Safari reports the last one as keyCode 229 only.)
    if (e.isComposing || e.keyCode === 229) return;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (e.altKey || !isOpen()) {
          if (input.value.trim() === '') return;
          e.preventDefault();
          update();
          return;
        }
        if (options.length === 0) return;
        e.preventDefault();
        const n = options.length;
        if (e.key === 'ArrowDown') setActive(active < 0 ? 0 : (active + 1) % n);
        else setActive(active < 0 ? n - 1 : (active - 1 + n) % n);
        return;
      }
      case 'Enter': {
        const target = isOpen() ? options[active] : undefined;
        if (!target) return; // the form submits to /search/?q=…
        e.preventDefault();
        close();
        location.assign(target.href);
        return;
      }
      case 'Escape': {
        if (isOpen()) {
          e.preventDefault();
          close();
        } else if (input.value !== '') {
          e.preventDefault();
          input.value = '';
          update();
        }
        return;
      }
      case 'Tab':
        close();
        return;
      default:
        return;
    }
  });

  // Pressing on the popup must not take focus from the box (the click still follows the link).
  popup.addEventListener('mousedown', (e) => e.preventDefault());
  popup.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest('a[role="option"]')) close();
  });

  input.addEventListener('blur', () => {
    // Focus left the box (Tab, or a click elsewhere): the popup goes with it.
    if (!popup.contains(document.activeElement)) close();
  });
  document.addEventListener('pointerdown', (e) => {
    if (isOpen() && !form.contains(e.target as Node | null)) close();
  });

  form.addEventListener('submit', () => close());

  // Typed before this module arrived: suggest for it now.
  if (document.activeElement === input && input.value.trim() !== '') update();
}
