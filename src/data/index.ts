/**
 * The data layer's entry point: the dataset is loaded and validated once per
 * process, and the published view derived from it once. The Astro
 * integration loads it before the build starts (and stops the build on any
 * error); pages and endpoints then get the same view through
 * getPublishedView().
 *
 * The cache lives on globalThis because Astro imports this module twice in
 * one build (once through astro.config.mjs, once inside the page bundle):
 * two module instances, one process, one load.
 */
import type { DataIssue } from '../schema/index.ts';
import { formatIssue, loadDataset, resolveDataDir } from './load.ts';
import { publishedView, type PublishedView } from './published.ts';

export type LoadedView = { view: PublishedView | undefined; issues: DataIssue[] };

const CACHE = Symbol.for('geoportal.published-view');
type Cache = Map<string, Promise<LoadedView>>;

function cache(): Cache {
  const g = globalThis as { [CACHE]?: Cache };
  return (g[CACHE] ??= new Map());
}

export class DataError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(`数据校验未通过（${lines.length} 处）：\n${lines.join('\n')}`);
    this.name = 'DataError';
    this.lines = lines;
  }
}

/** Loads, validates and publishes a data directory, once per process; every issue is returned. */
export function loadPublishedView(dataDir: string = resolveDataDir()): Promise<LoadedView> {
  const c = cache();
  let loaded = c.get(dataDir);
  if (!loaded) {
    loaded = loadDataset(dataDir).then(({ dataset, issues }) => ({ view: dataset && publishedView(dataset), issues }));
    c.set(dataDir, loaded);
  }
  return loaded;
}

/** The published view of this build; a data error throws with every problem listed. */
export async function getPublishedView(dataDir: string = resolveDataDir()): Promise<PublishedView> {
  const { view, issues } = await loadPublishedView(dataDir);
  const errors = issues.filter((i) => i.severity === 'error');
  if (!view || errors.length > 0) throw new DataError(errors.map(formatIssue));
  return view;
}

export type { Dataset } from './load.ts';
export type { GoneRecord, PublishedView, SitePage } from './published.ts';
export { resolveDataDir, formatIssue } from './load.ts';
export { copyPublishedFiles, servePublishedFile } from './files.ts';
export { copyBaseMapFiles, type PublishedBaseMap } from './basemap.ts';
export type { AttachmentLink } from './published.ts';
