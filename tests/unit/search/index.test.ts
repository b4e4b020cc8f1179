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
import { buildSearchIndex, documentTerms, type SearchIndex } from '../../../src/search/index-writer.ts';
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
  it('cover every published record once, with dense ids', async () => {
    const view = await getPublishedView('data');
    expect(docs.filter((x) => x.collection === 'notice' || x.collection === 'enforcement')).toHaveLength(view.notices.length + view.enforcement.length);
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
    const ours = new Map<string, number[]>();
    for (let n = 0; n < index.manifest.shards; n++) {
      const file = JSON.parse(gunzipSync(index.files.find((f) => f.name === shardFileName(n))!.bytes).toString()) as ShardFile;
      for (const [term, deltas] of file.text) ours.set(term, deltaDecode(deltas));
    }
    const flex = new Index({ tokenize: 'strict', resolution: 1, encode: (s: string) => s.split(' ') });
    for (const d of sampleDocs) flex.add(d.id, documentTerms(d).text.join(' '));
    let exported = '';
    flex.export((key: string, data: string) => {
      if (key.endsWith('map')) exported = data;
    });
    const theirs = new Map((JSON.parse(exported) as [string, number[][]][]).map(([term, slots]) => [term, slots.flat()]));
    expect(ours.size).toBe(theirs.size);
    for (const [term, ids] of theirs) expect(ours.get(term), term).toEqual(ids);
  });
  it('is deterministic and spreads terms over several shards', () => {
    const again = buildSearchIndex(docs);
    expect(again.manifest).toEqual(built.manifest);
    expect(built.manifest.shards).toBeGreaterThanOrEqual(8);
    expect(built.manifest.sample).toBe(true);
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
  it('ranks records with exactly the typed code before records that only share its trigrams', async () => {
    const base = docs.find((d) => d.collection === 'notice')!;
    const at = (id: number, title: string, codes: string[]): SearchDocument => ({ ...base, id, url: `/probe/${id}/`, title, text: title, codes });
    // Newer first in display order: the decoy (trigrams fy2 y20 202 023 231 310 spread over two codes) comes first.
    const probe = [at(0, '甲地块出让公告', ['FY2023-1', '富自然资告字〔2023〕101号']), at(1, '乙地块出让公告', ['FY2023-10'])];
    const c = client(buildSearchIndex(probe));
    expect(await c.ids('FY2023-10')).toEqual([1, 0]);
    expect(await c.ids('fy2023 10')).toEqual([1, 0]);
    // A part of a code has no exact match: trigram order (display order) stands.
    expect(await c.ids('2023-1')).toEqual([0, 1]);
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
