/**
 * The broken-link check of npm run audit, on the files of a built site
 * (dist/client; a page /x/ is x/index.html): the sitemap index and its
 * chunks, every page's href/src/srcset/action/poster/data and its fragment
 * anchors. Links to withdrawn records (the published view's `gone`, which
 * the server answers with 410) are broken even though the server answers
 * them on purpose: no published page may lead there. External links are
 * counted, never fetched.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pageUrl } from './js-budget.ts';

export type FoundLink = { tag: string; attr: string; value: string };
export type ScannedPage = { ids: Set<string>; links: FoundLink[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

// The validator has its own parser but no cheap way to hand its DOM over;
// the built pages are machine-written, so a tag scanner that skips comments
// and raw-text elements (script, style, textarea, title) is exact here and
// about a millisecond a page.
const TOKEN = /<!--[\s\S]*?-->|<(script|style|textarea|title)\b([^>]*)>[\s\S]*?<\/\1\s*>|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Attributes that hold one URL, and srcset (a list). */
const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'poster', 'cite']);

function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** The ids (and a[name] anchors) of a page and every URL it references. */
export function scanHtml(html: string): ScannedPage {
  const ids = new Set<string>();
  const links: FoundLink[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const tag = (m[3] ?? m[1])?.toLowerCase();
    if (!tag) continue; // a comment
    const attrs = attributes(m[4] ?? m[2] ?? '');
    const id = attrs.get('id');
    if (id) ids.add(id);
    if (tag === 'a' && attrs.get('name')) ids.add(attrs.get('name')!);
    for (const [name, value] of attrs) {
      if (URL_ATTRS.has(name) || (name === 'data' && tag === 'object')) links.push({ tag, attr: name, value });
      else if (name === 'srcset' || name === 'imagesrcset')
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) links.push({ tag, attr: name, value: url });
        }
    }
  }
  return { ids, links };
}

/** The <loc> URLs of a sitemap or sitemap index. */
export function sitemapLocs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => decodeEntities(m[1]!));
}

/** `other data`: the audit was given another data directory than the build's (scripts/audit.ts). */
export type LinkProblemKind = 'missing' | 'gone' | 'anchor' | 'off-site sitemap URL' | 'other data';
export type LinkProblem = { from: string; link: string; kind: LinkProblemKind; detail?: string };

export type LinkReport = {
  pages: number;
  sitemapFiles: number;
  sitemapUrls: number;
  /** Internal references checked (each occurrence), and distinct targets. */
  internal: number;
  internalTargets: number;
  anchors: number;
  /** URL paths of withdrawn records (pages and twins) that no page may link to. */
  goneUrls: number;
  /** Links to other origins, by host; not fetched. */
  external: Map<string, number>;
  /** mailto:, tel:, data: and the like. */
  other: number;
  problems: LinkProblem[];
  /** Built pages the sitemap does not list (information). */
  notInSitemap: string[];
};

export type LinkCheckInput = {
  clientDir: string;
  /** HTML files relative to clientDir. */
  pages: readonly string[];
  /** URL paths that answer 410 (withdrawn records and their twins). */
  gone: ReadonlySet<string>;
  /** The site's canonical origin (sitemap and canonical links use it); found in sitemap.xml when not given. */
  origin?: string;
  /** Paths the server answers at request time (src/server/routes.ts), which have no file: a link to one is not broken. */
  requestTime?: ReadonlySet<string>;
};

const LOCAL = 'http://site.invalid';

/** Where a URL path is in the client dir, if it is there. */
class ClientFiles {
  private readonly dir: string;
  private readonly cache = new Map<string, string | null>();
  constructor(dir: string) {
    this.dir = dir;
  }
  /** The file that serves a URL path: x/ → x/index.html; x → x, else x/index.html. */
  resolve(urlPath: string): string | null {
    let hit = this.cache.get(urlPath);
    if (hit === undefined) {
      hit = null;
      const rel = urlPath.replace(/^\/+/, '');
      const full = path.join(this.dir, rel);
      if (full.startsWith(this.dir)) {
        const candidates = urlPath.endsWith('/') ? [path.join(full, 'index.html')] : [full, path.join(full, 'index.html')];
        for (const c of candidates)
          if (existsSync(c) && statSync(c).isFile()) {
            hit = path.relative(this.dir, c).split(path.sep).join('/');
            break;
          }
      }
      this.cache.set(urlPath, hit);
    }
    return hit;
  }
}

/** A malformed escape stays as written (and then names no file). */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `/a/b/` and `/a/b` name the same page. */
const withoutSlash = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);

export function checkLinks(input: LinkCheckInput): LinkReport {
  const clientDir = path.resolve(input.clientDir);
  const files = new ClientFiles(clientDir);
  const gone = new Set([...input.gone].map(withoutSlash));
  const problems: LinkProblem[] = [];
  const external = new Map<string, number>();
  let other = 0;

  const sitemapPath = path.join(clientDir, 'sitemap.xml');
  const indexXml = existsSync(sitemapPath) ? readFileSync(sitemapPath, 'utf8') : undefined;
  if (indexXml === undefined) problems.push({ from: '/sitemap.xml', link: '/sitemap.xml', kind: 'missing' });
  const indexLocs = indexXml ? sitemapLocs(indexXml) : [];
  const origin = input.origin ?? (indexLocs[0] ? new URL(indexLocs[0]).origin : undefined);

  /** The same-site path of a URL, or undefined for another origin. */
  const sitePath = (u: URL) => (u.origin === LOCAL || u.origin === origin ? safeDecode(u.pathname) : undefined);

  // Sitemap: the index, each chunk, each page.
  const chunkXmls: { from: string; xml: string }[] = [];
  if (indexXml?.includes('<sitemapindex')) {
    for (const loc of indexLocs) {
      const p = sitePath(new URL(loc, LOCAL));
      if (p === undefined) {
        problems.push({ from: '/sitemap.xml', link: loc, kind: 'off-site sitemap URL' });
        continue;
      }
      const file = files.resolve(p);
      if (!file) problems.push({ from: '/sitemap.xml', link: loc, kind: 'missing' });
      else chunkXmls.push({ from: p, xml: readFileSync(path.join(clientDir, file), 'utf8') });
    }
  } else if (indexXml) chunkXmls.push({ from: '/sitemap.xml', xml: indexXml });
  const inSitemap = new Set<string>();
  let sitemapUrls = 0;
  for (const chunk of chunkXmls) {
    for (const loc of sitemapLocs(chunk.xml)) {
      sitemapUrls++;
      const p = sitePath(new URL(loc, LOCAL));
      if (p === undefined) {
        problems.push({ from: chunk.from, link: loc, kind: 'off-site sitemap URL' });
        continue;
      }
      if (gone.has(withoutSlash(p))) problems.push({ from: chunk.from, link: loc, kind: 'gone', detail: 'answers 410' });
      const file = files.resolve(p);
      if (!file) {
        if (!gone.has(withoutSlash(p))) problems.push({ from: chunk.from, link: loc, kind: 'missing' });
      } else inSitemap.add(file);
    }
  }

  // Pages: scan each once; fragment targets are checked after every page's ids are known.
  const scanned = new Map<string, ScannedPage>();
  const scan = (file: string) => {
    let s = scanned.get(file);
    if (!s) {
      s = scanHtml(readFileSync(path.join(clientDir, file), 'utf8'));
      scanned.set(file, s);
    }
    return s;
  };
  const fragments: { from: string; link: string; file: string; id: string }[] = [];
  const targets = new Set<string>();
  let internal = 0;
  for (const page of input.pages) {
    const from = pageUrl(page);
    const base = new URL(from, LOCAL);
    for (const { value } of scan(page).links) {
      const ref = value.trim();
      if (ref === '') continue;
      let u: URL;
      try {
        u = new URL(ref, base);
      } catch {
        problems.push({ from, link: ref, kind: 'missing', detail: 'not a URL' });
        continue;
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        other++;
        continue;
      }
      const p = sitePath(u);
      if (p === undefined) {
        external.set(u.host, (external.get(u.host) ?? 0) + 1);
        continue;
      }
      internal++;
      targets.add(p);
      if (gone.has(withoutSlash(p))) {
        problems.push({ from, link: ref, kind: 'gone', detail: 'withdrawn record, answers 410' });
        continue;
      }
      if (input.requestTime?.has(p)) continue;
      const file = files.resolve(p);
      if (!file) {
        problems.push({ from, link: ref, kind: 'missing' });
        continue;
      }
      const id = safeDecode(u.hash.slice(1));
      if (id !== '' && file.endsWith('.html')) fragments.push({ from, link: ref, file, id });
    }
  }
  for (const f of fragments) {
    // "#top" scrolls to the top without an element (HTML, "navigating to a fragment").
    if (!scan(f.file).ids.has(f.id) && f.id.toLowerCase() !== 'top') problems.push({ from: f.from, link: f.link, kind: 'anchor', detail: `no id="${f.id}" in ${pageUrl(f.file)}` });
  }

  const notInSitemap = input.pages.filter((p) => !inSitemap.has(p)).map(pageUrl);
  return {
    pages: input.pages.length,
    sitemapFiles: indexXml === undefined ? 0 : 1 + (indexXml.includes('<sitemapindex') ? indexLocs.length : 0),
    sitemapUrls,
    internal,
    internalTargets: targets.size,
    anchors: fragments.length,
    goneUrls: gone.size,
    external,
    other,
    problems,
    notInSitemap,
  };
}
