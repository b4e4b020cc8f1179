import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../data/index.ts';
import { escapeXml, SITEMAP_CHUNK, sitePages, type SitePage } from '../lib/site-pages.ts';

export const getStaticPaths = (async () => {
  const pages = sitePages(await getDataset());
  const chunks = Math.max(1, Math.ceil(pages.length / SITEMAP_CHUNK));
  return Array.from({ length: chunks }, (_, i) => ({ params: { chunk: String(i) }, props: { pages: pages.slice(i * SITEMAP_CHUNK, (i + 1) * SITEMAP_CHUNK) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ pages: SitePage[] }> = ({ props, site }) => {
  const urls = props.pages.map(
    (p) => `<url><loc>${escapeXml(new URL(p.path, site).href)}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`,
  );
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
