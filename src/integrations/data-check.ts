/**
 * Runs the data check before Astro does anything else, so `astro build` on
 * bad data stops with every problem listed and touches no output.
 */
import type { AstroIntegration } from 'astro';
import { formatIssue, loadDataset, resolveDataDir } from '../data/load.ts';

export function dataCheck(): AstroIntegration {
  return {
    name: 'geoportal:data-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const { dataset, issues } = await loadDataset(resolveDataDir());
        const errors = issues.filter((i) => i.severity === 'error');
        for (const w of issues.filter((i) => i.severity === 'warning')) logger.warn(formatIssue(w));
        if (!dataset || errors.length > 0) {
          throw new Error(`数据校验未通过（${errors.length} 处错误），构建已停止：\n${errors.map(formatIssue).join('\n')}`);
        }
        logger.info(`数据校验通过：${dataset.notices.length} 条公告，${dataset.enforcement.length} 条执法信息，${dataset.redSites.length} 个红色资源点`);
      },
    },
  };
}
