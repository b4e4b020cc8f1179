import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnsMarkdown, replaceColumnsSection } from '../../../src/import/docs.ts';
import { IMPORT_KINDS } from '../../../src/import/kinds.ts';
import { ROOT, tinySpec } from './support.ts';

describe('the import columns in docs/data-format.md', () => {
  const doc = readFileSync(path.join(ROOT, 'docs/data-format.md'), 'utf8');
  it('are current for every import (run npm run docs:import after changing a schema or its labels)', () => {
    for (const spec of IMPORT_KINDS) expect(replaceColumnsSection(doc, spec), spec.kind).toBe(doc);
  });
  it('are a table of every column, with groups written once with N', () => {
    const table = columnsMarkdown(tinySpec());
    expect(table).toContain('| 项目N名称 | `items.N.name` | 同组有内容时必填；文字 |  |');
    expect(table).toContain('| 经度 | `place.lon` | 必填；');
    expect(table).not.toContain('项目2');
    expect(replaceColumnsSection('no markers here', tinySpec())).toBeUndefined();
  });
});
