/**
 * Writes the files the build makes from the published view itself (the map
 * collections and every record's .json/.geojson twin, src/data/record-twins.ts)
 * into the client output while Astro renders the pages: started from a Vite
 * `buildApp` hook that runs after Astro has emptied the output directory, it
 * shares the main thread with Astro's rendering. The entries go into the
 * server's file manifest as they are (src/server/static-files.ts:
 * writeStaticManifest's `done`), and the records' own pages it names are
 * compressed there as record pages.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PublishedView } from '../data/published.ts';
import { collectionFiles, recordTwins, twinBytes } from '../data/record-twins.ts';
import { eachLimited, writeWithTwins, type StaticFile } from '../server/static-files.ts';

/** Everything the build writes from the published view itself: the map collections first, then the records' twins. */
export function* dataFiles(view: PublishedView) {
  yield* collectionFiles(view);
  yield* recordTwins(view);
}

export interface WrittenDataFiles {
  /** Manifest entries by URL path. */
  files: Map<string, StaticFile>;
  /** The records' own pages, as files below the client directory (notices/land/td-2026-033/index.html). */
  recordPages: Set<string>;
}

export async function writeRecordTwins(view: PublishedView, clientDir: string): Promise<WrittenDataFiles> {
  const done = new Map<string, StaticFile>();
  const recordPages = new Set<string>();
  // One mkdir per folder, shared by the writes waiting on it.
  const dirs = new Map<string, Promise<unknown>>();
  await eachLimited(dataFiles(view), 8, async (twin) => {
    const rel = twin.path.slice(1);
    const dir = path.dirname(path.join(clientDir, rel));
    if (!dirs.has(dir)) dirs.set(dir, mkdir(dir, { recursive: true }));
    await dirs.get(dir);
    // Map collections compressed hardest (class `shared`); records' twins written as they are: a few KB each,
    // fetched by programs (static-files.ts, class `none`).
    const { entry } = await writeWithTwins(clientDir, rel, twinBytes(twin), true, twin.shared ? 'shared' : 'none');
    if (!entry.type.startsWith(`${twin.type};`)) throw new Error(`${twin.path}: 类型 ${entry.type} 与 ${twin.type} 不符`);
    done.set(twin.path, entry);
    if (twin.page) recordPages.add(`${twin.page.slice(1)}index.html`);
  });
  return { files: done, recordPages };
}
