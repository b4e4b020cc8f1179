/**
 * The static index end to end in Node: documents from the sample data →
 * buildSearchIndex → files served by an in-memory fetch → SearchClient.
 */
import { gunzipSync } from 'node:zlib';
import { Index } from 'flexsearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { createSearchClient, statusAt, type SearchClient } from '../../../src/search/client.ts';
import { searchDocuments, type SearchDocument } from '../../../src/search/documents.ts';
import { deltaDecode, shardFileName, versionDir, type FacetTable, type ShardFile } from '../../../src/search/format.ts';
import { buildSearchIndex, documentTerms, slotIds, type SearchIndex } from '../../../src/search/index-writer.ts';
import { statusOf } from '../../../src/data/status.ts';

let docs: SearchDocument[];
let built: SearchIndex;

/** A fetch that serves the built files and records what was asked for. */
function serve(index: SearchIndex, requested: string[] = []): typeof fetch {
  const files = new Map(index.files.map((f) => [`/search/${versionDir(index.manifest.version)}/${f.name}`, f.bytes]));
  return (async (input: RequestInfo | URL) => {
    const path = String(input);
    requested.push(path);
    if (path === '/search/manifest.json') return new Response(JSON.stringify(index.manifest));
    const bytes = files.get(path);
    return bytes ? new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-length': String(bytes.length) } }) : new Response('not found', { status: 404 });
  }) as typeof fetch;
}

const client = (index = built, requested?: string[]): SearchClient => createSearchClient({ fetch: serve(index, requested), today: () => '2026-11-23' });

beforeAll(async () => {
  docs = searchDocuments(await getPublishedView('data'));
  built = buildSearchIndex(docs);
});

describe('search documents', () => {
  it('cover every listed record once, with dense ids; enforcement records past their display period are not offered', async () => {
    const view = await getPublishedView('data');
    expect(view.enforcementListed.length).toBeLessThan(view.enforcement.length);
    expect(docs.filter((x) => x.collection === 'notice' || x.collection === 'enforcement')).toHaveLength(view.notices.length + view.enforcementListed.length);
    expect(docs.filter((x) => x.collection === 'red-site')).toHaveLength(view.redSites.length);
    expect(new Set(docs.map((x) => x.url)).size).toBe(docs.length);
    docs.forEach((x, i) => expect(x.id).toBe(i));
  });
  it('leave withdrawn records out', async () => {
    const { gone } = await getPublishedView('data');
    expect(gone.length).toBeGreaterThan(0);
    for (const g of gone) expect(docs.some((x) => x.url === g.page)).toBe(false);
  });
});

describe('index writer', () => {
  it('writes exactly what FlexSearch 0.8 exports for the same terms', () => {
    const sampleDocs = docs.slice(0, 40);
    const index = buildSearchIndex(sampleDocs, { minShards: 4 });
    const slots = index.manifest.slots;
    const ours = { pairs: new Map<string, number[]>(), grams: new Map<string, number[]>() };
    for (let n = 0; n < index.manifest.shards; n++) {
      const file = JSON.parse(gunzipSync(index.files.find((f) => f.name === shardFileName(n))!.bytes).toString()) as ShardFile;
      for (const field of ['pairs', 'grams'] as const) for (const [term, deltas] of file[field]) ours[field].set(term, deltaDecode(deltas));
    }
    // The same terms added to FlexSearch, with slot ids (document id · slots + slot) for grams.
    const flex = { pairs: new Index({ tokenize: 'strict', resolution: 1, encode: (s: string) => s.split(' ') }), grams: new Index({ tokenize: 'strict', resolution: 1, encode: (s: string) => s.split(' ') }) };
    const bySlot = new Map<number, string[]>();
    for (const d of sampleDocs) {
      const terms = documentTerms(d);
      expect(terms.segments).toBeLessThanOrEqual(slots);
      flex.pairs.add(d.id, terms.pairs.join(' '));
      for (const [term, at] of terms.grams) for (const id of slotIds(d.id, at, slots)) bySlot.set(id, [...(bySlot.get(id) ?? []), term]);
    }
    for (const id of [...bySlot.keys()].sort((a, b) => a - b)) flex.grams.add(id, bySlot.get(id)!.join(' '));
    for (const field of ['pairs', 'grams'] as const) {
      let exported = '';
      flex[field].export((key: string, data: string) => {
        if (key.endsWith('map')) exported = data;
      });
      const theirs = new Map((JSON.parse(exported) as [string, number[][]][]).map(([term, ids]) => [term, ids.flat()]));
      expect(ours[field].size, field).toBe(theirs.size);
      for (const [term, ids] of theirs) expect(ours[field].get(term), `${field} ${term}`).toEqual(ids);
    }
  });
  it('is deterministic and spreads terms over several shards', () => {
    const again = buildSearchIndex(docs);
    expect(again.manifest).toEqual(built.manifest);
    expect(built.manifest.shards).toBeGreaterThanOrEqual(8);
    expect(built.manifest.sample).toBe(true);
  });
  it('gives every segment of the longest text its own slot, unless fewer slots are asked for', async () => {
    const longest = Math.max(...docs.map((d) => documentTerms(d).segments));
    expect(built.manifest.slots).toBeGreaterThanOrEqual(longest);
    expect(built.manifest.slots / 2).toBeLessThan(longest);
    const few = buildSearchIndex(docs, { slots: 8 });
    expect(few.manifest.slots).toBe(8);
    // Segments share slots then, but every record is still found by its title.
    const c = client(few);
    for (const d of docs.slice(0, 30)) expect(await c.ids(d.title), d.url).toContain(d.id);
    expect(() => buildSearchIndex(docs, { slots: 3 })).toThrow(/power of two/);
  });
  it('refuses documents whose ids are not dense', () => {
    expect(() => buildSearchIndex([{ ...docs[0]!, id: 3 }])).toThrow(/dense ids/);
  });
});

describe('search client', () => {
  it('finds every document by its title (no record is missing from the index)', async () => {
    const c = client();
    const missing: string[] = [];
    for (const d of docs) if (!(await c.ids(d.title)).includes(d.id)) missing.push(d.url);
    expect(missing).toEqual([]);
  });
  it('detects a record left out of the index', async () => {
    const partial = buildSearchIndex(docs.slice(0, -1));
    const last = docs.at(-1)!;
    expect(await client(partial).ids(last.title)).not.toContain(last.id);
  });
  it('finds any two-character substring of a title and ranks title matches first', async () => {
    const c = client();
    const site = docs.find((d) => d.collection === 'red-site')!;
    const chars = Array.from(site.title);
    const q = chars.slice(1, 3).join('');
    const ids = await c.ids(q);
    expect(ids).toContain(site.id);
    const titleHits = ids.filter((id) => docs[id]!.title.includes(q));
    expect(ids.slice(0, titleHits.length).sort()).toEqual(titleHits.sort());
  });
  it('finds 文号 whatever brackets are typed, and parcel codes with or without hyphens', async () => {
    const c = client();
    const n = docs.find((d) => d.codes.some((x) => /〔\d{4}〕/.test(x)))!;
    const docNo = n.codes.find((x) => /〔\d{4}〕/.test(x))!;
    for (const q of [docNo, docNo.replace('〔', '[').replace('〕', ']'), docNo.replace('〔', '（').replace('〕', '）'), docNo.replace(/[〔〕]/g, '')]) {
      expect((await c.ids(q))[0], q).toBe(n.id);
    }
    const land = docs.find((d) => d.codes.some((x) => /^\d{4}-[A-Z]-\d{3}$/.test(x)))!;
    const parcel = land.codes.find((x) => /^\d{4}-[A-Z]-\d{3}$/.test(x))!;
    for (const q of [parcel, parcel.replaceAll('-', ''), parcel.toLowerCase(), parcel.replace(/[0-9A-Z-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))]) {
      expect(await c.ids(q), q).toContain(land.id);
    }
  });
  it('ranks records with exactly the typed code first, then title matches, then text matches', async () => {
    const base = docs.find((d) => d.collection === 'notice')!;
    const at = (id: number, title: string, text: string, codes: string[] = []): SearchDocument => ({ ...base, id, url: `/probe/${id}/`, title, text: `${title}\n${text}`, codes });
    const probe = [
      at(0, '甲地块出让公告', '乙地块FY2023-10的成交结果'),
      at(1, '丙地块FY2023-10出让公告', ''),
      at(2, '丁地块出让公告', 'FY2023-10', ['FY2023-10']),
    ];
    const c = client(buildSearchIndex(probe));
    expect(await c.ids('FY2023-10')).toEqual([2, 1, 0]);
    expect(await c.ids('fy2023 10')).toEqual([2, 1, 0]);
    // A part of a code has no exact match: title, then text.
    expect(await c.ids('2023-1')).toEqual([1, 0, 2]);
  });
  it('finds substrings that cut a run of digits or letters (the issue examples)', async () => {
    const base = docs.find((d) => d.collection === 'notice')!;
    const plan: SearchDocument = {
      ...base,
      id: 0,
      url: '/probe/0/',
      title: '齐齐哈尔市2026年度国有建设用地供应计划',
      text: '齐齐哈尔市2026年度国有建设用地供应计划\n齐齐哈尔市自然资源和规划局2026年3月1日发布，地块2026-G-015。',
      codes: ['2026-G-015'],
    };
    const apart: SearchDocument = { ...plan, id: 1, url: '/probe/1/', title: '规划局公告', text: '规划局公告\n2026年度\n国有建设用地', codes: [] };
    const c = client(buildSearchIndex([plan, apart]));
    for (const q of ['26年度国有', '规划局202', 'G-01', '6-G-0', '２６年度国有', '2026G01']) expect(await c.ids(q), q).toEqual([0]);
    // Not adjacent in record 1: 规划局 and 2026, 26年度 and 国有 stand in different lines.
    expect(await c.ids('年度国有')).toEqual([0]);
    expect(await c.ids('年度')).toEqual([0, 1]);
  });
  it('does not piece a code together from two codes of one record', async () => {
    const base = docs.find((d) => d.collection === 'notice')!;
    const at = (id: number, codes: string[]): SearchDocument => ({ ...base, id, url: `/probe/${id}/`, title: `地块出让公告${id}`, text: `地块出让公告${id}\n${codes.join('\n')}`, codes });
    // FY2023-1 and 〔2023〕101号 hold every 3- and 4-gram of FY2023-10 between them.
    const c = client(buildSearchIndex([at(0, ['FY2023-1', '富自然资告字〔2023〕101号']), at(1, ['FY2023-10']), at(2, ['LJ2025-19', 'LJG2025-13'])]));
    expect(await c.ids('FY2023-10')).toEqual([1]);
    expect(await c.ids('FY2023-1')).toEqual([0, 1]);
    expect(await c.ids('LJ2025-13')).toEqual([]);
    expect(await c.ids('2025-13')).toEqual([2]);
  });
  it('finds nothing for text that is not there', async () => {
    const c = client();
    expect(await c.ids('这是一段不存在的文字啊')).toEqual([]);
    expect(await c.ids('2099-Z-999')).toEqual([]);
  });
  it('answers empty and one-character queries with a hint, and hostile input without throwing', async () => {
    const c = client();
    expect((await c.search('')).hint).toMatch(/请输入/);
    expect((await c.search('江')).hint).toMatch(/两个/);
    expect((await c.search('5')).hint).toMatch(/两个/);
    for (const q of ['.*+?^${}()|[]\\', '<img src=x onerror=alert(1)>', '😀🇨🇳', '江桥'.repeat(250), 'a(b'.repeat(200), '\u0000\ud800']) {
      const r = await c.search(q);
      expect(r.total, q.slice(0, 20)).toBeGreaterThanOrEqual(0);
    }
  });
  it('downloads only the parts a query needs', async () => {
    const requested: string[] = [];
    const c = client(built, requested);
    const r = await c.search('纪念', { limit: 5 });
    expect(r.total).toBeGreaterThan(0);
    const shardFiles = requested.filter((p) => /\/t-\d+\.gz$/.test(p));
    expect(shardFiles.length).toBeGreaterThan(0);
    expect(shardFiles.length).toBeLessThan(built.manifest.shards);
    expect(requested.some((p) => p.endsWith('facets.gz'))).toBe(false);
    expect(c.loadStats().bytes).toBeLessThan(built.files.reduce((n, f) => n + f.bytes.length, 0) / 2);
  });
  it('filters by facet and counts each facet with the others applied', async () => {
    const c = client();
    const all = await c.search('公告', { limit: 1000 });
    expect(all.total).toBeGreaterThan(1);
    const district = docs[all.ids.find((id) => docs[id]!.district)!]!.district;
    const filtered = await c.search('公告', { limit: 1000, filters: { district } });
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThanOrEqual(all.total);
    expect(filtered.hits.every((h) => h.district === district)).toBe(true);
    expect(filtered.unfiltered).toBe(all.total);
    const counts = await c.facetCounts(all.ids, { district });
    // District counts ignore the district filter; collection counts respect it.
    expect(counts.district.reduce((n, f) => n + f.count, 0)).toBe(all.ids.filter((id) => docs[id]!.district).length);
    expect(counts.collection.reduce((n, f) => n + f.count, 0)).toBe(filtered.total);
    const none = await c.search('公告', { filters: { district: '不存在的区' } });
    expect(none.total).toBe(0);
    expect(none.unfiltered).toBe(all.total);
  });
  it('pages through results in display order', async () => {
    const c = client();
    const all = await c.search('公告', { limit: 1000 });
    const second = await c.search('公告', { offset: 5, limit: 5 });
    expect(second.hits.map((h) => h.id)).toEqual(all.hits.slice(5, 10).map((h) => h.id));
    expect(second.hits[0]!.url).toBe(docs[second.hits[0]!.id]!.url);
  });
  it('computes statuses with the same rule as the pages', async () => {
    const c = client();
    const facets = await c.facetTable();
    const today = '2026-11-23';
    const day = Math.round(Date.UTC(2026, 10, 23) / 86_400_000);
    for (const d of docs) {
      const expected = statusOf({ superseded: d.state === 'superseded', period: d.period }, today);
      expect(statusAt(facets as FacetTable, d.id, day), d.url).toBe(expected);
    }
  });
});
