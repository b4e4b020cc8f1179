/**
 * The nginx header snippet's Content-Security-Policy for a build. The policy
 * depends on the base map: a WMTS base map (site.yaml map.wmts) adds its tile
 * origins to img-src and connect-src, as the Node server does from the
 * build's file manifest (src/server/headers.ts). nginx reads its snippet,
 * not the manifest, so `npm run nginx:csp` rewrites that one line from the
 * same securityHeaders(); docs/deployment.md says when.
 */
import { securityHeaders } from '../../src/server/headers.ts';

const CSP_LINE = /^add_header Content-Security-Policy "[^"]*" always;$/m;

/** The snippet's CSP line for these extra tile origins. */
export function cspLine(tileOrigins: readonly string[]): string {
  return `add_header Content-Security-Policy "${securityHeaders(false, tileOrigins)['content-security-policy']}" always;`;
}

/** The snippet with its CSP line replaced; throws when the snippet has none (not the geoportal snippet). */
export function rewriteCsp(snippet: string, tileOrigins: readonly string[]): string {
  if (!CSP_LINE.test(snippet)) throw new Error('没有找到 add_header Content-Security-Policy 行：这不是 geoportal-headers.conf？');
  return snippet.replace(CSP_LINE, cspLine(tileOrigins));
}
