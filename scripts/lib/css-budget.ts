/**
 * How much CSS a built page loads, gzipped: its inline <style> bodies, every
 * <link rel="stylesheet"> and (recursively, each file once) the @imports
 * inside those. The CSS counterpart of js-budget.ts, with its helpers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { AssetFiles, attr, hasAttr, localPath, pageUrl } from './js-budget.ts';

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
  private readonly assets: AssetFiles;

  constructor(clientDir: string) {
    this.clientDir = path.resolve(clientDir);
    this.assets = new AssetFiles(this.clientDir, (css, urlPath) =>
      cssImports(css)
        .map((s) => localPath(asUrl(s), urlPath))
        .filter((p): p is string => p !== undefined),
    );
  }

  measure(page: string): PageCss {
    const url = pageUrl(page);
    const html = readFileSync(path.join(this.clientDir, page), 'utf8');
    let gzipBytes = 0;
    let rawBytes = 0;
    let inlineStyles = 0;
    const entries: string[] = [];
    const enqueue = (p: string | undefined) => {
      if (p !== undefined) entries.push(p);
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
    const { files, missing, rawBytes: fileRaw, gzipBytes: fileGzip } = this.assets.walk(entries);
    rawBytes += fileRaw;
    gzipBytes += fileGzip;
    return { page, url, gzipBytes, rawBytes, inlineStyles, files, missing };
  }
}
