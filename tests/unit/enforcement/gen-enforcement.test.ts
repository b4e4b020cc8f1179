/** gen:corpus --enforcement: valid, deadline-clean decisions for the column's check benchmark. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, parseArgs } from '../../../scripts/gen-corpus.ts';
import { loadDataset } from '../../../src/data/load.ts';

describe('gen:corpus --enforcement', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gen-enforcement-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  it('writes decisions that pass the check with no deadline warning', async () => {
    const out = path.join(tmp, 'c');
    const r = await generateCorpus({ notices: 3, enforcement: 60, out, source: 'tests/fixtures/minimal' });
    expect(r.enforcement).toBe(60);
    expect(readdirSync(path.join(out, 'enforcement')).filter((f) => f.startsWith('c-zf-'))).toHaveLength(60);
    const { dataset, issues } = await loadDataset(out);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.field === 'publishDate')).toEqual([]);
    expect(dataset!.enforcement.filter((e) => e.party?.type === '自然人').every((e) => /^.某$/.test(e.party!.name))).toBe(true);
  });
  it('reads --enforcement and refuses a bad count', () => {
    expect(parseArgs(['--notices', '1', '--enforcement', '10000'])).toMatchObject({ notices: 1, enforcement: 10000 });
    expect(() => parseArgs(['--notices', '1', '--enforcement', '0'])).toThrow(/--enforcement 应为 1 到/);
  });
});
