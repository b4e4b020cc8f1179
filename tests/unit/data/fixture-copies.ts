/**
 * Copies of the minimal fixture for tests that break one thing: each copy is
 * its own directory under one temp root, so tests can run concurrently, and
 * the root is removed after the file's tests.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURE = path.join(ROOT, 'tests/fixtures/minimal');

export const PLANNING = 'notices/planning/2026-jianhua-school-pre.yaml';
export const LAND = 'notices/land/2026-g-015.yaml';
export const MINING = 'notices/mining/2026-sand-01.yaml';
export const SURVEYING = 'notices/surveying/2026-map-review-01.yaml';
export const RED_SITE = 'red/sites/longsha-memorial.yaml';
export const PENALTY = 'enforcement/2026-penalty-01.yaml';
export const SITE = 'site.yaml';

/** Registers the temp root's set-up and clean-up in the calling test file; returns the copier. */
export function fixtureCopies(prefix: string): { copy: (change?: (dir: string) => void) => string } {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), `geoportal-${prefix}-`));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    copy(change) {
      const dir = mkdtempSync(path.join(root, 'copy-'));
      cpSync(FIXTURE, dir, { recursive: true });
      change?.(dir);
      return dir;
    },
  };
}

/** Rewrites one file of a copy as text; unless told otherwise, the edit must change something. */
export function edit(dir: string, rel: string, change: (text: string) => string, { mustChange = true } = {}): void {
  const file = path.join(dir, rel);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (mustChange) expect(after, `edit of ${rel} changed nothing`).not.toBe(before);
  writeFileSync(file, after);
}
