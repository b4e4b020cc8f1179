/**
 * The project's Astro integration:
 * - runs the data check before Astro does anything else, so `astro build`
 *   on bad data stops with every problem listed and touches no output;
 * - bakes what request-time routes need (site identity, withdrawn records)
 *   into the server bundle as the virtual module `virtual:geoportal/build-data`,
 *   so the server never reads data/ at request time (`mapSite` is what the
 *   runtime map configuration, /config/map.json, takes from site.yaml);
 * - when GEOPORTAL_STATIC_CONFIG=1, writes /config/map.json as a static
 *   file at the end of the build (key from TIANDITU_KEY at build time), for
 *   static hosting. Without it the file is not written: on the Node server
 *   the request-time route answers, reading the key at request time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { buildRuntimeConfig, mapSiteSettings, runtimeConfigJson, type MapSiteSettings } from '../map/runtime-config.ts';
import { formatIssue, loadDataset, resolveDataDir, type Dataset } from '../data/load.ts';
import { urls, twinUrl } from '../lib/urls.ts';

const VIRTUAL_ID = 'virtual:geoportal/build-data';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** A withdrawn record's public paths and why it was withdrawn. */
export type GoneRecord = { column: 'notices' | 'enforcement'; page: string; json: string[]; title: string; docNo?: string; date: string; reason: string };

export function goneRecords(data: Dataset): GoneRecord[] {
  const gone: GoneRecord[] = [];
  for (const n of data.notices) {
    if (n.status.state !== 'withdrawn') continue;
    const page = urls.notice(n);
    gone.push({ column: 'notices', page, json: [twinUrl(page), twinUrl(page, 'geojson')], title: n.title, ...(n.docNo ? { docNo: n.docNo } : {}), date: n.status.date, reason: n.status.reason });
  }
  for (const r of data.enforcement) {
    if (r.status.state !== 'withdrawn') continue;
    const page = urls.enforcementRecord(r);
    gone.push({ column: 'enforcement', page, json: [twinUrl(page), twinUrl(page, 'geojson')], title: r.title, ...(r.docNo ? { docNo: r.docNo } : {}), date: r.status.date, reason: r.status.reason });
  }
  return gone;
}

/** True when the build should write dist/client/config/map.json (GEOPORTAL_STATIC_CONFIG=1). */
export function wantsStaticConfig(env: Record<string, string | undefined>): boolean {
  return env['GEOPORTAL_STATIC_CONFIG']?.trim() === '1';
}

/** The static runtime configuration's path below the client output directory. */
export const STATIC_CONFIG_PATH = 'config/map.json';

export function geoportal(): AstroIntegration {
  let mapSite: MapSiteSettings | undefined;
  return {
    name: 'geoportal',
    hooks: {
      'astro:config:setup': async ({ command, logger, updateConfig }) => {
        const { dataset, issues } = await loadDataset(resolveDataDir());
        const errors = issues.filter((i) => i.severity === 'error');
        if (command === 'build') for (const w of issues.filter((i) => i.severity === 'warning')) logger.warn(formatIssue(w));
        if (!dataset || errors.length > 0) {
          throw new Error(`数据校验未通过（${errors.length} 处错误），已停止：\n${errors.map(formatIssue).join('\n')}`);
        }
        logger.info(`数据校验通过：${dataset.notices.length} 条公告，${dataset.enforcement.length} 条执法信息，${dataset.redSites.length} 个红色资源点`);
        mapSite = mapSiteSettings(dataset.site);
        const source =
          `export const site = ${JSON.stringify(dataset.site)};\n` +
          `export const gone = ${JSON.stringify(goneRecords(dataset))};\n` +
          `export const mapSite = ${JSON.stringify(mapSite)};\n`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'geoportal:build-data',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? source : undefined),
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const flag = process.env['GEOPORTAL_STATIC_CONFIG']?.trim() ?? '';
        if (!wantsStaticConfig(process.env)) {
          if (flag !== '' && flag !== '0') logger.warn(`GEOPORTAL_STATIC_CONFIG=${flag.slice(0, 20)} 无效（应为 1），未写入 /${STATIC_CONFIG_PATH}`);
          return;
        }
        if (!mapSite) throw new Error('站点配置未加载，无法写入 /config/map.json');
        const { config, warnings } = buildRuntimeConfig(mapSite, process.env);
        for (const w of warnings) logger.warn(w);
        // `dir` is the client output directory (<outDir>/client/ with @astrojs/node).
        const file = new URL(STATIC_CONFIG_PATH, dir.href.endsWith('/') ? dir : new URL(`${dir.href}/`));
        await mkdir(new URL('./', file), { recursive: true });
        await writeFile(file, runtimeConfigJson(config), 'utf8');
        logger.info(`已写入静态 /${STATIC_CONFIG_PATH}（天地图 key：${config.tiandituKey ? '已设置' : '未设置，地图使用示意底图'}；矩阵集 ${config.matrixSet}）`);
      },
    },
  };
}
