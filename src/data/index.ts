/**
 * The dataset for this build, loaded once. Pages and endpoints call
 * getDataset(); a data error stops the build with every problem listed.
 */
import { formatIssue, loadDataset, type Dataset } from './load.ts';

let cached: Promise<Dataset> | undefined;

export class DataError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(`数据校验未通过（${lines.length} 处）：\n${lines.join('\n')}`);
    this.name = 'DataError';
    this.lines = lines;
  }
}

export function getDataset(): Promise<Dataset> {
  cached ??= loadDataset().then(({ dataset, issues }) => {
    const errors = issues.filter((i) => i.severity === 'error');
    if (!dataset || errors.length > 0) throw new DataError(errors.map(formatIssue));
    return dataset;
  });
  return cached;
}

export type { Dataset } from './load.ts';
