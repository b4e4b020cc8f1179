/** The security header set (src/server/headers.ts): strict where it must be, open where the map needs it. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAINT_SNIPPET } from '../../../src/lib/elderly-mode.ts';
import { contentSecurityPolicy, scriptHash, securityHeaders } from '../../../src/server/headers.ts';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('security headers', () => {
  it('allow scripts from the site and the one inline snippet by hash, never unsafe-inline', () => {
    const csp = directives(contentSecurityPolicy());
    const expected = `'sha256-${createHash('sha256').update(PAINT_SNIPPET).digest('base64')}'`;
    expect(csp.get('script-src')).toEqual(["'self'", expected]);
    expect(scriptHash(PAINT_SNIPPET)).toBe(expected);
    for (const [name, values] of csp) expect(values, name).not.toContain("'unsafe-inline'");
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    // Tiles from 天地图 only: images and fetches, nothing else off the site.
    expect(csp.get('img-src')).toContain('https://*.tianditu.gov.cn');
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://*.tianditu.gov.cn']);
  });

  it('a changed snippet no longer matches the hash', () => {
    expect(scriptHash(`${PAINT_SNIPPET} `)).not.toBe(scriptHash(PAINT_SNIPPET));
  });

  it('send HSTS only over HTTPS, and the rest always', () => {
    const plain = securityHeaders(false);
    const tls = securityHeaders(true);
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(tls['strict-transport-security']).toMatch(/^max-age=31536000/);
    for (const h of [plain, tls]) {
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(h['permissions-policy']).toMatch(/(^|, )geolocation=\(self\)(,|$)/);
      expect(h['permissions-policy']).toMatch(/camera=\(\)/);
      expect(h['x-frame-options']).toBe('SAMEORIGIN');
    }
  });
});
