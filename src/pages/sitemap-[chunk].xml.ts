import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedView, type SitePage } from '../data/index.ts';
import { escapeXml, SITEMAP_CHUNK } from '../lib/sitemap.ts';

export const getStaticPaths = (async () => {
  const { sitemap } = await getPublishedView();
  const chunks = Math.max(1, Math.ceil(sitemap.length / SITEMAP_CHUNK));
  return Array.from({ length: chunks }, (_, i) => ({ params: { chunk: String(i) }, props: { pages: sitemap.slice(i * SITEMAP_CHUNK, (i + 1) * SITEMAP_CHUNK) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ pages: SitePage[] }> = ({ props, site }) => {
  const urls = props.pages.map(
    (p) => `<url><loc>${escapeXml(new URL(p.path, site).href)}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`,
  );
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
