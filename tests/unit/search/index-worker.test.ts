/** The build's search index from a worker thread is the in-thread index, byte for byte; a fault in the worker fails the build. */
import { describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { searchDocuments } from '../../../src/search/documents.ts';
import { buildSearchIndex } from '../../../src/search/index-writer.ts';
import { buildSearchIndexInWorker } from '../../../src/search/index-worker.ts';

describe('search index in a worker thread', () => {
  it('writes the same files as buildSearchIndex', async () => {
    const docs = searchDocuments(await getPublishedView('data'));
    const [inWorker, inThread] = await Promise.all([buildSearchIndexInWorker(docs), Promise.resolve(buildSearchIndex(docs))]);
    expect(inWorker.manifest).toEqual(inThread.manifest);
    expect(inWorker.files.map((f) => f.name)).toEqual(inThread.files.map((f) => f.name));
    inWorker.files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(inThread.files[i]!.bytes))).toBe(true));
  });

  it('rejects when the documents are refused, instead of hanging or writing half an index', async () => {
    const docs = searchDocuments(await getPublishedView('data'));
    const shuffled = [docs[1]!, docs[0]!, ...docs.slice(2)];
    await expect(buildSearchIndexInWorker(shuffled)).rejects.toThrow(/dense ids/);
  });
});
