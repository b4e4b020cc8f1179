/**
 * The built site's files, as the Node server serves them.
 *
 * At the end of a build, `writeStaticManifest` writes a brotli and a gzip twin
 * beside every text file of dist/client (index.html → index.html.br,
 * index.html.gz; nginx's gzip_static and brotli_static serve the same twins)
 * and one manifest in dist/server: for each file its size, ETag (a content
 * hash, so two builds of the same source agree), type and which twins exist,
 * plus the paths of withdrawn records, which answer 410. At start the server
 * reads only that manifest: a request never touches the file system to learn
 * whether a file exists.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

export const STATIC_MANIFEST_FILE = 'static-files.json';

/** Content types by extension; text types get compressed twins. */
const TYPES: Record<string, { type: string; text: boolean }> = {
  html: { type: 'text/html; charset=utf-8', text: true },
  css: { type: 'text/css; charset=utf-8', text: true },
  js: { type: 'text/javascript; charset=utf-8', text: true },
  mjs: { type: 'text/javascript; charset=utf-8', text: true },
  json: { type: 'application/json; charset=utf-8', text: true },
  geojson: { type: 'application/geo+json; charset=utf-8', text: true },
  xml: { type: 'application/xml; charset=utf-8', text: true },
  svg: { type: 'image/svg+xml; charset=utf-8', text: true },
  txt: { type: 'text/plain; charset=utf-8', text: true },
  csv: { type: 'text/csv; charset=utf-8', text: true },
  webmanifest: { type: 'application/manifest+json; charset=utf-8', text: true },
  // The search index parts are gzip already (docs/search.md).
  gz: { type: 'application/gzip', text: false },
  pdf: { type: 'application/pdf', text: false },
  png: { type: 'image/png', text: false },
  jpg: { type: 'image/jpeg', text: false },
  jpeg: { type: 'image/jpeg', text: false },
  webp: { type: 'image/webp', text: false },
  ico: { type: 'image/x-icon', text: false },
  woff2: { type: 'font/woff2', text: false },
  pmtiles: { type: 'application/vnd.pmtiles', text: false },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', text: false },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text: false },
  zip: { type: 'application/zip', text: false },
};
const BINARY = 'application/octet-stream';

/** Atom feeds are named feed.xml (docs/notice-lists.md): typed as feeds, not as any XML. */
const ATOM = 'application/atom+xml; charset=utf-8';

export function contentTypeOf(file: string): string {
  if (path.basename(file) === 'feed.xml') return ATOM;
  return TYPES[path.extname(file).slice(1).toLowerCase()]?.type ?? BINARY;
}

/**
 * How hard to compress a file, by who downloads it.
 * - `shared`: files every visitor downloads (bundles, the district outlines,
 *   the map's style): brotli 11 and gzip 9, the smallest.
 * - `page`: lists, indexes, column pages: brotli 5 and gzip 6.
 * - `record`: the one page per record (tens of thousands at 50,000 notices),
 *   each fetched by few readers: gzip 6 only. Browsers all take gzip; brotli
 *   5 would save a further tenth of a 20 KB page and cost the build as much
 *   again (measured: brotli 11 gives 26.3 % of the raw bytes at 1 MB/s,
 *   brotli 5 31.0 % at 38 MB/s, gzip 6 35.1 % at 42 MB/s).
 * - `none`: the records' .json/.geojson twins, a few KB each and fetched by
 *   programs: no twins (nginx, finding no .gz beside them, gzips them on the fly).
 */
export type CompressionClass = 'shared' | 'page' | 'record' | 'none';
export const isSharedAsset = (rel: string): boolean => /^(_astro|geo|map)\//.test(rel);
const LEVELS: Record<CompressionClass, { br?: number; gzip?: number }> = { shared: { br: 11, gzip: 9 }, page: { br: 5, gzip: 6 }, record: { gzip: 6 }, none: {} };

/** Twins are written for text files of at least this size; below it the headers outweigh the saving. */
export const COMPRESS_MIN_BYTES = 256;

export type Encoding = 'br' | 'gzip';
export const TWIN_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

export interface StaticFile {
  size: number;
  etag: string;
  type: string;
  /** Sizes of the twins, when written. */
  br?: number;
  gzip?: number;
}

export interface StaticManifest {
  format: 1;
  /** By URL path of the file: `/index.html`, `/_astro/page.abc.js`. */
  files: Record<string, StaticFile>;
  /** URL paths that answer 410: withdrawn records' pages (`/notices/land/x/`) and their twins. */
  gone: string[];
  /** Tile origins beyond 天地图's that the CSP must allow: a configured WMTS base map's (site.yaml map.wmts). */
  tileOrigins?: string[];
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function* walk(dir: string, prefix = ''): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(path.join(dir, e.name), rel);
    else if (e.isFile()) yield rel;
  }
}

const isTwin = (rel: string, all: Set<string>): boolean =>
  (rel.endsWith('.br') || (rel.endsWith('.gz') && !rel.startsWith('search/'))) && all.has(rel.slice(0, -3));

export interface WriteManifestResult {
  files: number;
  twins: number;
  rawBytes: number;
  brBytes: number;
}

/**
 * Writes `bytes` as the file `rel` below `clientDir` (when `write`), and its
 * brotli and gzip twins when they are smaller; returns its manifest entry.
 * Compression runs on libuv's thread pool.
 */
export async function writeWithTwins(clientDir: string, rel: string, bytes: Buffer, write = false, cls: CompressionClass = isSharedAsset(rel) ? 'shared' : 'page'): Promise<{ entry: StaticFile; twins: number; brBytes: number }> {
  const abs = path.join(clientDir, rel);
  if (write) await writeFile(abs, bytes);
  const entry: StaticFile = { size: bytes.length, etag: etagOf(bytes), type: contentTypeOf(rel) };
  let twins = 0;
  let brBytes = 0;
  const level = LEVELS[cls];
  if (TYPES[path.extname(rel).slice(1).toLowerCase()]?.text && bytes.length >= COMPRESS_MIN_BYTES && (level.br !== undefined || level.gzip !== undefined)) {
    // One chunk per file: with the default 16 KB chunks every file costs the main thread a callback per chunk.
    const chunkSize = Math.max(16 * 1024, bytes.length + 1024);
    const [br, gz] = await Promise.all([
      level.br === undefined ? undefined : brotliAsync(bytes, { chunkSize, params: { [zlib.BROTLI_PARAM_QUALITY]: level.br, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      level.gzip === undefined ? undefined : gzipAsync(bytes, { chunkSize, level: level.gzip }),
    ]);
    if (br && br.length < bytes.length) {
      await writeFile(`${abs}${TWIN_SUFFIX.br}`, br);
      entry.br = br.length;
      twins++;
      brBytes += br.length;
    }
    if (gz && gz.length < bytes.length) {
      await writeFile(`${abs}${TWIN_SUFFIX.gzip}`, gz);
      entry.gzip = gz.length;
      twins++;
    }
  }
  return { entry, twins, brBytes };
}

/** Runs `task` over `items`, `width` at a time: enough to keep the thread pool busy, few enough to bound memory. */
export async function eachLimited<T>(items: Iterable<T>, width: number, task: (item: T) => Promise<void>): Promise<void> {
  const it = items[Symbol.iterator]();
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let r = it.next(); !r.done; r = it.next()) await task(r.value);
    }),
  );
}

/**
 * Writes the twins into `clientDir` and the manifest into `serverDir`.
 * `done`: files already written with their twins (the map collections and
 * the records' twins, src/integrations/record-twins-writer.ts), entered as they are.
 */
export async function writeStaticManifest(
  clientDir: string,
  serverDir: string,
  gone: readonly string[],
  tileOrigins: readonly string[] = [],
  done: ReadonlyMap<string, StaticFile> = new Map(),
  /** The class of a file other than shared assets (default: `page`); the build names the records' pages `record`. */
  classOf: (rel: string) => CompressionClass | undefined = () => undefined,
): Promise<WriteManifestResult> {
  const all: string[] = [];
  for await (const rel of walk(clientDir)) all.push(rel);
  const present = new Set(all);
  const sources = all.filter((rel) => !isTwin(rel, present));
  const files: Record<string, StaticFile> = {};
  const result: WriteManifestResult = { files: 0, twins: 0, rawBytes: 0, brBytes: 0 };
  const count = (key: string, entry: StaticFile): void => {
    files[key] = entry;
    result.files++;
    result.rawBytes += entry.size;
  };
  for (const [key, entry] of done) {
    count(key, entry);
    result.twins += (entry.br !== undefined ? 1 : 0) + (entry.gzip !== undefined ? 1 : 0);
    result.brBytes += entry.br ?? 0;
  }
  await eachLimited(
    sources.filter((rel) => !done.has(`/${rel}`)),
    8,
    async (rel) => {
      const { entry, twins, brBytes } = await writeWithTwins(clientDir, rel, await readFile(path.join(clientDir, rel)), false, isSharedAsset(rel) ? 'shared' : (classOf(rel) ?? 'page'));
      count(`/${rel}`, entry);
      result.twins += twins;
      result.brBytes += brBytes;
    },
  );
  const sorted = Object.fromEntries(Object.keys(files).sort().map((k) => [k, files[k]!]));
  const manifest: StaticManifest = { format: 1, files: sorted, gone: [...new Set(gone)].sort(), tileOrigins: [...new Set(tileOrigins)].sort() };
  await writeFile(path.join(serverDir, STATIC_MANIFEST_FILE), JSON.stringify(manifest));
  return result;
}

/** A strong ETag from the content: the same bytes give the same tag on every build and every instance. */
export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
}

export async function readStaticManifest(serverDir: string): Promise<StaticManifest> {
  const manifest = JSON.parse(await readFile(path.join(serverDir, STATIC_MANIFEST_FILE), 'utf8')) as StaticManifest;
  if (manifest.format !== 1) throw new Error(`${STATIC_MANIFEST_FILE}: unknown format ${String(manifest.format)}`);
  return manifest;
}

/**
 * The file a URL path names, or undefined: `/a/` and `/a` → `/a/index.html`
 * (trailing slashes are ignored, as in astro.config.mjs), `/a.json` → itself.
 * `pathname` is already percent-decoded and free of `..` (see src/server/request-path.ts).
 */
export function lookupStatic(manifest: StaticManifest, pathname: string): { key: string; file: StaticFile } | undefined {
  const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}/index.html`];
  for (const key of candidates) {
    const file = manifest.files[key];
    if (file) return { key, file };
  }
  return undefined;
}

/** The encoding to send: brotli, then gzip, when the client accepts it (q > 0) and the twin exists. */
export function chooseEncoding(acceptEncoding: string | undefined, file: StaticFile): Encoding | undefined {
  if (!acceptEncoding || (file.br === undefined && file.gzip === undefined)) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(value) ? value : 0);
  }
  const ok = (name: string): boolean => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (file.br !== undefined && ok('br')) return 'br';
  if (file.gzip !== undefined && (ok('gzip') || ok('x-gzip'))) return 'gzip';
  return undefined;
}
