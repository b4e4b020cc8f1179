/**
 * The map page's permalink: view state ⇄ query string (docs/permalink.md).
 *
 * Links are shared, bookmarked and hand-edited, so parsing never throws:
 * each parameter is checked against a strict grammar and, if it fails, is
 * ignored (its default stands) with a warning for the caller to log.
 */
import type { LonLatExtent, MapViewState } from './types.ts';
import { normalizeLon } from './longitude.ts';

export type PermalinkKnown = {
  /** Ids of the thematic layers the page offers. */
  layers: readonly string[];
  /** Box the centre must lie in (see permalinkBounds); absent: any valid lon/lat. */
  bounds?: LonLatExtent;
};

/** The view state plus the map search's query (`q`), which the permalink also carries. */
export type PermalinkState = MapViewState & {
  /** The map search's query, cleaned (see cleanPermalinkQuery); absent or '' for none. */
  query?: string;
};

export type PermalinkResult = {
  state: PermalinkState;
  warnings: string[];
  /** Whether the link sets the view itself (a valid c or z): then a q in it must not move the view. */
  hasView: boolean;
};

export const PERMALINK_MIN_ZOOM = 1;
export const PERMALINK_MAX_ZOOM = 18;

/** Longer query strings are ignored whole; longer values one by one. */
const MAX_SEARCH = 16_384;
const MAX_VALUE = 1_024;
const MAX_WARNINGS = 20;
/** The search box takes 100 characters (src/search/tokenize.ts MAX_QUERY_LENGTH); so does q. */
export const PERMALINK_MAX_QUERY = 100;

const PARAMS = ['c', 'z', 'b', 'l', 'f', 'q'] as const;
type Param = (typeof PARAMS)[number];

// Grammar. Anchored regexes before Number(): this rejects NaN, Infinity,
// 1e3, 0x10, blanks and signs in odd places in one go.
const CENTER_RE = /^(-?\d{1,3}(?:\.\d{1,6})?),(-?\d{1,2}(?:\.\d{1,6})?)$/;
const ZOOM_RE = /^\d{1,2}(?:\.\d{1,2})?$/;
const BASE_RE = /^(vec|img|ter)(-en)?$/;
/** Layer and feature ids: the record-id alphabet (src/schema/common.ts), 1–80 characters. */
const ID_RE = /^[a-z0-9][a-z0-9-]{0,79}$/;
const FEATURE_RE = /^([a-z0-9][a-z0-9-]{0,79}):([a-z0-9][a-z0-9-]{0,79})$/;

/**
 * A generous box around the home extent for the centre check: wide enough
 * for any view a visitor would share, narrow enough that a link cannot open
 * the city's map over the ocean.
 */
export function permalinkBounds(home: LonLatExtent, marginDegrees = 2): LonLatExtent {
  return [
    Math.max(-180, home[0] - marginDegrees),
    Math.max(-90, home[1] - marginDegrees),
    Math.min(180, home[2] + marginDegrees),
    Math.min(90, home[3] + marginDegrees),
  ];
}

/** A value as it may appear in a warning: quoted, escaped, and short. */
function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function cloneState(s: MapViewState): MapViewState {
  const state: MapViewState = { center: [s.center[0], s.center[1]], zoom: s.zoom, base: s.base, lang: s.lang, layers: [...s.layers] };
  if (s.selected) state.selected = { layer: s.selected.layer, id: s.selected.id };
  return state;
}

// Controls, lone surrogates, line and paragraph separators and other invisible format characters become spaces.
const QUERY_JUNK = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u200b\u2060\ufeff]/gu;

/**
 * A search query as the permalink keeps it: controls and lone surrogates
 * become spaces, runs of white space one space, no space at either end.
 * Nothing else changes: the search client does its own normalising.
 */
export function cleanPermalinkQuery(q: string): string {
  return String(q).replace(QUERY_JUNK, ' ').replace(/\s+/gu, ' ').trim();
}

const codePoints = (s: string) => Array.from(s).length;

/**
 * Reads the view state from a query string (with or without the leading
 * `?`). Parameters that are absent or invalid keep their value from
 * `defaults`; every invalid one adds a warning. Never throws.
 */
export function parsePermalink(search: string, known: PermalinkKnown, defaults: MapViewState): PermalinkResult {
  const state: PermalinkState = cloneState(defaults);
  const warnings: string[] = [];
  let hasView = false;
  let dropped = 0;
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else dropped++;
  };
  const done = (): PermalinkResult => {
    if (dropped > 0) warnings.push(`… and ${dropped} more`);
    return { state, warnings, hasView };
  };

  if (typeof search !== 'string') {
    warn('the query string is not a string; using the defaults');
    return done();
  }
  if (search.length > MAX_SEARCH) {
    warn(`the query string is ${search.length} characters long (limit ${MAX_SEARCH}); using the defaults`);
    return done();
  }

  // A Map, not an object: names such as __proto__ or constructor are plain keys here.
  const values = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(search)) {
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }

  const isParam = (name: string): name is Param => (PARAMS as readonly string[]).includes(name);
  const valid = new Map<Param, string>();
  for (const [name, list] of values) {
    // Other names are not ours to judge: WeChat appends from=…&isappinstalled=…
    // to shared links, campaigns add utm_*. They cannot touch the state.
    if (!isParam(name)) continue;
    if (list.length > 1) warn(`ignored ${name}: it appears ${list.length} times`);
    else if (list[0]!.length > MAX_VALUE) warn(`ignored ${name}: value is ${list[0]!.length} characters long (limit ${MAX_VALUE})`);
    else valid.set(name, list[0]!);
  }

  const c = valid.get('c');
  if (c !== undefined) {
    const m = CENTER_RE.exec(c);
    const lon = m ? Number(m[1]) : NaN;
    const lat = m ? Number(m[2]) : NaN;
    const b = known.bounds;
    // 1e-6: a centre rounded to 6 decimals may sit that far outside the box.
    const inBounds = !b || (lon >= b[0] - 1e-6 && lon <= b[2] + 1e-6 && lat >= b[1] - 1e-6 && lat <= b[3] + 1e-6);
    if (!m) warn(`ignored c=${show(c)}: expected lon,lat in degrees with at most 6 decimals`);
    else if (Math.abs(lon) > 180 || Math.abs(lat) > 90) warn(`ignored c=${show(c)}: not a valid longitude and latitude`);
    else if (!inBounds) warn(`ignored c=${show(c)}: outside the map's area`);
    else {
      state.center = [lon, lat];
      hasView = true;
    }
  }

  const z = valid.get('z');
  if (z !== undefined) {
    const zoom = ZOOM_RE.test(z) ? Number(z) : NaN;
    if (zoom >= PERMALINK_MIN_ZOOM && zoom <= PERMALINK_MAX_ZOOM) {
      state.zoom = zoom;
      hasView = true;
    } else warn(`ignored z=${show(z)}: expected a zoom of ${PERMALINK_MIN_ZOOM}–${PERMALINK_MAX_ZOOM} with at most 2 decimals`);
  }

  const base = valid.get('b');
  if (base !== undefined) {
    const m = BASE_RE.exec(base);
    if (!m) warn(`ignored b=${show(base)}: expected vec, img or ter, optionally followed by -en`);
    else {
      state.base = m[1] as MapViewState['base'];
      state.lang = m[2] ? 'en' : 'zh';
    }
  }

  const l = valid.get('l');
  if (l !== undefined) {
    if (l === '') state.layers = [];
    else {
      const knownLayers = new Set(known.layers);
      const layers: string[] = [];
      for (const id of l.split(',')) {
        if (!ID_RE.test(id) || !knownLayers.has(id)) warn(`ignored layer ${show(id)} in l: not a layer of this map`);
        else if (layers.includes(id)) warn(`ignored layer ${show(id)} in l: listed twice`);
        else layers.push(id);
      }
      // Nothing usable (say, every layer was renamed since the link was made): keep the defaults rather than an empty map.
      if (layers.length > 0) state.layers = layers;
      else warn(`ignored l=${show(l)}: no known layer; showing the default layers`);
    }
  }

  const f = valid.get('f');
  if (f !== undefined) {
    const m = FEATURE_RE.exec(f);
    if (!m) warn(`ignored f=${show(f)}: expected layer:id (lower-case letters, digits, hyphens)`);
    else if (!known.layers.includes(m[1]!)) warn(`ignored f=${show(f)}: ${show(m[1]!)} is not a layer of this map`);
    else state.selected = { layer: m[1]!, id: m[2]! };
  }

  const q = valid.get('q');
  if (q !== undefined) {
    const query = cleanPermalinkQuery(q);
    if (codePoints(query) > PERMALINK_MAX_QUERY) warn(`ignored q=${show(query)}: longer than ${PERMALINK_MAX_QUERY} characters`);
    else if (query !== '') state.query = query;
  }

  return done();
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Shortest text of v rounded to d decimals: 123.918, not 123.918000; 0, not -0. */
const fixed = (v: number, d: number) => String(Number(v.toFixed(d)));
const round2 = (z: number) => Math.round(z * 100) / 100;

/** encodeURIComponent, and also ! ' ( ) * , which chat apps take for the end of a link. */
function encodeQuery(q: string): string {
  return encodeURIComponent(q).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Writes the view state as a query string without the leading `?`:
 * `c=…&z=…&b=…&l=…&f=…&q=…` in that order, each parameter only when it differs
 * from `defaults` (q: when there is a query); `''` when nothing does. The centre gets 5 decimals (≈ 1 m) below zoom 14 and 6
 * (≈ 0.1 m) from 14, the zoom 2 decimals. Anything the parser would reject
 * (ids outside the grammar, zoom outside 1–18) is left out or clamped, so
 * parsePermalink(formatPermalink(s)) gives s back as rounded here.
 */
export function formatPermalink(state: PermalinkState, defaults: MapViewState): string {
  const parts: string[] = [];
  const zoom = round2(clamp(Number.isFinite(state.zoom) ? state.zoom : defaults.zoom, PERMALINK_MIN_ZOOM, PERMALINK_MAX_ZOOM));
  const decimals = zoom >= 14 ? 6 : 5;

  const center = (s: MapViewState) => `${fixed(normalizeLon(s.center[0]), decimals)},${fixed(clamp(s.center[1], -90, 90), decimals)}`;
  if (Number.isFinite(state.center[0]) && Number.isFinite(state.center[1]) && center(state) !== center(defaults))
    parts.push(`c=${center(state)}`);

  if (zoom !== round2(defaults.zoom)) parts.push(`z=${zoom}`);

  if (state.base !== defaults.base || state.lang !== defaults.lang) parts.push(`b=${state.base}${state.lang === 'en' ? '-en' : ''}`);

  const layers = [...new Set(state.layers.filter((id) => ID_RE.test(id)))];
  if (layers.join(',') !== defaults.layers.join(',')) parts.push(`l=${layers.join(',')}`);

  const sel = state.selected;
  const dsel = defaults.selected;
  if (sel && ID_RE.test(sel.layer) && ID_RE.test(sel.id) && !(dsel && dsel.layer === sel.layer && dsel.id === sel.id))
    parts.push(`f=${sel.layer}:${sel.id}`);

  const query = typeof state.query === 'string' ? cleanPermalinkQuery(state.query) : '';
  if (query !== '') parts.push(`q=${encodeQuery(Array.from(query).slice(0, PERMALINK_MAX_QUERY).join('').trim())}`);

  return parts.join('&');
}
