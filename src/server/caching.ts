/**
 * Cache-Control by path and status, one rule for the Node server and the
 * nginx site (deploy/nginx/). Content-hashed files never change: a year,
 * immutable. Everything else revalidates (no-cache) against its ETag, so a
 * new build is seen at once and an unchanged page costs a 304.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Content-hashed paths: Astro's bundles and the versioned search index (docs/search.md). */
export const isHashedPath = (pathname: string): boolean => pathname.startsWith('/_astro/') || /^\/search\/v-[0-9a-f]+\//.test(pathname);

export function cacheControl(pathname: string, status: number): string {
  if (status === 200 || status === 304) return isHashedPath(pathname) ? IMMUTABLE : REVALIDATE;
  // A missing page may appear with the next build; a withdrawn one stays withdrawn.
  if (status === 404) return 'public, max-age=60';
  if (status === 410) return 'public, max-age=3600';
  return 'no-store';
}
