/**
 * The planner's logic runs in the browser: no module of src/planner may
 * import Node built-ins, the build-time calendar (chinese-days via
 * src/lib/workdays.ts) or anything of the server. The calendar reaches the
 * browser as the published document (src/planner/calendar.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve('src/planner');
const IMPORT = /^\s*import\s[^;]*?from\s*['"]([^'"]+)['"]/gm;
const FORBIDDEN = /^(node:|fs$|path$|chinese-days$)|\/lib\/workdays\.ts$|\/server\//;

const importsOf = (source: string): string[] => [...source.matchAll(IMPORT)].map((m) => m[1]!);

describe('the planner is browser-safe', () => {
  it('no planner module imports Node, chinese-days, the build calendar or the server', () => {
    const bad = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => importsOf(readFileSync(path.join(DIR, f), 'utf8')).filter((i) => FORBIDDEN.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });
  it('the rule catches such imports', () => {
    const sample = "import { readFileSync } from 'node:fs';\nimport { WorkingDayCalendar } from '../lib/workdays.ts';\nimport x from 'chinese-days';\nimport { roadRouting } from '../server/road-routing.ts';\nimport { addDays } from '../lib/dates.ts';";
    expect(importsOf(sample).filter((i) => FORBIDDEN.test(i))).toEqual(['node:fs', '../lib/workdays.ts', 'chinese-days', '../server/road-routing.ts']);
  });
});
