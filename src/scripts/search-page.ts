/**
 * The search page: reads ?q= from the URL, loads the record list on first
 * use and shows matching records as plain links. Matching is by substring
 * on normalised text, so any run of Chinese characters, a 文号 or a parcel
 * code typed with any punctuation is found.
 */
import { codeForm, normalizeText } from '../lib/search-text.ts';

type Row = [url: string, title: string, column: string, district: string, date: string, codes: string];

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const MAX_RESULTS = 100;
let rows: Promise<Row[]> | undefined;

function load(): Promise<Row[]> {
  rows ??= fetch('/search/records.json').then((r) => {
    if (!r.ok) throw new Error(String(r.status));
    return r.json() as Promise<Row[]>;
  });
  return rows;
}

function matches(row: Row, terms: string[], codes: string[]): boolean {
  const text = normalizeText(`${row[1]} ${row[2]} ${row[3]} ${row[5]}`);
  const code = codeForm(`${row[1]} ${row[5]}`);
  return terms.every((t, i) => text.includes(t) || (codes[i]!.length >= 3 && code.includes(codes[i]!)));
}

async function run(q: string): Promise<void> {
  list.replaceChildren();
  const query = normalizeText(q).slice(0, 100);
  if (!query) {
    status.textContent = '请输入地名、文号、地块编号或标题中的词语。';
    return;
  }
  const terms = query.split(' ').filter(Boolean);
  status.textContent = '正在搜索……';
  let data: Row[];
  try {
    data = await load();
  } catch {
    rows = undefined;
    status.textContent = '搜索数据加载失败，请稍后重试，或从栏目页面浏览。';
    return;
  }
  const codes = terms.map(codeForm);
  const hits = data.filter((row) => matches(row, terms, codes));
  for (const [url, title, column, district, date] of hits.slice(0, MAX_RESULTS)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = url;
    a.textContent = title;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = [column, district, date].filter(Boolean).join(' · ');
    li.append(a, meta);
    list.append(li);
  }
  status.textContent =
    hits.length === 0 ? `没有找到与“${q}”相关的信息。请尝试更短的词语，或检查文号、地块编号。` : `找到 ${hits.length} 条结果${hits.length > MAX_RESULTS ? `，显示前 ${MAX_RESULTS} 条` : ''}。`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = input.value;
  const url = new URL(location.href);
  url.searchParams.set('q', q);
  history.pushState(null, '', url);
  void run(q);
});
window.addEventListener('popstate', () => {
  const q = new URL(location.href).searchParams.get('q') ?? '';
  input.value = q;
  void run(q);
});

const initial = new URL(location.href).searchParams.get('q') ?? '';
input.value = initial;
if (initial) void run(initial);
