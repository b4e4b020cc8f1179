/**
 * Pagefind 1.x on a built site, for search benchmarks: index a given list of
 * built pages through Pagefind's Node API, map Pagefind result ids to page
 * URLs by decoding the fragment files on disk, and measure the output.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

export interface PagefindBuild {
  pages: number;
  missing: string[];
  ms: number;
}

/** The built HTML file of a page URL (build.format 'directory'): /a/b/ → a/b/index.html. */
export function htmlFileOf(clientDir: string, url: string): string {
  const p = decodeURI(url.split(/[?#]/)[0]!).replace(/^\/+/, '');
  return path.join(clientDir, p.endsWith('.html') ? p : path.join(p, 'index.html'));
}

/**
 * Indexes exactly the pages at `urls` (files under clientDir) with the
 * record's <main> as the root (what data-pagefind-body on <main> of each
 * record page would do) and writes the bundle to clientDir/outputSubdir, so
 * the site's own server serves it at /<outputSubdir>/.
 */
export async function buildPagefind(clientDir: string, urls: readonly string[], outputSubdir = 'pagefind'): Promise<PagefindBuild> {
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'main' });
  if (!index) throw new Error(`pagefind createIndex: ${errors.join('; ')}`);
  const missing: string[] = [];
  let pages = 0;
  const BATCH = 64;
  for (let i = 0; i < urls.length; i += BATCH) {
    await Promise.all(
      urls.slice(i, i + BATCH).map(async (url) => {
        const file = htmlFileOf(clientDir, url);
        if (!existsSync(file)) {
          missing.push(url);
          return;
        }
        const r = await index.addHTMLFile({ url, content: await readFile(file, 'utf8') });
        if (r.errors.length) throw new Error(`pagefind addHTMLFile ${url}: ${r.errors.join('; ')}`);
        pages++;
      }),
    );
  }
  const w = await index.writeFiles({ outputPath: path.join(clientDir, outputSubdir) });
  if (w.errors.length) throw new Error(`pagefind writeFiles: ${w.errors.join('; ')}`);
  await pagefind.close();
  return { pages, missing, ms: performance.now() - t0 };
}

/** Pagefind files are gzip of "pagefind_dcd" + payload (or the bare payload). */
function decode(buf: Buffer): Buffer {
  const MAGIC = 'pagefind_dcd';
  if (buf.subarray(0, MAGIC.length).toString() === MAGIC) return buf.subarray(MAGIC.length);
  const raw = gunzipSync(buf);
  return raw.subarray(0, MAGIC.length).toString() === MAGIC ? raw.subarray(MAGIC.length) : raw;
}

/**
 * Pagefind result id (the page hash, e.g. zh-cn_9674bd5) → page URL, read
 * from every fragment on disk: single fragments are named by the page hash;
 * grouped fragments (maxFragments) are objects keyed by page hash.
 */
export function pagefindUrls(pagefindDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const dir = path.join(pagefindDir, 'fragment');
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const json = JSON.parse(decode(readFileSync(path.join(dir, name))).toString('utf8')) as Record<string, unknown>;
    if (typeof json['url'] === 'string') out.set(name.slice(0, -'.pf_fragment'.length), json['url']);
    else for (const [hash, frag] of Object.entries(json)) if (frag && typeof (frag as { url?: unknown }).url === 'string') out.set(hash, (frag as { url: string }).url);
  }
  return out;
}

export interface PagefindSizes {
  /** index/*.pf_index (pre-gzipped) */
  index: { files: number; bytes: number; raw: number };
  /** pagefind.*.pf_meta + pagefind-entry.json */
  meta: { bytes: number; raw: number };
  fragments: { files: number; bytes: number; raw: number };
  filter: { files: number; bytes: number };
  /** wasm.*.pagefind (pre-gzipped) */
  wasm: { bytes: number; raw: number };
  /** pagefind.js + pagefind-worker.js: served as is (bytes) and what gzip -9 would make of them */
  js: { bytes: number; gzip: number };
}

function sumDir(dir: string, ext: string, rawToo: boolean): { files: number; bytes: number; raw: number } {
  const r = { files: 0, bytes: 0, raw: 0 };
  if (!existsSync(dir)) return r;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(ext)) continue;
    const buf = readFileSync(path.join(dir, name));
    r.files++;
    r.bytes += buf.length;
    if (rawToo) r.raw += decode(buf).length;
  }
  return r;
}

export function pagefindSizes(pagefindDir: string): PagefindSizes {
  const files = readdirSync(pagefindDir);
  const meta = { bytes: 0, raw: 0 };
  for (const f of files.filter((f) => f.endsWith('.pf_meta') || f === 'pagefind-entry.json')) {
    const buf = readFileSync(path.join(pagefindDir, f));
    meta.bytes += buf.length;
    meta.raw += f.endsWith('.pf_meta') ? decode(buf).length : buf.length;
  }
  const wasm = { bytes: 0, raw: 0 };
  for (const f of files.filter((f) => /^wasm\..*\.pagefind$/.test(f))) {
    const buf = readFileSync(path.join(pagefindDir, f));
    wasm.bytes += buf.length;
    wasm.raw += decode(buf).length;
  }
  const js = { bytes: 0, gzip: 0 };
  for (const f of ['pagefind.js', 'pagefind-worker.js']) {
    const p = path.join(pagefindDir, f);
    if (!existsSync(p)) continue;
    const buf = readFileSync(p);
    js.bytes += buf.length;
    js.gzip += gzipSync(buf, { level: 9 }).length;
  }
  const filter = sumDir(path.join(pagefindDir, 'filter'), '.pf_filter', false);
  return {
    index: sumDir(path.join(pagefindDir, 'index'), '.pf_index', true),
    meta,
    fragments: sumDir(path.join(pagefindDir, 'fragment'), '.pf_fragment', true),
    filter: { files: filter.files, bytes: filter.bytes },
    wasm,
    js,
  };
}

/** Bytes of every file under dir, recursively; `raw` counts .gz files decompressed. */
export function dirBytes(dir: string): { files: number; bytes: number; raw: number } {
  const r = { files: 0, bytes: 0, raw: 0 };
  if (!existsSync(dir)) return r;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    const size = statSync(file).size;
    r.files++;
    r.bytes += size;
    r.raw += e.name.endsWith('.gz') ? gunzipSync(readFileSync(file)).length : size;
  }
  return r;
}
