/**
 * Reads an nginx site file (with its `include`d snippets) far enough to say
 * which headers each location sends, and checks them against the one
 * header set of the project, securityHeaders() in src/server/headers.ts:
 *
 *  - every location of every server sends exactly that set (with HSTS only
 *    on a server that listens with `ssl`), each with `always`, values equal;
 *  - every location sends exactly one Cache-Control: the year-long
 *    immutable one on /_astro/ and /search/v-…/, no-cache elsewhere, and
 *    on a proxied location a map that passes the Node server's own or adds
 *    no-cache when it sent none;
 *  - a proxied location hides the Node server's copies of the security
 *    headers (proxy_hide_header), so none arrives twice;
 *  - no `expires` (it would add a second Cache-Control).
 *
 * nginx semantics followed: add_header and proxy_hide_header are inherited
 * from the enclosing level only by a block that has none of its own. A
 * header whose value is a variable from `map $scheme …` is evaluated for the
 * server's scheme; nginx sends no header whose value is empty.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Directive {
  name: string;
  args: string[];
  line: number;
  file: string;
  block?: Directive[];
}

type Token = { t: string; quoted: boolean; line: number };

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      i++;
    } else if (/\s/.test(ch)) i++;
    else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      out.push({ t: ch, quoted: false, line });
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = line;
      let s = '';
      for (i++; i < text.length && text[i] !== ch; i++) {
        if (text[i] === '\\' && i + 1 < text.length) s += text[++i];
        else {
          if (text[i] === '\n') line++;
          s += text[i];
        }
      }
      if (i >= text.length) throw new Error(`line ${start}: unterminated string`);
      i++;
      out.push({ t: s, quoted: true, line: start });
    } else {
      let s = '';
      while (i < text.length && !/[\s;{}]/.test(text[i]!)) s += text[i++];
      out.push({ t: s, quoted: false, line });
    }
  }
  return out;
}

export function parse(text: string, file = '<text>'): Directive[] {
  const tokens = tokenize(text);
  let p = 0;
  const list = (depth: number): Directive[] => {
    const out: Directive[] = [];
    while (p < tokens.length) {
      const tok = tokens[p]!;
      if (!tok.quoted && tok.t === '}') {
        if (depth === 0) throw new Error(`${file}:${tok.line}: unexpected }`);
        p++;
        return out;
      }
      const name = tokens[p++]!;
      const args: string[] = [];
      for (;;) {
        const a = tokens[p];
        if (!a) throw new Error(`${file}:${name.line}: "${name.t}" is not terminated by ";" or "{"`);
        p++;
        if (!a.quoted && a.t === ';') {
          out.push({ name: name.t, args, line: name.line, file });
          break;
        }
        if (!a.quoted && a.t === '{') {
          out.push({ name: name.t, args, line: name.line, file, block: list(depth + 1) });
          break;
        }
        if (!a.quoted && a.t === '}') throw new Error(`${file}:${a.line}: unexpected }`);
        args.push(a.t);
      }
    }
    if (depth > 0) throw new Error(`${file}: unexpected end of file (missing })`);
    return out;
  };
  return list(0);
}

/** The files a wildcard in the last path part matches, sorted (nginx sorts too). */
function glob(pattern: string): string[] {
  const dir = path.dirname(pattern);
  const literal = (part: string) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const source = path.basename(pattern).split('*').map((part) => part.split('?').map(literal).join('.')).join('.*');
  const re = new RegExp(`^${source}$`);
  return existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f)) : [];
}

/**
 * Replaces `include x;` by the directives of the files it names, relative
 * to `confDir` (nginx's conf prefix, /etc/nginx). A wildcard that matches
 * nothing includes nothing, as in nginx; a missing plain file throws.
 */
export function expandIncludes(dirs: Directive[], confDir: string, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): Directive[] {
  return dirs.flatMap((d) => {
    if (d.name === 'include') {
      const pattern = path.resolve(confDir, d.args[0] ?? '');
      const files = /[*?]/.test(pattern) ? glob(pattern) : [pattern];
      return files.flatMap((f) => expandIncludes(parse(read(f), f), confDir, read));
    }
    return d.block ? [{ ...d, block: expandIncludes(d.block, confDir, read) }] : [d];
  });
}

/** Reads a site file and the snippets it includes; `confDir` stands for /etc/nginx (its snippets/ beside the site file's). */
export function loadSite(siteFile: string, confDir: string, read?: (file: string) => string): Directive[] {
  const text = (read ?? ((f: string) => readFileSync(f, 'utf8')))(siteFile);
  return expandIncludes(parse(text, siteFile), confDir, read);
}

export type Header = { name: string; value: string; always: boolean; at: string };

const own = (dirs: Directive[], name: string) => dirs.filter((d) => d.name === name);

/** `map $src $var { … }` blocks of the http level: var → { source, entries }. */
export function maps(top: Directive[]): Map<string, { source: string; entries: Map<string, string> }> {
  const out = new Map<string, { source: string; entries: Map<string, string> }>();
  for (const d of own(top, 'map')) {
    const entries = new Map<string, string>();
    for (const e of d.block ?? []) entries.set(e.name, e.args[0] ?? '');
    out.set(d.args[1] ?? '', { source: d.args[0] ?? '', entries });
  }
  return out;
}

export interface LocationHeaders {
  server: string;
  location: string;
  https: boolean;
  proxied: boolean;
  headers: Header[];
  hidden: string[];
}

const where = (d: Directive) => `${path.basename(d.file)}:${d.line}`;

/** Every location (nested ones and named ones included) with the add_header and proxy_hide_header lists that apply in it. */
export function locationHeaders(top: Directive[]): LocationHeaders[] {
  const out: LocationHeaders[] = [];
  const headersOf = (dirs: Directive[]): Header[] =>
    own(dirs, 'add_header').map((d) => ({ name: d.args[0] ?? '', value: d.args[1] ?? '', always: d.args[2] === 'always', at: where(d) }));
  const hiddenOf = (dirs: Directive[]) => own(dirs, 'proxy_hide_header').map((d) => (d.args[0] ?? '').toLowerCase());
  const topHeaders = headersOf(top);
  const topHidden = hiddenOf(top);
  for (const server of own(top, 'server')) {
    const body = server.block ?? [];
    const listens = own(body, 'listen').map((d) => d.args.join(' '));
    const https = own(body, 'listen').some((d) => d.args.includes('ssl'));
    const name = `server ${own(body, 'server_name')[0]?.args.join(' ') ?? '_'} (${listens.join(', ')})`;
    const sHeaders = headersOf(body).length ? headersOf(body) : topHeaders;
    const sHidden = hiddenOf(body).length ? hiddenOf(body) : topHidden;
    const walk = (dirs: Directive[], headers: Header[], hidden: string[]) => {
      for (const loc of own(dirs, 'location')) {
        const b = loc.block ?? [];
        const h = headersOf(b).length ? headersOf(b) : headers;
        const hid = hiddenOf(b).length ? hiddenOf(b) : hidden;
        out.push({ server: name, location: `location ${loc.args.join(' ')}`, https, proxied: own(b, 'proxy_pass').length > 0, headers: h, hidden: hid });
        walk(b, h, hid);
      }
    };
    walk(body, sHeaders, sHidden);
  }
  return out;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** Locations of content-hashed files: /_astro/ and the search index versions. */
const HASHED = [/^location \^~ \/_astro\/$/, /^location ~ \^\/search\/v-/];

/**
 * Problems of a site, one line each; [] when every location sends the
 * expected headers. `expected(https)` is securityHeaders.
 */
export function checkSiteHeaders(top: Directive[], expected: (https: boolean) => Record<string, string>): string[] {
  const problems: string[] = [];
  const m = maps(top);
  const walkAll = (dirs: Directive[]): Directive[] => dirs.flatMap((d) => [d, ...walkAll(d.block ?? [])]);
  for (const d of walkAll(top)) if (d.name === 'expires') problems.push(`${where(d)}: expires adds a second Cache-Control; use add_header Cache-Control`);

  /** A header's value as sent on this scheme; undefined when it is not sent (empty). */
  const valueFor = (h: Header, https: boolean): string | undefined => {
    const v = /^\$\w+$/.test(h.value) ? m.get(h.value) : undefined;
    if (v && v.source === '$scheme') {
      const r = v.entries.get(https ? 'https' : 'http') ?? v.entries.get('default') ?? '';
      return r === '' ? undefined : r;
    }
    return h.value === '' ? undefined : h.value;
  };

  const locations = locationHeaders(top);
  if (locations.length === 0) problems.push('no location found');
  for (const loc of locations) {
    const at = `${loc.server} ${loc.location}`;
    const want = expected(loc.https);
    const sent = new Map<string, Header[]>();
    for (const h of loc.headers) {
      const key = h.name.toLowerCase();
      sent.set(key, [...(sent.get(key) ?? []), h]);
    }
    for (const [name, value] of Object.entries(want)) {
      const hs = sent.get(name) ?? [];
      if (hs.length === 0) problems.push(`${at}: missing ${name}`);
      else if (hs.length > 1) problems.push(`${at}: ${name} added ${hs.length} times (${hs.map((h) => h.at).join(', ')})`);
      else {
        const h = hs[0]!;
        const v = valueFor(h, loc.https);
        if (v !== value) problems.push(`${at}: ${name} is ${v === undefined ? 'not sent' : JSON.stringify(v)}, expected ${JSON.stringify(value)} (${h.at})`);
        if (!h.always) problems.push(`${at}: ${name} lacks "always" (not sent on 404/410/5xx) (${h.at})`);
      }
      if (loc.proxied && !loc.hidden.includes(name)) problems.push(`${at}: proxied, but the upstream's ${name} is not hidden (proxy_hide_header): it could arrive twice`);
    }
    // Security headers this scheme must not send (HSTS over plain HTTP) or that are unknown to headers.ts.
    for (const [name, hs] of sent) {
      if (name === 'cache-control' || name === 'allow' || name in want) continue;
      const live = hs.filter((h) => valueFor(h, loc.https) !== undefined);
      if (live.length > 0) problems.push(`${at}: sends ${name}, which securityHeaders(${loc.https}) does not have (${live.map((h) => h.at).join(', ')})`);
    }
    const cc = sent.get('cache-control') ?? [];
    if (cc.length !== 1) {
      problems.push(`${at}: ${cc.length} Cache-Control headers, expected exactly one`);
      continue;
    }
    const c = cc[0]!;
    if (loc.proxied) {
      const v = m.get(c.value);
      const ok = v !== undefined && v.source === '$upstream_http_cache_control' && v.entries.get('') === REVALIDATE && (v.entries.get('default') ?? '') === '';
      if (!ok) problems.push(`${at}: Cache-Control of a proxied location must be a map of $upstream_http_cache_control ("" → no-cache, default "") (${c.at})`);
    } else {
      const hashed = HASHED.some((re) => re.test(loc.location));
      const wantCc = hashed ? IMMUTABLE : REVALIDATE;
      if (c.value !== wantCc) problems.push(`${at}: Cache-Control ${JSON.stringify(c.value)}, expected ${JSON.stringify(wantCc)} (${c.at})`);
    }
  }
  return problems;
}
