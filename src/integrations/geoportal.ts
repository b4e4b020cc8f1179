/**
 * The project's Astro integration:
 * - runs the data check before Astro does anything else, so `astro build`
 *   on bad data stops with every problem listed and touches no output;
 * - bakes what request-time routes need (site identity, withdrawn records)
 *   into the server bundle as the virtual module `virtual:geoportal/build-data`,
 *   so the server never reads data/ at request time.
 */
import type { AstroIntegration } from 'astro';
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
    gone.push({ column: 'enforcement', page, json: [twinUrl(page)], title: r.title, ...(r.docNo ? { docNo: r.docNo } : {}), date: r.status.date, reason: r.status.reason });
  }
  return gone;
}

export function geoportal(): AstroIntegration {
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
        const source = `export const site = ${JSON.stringify(dataset.site)};\nexport const gone = ${JSON.stringify(goneRecords(dataset))};\n`;
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
    },
  };
}
