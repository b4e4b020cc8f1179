/**
 * The security headers of every response, static or request-time, 404, 410
 * and errors included: the Node server (src/server/) sets them, and the
 * shipped nginx site (deploy/nginx/) carries the same values, which
 * tests/unit/deploy/nginx-conf.test.ts keeps equal.
 *
 * Scripts: 'self' and the one inline snippet by its hash (src/lib/elderly-mode.ts),
 * never 'unsafe-inline'. Styles: files only (astro.config.mjs inlines none).
 * Tiles and capabilities come from 天地图's hosts; nothing else leaves the site.
 */
import { createHash } from 'node:crypto';
import { PAINT_SNIPPET } from '../lib/elderly-mode.ts';

/** Hosts the map draws from: 天地图's tile servers t0–t7. */
export const TILE_ORIGINS = ['https://*.tianditu.gov.cn'] as const;

/** The CSP source expression of an inline script: 'sha256-<base64>'. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(tileOrigins: readonly string[] = TILE_ORIGINS): string {
  const tiles = tileOrigins.join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHash(PAINT_SNIPPET)}`,
    "style-src 'self'",
    `img-src 'self' data: blob: ${tiles}`,
    "font-src 'self'",
    `connect-src 'self' ${tiles}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Geolocation for the site itself (the map's 定位); every other powerful feature off. */
export const PERMISSIONS_POLICY = 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=()';

/** One year, subdomains included: sent only on responses to HTTPS requests. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The header set, lower-case names. `https`: the request arrived over HTTPS
 * (see src/server/client-info.ts). `extraTileOrigins`: a configured WMTS base
 * map's origins (the build lists them in the file manifest).
 */
export function securityHeaders(https: boolean, extraTileOrigins: readonly string[] = []): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy([...TILE_ORIGINS, ...extraTileOrigins]),
    'x-content-type-options': 'nosniff',
    // Not no-referrer: 天地图 checks a browser key's domain whitelist against the Referer.
    'referrer-policy': 'strict-origin-when-cross-origin',
    // frame-ancestors for current browsers, X-Frame-Options for old ones.
    'x-frame-options': 'SAMEORIGIN',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  };
}
