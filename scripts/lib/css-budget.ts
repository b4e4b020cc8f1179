/**
 * How much CSS a built page loads, gzipped: its inline <style> bodies, every
 * <link rel="stylesheet"> and (recursively, each file once) the @imports
 * inside those. The CSS counterpart of js-budget.ts, with its helpers.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { attr, hasAttr, localPath, pageUrl } from './js-budget.ts';

export type PageCss = {
  page: string;
  url: string;
  gzipBytes: number;
  rawBytes: number;
  inlineStyles: number;
  /** The CSS files counted, as URL paths. */
  files: string[];
  missing: string[];
};

const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;
const IMPORT = /@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/gi;

/** In CSS and HTML a bare `a.css` is a relative URL (localPath reads it as a module specifier). */
const asUrl = (ref: string) => (/^([a-z][\w+.-]*:|\.|\/)/i.test(ref) ? ref : `./${ref}`);

/** The @import targets of a stylesheet. */
export function cssImports(css: string): string[] {
  return [...css.matchAll(IMPORT)].map((m) => m[2]!);
}

/** Measures pages of one client dir; caches each CSS file's size and imports. */
export class CssBudget {
  readonly clientDir: string;
  private files = new Map<string, { raw: number; gzip: number; imports: string[] } | null>();

  constructor(clientDir: string) {
    this.clientDir = path.resolve(clientDir);
  }

  private file(urlPath: string) {
    let info = this.files.get(urlPath);
    if (info === undefined) {
      const full = path.join(this.clientDir, urlPath);
      if (!full.startsWith(this.clientDir) || !existsSync(full)) info = null;
      else {
        const buf = readFileSync(full);
        const imports = cssImports(buf.toString('utf8'))
          .map((s) => localPath(asUrl(s), urlPath))
          .filter((p): p is string => p !== undefined);
        info = { raw: buf.length, gzip: gzipSync(buf).length, imports };
      }
      this.files.set(urlPath, info);
    }
    return info;
  }

  measure(page: string): PageCss {
    const url = pageUrl(page);
    const html = readFileSync(path.join(this.clientDir, page), 'utf8');
    let gzipBytes = 0;
    let rawBytes = 0;
    let inlineStyles = 0;
    const seen = new Set<string>();
    const queue: string[] = [];
    const enqueue = (p: string | undefined) => {
      if (p !== undefined && !seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    };
    for (const m of html.matchAll(STYLE)) {
      const body = m[1] ?? '';
      if (body.trim() === '') continue;
      inlineStyles++;
      rawBytes += Buffer.byteLength(body);
      gzipBytes += gzipSync(body).length;
      for (const s of cssImports(body)) enqueue(localPath(asUrl(s), url));
    }
    for (const m of html.matchAll(LINK)) {
      const attrs = m[1] ?? '';
      const rel = attr(attrs, 'rel')?.toLowerCase().split(/\s+/) ?? [];
      const href = attr(attrs, 'href');
      if (rel.includes('stylesheet') && href !== undefined && !hasAttr(attrs, 'disabled')) enqueue(localPath(asUrl(href), url));
    }
    const files: string[] = [];
    const missing: string[] = [];
    while (queue.length > 0) {
      const p = queue.shift()!;
      const info = this.file(p);
      if (!info) {
        missing.push(p);
        continue;
      }
      files.push(p);
      rawBytes += info.raw;
      gzipBytes += info.gzip;
      for (const dep of info.imports) enqueue(dep);
    }
    return { page, url, gzipBytes, rawBytes, inlineStyles, files, missing };
  }
}
