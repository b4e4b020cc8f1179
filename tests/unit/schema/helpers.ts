/** Shared helpers for the schema tests: fixture records and issue lookup. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';

export const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/minimal');

/** A fresh, mutable copy of a fixture file (YAML or JSON), parsed. */
export function fixture(rel: string): any {
  const text = readFileSync(path.join(FIXTURE_DIR, rel), 'utf8');
  return rel.endsWith('json') ? JSON.parse(text) : parse(text);
}

export const FILES = {
  site: 'site.yaml',
  boundaries: 'boundaries/districts.geojson',
  redSite: 'red/sites/longsha-memorial.yaml',
  redSite2: 'red/sites/tailai-battlefield.yaml',
  redRoute: 'red/routes/jiangqiao-day.yaml',
  planning: 'notices/planning/2026-jianhua-school-pre.yaml',
  land: 'notices/land/2026-g-015.yaml',
  mining: 'notices/mining/2026-sand-01.yaml',
  surveying: 'notices/surveying/2026-map-review-01.yaml',
  penalty: 'enforcement/2026-penalty-01.yaml',
  inspectionList: 'enforcement/2026-inspection-list.yaml',
} as const;

export type FoundIssue = { path: string; message: string };

/** Zod issues flattened to "a.b[0].c" paths. */
export function issuesOf(schema: z.ZodType, value: unknown): FoundIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n ? '.' : ''}${String(p)}`)).join(''),
    message: i.message,
  }));
}

const HAN = /\p{Script=Han}/u;

/**
 * Asserts that parsing fails with an issue at exactly `at`, whose message is
 * Chinese and matches `reason`. Returns that issue.
 */
export function expectIssue(schema: z.ZodType, value: unknown, at: string, reason: RegExp): FoundIssue {
  const found = issuesOf(schema, value);
  const hit = found.find((i) => i.path === at);
  if (!hit) throw new Error(`expected an issue at “${at}”, got ${JSON.stringify(found)}`);
  if (!reason.test(hit.message)) throw new Error(`issue at “${at}” is “${hit.message}”, expected ${reason}`);
  if (!HAN.test(hit.message)) throw new Error(`issue at “${at}” is not in Chinese: “${hit.message}”`);
  return hit;
}

/** Asserts that parsing fails with some issue at `at`, whatever its message. */
export function expectIssueAt(schema: z.ZodType, value: unknown, at: string): FoundIssue {
  const found = issuesOf(schema, value);
  const hit = found.find((i) => i.path === at);
  if (!hit) throw new Error(`expected an issue at “${at}”, got ${JSON.stringify(found)}`);
  return hit;
}
