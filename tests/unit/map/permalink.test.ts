import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { describe, expect, it } from 'vitest';
import { cleanPermalinkQuery, formatPermalink, parsePermalink, permalinkBounds, PERMALINK_MAX_QUERY, type PermalinkKnown, type PermalinkState } from '../../../src/map/permalink.ts';
import type { LonLatExtent, MapViewState } from '../../../src/map/types.ts';

const HOME: LonLatExtent = [122.3, 45.6, 126.4, 48.6];
const BOUNDS = permalinkBounds(HOME);
const LAYERS = ['red-sites', 'notices-planning', 'notices-land', 'notices-mining', 'notices-surveying', 'enforcement', 'districts'];
const KNOWN: PermalinkKnown = { layers: LAYERS, bounds: BOUNDS };
const DEFAULTS: MapViewState = {
  center: [123.918, 47.354],
  zoom: 9,
  base: 'vec',
  lang: 'zh',
  layers: ['red-sites', 'notices-planning', 'notices-land'],
};

const parse = (search: string, known: PermalinkKnown = KNOWN, defaults = DEFAULTS) => parsePermalink(search, known, defaults);

describe('permalinkBounds', () => {
  it('pads the home extent and stays on the globe', () => {
    expect(BOUNDS).toEqual([120.3, 43.6, 128.4, 50.6]);
    expect(permalinkBounds([-179, -89, 179, 89], 5)).toEqual([-180, -90, 180, 90]);
  });
});

describe('parsePermalink: valid links', () => {
  it('gives the defaults, without warnings, for an empty query', () => {
    for (const s of ['', '?']) {
      const r = parse(s);
      expect(r.warnings).toEqual([]);
      expect(r.state).toEqual(DEFAULTS);
      expect(r.state).not.toBe(DEFAULTS);
      expect(r.state.layers).not.toBe(DEFAULTS.layers);
    }
  });

  it('reads every parameter', () => {
    const r = parse('?c=123.69,46.78&z=12.5&b=img-en&l=enforcement,districts&f=enforcement:zf-2026-001');
    expect(r.warnings).toEqual([]);
    expect(r.state).toEqual({
      center: [123.69, 46.78],
      zoom: 12.5,
      base: 'img',
      lang: 'en',
      layers: ['enforcement', 'districts'],
      selected: { layer: 'enforcement', id: 'zf-2026-001' },
    });
  });

  it('accepts the query without "?" and with percent-encoded separators', () => {
    expect(parse('c=123.69%2C46.78&f=districts%3A230202').state).toMatchObject({ center: [123.69, 46.78], selected: { layer: 'districts', id: '230202' } });
  });

  it('reads b without -en as Chinese annotations, and ter-en as terrain with English preferred', () => {
    const en: MapViewState = { ...DEFAULTS, lang: 'en' };
    expect(parse('b=img', KNOWN, en).state).toMatchObject({ base: 'img', lang: 'zh' });
    expect(parse('b=ter-en').state).toMatchObject({ base: 'ter', lang: 'en' });
    expect(parse('b=vec').state).toMatchObject({ base: 'vec', lang: 'zh' });
  });

  it('reads l= as no thematic layers, and an absent l as the defaults', () => {
    expect(parse('l=').state.layers).toEqual([]);
    expect(parse('z=3').state.layers).toEqual(DEFAULTS.layers);
  });

  it('keeps the known layers of a list and warns about the rest', () => {
    const r = parse('l=districts,old-layer,red-sites,districts');
    expect(r.state.layers).toEqual(['districts', 'red-sites']);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toContain('"old-layer"');
    expect(r.warnings[1]).toContain('twice');
  });

  it('accepts zoom and centre at the edges of their ranges', () => {
    expect(parse('z=1').state.zoom).toBe(1);
    expect(parse('z=18').state.zoom).toBe(18);
    expect(parse('z=18.00').state.zoom).toBe(18);
    expect(parse(`c=${BOUNDS[0]},${BOUNDS[1]}`).state.center).toEqual([BOUNDS[0], BOUNDS[1]]);
    // Without a box, any valid lon/lat.
    expect(parse('c=-180,-90', { layers: LAYERS }).state.center).toEqual([-180, -90]);
    expect(parse('c=180,90', { layers: LAYERS }).state.center).toEqual([180, 90]);
  });
});

describe('parsePermalink: invalid and hostile input is ignored with a warning, never thrown', () => {
  const long = 'x'.repeat(10_000);
  const cases: Array<[string, string]> = [
    ['NaN zoom', 'z=NaN'],
    ['Infinity zoom', 'z=Infinity'],
    ['negative zoom', 'z=-3'],
    ['zoom 0', 'z=0'],
    ['zoom above 18', 'z=19'],
    ['zoom 18.01', 'z=18.01'],
    ['zoom with 3 decimals', 'z=9.125'],
    ['exponent zoom', 'z=1e1'],
    ['hex zoom', 'z=0x10'],
    ['blank zoom', 'z='],
    ['padded zoom', 'z=%209'],
    ['NaN centre', 'c=NaN,NaN'],
    ['Infinity centre', 'c=Infinity,47'],
    ['one number', 'c=123.9'],
    ['three numbers', 'c=123.9,47.3,5'],
    ['semicolon separator', 'c=123.9;47.3'],
    ['space separator', 'c=123.9+47.3'],
    ['lat,lon swapped', 'c=47.354,123.918'],
    ['latitude above 90', 'c=123.9,91'],
    ['longitude above 180', 'c=181,47'],
    ['7 decimals', 'c=123.9180001,47.354'],
    ['outside the box', 'c=116.39,39.9'],
    ['exponent centre', 'c=1.239e2,47.354'],
    ['unknown base', 'b=osm'],
    ['upper-case base', 'b=VEC'],
    ['unknown language', 'b=vec-fr'],
    ['base with script', 'b=%3Cscript%3Ealert(1)%3C/script%3E'],
    ['script tag as layer', 'l=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['only unknown layers', 'l=foo,bar'],
    ['pipe-separated layers', 'l=red-sites|districts'],
    ['semicolon-separated layers', 'l=red-sites;districts'],
    ['__proto__ as layer', 'l=__proto__'],
    ['constructor as layer', 'l=constructor'],
    ['feature without layer', 'f=zf-2026-001'],
    ['feature of unknown layer', 'f=nope:zf-1'],
    ['feature with upper case', 'f=enforcement:ZF-1'],
    ['feature with slash', 'f=enforcement:..%2F..%2Fetc'],
    ['feature with a second colon', 'f=enforcement:a:b'],
    ['__proto__ feature', 'f=__proto__:x'],
    ['duplicated zoom', 'z=5&z=7'],
    ['duplicated centre', 'c=123.9,47.3&c=123.8,47.2'],
    ['10 000-character value', `z=${long}`],
    ['10 000-character layer list', `l=${long}`],
    ['malformed percent encoding', 'z=%E0%A4%A'],
  ];

  it.each(cases)('%s: %s', (_name, search) => {
    const r = parse(search);
    expect(r.warnings.length).toBeGreaterThan(0);
    for (const w of r.warnings) {
      expect(w.length).toBeLessThan(200); // Never echoes a long value whole.
    }
    expect(r.state).toEqual(DEFAULTS);
    expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps the valid parameters next to invalid ones', () => {
    const r = parse('z=abc&c=123.69,46.78&b=img&l=nope,districts&utm_source=x');
    expect(r.state).toMatchObject({ zoom: DEFAULTS.zoom, center: [123.69, 46.78], base: 'img', layers: ['districts'] });
    expect(r.warnings).toHaveLength(2); // z and the unknown layer; utm_source is not ours
  });

  it('ignores an oversized query string whole', () => {
    const r = parse(`c=123.69,46.78&junk=${'x'.repeat(20_000)}`);
    expect(r.state).toEqual(DEFAULTS);
    expect(r.warnings).toHaveLength(1);
  });

  it('caps the number of warnings', () => {
    const r = parse(`l=${Array.from({ length: 300 }, () => 'a').join(',')}`);
    expect(r.warnings.length).toBe(21);
    expect(r.warnings.at(-1)).toBe('… and 281 more'); // 300 unknown ids + "no known layer"
  });

  it('ignores parameters that are not its own, without a warning (WeChat, analytics, prototype names)', () => {
    const r = parse('from=singlemessage&isappinstalled=0&utm_source=x&__proto__=1&constructor=1&hasOwnProperty=2&Z=5&z=12');
    expect(r.warnings).toEqual([]);
    expect(r.state).toEqual({ ...DEFAULTS, zoom: 12 });
    expect(Object.getPrototypeOf(r.state)).toBe(Object.prototype);
  });

  it('does not pollute prototypes through parameter names', () => {
    parse('__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('does not throw on non-string input from untyped callers', () => {
    const r = parsePermalink(undefined as unknown as string, KNOWN, DEFAULTS);
    expect(r.state).toEqual(DEFAULTS);
    expect(r.warnings).toHaveLength(1);
  });
});

describe('formatPermalink', () => {
  it('gives "" for the defaults', () => {
    expect(formatPermalink(DEFAULTS, DEFAULTS)).toBe('');
  });

  it('writes only what differs, in the order c, z, b, l, f', () => {
    const state: MapViewState = {
      center: [123.69, 46.78],
      zoom: 12.5,
      base: 'img',
      lang: 'en',
      layers: ['enforcement', 'districts'],
      selected: { layer: 'enforcement', id: 'zf-2026-001' },
    };
    expect(formatPermalink(state, DEFAULTS)).toBe('c=123.69,46.78&z=12.5&b=img-en&l=enforcement,districts&f=enforcement:zf-2026-001');
    expect(formatPermalink({ ...DEFAULTS, zoom: 11 }, DEFAULTS)).toBe('z=11');
    expect(formatPermalink({ ...DEFAULTS, lang: 'en' }, DEFAULTS)).toBe('b=vec-en');
    expect(formatPermalink({ ...DEFAULTS, layers: [] }, DEFAULTS)).toBe('l=');
  });

  it('rounds the centre to 5 decimals below zoom 14 and 6 from 14, and the zoom to 2', () => {
    expect(formatPermalink({ ...DEFAULTS, center: [123.91812345, 47.35498765], zoom: 13.994 }, DEFAULTS)).toBe('c=123.91812,47.35499&z=13.99');
    expect(formatPermalink({ ...DEFAULTS, center: [123.91812345, 47.35498765], zoom: 13.996 }, DEFAULTS)).toBe('c=123.918123,47.354988&z=14');
    expect(formatPermalink({ ...DEFAULTS, center: [123.918001, 47.354001] }, DEFAULTS)).toBe('');
  });

  it('clamps the zoom, normalises the longitude, and leaves out what the parser would reject', () => {
    expect(formatPermalink({ ...DEFAULTS, zoom: 0.3 }, DEFAULTS)).toBe('z=1');
    expect(formatPermalink({ ...DEFAULTS, zoom: 22 }, DEFAULTS)).toBe('z=18');
    expect(formatPermalink({ ...DEFAULTS, center: [123.918 + 360, 47.354] }, DEFAULTS)).toBe('');
    expect(formatPermalink({ ...DEFAULTS, selected: { layer: 'enforcement', id: 'Bad Id' } }, DEFAULTS)).toBe('');
    expect(formatPermalink({ ...DEFAULTS, layers: ['red-sites', 'red-sites', 'x,y'] }, DEFAULTS)).toBe('l=red-sites');
  });
});

describe('round trip over many states', () => {
  const rng = mulberry32;


  function randomState(r: () => number): MapViewState {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const layers = LAYERS.filter(() => r() < 0.4).sort(() => r() - 0.5);
    const zoom = r() < 0.2 ? pick([1, 9, 14, 18]) : 1 + r() * 17;
    const state: MapViewState = {
      center: r() < 0.1 ? [...DEFAULTS.center] : [BOUNDS[0] + r() * (BOUNDS[2] - BOUNDS[0]), BOUNDS[1] + r() * (BOUNDS[3] - BOUNDS[1])],
      zoom,
      base: pick(['vec', 'img', 'ter'] as const),
      lang: pick(['zh', 'en'] as const),
      layers: r() < 0.1 ? [...DEFAULTS.layers] : layers,
    };
    if (r() < 0.5) state.selected = { layer: pick(LAYERS), id: pick(['1', '230202', 'zf-2026-001', 'a-b-c', `id-${Math.floor(r() * 1e6)}`]) };
    return state;
  }

  const r = rng(20260501);
  const states = Array.from({ length: 2000 }, () => randomState(r));

  it('parse(format(s)) gives s back, rounded, without warnings', () => {
    for (const s of states) {
      const link = formatPermalink(s, DEFAULTS);
      const back = parsePermalink(link, KNOWN, DEFAULTS);
      expect(back.warnings, link).toEqual([]);
      const decimals = back.state.zoom >= 14 ? 6 : 5;
      expect(Math.abs(back.state.center[0] - s.center[0]), link).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
      expect(Math.abs(back.state.center[1] - s.center[1]), link).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
      expect(back.state.zoom, link).toBe(Math.round(s.zoom * 100) / 100);
      expect(back.state.base).toBe(s.base);
      expect(back.state.lang).toBe(s.lang);
      expect(back.state.layers, link).toEqual(s.layers);
      expect(back.state.selected).toEqual(s.selected);
    }
  });

  it('is stable: formatting a parsed link gives the same link', () => {
    for (const s of states) {
      const link = formatPermalink(s, DEFAULTS);
      expect(formatPermalink(parsePermalink(link, KNOWN, DEFAULTS).state, DEFAULTS)).toBe(link);
    }
  });

  it('writes only the grammar: no characters that need escaping, parameters in order', () => {
    for (const s of states) {
      const link = formatPermalink(s, DEFAULTS);
      expect(link).toMatch(/^((c=[-\d.]+,[-\d.]+)?(&?z=[\d.]+)?(&?b=(vec|img|ter)(-en)?)?(&?l=[a-z0-9,-]*)?(&?f=[a-z0-9-]+:[a-z0-9-]+)?)?$/);
    }
  });

  it('round-trips with other defaults too (English default, no default layers)', () => {
    const other: MapViewState = { center: [124, 47], zoom: 14.5, base: 'img', lang: 'en', layers: [] };
    for (const s of states.slice(0, 300)) {
      const link = formatPermalink(s, other);
      const back = parsePermalink(link, KNOWN, other).state;
      expect([back.base, back.lang, back.layers, back.selected]).toEqual([s.base, s.lang, s.layers, s.selected]);
      expect(formatPermalink(back, other)).toBe(link);
    }
  });
});

describe('q: the map search query', () => {
  it('reads a percent-encoded or raw Chinese query, without warnings', () => {
    for (const search of ['q=%E6%B1%9F%E6%A1%A5', '?q=江桥', 'q=江桥&from=singlemessage']) {
      const r = parse(search);
      expect(r.warnings, search).toEqual([]);
      expect(r.state, search).toEqual({ ...DEFAULTS, query: '江桥' });
    }
  });

  it('says whether the link sets the view: a valid c or z does, q, b, l and f do not', () => {
    expect(parse('q=江桥').hasView).toBe(false);
    expect(parse('q=江桥&b=img&l=districts&f=enforcement:zf-1').hasView).toBe(false);
    expect(parse('q=江桥&z=12').hasView).toBe(true);
    expect(parse('c=123.69,46.78&q=江桥').hasView).toBe(true);
    expect(parse('q=江桥&z=99&c=1,1').hasView, 'invalid c and z do not count').toBe(false);
    expect(parse('').hasView).toBe(false);
  });

  it('collapses white space and drops control characters; an empty q is no query and no warning', () => {
    expect(parse('q=++%E6%B1%9F%E6%A1%A5%E3%80%80%E6%B3%B0%E6%9D%A5%0A%00x++').state.query).toBe('江桥 泰来 x');
    for (const search of ['q=', 'q=+++', 'q=%00%01%1F', 'q=%E2%80%8B']) {
      const r = parse(search);
      expect(r.warnings, search).toEqual([]);
      expect(r.state, search).toEqual(DEFAULTS);
      expect('query' in r.state, search).toBe(false);
    }
  });

  it('keeps any other text as text: it is only ever searched, never inserted as HTML', () => {
    for (const q of ['<img src=x onerror=alert(1)>', '.*[(', '2022-G-015', '齐自然资规公〔2026〕1号', '👍🏽江桥', '__proto__', "a&b=c#d%e+f'g"]) {
      const r = parse(`q=${encodeURIComponent(q)}`);
      expect(r.warnings, q).toEqual([]);
      expect(r.state.query, q).toBe(q);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });

  it(`takes at most ${PERMALINK_MAX_QUERY} characters (code points); longer or repeated q is ignored with a warning`, () => {
    const max = '𠀋'.repeat(PERMALINK_MAX_QUERY); // 100 code points, 200 UTF-16 units
    expect(parse(`q=${encodeURIComponent(max)}`).state.query).toBe(max);
    const long = parse(`q=${'江桥'.repeat(250)}&z=12`);
    expect(long.state).toEqual({ ...DEFAULTS, zoom: 12 });
    expect(long.warnings).toHaveLength(1);
    expect(long.warnings[0]!.length).toBeLessThan(200);
    const twice = parse('q=江桥&q=泰来');
    expect(twice.state.query).toBeUndefined();
    expect(twice.warnings).toHaveLength(1);
  });

  it('is written last, percent-encoded, with the characters chat apps cut links at escaped too', () => {
    expect(formatPermalink({ ...DEFAULTS, query: '江桥' }, DEFAULTS)).toBe('q=%E6%B1%9F%E6%A1%A5');
    const full: PermalinkState = { ...DEFAULTS, zoom: 12, selected: { layer: 'enforcement', id: 'zf-1' }, query: ' 江桥  2026 ' };
    expect(formatPermalink(full, DEFAULTS)).toBe('z=12&f=enforcement:zf-1&q=%E6%B1%9F%E6%A1%A5%202026');
    expect(formatPermalink({ ...DEFAULTS, query: "(a)!*'" }, DEFAULTS)).toBe('q=%28a%29%21%2A%27');
    expect(formatPermalink({ ...DEFAULTS, query: '   ' }, DEFAULTS)).toBe('');
    expect(formatPermalink({ ...DEFAULTS, query: '' }, DEFAULTS)).toBe('');
  });

  it('never throws on text encodeURIComponent rejects (lone surrogates), and cuts long queries', () => {
    expect(() => formatPermalink({ ...DEFAULTS, query: '\ud800江\udfff桥' }, DEFAULTS)).not.toThrow();
    expect(parse(formatPermalink({ ...DEFAULTS, query: '\ud800江\udfff桥' }, DEFAULTS)).state.query).toBe('江 桥');
    const written = formatPermalink({ ...DEFAULTS, query: '测'.repeat(300) }, DEFAULTS);
    expect(parse(written).state.query).toBe('测'.repeat(PERMALINK_MAX_QUERY));
    expect(cleanPermalinkQuery('\u0000 a\u2028b\t\u3000c ')).toBe('a b c');
  });

  it('round-trips random queries: parse(format(q)) is the cleaned q, and formatting again is stable', () => {
    const r = mulberry32(20261123);
    const alphabet = ['江', '桥', '泰', '来', '县', '〔', '〕', 'a', 'Z', '0', '9', ' ', '\u3000', '&', '=', '?', '#', '%', '+', '/', '.', ',', ':', ';', '(', ')', '[', ']', '*', '!', "'", '"', '<', '>', '😀', '👍🏽', '\u0000', '\n', '２', '𠀋', '\\'];
    for (let i = 0; i < 1000; i++) {
      const length = Math.floor(r() * 130);
      const query = Array.from({ length }, () => alphabet[Math.floor(r() * alphabet.length)]!).join('');
      const state: PermalinkState = { ...DEFAULTS, query };
      const link = formatPermalink(state, DEFAULTS);
      expect(link, JSON.stringify(query)).toMatch(/^(q=[A-Za-z0-9%._~-]+)?$/);
      const back = parsePermalink(link, KNOWN, DEFAULTS);
      expect(back.warnings, link).toEqual([]);
      const cleaned = Array.from(cleanPermalinkQuery(query)).slice(0, PERMALINK_MAX_QUERY).join('').trim();
      expect(back.state.query ?? '', link).toBe(cleaned);
      expect(formatPermalink(back.state, DEFAULTS)).toBe(link);
    }
  });
});
