/**
 * The runtime map configuration (/config/map.json), assembled from the
 * site identity (baked in at build time) and the environment. One pure
 * function serves both the request-time route (src/pages/config/map.json.ts,
 * environment read per request) and the static file the build writes when
 * GEOPORTAL_STATIC_CONFIG=1 (src/integrations/geoportal.ts).
 *
 * The Tianditu key is a browser key (浏览器端) bound to the site's domains:
 * public, but it lives only in this document, never in the JavaScript bundle.
 */
import type { PublishedBaseMap } from '../data/basemap.ts';
import type { Site } from '../schema/site.ts';
import type { BaseMapCredit, BaseMapSourceConfig, MatrixSet, RuntimeMapConfig } from './types.ts';

/** The server's copy of the configured WMTS GetCapabilities (src/pages/config/basemap/capabilities.xml.ts). */
export const WMTS_CAPABILITIES_PATH = '/config/basemap/capabilities.xml';

type Wmts = NonNullable<Site['map']['wmts']>;

/**
 * The published base map as the server bundle carries it: the WMTS settings
 * (the capabilities route needs the upstream URL), the PMTiles files' URLs
 * (never their paths on the build machine).
 */
export type BaseMapSettings =
  | { kind: 'tianditu' }
  | { kind: 'wmts'; wmts: Wmts }
  | ({ kind: 'pmtiles'; archiveUrl: string; styleUrl: string } & BaseMapCredit)
  | { kind: 'offline'; reason?: string };

/** What the configuration takes from data/site.yaml (and the base map the build resolved from it). */
export type MapSiteSettings = { map: Pick<Site['map'], 'homeExtent' | 'matrixSet'>; tianditu: Site['tianditu']; basemap: BaseMapSettings };

/** The environment variables read here (process.env or a subset of it). */
export type MapConfigEnv = {
  TIANDITU_KEY?: string | undefined;
  TIANDITU_MATRIX_SET?: string | undefined;
};

/** Tianditu keys are 32 lowercase hexadecimal characters. */
export const TIANDITU_KEY_PATTERN = /^[0-9a-f]{32}$/;

export type KeyCheck = { key: string | null; warning?: string };

/**
 * The key from TIANDITU_KEY. Unset or blank → null (the map uses the
 * offline 示意底图), without a warning. Anything that is not a Tianditu key
 * → null with a warning; the warning never repeats the value. Surrounding
 * whitespace (a trailing space or CR in an env file) is removed first.
 */
export function checkTiandituKey(raw: string | undefined): KeyCheck {
  const value = raw?.trim() ?? '';
  if (value === '') return { key: null };
  if (TIANDITU_KEY_PATTERN.test(value)) return { key: value };
  const hint = /^[0-9a-fA-F]{32}$/.test(value) ? '含大写字母' : `长度 ${value.length}`;
  return {
    key: null,
    warning: `环境变量 TIANDITU_KEY 不是有效的天地图 key（应为 32 位小写十六进制字符，实际${hint}），已忽略：地图将使用示意底图。`,
  };
}

export type MatrixSetCheck = { matrixSet: MatrixSet; warning?: string };

/** TIANDITU_MATRIX_SET=w|c overrides site.yaml; anything else is ignored with a warning. */
export function checkMatrixSet(raw: string | undefined, fallback: MatrixSet): MatrixSetCheck {
  const value = raw?.trim() ?? '';
  if (value === '') return { matrixSet: fallback };
  if (value === 'w' || value === 'c') return { matrixSet: value };
  return {
    matrixSet: fallback,
    warning: `环境变量 TIANDITU_MATRIX_SET 应为 w 或 c（实际为“${value.slice(0, 20)}”），已忽略，使用 site.yaml 中的 ${fallback}。`,
  };
}

/** The configuration and the warnings to log (each at most once per process). */
export function buildRuntimeConfig(site: MapSiteSettings, env: MapConfigEnv): { config: RuntimeMapConfig; warnings: string[] } {
  const key = checkTiandituKey(env.TIANDITU_KEY);
  const matrix = checkMatrixSet(env.TIANDITU_MATRIX_SET, site.map.matrixSet);
  const [west, south, east, north] = site.map.homeExtent;
  const config: RuntimeMapConfig = {
    tiandituKey: key.key,
    matrixSet: matrix.matrixSet,
    attribution: site.tianditu.attribution,
    reviewNo: site.tianditu.reviewNo,
    qualificationNo: site.tianditu.qualificationNo,
    termsUrl: site.tianditu.termsUrl,
    homeExtent: [west, south, east, north],
    basemap: basemapConfig(site.basemap),
  };
  const warnings = [key.warning, matrix.warning].filter((w): w is string => w !== undefined);
  return { config, warnings };
}

/** The document's text, the same from the route and in the static file. */
export function runtimeConfigJson(config: RuntimeMapConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The browser's view of the base map: the WMTS through the server's route, never the upstream URL. */
export function basemapConfig(b: BaseMapSettings): BaseMapSourceConfig {
  if (b.kind !== 'wmts') return b;
  const { layer, matrixSet, attribution, reviewNo } = b.wmts;
  return { kind: 'wmts', capabilitiesUrl: WMTS_CAPABILITIES_PATH, layer, ...(matrixSet ? { matrixSet } : {}), attribution, ...(reviewNo ? { reviewNo } : {}) };
}

/** The settings the virtual build-data module carries (nothing else from site.yaml). */
export function mapSiteSettings(site: Pick<Site, 'map' | 'tianditu'>, basemap: PublishedBaseMap): MapSiteSettings {
  const settings: BaseMapSettings =
    basemap.kind === 'pmtiles'
      ? { kind: 'pmtiles', archiveUrl: basemap.archive.url, styleUrl: basemap.style.url, attribution: basemap.attribution, ...(basemap.reviewNo ? { reviewNo: basemap.reviewNo } : {}) }
      : basemap;
  return { map: { homeExtent: site.map.homeExtent, matrixSet: site.map.matrixSet }, tianditu: { ...site.tianditu }, basemap: settings };
}

/** Logs each distinct warning once per process, whatever the number of requests. */
export function onceLogger(log: (message: string) => void): (warnings: readonly string[]) => void {
  const seen = new Set<string>();
  return (warnings) => {
    for (const w of warnings) {
      if (seen.has(w)) continue;
      seen.add(w);
      log(w);
    }
  };
}
