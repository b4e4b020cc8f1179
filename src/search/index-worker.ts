/**
 * The search index, built in a worker thread while Astro renders the pages:
 * the index is CPU work that needs only the search documents, so on a machine
 * with two cores it costs the build no wall time of its own.
 * `buildSearchIndexInWorker` is the caller's side; the rest runs in the worker.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import type { SearchDocument } from './documents.ts';
import { buildSearchIndex, type SearchIndex } from './index-writer.ts';

/** Builds the index of `docs` in a worker thread; the same bytes as buildSearchIndex(docs). */
export function buildSearchIndexInWorker(docs: readonly SearchDocument[]): Promise<SearchIndex> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url));
    worker.once('message', (index: SearchIndex) => {
      resolve(index);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`搜索索引线程异常退出（${code}）`));
    });
    worker.postMessage(docs);
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.once('message', (docs: SearchDocument[]) => {
    // Copied back (about 15 MB at 10,000 notices, a few milliseconds): zlib's buffers cannot be transferred.
    port.postMessage(buildSearchIndex(docs));
  });
}
