/**
 * npm run docs:import: writes the column tables of the spreadsheet imports
 * into docs/data-format.md, between the markers
 * <!-- import-columns:<kind>:start --> and <!-- import-columns:<kind>:end -->.
 * tests/unit/import/docs.test.ts fails when the file is not current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceColumnsSection } from '../src/import/docs.ts';
import { IMPORT_KINDS } from '../src/import/kinds.ts';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/data-format.md');
let doc = readFileSync(DOC, 'utf8');
for (const spec of IMPORT_KINDS) {
  const next = replaceColumnsSection(doc, spec);
  if (next === undefined) {
    console.error(`docs/data-format.md 中没有 ${spec.kind} 的标记（<!-- import-columns:${spec.kind}:start --> … end -->）`);
    process.exit(1);
  }
  doc = next;
}
writeFileSync(DOC, doc);
console.log(`已更新 docs/data-format.md 的导入列说明：${IMPORT_KINDS.map((s) => s.kind).join('、')}`);
