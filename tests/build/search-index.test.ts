/**
 * No drift: the search index in dist/client comes from the same records as
 * the pages. Every record and column page of the sitemap is in the index
 * and is found by its own title through the built files; nothing else is.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isListingPage } from '../../src/lib/urls.ts';
import { createSearchClient } from '../../src/search/client.ts';
import { metaFileName, versionDir, type MetaRow, type SearchManifest } from '../../src/search/format.ts';
import { gunzipSync } from 'node:zlib';

const CLIENT = path.resolve('dist', 'client');

/** Serves dist/client from disk. */
const diskFetch = (async (input: RequestInfo | URL) => {
  const file = path.join(CLIENT, decodeURIComponent(String(input)));
  return existsSync(file) ? new Response(readFileSync(file)) : new Response('not found', { status: 404 });
}) as typeof fetch;

function sitemapPaths(): string[] {
  const index = readFileSync(path.join(CLIENT, 'sitemap.xml'), 'utf8');
  const parts = [...index.matchAll(/<loc>[^<]*\/(sitemap-\d+\.xml)<\/loc>/g)].map((m) => m[1]!);
  return parts.flatMap((p) => [...readFileSync(path.join(CLIENT, p), 'utf8').matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((m) => m[1]!));
}

function indexedRows(): MetaRow[] {
  const manifest = JSON.parse(readFileSync(path.join(CLIENT, 'search', 'manifest.json'), 'utf8')) as SearchManifest;
  const rows: MetaRow[] = [];
  for (let n = 0; n * manifest.metaChunk < manifest.docs; n++) {
    rows.push(...(JSON.parse(gunzipSync(readFileSync(path.join(CLIENT, 'search', versionDir(manifest.version), metaFileName(n)))).toString()) as MetaRow[]));
  }
  expect(rows).toHaveLength(manifest.docs);
  return rows;
}

describe('search index in dist/client', () => {
  it('holds every record and column page of the sitemap, and nothing else', () => {
    expect(existsSync(path.join(CLIENT, 'search', 'manifest.json')), 'run npm run build first').toBe(true);
    const indexed = new Set(indexedRows().map((r) => r[0]));
    const expected = sitemapPaths().filter((p) => p !== '/search/' && !isListingPage(p));
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.filter((p) => !indexed.has(p)), 'pages missing from the search index').toEqual([]);
    expect([...indexed].filter((p) => !expected.includes(p)), 'indexed URLs that are not pages').toEqual([]);
  });
  it('finds every indexed page by its title through the built files', async () => {
    const client = createSearchClient({ fetch: diskFetch });
    const rows = indexedRows();
    const missing: string[] = [];
    for (const [id, [url, title]] of rows.entries()) if (!(await client.ids(title)).includes(id)) missing.push(`${url} (${title})`);
    expect(missing).toEqual([]);
  });
});
