/**
 * The verification page's form (事中公示, /enforcement/verify/): a few lines
 * that run at once; the lookup and the roster JSON load on first use
 * (./officer-lookup.ts), so the page costs almost nothing until a reader
 * verifies someone. Without JavaScript the form opens the full list.
 */
const form = document.querySelector<HTMLFormElement>('[data-officer-verify]');
const out = document.querySelector<HTMLElement>('[data-officer-result]');
const dataEl = document.querySelector('script[data-officer-data]');
if (form && out && dataEl) {
  const data = JSON.parse(dataEl.textContent ?? '{}') as { roster: string; list: string };
  let lookup: Promise<typeof import('./officer-lookup.ts')> | undefined;
  const load = () => (lookup ??= import('./officer-lookup.ts'));
  form.addEventListener('focusin', () => void load(), { once: true });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new FormData(form).get('q');
    void load()
      .then((m) => m.verify(String(q ?? ''), data.roster, data.list, out))
      .catch(() => {
        out.textContent = '核验暂不可用，请在执法人员名单中查找。';
      });
  });
}
