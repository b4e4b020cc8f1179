import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { loadDataset } from '../../../src/data/load.ts';
import { geoportal, STATIC_CONFIG_PATH, wantsStaticConfig } from '../../../src/integrations/geoportal.ts';
import {
  buildRuntimeConfig,
  checkMatrixSet,
  checkTiandituKey,
  mapSiteSettings,
  onceLogger,
  runtimeConfigJson,
  type MapSiteSettings,
  WMTS_CAPABILITIES_PATH,
} from '../../../src/map/runtime-config.ts';
import type { RuntimeMapConfig } from '../../../src/map/types.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const FIXTURE = 'tests/fixtures/minimal';

async function fixtureSite(): Promise<MapSiteSettings> {
  const { dataset } = await loadDataset(FIXTURE);
  return mapSiteSettings(dataset!.site, dataset!.basemap);
}

describe('checkTiandituKey', () => {
  it('accepts 32 lowercase hex characters', () => {
    expect(checkTiandituKey(KEY)).toEqual({ key: KEY });
    expect(checkTiandituKey('f'.repeat(32))).toEqual({ key: 'f'.repeat(32) });
  });
  it('trims surrounding whitespace (a trailing space or CR from an env file)', () => {
    expect(checkTiandituKey(` ${KEY}\r\n`)).toEqual({ key: KEY });
  });
  it('unset or blank → null, no warning (the offline base map)', () => {
    for (const raw of [undefined, '', '   ']) expect(checkTiandituKey(raw)).toEqual({ key: null });
  });
  it('anything else → null with a Chinese warning that does not repeat the value', () => {
    const bad = [KEY.toUpperCase(), KEY.slice(1), `${KEY}0`, `${KEY.slice(0, 31)}g`, 'your-key-here', `${KEY.slice(0, 16)} ${KEY.slice(16, 31)}`, `tk=${KEY}`];
    for (const raw of bad) {
      const r = checkTiandituKey(raw);
      expect(r.key, raw).toBeNull();
      expect(r.warning, raw).toMatch(/TIANDITU_KEY 不是有效的天地图 key（应为 32 位小写十六进制字符/);
      expect(r.warning).not.toContain(raw);
    }
    expect(checkTiandituKey(KEY.toUpperCase()).warning).toContain('含大写字母');
    expect(checkTiandituKey('abc').warning).toContain('长度 3');
  });
});

describe('checkMatrixSet', () => {
  it('w or c overrides site.yaml; unset keeps it', () => {
    expect(checkMatrixSet('c', 'w')).toEqual({ matrixSet: 'c' });
    expect(checkMatrixSet('w', 'c')).toEqual({ matrixSet: 'w' });
    expect(checkMatrixSet(undefined, 'c')).toEqual({ matrixSet: 'c' });
    expect(checkMatrixSet(' ', 'w')).toEqual({ matrixSet: 'w' });
  });
  it('anything else keeps site.yaml, with a warning', () => {
    for (const raw of ['W', 'C', '3857', 'wc', 'EPSG:4490']) {
      const r = checkMatrixSet(raw, 'w');
      expect(r.matrixSet).toBe('w');
      expect(r.warning).toMatch(/TIANDITU_MATRIX_SET 应为 w 或 c/);
    }
  });
});

describe('buildRuntimeConfig', () => {
  it('assembles RuntimeMapConfig from site.yaml and the environment', async () => {
    const site = await fixtureSite();
    const { config, warnings } = buildRuntimeConfig(site, { TIANDITU_KEY: KEY });
    const expected: RuntimeMapConfig = {
      tiandituKey: KEY,
      matrixSet: 'w',
      attribution: '天地图 · 国家地理信息公共服务平台',
      reviewNo: 'GS(2024)0568号',
      qualificationNo: '甲测资字1100471',
      termsUrl: site.tianditu.termsUrl,
      homeExtent: [122.3, 45.9, 126.7, 48.9],
      basemap: { kind: 'tianditu' },
    };
    expect(config).toEqual(expected);
    expect(Object.keys(config).sort()).toEqual(Object.keys(expected).sort());
    expect(warnings).toEqual([]);
    expect(config.homeExtent).not.toBe(site.map.homeExtent);
  });
  it('no key → null; matrix set override; both warnings for bad values', async () => {
    const site = await fixtureSite();
    expect(buildRuntimeConfig(site, {}).config.tiandituKey).toBeNull();
    expect(buildRuntimeConfig(site, { TIANDITU_MATRIX_SET: 'c' }).config.matrixSet).toBe('c');
    const bad = buildRuntimeConfig(site, { TIANDITU_KEY: 'nope', TIANDITU_MATRIX_SET: 'x' });
    expect(bad.config.tiandituKey).toBeNull();
    expect(bad.config.matrixSet).toBe('w');
    expect(bad.warnings).toHaveLength(2);
  });
  it('serialises the same way for the route and the static file', async () => {
    const { config } = buildRuntimeConfig(await fixtureSite(), { TIANDITU_KEY: KEY });
    const text = runtimeConfigJson(config);
    expect(JSON.parse(text)).toEqual(config);
    expect(text.endsWith('\n')).toBe(true);
  });
  it('mapSiteSettings keeps only the map, Tianditu and base-map settings', async () => {
    const { dataset } = await loadDataset(FIXTURE);
    expect(Object.keys(mapSiteSettings(dataset!.site, dataset!.basemap)).sort()).toEqual(['basemap', 'map', 'tianditu']);
  });
  it('a WMTS base map reaches the browser through the server route, never as the upstream URL', async () => {
    const site = await fixtureSite();
    const wmts = { capabilities: 'https://tdt.example.gov.cn/wmts?request=GetCapabilities', layer: 'vec', tileOrigins: [], attribution: '天地图·示例市', reviewNo: '黑S(2024)015号' };
    const { config } = buildRuntimeConfig({ ...site, basemap: { kind: 'wmts', wmts } }, {});
    expect(config.basemap).toEqual({ kind: 'wmts', capabilitiesUrl: WMTS_CAPABILITIES_PATH, layer: 'vec', attribution: '天地图·示例市', reviewNo: '黑S(2024)015号' });
    expect(runtimeConfigJson(config)).not.toContain('tdt.example.gov.cn');
  });
  it('a PMTiles base map carries its URLs and credit, never the files\' paths on the build machine', async () => {
    const { dataset } = await loadDataset(FIXTURE);
    const basemap = { kind: 'pmtiles' as const, archive: { source: '/build/data/basemap/a.pmtiles', url: '/basemap/a.pmtiles', bytes: 10 }, style: { source: '/build/data/basemap/s.json', url: '/basemap/s.json', bytes: 5 }, attribution: '示例局' };
    const settings = mapSiteSettings(dataset!.site, basemap);
    expect(JSON.stringify(settings)).not.toContain('/build/');
    expect(buildRuntimeConfig(settings, {}).config.basemap).toEqual({ kind: 'pmtiles', archiveUrl: '/basemap/a.pmtiles', styleUrl: '/basemap/s.json', attribution: '示例局' });
  });
});

describe('onceLogger', () => {
  it('logs each distinct warning once per process', () => {
    const lines: string[] = [];
    const log = onceLogger((m) => lines.push(m));
    for (let i = 0; i < 5; i++) log(['a', 'b']);
    log(['c']);
    expect(lines).toEqual(['a', 'b', 'c']);
  });
});

describe('the integration', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const logger = () => {
    const lines: string[] = [];
    const l = { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`), debug: () => {} };
    return { lines, logger: l as unknown as AstroIntegrationLogger };
  };

  /** Runs astro:config:setup on the fixture; returns the virtual module's source and the hooks. */
  async function setup(config: { site?: string } = {}) {
    vi.stubEnv('GEOPORTAL_DATA_DIR', FIXTURE);
    const integration = geoportal();
    let source = '';
    let site: string | undefined;
    const updateConfig = (c: { site?: string; vite: { plugins: { resolveId: (id: string) => string | undefined; load: (id: string) => string | undefined }[] } }) => {
      const plugin = c.vite.plugins[0]!;
      source = plugin.load(plugin.resolveId('virtual:geoportal/build-data')!)!;
      site = c.site;
    };
    const hook = integration.hooks['astro:config:setup'] as unknown as (a: object) => Promise<void>;
    await hook({ command: 'build', config, logger: logger().logger, updateConfig });
    const done = integration.hooks['astro:build:done'] as unknown as (a: { dir: URL; logger: AstroIntegrationLogger }) => Promise<void>;
    return { source, done, site };
  }

  it('sets the canonical origin from site.yaml unless SITE_URL set one', async () => {
    const { dataset } = await loadDataset(FIXTURE);
    expect((await setup()).site).toBe(`https://${dataset!.site.domain}`);
    expect((await setup({ site: 'https://example.gov.cn' })).site).toBeUndefined();
  });

  it('exports mapSite from virtual:geoportal/build-data', async () => {
    const { source } = await setup();
    const { dataset } = await loadDataset(FIXTURE);
    const line = source.split('\n').find((l) => l.startsWith('export const mapSite = '))!;
    expect(JSON.parse(line.slice('export const mapSite = '.length, -1))).toEqual(mapSiteSettings(dataset!.site, dataset!.basemap));
  });

  it('wantsStaticConfig: only GEOPORTAL_STATIC_CONFIG=1', () => {
    expect(wantsStaticConfig({ GEOPORTAL_STATIC_CONFIG: '1' })).toBe(true);
    for (const v of [undefined, '', '0', 'true', 'yes']) expect(wantsStaticConfig({ GEOPORTAL_STATIC_CONFIG: v })).toBe(false);
  });

  it('astro:build:done writes client/config/map.json only with GEOPORTAL_STATIC_CONFIG=1', async () => {
    const { done } = await setup();
    const dir = mkdtempSync(path.join(tmpdir(), 'geoportal-static-config-'));
    dirs.push(dir);
    const file = path.join(dir, STATIC_CONFIG_PATH);

    vi.stubEnv('TIANDITU_KEY', KEY);
    vi.stubEnv('GEOPORTAL_STATIC_CONFIG', '');
    await done({ dir: pathToFileURL(`${dir}/`), logger: logger().logger });
    expect(existsSync(file)).toBe(false);

    vi.stubEnv('GEOPORTAL_STATIC_CONFIG', 'true');
    const off = logger();
    await done({ dir: pathToFileURL(`${dir}/`), logger: off.logger });
    expect(existsSync(file)).toBe(false);
    expect(off.lines.join('\n')).toMatch(/GEOPORTAL_STATIC_CONFIG=true 无效/);

    vi.stubEnv('GEOPORTAL_STATIC_CONFIG', '1');
    const on = logger();
    await done({ dir: pathToFileURL(dir), logger: on.logger }); // without the trailing slash, too
    const written = JSON.parse(readFileSync(file, 'utf8')) as RuntimeMapConfig;
    expect(written.tiandituKey).toBe(KEY);
    expect(written.matrixSet).toBe('w');
    expect(on.lines.join('\n')).not.toContain(KEY);

    vi.stubEnv('TIANDITU_KEY', '');
    await done({ dir: pathToFileURL(`${dir}/`), logger: logger().logger });
    expect((JSON.parse(readFileSync(file, 'utf8')) as RuntimeMapConfig).tiandituKey).toBeNull();
  });
});
