/** sitemap.xml: a sitemap index over chunks of at most SITEMAP_CHUNK URLs. */
import type { APIRoute } from 'astro';
import { getPublishedView } from '../data/index.ts';
import { escapeXml, SITEMAP_CHUNK } from '../lib/sitemap.ts';

export const GET: APIRoute = async ({ site }) => {
  const chunks = Math.max(1, Math.ceil((await getPublishedView()).sitemap.length / SITEMAP_CHUNK));
  const entries = Array.from({ length: chunks }, (_, i) => `<sitemap><loc>${escapeXml(new URL(`/sitemap-${i}.xml`, site).href)}</loc></sitemap>`);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
