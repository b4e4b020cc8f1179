/** sitemap.xml helpers; the pages themselves come from the published view. */

/** The sitemap protocol allows 50,000 URLs per file; we split well below it. */
export const SITEMAP_CHUNK = 10_000;

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
