/**
 * The data flows one way: data/ → loader and schema (src/data, src/schema)
 * → the published view → everything else. These checks read the source and
 * fail when a module outside the data layer reads data/ itself, parses a
 * data file, or decides on its own whether a record is published.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = /\.(ts|mts|mjs|js|astro)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const inDataLayer = (f: string) => f.startsWith('src/data/') || f.startsWith('src/schema/');
const app = filesUnder('src');
const tools = [...filesUnder('scripts'), 'astro.config.mjs'];
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');

/** Modules that write data/ (staff tools and generators) but read records only through the loader. */
const WRITERS: Record<string, string> = {
  'scripts/import-boundaries.ts': 'writes data/boundaries/districts.geojson from its npm source',
  'scripts/gen-corpus.ts': 'writes a synthetic corpus, with generated publication states; copies site.yaml and boundaries byte for byte',
  'scripts/import.ts': 'writes data/<folder>/<id>.yaml from a spreadsheet (scripts/lib/import-records.ts); reads the data on file only through the loader',
  'scripts/new.ts': 'writes one new data/<folder>/<id>.yaml (scripts/lib/import-records.ts); reads the data on file only through the loader',
};

/** Modules that read the build's output (dist/), never data/. */
const BUILD_READERS: Record<string, string> = {
  'src/server/server.ts': 'serves dist/client',
  'src/server/static-files.ts': 'writes and reads the file manifest of dist/client',
};

// Reading functions of node:fs; writing (mkdir, writeFile, cp) is not reading.
const FS_READ = /import\s*\{([^}]*)\}\s*from\s*['"](?:node:)?fs(?:\/promises)?['"]/g;
const READ_NAMES = /\b(readFile|readFileSync|readdir|readdirSync|opendir|opendirSync|createReadStream|statSync|stat|lstat|lstatSync|existsSync|access|accessSync|glob|globSync)\b/;
// Named parse imports, or the whole module (default or namespace import).
const YAML_PARSE = /import\s*\{[^}]*\b(parse|parseDocument|parseAllDocuments)\b[^}]*\}\s*from\s*['"]yaml['"]|import\s+(\*\s+as\s+)?\w+\s+from\s*['"]yaml['"]/;
const DATA_FILE = /['"`][^'"`]*\b(site\.yaml|districts\.geojson|gazetteer\.geojson|holidays\.yaml)\b/;
const STATE_TEST = /\bstatus\.state\b|['"]withdrawn['"]|\bsupersededBy\b/;

/** The lines of a file that match, for the failure message. */
function offending(file: string, pattern: RegExp): string[] {
  return read(file)
    .split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('only the data layer reads data/', () => {
  it('no application module outside src/data imports a file-reading function', () => {
    const bad = app.filter((f) => !f.startsWith('src/data/') && !BUILD_READERS[f]).flatMap((f) => [...read(f).matchAll(FS_READ)].filter((m) => READ_NAMES.test(m[1]!)).map((m) => `${f}: ${m[0]}`));
    expect(bad).toEqual([]);
  });
  it('no module outside src/data parses YAML', () => {
    const bad = [...app, ...tools].filter((f) => !f.startsWith('src/data/') && YAML_PARSE.test(read(f)));
    expect(bad).toEqual([]);
  });
  it('no tool names a data file, except those that write data/', () => {
    const bad = tools.filter((f) => !(f in WRITERS)).flatMap((f) => offending(f, DATA_FILE));
    expect(bad).toEqual([]);
  });
  it('the rules see what they are meant to see', () => {
    // Negative controls: the loader itself reads files and parses YAML, and names its files.
    expect([...read('src/data/read-structured.ts').matchAll(FS_READ)].some((m) => READ_NAMES.test(m[1]!))).toBe(true);
    expect(YAML_PARSE.test(read('src/data/read-structured.ts'))).toBe(true);
    expect(offending('src/data/load.ts', DATA_FILE).length).toBeGreaterThan(0);
    expect(YAML_PARSE.test("import { parse } from 'yaml';")).toBe(true);
    expect(YAML_PARSE.test("import { stringify } from 'yaml';")).toBe(false);
  });
});

describe('only the published view decides what is public', () => {
  it('no module outside the data layer tests a record’s publication state', () => {
    const bad = [...app, ...tools].filter((f) => !inDataLayer(f) && !(f in WRITERS)).flatMap((f) => offending(f, STATE_TEST));
    expect(bad).toEqual([]);
  });
  it('the rule catches the hand-written tests it replaced', () => {
    for (const line of ["n.status.state !== 'withdrawn'", "if (state === 'withdrawn') continue;", 'byId.get(r.status.supersededBy)']) expect(STATE_TEST.test(line), line).toBe(true);
    expect(STATE_TEST.test('view.statusRule(r).superseded')).toBe(false);
    expect(offending('src/data/published.ts', STATE_TEST).length).toBeGreaterThan(0);
  });
});

describe('request-time routes go through the request limits', () => {
  it('every `prerender = false` route under src/pages is declared in src/server/routes.ts', async () => {
    const { GONE_ROUTE, REQUEST_TIME_ROUTES } = await import('../../src/server/routes.ts');
    const declared = new Set([GONE_ROUTE.file, ...Object.values(REQUEST_TIME_ROUTES).map((r) => r.file)]);
    const undeclared = filesUnder('src/pages').filter((f) => /export const prerender\s*=\s*false/.test(read(f)) && !declared.has(f));
    expect(undeclared).toEqual([]);
    expect(declared.size).toBeGreaterThan(1);
    for (const f of declared) expect(read(f), f).toMatch(/export const prerender\s*=\s*false/);
  });
});
