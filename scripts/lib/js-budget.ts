/**
 * How much JavaScript a built page ships, gzipped: its inline <script>
 * bodies, every <script src> and <link rel="modulepreload"> it references,
 * and (recursively, each file once) the static imports inside those. Used by
 * the budget test (tests/build/) and `npm run bench:budget`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Pages without the map or search must ship at most this much, gzipped. */
export const PAGE_BUDGET_BYTES = 30 * 1024;

export type PageJs = {
  /** Path of the HTML file relative to the client dir, with / separators. */
  page: string;
  /** The URL path the page is served at. */
  url: string;
  /** Gzipped bytes of all the page's JavaScript. */
  gzipBytes: number;
  /** Uncompressed bytes. */
  rawBytes: number;
  inlineScripts: number;
  /** The JS files counted, as URL paths. */
  files: string[];
  /** References that pointed to no file in the client dir. */
  missing: string[];
};

const gz = (text: string | Buffer) => gzipSync(text).length;

/** Every .html file under the client dir, as relative paths with / separators. */
export function listHtmlPages(clientDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) out.push(path.relative(clientDir, full).split(path.sep).join('/'));
    }
  };
  walk(clientDir);
  return out.sort();
}

/** dist/client/a/b/index.html → /a/b/; 404.html → /404.html. */
export function pageUrl(page: string): string {
  if (page === 'index.html') return '/';
  if (page.endsWith('/index.html')) return `/${page.slice(0, -'index.html'.length)}`;
  return `/${page}`;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;
/** Static `import … from "x"`, `import "x"`, `export … from "x"` at a statement start. Not import(). */
const STATIC_IMPORT = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;

/** An attribute's value in a start tag's attribute text. */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

export function hasAttr(attrs: string, name: string): boolean {
  return new RegExp(`(?:^|\\s)${name}(?:\\s*=|\\s|$)`, 'i').test(attrs);
}

/** Script types that are JavaScript (others, like application/ld+json, are data). */
function isJsType(type: string | undefined): boolean {
  return type === undefined || type === '' || /^(module|text\/javascript|application\/javascript|text\/ecmascript)$/i.test(type.trim());
}

/** The static import specifiers of a JS module. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(STATIC_IMPORT)) if (m[2]) out.push(m[2]);
  return out;
}

/** A same-site URL path for a reference, or undefined for other origins and bare specifiers. */
export function localPath(ref: string, fromUrl: string): string | undefined {
  if (/^(data|blob):/i.test(ref)) return undefined;
  if (!/^(\/|\.\.?\/|[a-z][\w+.-]*:)/i.test(ref)) return undefined; // bare specifier
  const u = new URL(ref, new URL(fromUrl, 'http://site.invalid'));
  if (u.origin !== 'http://site.invalid') return undefined;
  return decodeURIComponent(u.pathname);
}

/**
 * The files of one client dir that pages load, each read, gzipped and parsed
 * for its own references once; `walk` counts what a set of entry references
 * reaches, each file once. Shared by the JS and the CSS budget (css-budget.ts).
 */
export class AssetFiles {
  readonly clientDir: string;
  private readonly importsOf: (text: string, urlPath: string) => string[];
  private files = new Map<string, { raw: number; gzip: number; imports: string[] } | null>();

  /** `importsOf`: the same-site URL paths a file of this kind references. */
  constructor(clientDir: string, importsOf: (text: string, urlPath: string) => string[]) {
    this.clientDir = clientDir;
    this.importsOf = importsOf;
  }

  private file(urlPath: string) {
    let info = this.files.get(urlPath);
    if (info === undefined) {
      const full = path.join(this.clientDir, urlPath);
      if (!full.startsWith(this.clientDir) || !existsSync(full)) info = null;
      else {
        const buf = readFileSync(full);
        info = { raw: buf.length, gzip: gz(buf), imports: this.importsOf(buf.toString('utf8'), urlPath) };
      }
      this.files.set(urlPath, info);
    }
    return info;
  }

  /** The files reachable from `entries` (URL paths, in order, duplicates ignored), breadth first. */
  walk(entries: Iterable<string>): { files: string[]; missing: string[]; rawBytes: number; gzipBytes: number } {
    const seen = new Set<string>();
    const queue: string[] = [];
    const enqueue = (p: string) => {
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    };
    for (const p of entries) enqueue(p);
    const out = { files: [] as string[], missing: [] as string[], rawBytes: 0, gzipBytes: 0 };
    while (queue.length > 0) {
      const p = queue.shift()!;
      const info = this.file(p);
      if (!info) {
        out.missing.push(p);
        continue;
      }
      out.files.push(p);
      out.rawBytes += info.raw;
      out.gzipBytes += info.gzip;
      for (const dep of info.imports) enqueue(dep);
    }
    return out;
  }
}

/** Measures pages of one client dir; caches each JS file's size and imports. */
export class JsBudget {
  readonly clientDir: string;
  private readonly assets: AssetFiles;

  constructor(clientDir: string) {
    this.clientDir = clientDir;
    this.assets = new AssetFiles(clientDir, (code, urlPath) =>
      staticImports(code)
        .map((s) => localPath(s, urlPath))
        .filter((p): p is string => p !== undefined),
    );
  }

  measure(page: string): PageJs {
    const url = pageUrl(page);
    const html = readFileSync(path.join(this.clientDir, page), 'utf8');
    let gzipBytes = 0;
    let rawBytes = 0;
    let inlineScripts = 0;
    const entries: string[] = [];
    const enqueue = (ref: string, from: string) => {
      const p = localPath(ref, from);
      if (p !== undefined) entries.push(p);
    };

    for (const m of html.matchAll(SCRIPT)) {
      const attrs = m[1] ?? '';
      if (!isJsType(attr(attrs, 'type'))) continue;
      const src = attr(attrs, 'src');
      if (src !== undefined) {
        enqueue(src, url);
        continue;
      }
      const body = m[2] ?? '';
      if (body.trim() === '') continue;
      inlineScripts++;
      rawBytes += Buffer.byteLength(body);
      gzipBytes += gz(body);
      if (attr(attrs, 'type')?.toLowerCase() === 'module') for (const s of staticImports(body)) enqueue(s, url);
    }
    for (const m of html.matchAll(LINK)) {
      const attrs = m[1] ?? '';
      const rel = attr(attrs, 'rel')?.toLowerCase().split(/\s+/) ?? [];
      const href = attr(attrs, 'href');
      if (rel.includes('modulepreload') && href !== undefined && !hasAttr(attrs, 'disabled')) enqueue(href, url);
    }

    const { files, missing, rawBytes: fileRaw, gzipBytes: fileGzip } = this.assets.walk(entries);
    rawBytes += fileRaw;
    gzipBytes += fileGzip;
    return { page, url, gzipBytes, rawBytes, inlineScripts, files, missing };
  }
}

/** Measures every HTML page of a client dir. */
export function measureAll(clientDir: string): PageJs[] {
  const budget = new JsBudget(path.resolve(clientDir));
  return listHtmlPages(budget.clientDir).map((p) => budget.measure(p));
}

/** Pages allowed more than the budget: the full maps and the search page. */
export function isExempt(url: string): boolean {
  return pageType(url) === 'map' || url.startsWith('/search/');
}

export type PageType = 'home' | 'column list' | 'notice detail' | 'red site' | 'red route' | 'enforcement detail' | 'enforcement decisions' | 'enforcement verify' | 'enforcement column' | 'map' | 'search' | 'planner' | '404' | 'other';

/** The kind of page a URL path is, for the budget table. */
export function pageType(url: string): PageType {
  if (url === '/') return 'home';
  if (url === '/404.html') return '404';
  // The full maps, which preload their map code: /map/ and the 红色资源专题图.
  if (url.startsWith('/map/') || url === '/red/map/') return 'map';
  if (url.startsWith('/search/')) return 'search';
  if (url === '/planner/') return 'planner';
  // The notice lists by status and district (/notices/status/open/, /notices/district/230202/page/2/) are lists.
  if (/^\/notices\/(status|district)\/[^/]+\/(page\/\d+\/)?$/.test(url)) return 'column list';
  if (/^\/notices\/(?!page\/)[^/]+\/(?!page\/)[^/]+\/$/.test(url)) return 'notice detail';
  if (/^\/red\/sites\/[^/]+\/$/.test(url)) return 'red site';
  if (/^\/red\/routes\/[^/]+\/$/.test(url)) return 'red route';
  // 执法严起来: the decision lists (filters, map), the verification page (a lazy lookup), and the
  // column's pages that need no JavaScript of their own (事前公开, the roster, the statistics).
  if (/^\/enforcement\/decisions\//.test(url)) return 'enforcement decisions';
  if (url === '/enforcement/verify/') return 'enforcement verify';
  if (/^\/enforcement\/(before|officers|statistics)\/(\d{4}\/)?$/.test(url)) return 'enforcement column';
  if (/^\/enforcement\/(?!page\/)[^/]+\/$/.test(url)) return 'enforcement detail';
  if (/^\/(notices|enforcement|red)\/([^/]+\/)?(page\/\d+\/)?$/.test(url)) return 'column list';
  return 'other';
}
