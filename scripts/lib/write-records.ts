/**
 * Writes a set of record files all or nothing: every file goes to a staging
 * directory inside the target first (same file system), then each is linked
 * into place with link(2), which refuses to replace a file that appeared
 * meanwhile. Any failure removes what this call placed and the staging
 * directory, so a reader (npm run check, a build) never sees half an import.
 * The staging directory starts with a dot: the loader reads only record
 * files (*.yaml) in the directory, never subdirectories.
 */
import { link, mkdir, mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export type RecordFile = { name: string; text: string };

export class RecordExistsError extends Error {
  readonly file: string;
  constructor(file: string) {
    super(`${file} 已存在，没有覆盖；本次导入未写入任何文件`);
    this.file = file;
  }
}

/** Places a staged file at `final` unless something is there. */
async function place(staged: string, final: string): Promise<void> {
  try {
    await link(staged, final);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new RecordExistsError(path.relative(process.cwd(), final));
    // File systems without hard links: check, then rename (the window is this one call).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    if (await stat(final).then(() => true, () => false)) throw new RecordExistsError(path.relative(process.cwd(), final));
    await rename(staged, final);
  }
}

const WRITE_CONCURRENCY = 64;

async function eachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (next < items.length && failed === undefined) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== undefined) throw failed;
}

/** Writes every file into `dir`, or none; returns the paths written. */
export async function writeAllOrNothing(dir: string, files: readonly RecordFile[]): Promise<string[]> {
  for (const f of files) if (f.name !== path.basename(f.name) || f.name.startsWith('.')) throw new Error(`not a plain file name: ${f.name}`);
  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(path.join(dir, '.import-'));
  const placed: string[] = [];
  try {
    // Every file on disk (fsync) before any is placed. Many at a time: the file
    // system commits concurrent fsyncs together, which makes 5,000 files seconds, not minutes.
    await eachConcurrently(files, WRITE_CONCURRENCY, async (f) => {
      const handle = await open(path.join(staging, f.name), 'wx');
      try {
        await handle.writeFile(f.text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    for (const f of files) {
      const final = path.join(dir, f.name);
      await place(path.join(staging, f.name), final);
      placed.push(final);
    }
    return placed;
  } catch (e) {
    await removeFiles(placed);
    throw e;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Takes back files an import placed (after a failed check of the result). */
export async function removeFiles(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f, { force: true })));
}

/**
 * Replaces one record file (an edit): the new text is written beside it and
 * renamed over it, so a reader sees the old file or the new one, never half.
 * `restore` puts the old text back the same way (after a failed check of the
 * result). A missing file is created (and `restore` removes it).
 */
export async function replaceFile(final: string, text: string): Promise<{ restore: () => Promise<void> }> {
  const dir = path.dirname(final);
  await mkdir(dir, { recursive: true });
  let old: string | undefined;
  try {
    const h = await open(final, 'r');
    try {
      old = await h.readFile('utf8');
    } finally {
      await h.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const swap = async (content: string) => {
    // Not *.yaml: the loader never reads it, even mid-swap.
    const tmp = path.join(dir, `.edit-${process.pid}-${Date.now()}-${path.basename(final)}.tmp`);
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, final);
  };
  await swap(text);
  return { restore: async () => (old === undefined ? rm(final, { force: true }) : swap(old)) };
}
