/**
 * The shipped nginx site (deploy/nginx/geoportal.conf and its snippets)
 * sends the header set of src/server/headers.ts on every location, exactly
 * one Cache-Control each, and nothing twice. The header set lives in one
 * place; this test holds the nginx file to it. Negative cases: modified
 * copies (a header missing, a value changed, a location with its own
 * add_header and no include, expires, HSTS over plain HTTP) and the
 * configuration the docs used to show must fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSiteHeaders, expandIncludes, loadSite, locationHeaders, parse, tokenize, type Directive } from '../../../scripts/lib/nginx-conf.ts';
import { HSTS, securityHeaders } from '../../../src/server/headers.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const NGINX = path.join(repo, 'deploy', 'nginx');
const SITE = path.join(NGINX, 'geoportal.conf');
const HEADERS = path.join(NGINX, 'snippets', 'geoportal-headers.conf');

/** Loads the site with some files replaced by edited copies. */
function siteWith(edits: Record<string, (text: string) => string> = {}): Directive[] {
  return loadSite(SITE, NGINX, (file) => {
    const text = readFileSync(file, 'utf8');
    const edit = edits[path.relative(NGINX, file)];
    return edit ? edit(text) : text;
  });
}

const check = (top: Directive[]) => checkSiteHeaders(top, securityHeaders);

/** Replaces text that must be there (so an edit cannot silently do nothing). */
const sub = (from: string | RegExp, to: string) => (text: string) => {
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`not in the file: ${from}`);
  return text.replace(from, to);
};

describe('the header snippet is securityHeaders()', () => {
  it('its add_header lines are exactly securityHeaders(false), plus HSTS by the $scheme map', () => {
    const lines = parse(readFileSync(HEADERS, 'utf8'), HEADERS).filter((d) => d.name === 'add_header');
    const sent = Object.fromEntries(lines.filter((d) => !d.args[1]!.startsWith('$')).map((d) => [d.args[0]!.toLowerCase(), d.args[1]]));
    expect(sent).toEqual(securityHeaders(false));
    expect(lines.every((d) => d.args[2] === 'always')).toBe(true);
    const hsts = lines.filter((d) => d.args[1]!.startsWith('$'));
    expect(hsts.map((d) => [d.args[0]!.toLowerCase(), d.args[1]])).toEqual([['strict-transport-security', '$geoportal_hsts']]);
    expect(securityHeaders(true)['strict-transport-security']).toBe(HSTS);
  });
  it('it hides the Node server’s copy of each of them', () => {
    const hidden = parse(readFileSync(HEADERS, 'utf8'), HEADERS).filter((d) => d.name === 'proxy_hide_header').map((d) => d.args[0]!.toLowerCase()).sort();
    expect(hidden).toEqual(Object.keys(securityHeaders(true)).sort());
  });
});

describe('the shipped site', () => {
  const top = siteWith();
  const locations = locationHeaders(top);

  it('every location of both servers sends the set, HSTS only on the TLS server, one Cache-Control each', () => {
    expect(check(top)).toEqual([]);
  });
  it('has the locations the check is about (a guard against checking nothing)', () => {
    const names = locations.map((l) => `${l.https ? 'https' : 'http'} ${l.location}`);
    expect(names).toEqual(
      expect.arrayContaining(['http location /', 'https location ^~ /_astro/', 'https location ~ ^/search/v-[^/]+/', 'https location ^~ /_image', 'https location = /config/map.json', 'https location /', 'https location @node']),
    );
    expect(locations.filter((l) => l.proxied).map((l) => l.location)).toEqual(['location = /config/map.json', 'location @node']);
  });
  it('the brotli snippet is optional: a wildcard include that matches nothing adds nothing', () => {
    const without = expandIncludes(parse('include snippets/geoportal-brotli-absent*.conf;\nserver { }'), NGINX);
    expect(without.map((d) => d.name)).toEqual(['server']);
    expect(JSON.stringify(top)).toContain('brotli_static');
  });
});

describe('modified copies fail', () => {
  it('a header missing from the snippet', () => {
    const problems = check(siteWith({ 'snippets/geoportal-headers.conf': sub(/^add_header X-Frame-Options .*$/m, '') }));
    expect(problems.length).toBeGreaterThanOrEqual(8);
    expect(problems.every((p) => p.endsWith('missing x-frame-options'))).toBe(true);
  });
  it('a changed value (CSP without the inline script’s hash)', () => {
    const problems = check(siteWith({ 'snippets/geoportal-headers.conf': sub(/'sha256-[^']+'/, '') }));
    expect(problems[0]).toMatch(/content-security-policy is ".*", expected /);
  });
  it('a header without always (not on 404/410)', () => {
    const problems = check(siteWith({ 'snippets/geoportal-headers.conf': sub('add_header X-Content-Type-Options "nosniff" always;', 'add_header X-Content-Type-Options "nosniff";') }));
    expect(problems[0]).toMatch(/x-content-type-options lacks "always"/);
  });
  it('a location with its own add_header and no include (the old /_astro/ mistake)', () => {
    const problems = check(siteWith({ 'geoportal.conf': sub(/(location \^~ \/_astro\/ \{\n)\s*include snippets\/geoportal-headers\.conf;\n/, '$1') }));
    expect(problems).toContain('server zrzy.example.gov.cn (443 ssl http2, [::]:443 ssl http2) location ^~ /_astro/: missing content-security-policy');
    expect(problems.every((p) => p.includes('location ^~ /_astro/'))).toBe(true);
  });
  it('expires next to add_header Cache-Control (two Cache-Control headers)', () => {
    const problems = check(siteWith({ 'geoportal.conf': sub(/(location \^~ \/_astro\/ \{\n)/, '$1        expires 1y;\n') }));
    expect(problems.some((p) => p.includes('expires adds a second Cache-Control'))).toBe(true);
  });
  it('a second Cache-Control', () => {
    const problems = check(siteWith({ 'geoportal.conf': sub(/(location \/ \{\n\s*include snippets\/geoportal-headers\.conf;\n)(?![\s\S]*location \/ \{)/, '$1        add_header Cache-Control "public";\n') }));
    expect(problems).toEqual(['server zrzy.example.gov.cn (443 ssl http2, [::]:443 ssl http2) location /: 2 Cache-Control headers, expected exactly one']);
  });
  it('HSTS on plain HTTP too', () => {
    const problems = check(siteWith({ 'snippets/geoportal-headers.conf': sub('add_header Strict-Transport-Security $geoportal_hsts always;', `add_header Strict-Transport-Security "${HSTS}" always;`) }));
    expect(problems).toEqual([expect.stringMatching(/^server zrzy\.example\.gov\.cn \(80, \[::\]:80\) location \/: sends strict-transport-security, which securityHeaders\(false\) does not have/)]);
  });
  it('a proxied location that does not hide the upstream’s headers', () => {
    const problems = check(siteWith({ 'snippets/geoportal-headers.conf': sub('proxy_hide_header Referrer-Policy;', '') }));
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.includes("upstream's referrer-policy is not hidden"))).toBe(true);
  });
  it('long caching on HTML', () => {
    const problems = check(siteWith({ 'geoportal.conf': sub(/(location \/ \{\n\s*include snippets\/geoportal-headers\.conf;\n\s*)add_header Cache-Control "no-cache" always;(?![\s\S]*location \/ \{)/, '$1add_header Cache-Control "public, max-age=31536000, immutable" always;') }));
    expect(problems).toEqual([expect.stringContaining('location /: Cache-Control "public, max-age=31536000, immutable", expected "no-cache"')]);
  });
  it('the configuration docs/deployment.md used to show', () => {
    const old = parse(`
      server {
        listen 443 ssl http2;
        add_header X-Content-Type-Options nosniff always;
        add_header Referrer-Policy strict-origin-when-cross-origin always;
        add_header X-Frame-Options SAMEORIGIN always;
        location /_astro/ { expires 1y; add_header Cache-Control "public, immutable"; }
        location / { try_files $uri $uri/index.html @node; }
        location @node { proxy_pass http://127.0.0.1:4321; }
      }`);
    const problems = check(old);
    expect(problems).toContain('<text>:7: expires adds a second Cache-Control; use add_header Cache-Control');
    expect(problems).toContain('server _ (443 ssl http2) location /_astro/: missing x-content-type-options');
    expect(problems).toContain('server _ (443 ssl http2) location /: missing content-security-policy');
  });
});

describe('the reader', () => {
  it('tokenizes quoted values with escapes and skips comments', () => {
    expect(tokenize(`add_header X "a; b \\" c" always; # comment ; {\nroot /x;`).map((t) => t.t)).toEqual(['add_header', 'X', 'a; b " c', 'always', ';', 'root', '/x', ';']);
  });
  it('rejects unbalanced braces and unterminated directives with the line', () => {
    expect(() => parse('server {\n  listen 80;\n')).toThrow(/missing \}/);
    expect(() => parse('root /x')).toThrow(/<text>:1: "root" is not terminated/);
    expect(() => parse('}')).toThrow(/unexpected \}/);
  });
  it('a missing plain include is an error, as in nginx', () => {
    expect(() => expandIncludes(parse('include snippets/none.conf;'), NGINX)).toThrow(/ENOENT/);
  });
});
