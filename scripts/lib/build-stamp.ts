/**
 * Input stamps for benchmark builds: a hash of everything a site build reads
 * (src/, public/, the Astro config, the build script, the lockfile) and of the
 * data directory's listing (path, size, mtime), so a benchmark can reuse a
 * build whose inputs have not changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CODE_INPUTS = ['src', 'public', 'astro.config.mjs', 'scripts/build.ts', 'package-lock.json', 'tsconfig.json'];

function walk(p: string, visit: (file: string) => void): void {
  if (!existsSync(p)) return;
  if (statSync(p).isFile()) return visit(p);
  for (const e of readdirSync(p, { withFileTypes: true, recursive: true }).sort((a, b) => (path.join(a.parentPath, a.name) < path.join(b.parentPath, b.name) ? -1 : 1))) {
    if (e.isFile()) visit(path.join(e.parentPath, e.name));
  }
}

/** sha256 over the build's code inputs (contents) and the data directory (listing with sizes and mtimes), plus `extra`. */
export function buildStamp(root: string, dataDir: string, extra = ''): string {
  const h = createHash('sha256');
  for (const rel of CODE_INPUTS) {
    walk(path.join(root, rel), (f) => {
      h.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
    });
  }
  walk(dataDir, (f) => {
    const s = statSync(f);
    h.update(path.relative(dataDir, f)).update(`\0${s.size}\0${s.mtimeMs}\0`);
  });
  h.update(extra);
  return h.digest('hex');
}

const stampFile = (outDir: string, name: string) => path.join(outDir, `.stamp-${name}`);

export function readStamp(outDir: string, name: string): string | undefined {
  try {
    return readFileSync(stampFile(outDir, name), 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function writeStamp(outDir: string, name: string, stamp: string): void {
  writeFileSync(stampFile(outDir, name), `${stamp}\n`);
}
