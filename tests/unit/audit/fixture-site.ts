/**
 * A tiny built site on disk for the audit tests: files under a temporary
 * client dir, written from a path → content map; removed by cleanup().
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type FixtureSite = { dir: string; cleanup: () => void };

export function fixtureSite(files: Record<string, string | Buffer>): FixtureSite {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-fixture-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid page around a body. */
export const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试页</title>${head}</head><body><main id="main">${body}</main></body></html>`;

export const ORIGIN = 'https://zrzy.example.gov.cn';

/** A sitemap index with one chunk listing the given paths. */
export function sitemap(paths: string[]): Record<string, string> {
  return {
    'sitemap.xml': `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${ORIGIN}/sitemap-0.xml</loc></sitemap></sitemapindex>`,
    'sitemap-0.xml': `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${ORIGIN}${p}</loc></url>`).join('')}</urlset>`,
  };
}
