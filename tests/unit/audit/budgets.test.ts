import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CSS_BUDGET_BYTES, EXEMPT_FIRST_LOAD_BYTES, MAP_PAGE_BUDGET_BYTES, budgetProblems, measureBudgets } from '../../../scripts/lib/budgets.ts';
import { CssBudget, cssImports } from '../../../scripts/lib/css-budget.ts';
import { PAGE_BUDGET_BYTES } from '../../../scripts/lib/js-budget.ts';
import { formatTable, width } from '../../../scripts/lib/table.ts';
import { fixtureSite, page, type FixtureSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(() => site?.cleanup());

/** Random base64 text that gzips to at least n bytes (6 bits of entropy a character). */
const incompressible = (n: number) => randomBytes(n).toString('base64');

describe('the JavaScript and CSS budgets', () => {
  it('pass pages under their budgets', () => {
    site = fixtureSite({
      'index.html': page('', '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/a.js"></script>'),
      '_astro/a.css': `body{color:#222}/*${incompressible(2000)}*/`,
      '_astro/a.js': `console.log(1);//${incompressible(2000)}`,
    });
    const r = measureBudgets(site.dir, ['index.html']);
    expect(budgetProblems(r)).toEqual([]);
    expect(r.rows.map((row) => row.type)).toEqual(['home']);
  });

  it('fail a page over its JavaScript budget and a page over the CSS budget, naming the files', () => {
    site = fixtureSite({
      'index.html': page('', '<script type="module" src="/_astro/big.js"></script>'),
      'notices/index.html': page('', '<link rel="stylesheet" href="/_astro/big.css">'),
      '_astro/big.js': `//${incompressible(PAGE_BUDGET_BYTES + 1024)}`,
      '_astro/big.css': `/*${incompressible(CSS_BUDGET_BYTES + 1024)}*/`,
    });
    const problems = budgetProblems(measureBudgets(site.dir, ['index.html', 'notices/index.html']));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^\/: JavaScript .* > 30\.00 KB \(\/_astro\/big\.js\)$/);
    expect(problems[1]).toMatch(/^\/notices\/: CSS .* > 14\.00 KB \(\/_astro\/big\.css\)$/);
  });

  it('fail a 执法严起来 page that needs no JavaScript when it loads more than the site shell', () => {
    site = fixtureSite({
      'index.html': page('', '<script type="module" src="/_astro/shell.js"></script>'),
      'enforcement/before/index.html': page('', '<script type="module" src="/_astro/shell.js"></script>'),
      'enforcement/statistics/2025/index.html': page('', '<script type="module" src="/_astro/shell.js"></script><script type="module" src="/_astro/chart.js"></script>'),
      '_astro/shell.js': 'console.log(1)',
      '_astro/chart.js': 'console.log(2)',
    });
    const problems = budgetProblems(measureBudgets(site.dir, ['index.html', 'enforcement/before/index.html', 'enforcement/statistics/2025/index.html']));
    expect(problems).toEqual(['/enforcement/statistics/2025/: JavaScript beyond the site shell (/_astro/chart.js), where the page needs none']);
  });

  it('gives the map and search pages their first-load budget, not the plain 30 KB', () => {
    site = fixtureSite({
      'map/index.html': page('', '<script type="module" src="/_astro/map.js"></script>'),
      '_astro/map.js': `//${incompressible(EXEMPT_FIRST_LOAD_BYTES + 1024)}`,
      'search/index.html': page('', '<script type="module" src="/_astro/search.js"></script>'),
      '_astro/search.js': `//${incompressible(EXEMPT_FIRST_LOAD_BYTES + 1024)}`,
    });
    const problems = budgetProblems(measureBudgets(site.dir, ['map/index.html', 'search/index.html']));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/search\/: JavaScript/);
  });

  it('holds the map page, preloaded code included, to 150 KB', () => {
    site = fixtureSite({
      'map/index.html': page('', '<link rel="modulepreload" href="/_astro/ui.js"><script type="module" src="/_astro/map.js"></script>'),
      '_astro/map.js': 'console.log(1);',
      '_astro/ui.js': `//${incompressible(MAP_PAGE_BUDGET_BYTES + 1024)}`,
    });
    const problems = budgetProblems(measureBudgets(site.dir, ['map/index.html']));
    expect(MAP_PAGE_BUDGET_BYTES).toBe(150 * 1024);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/map\/: JavaScript .* > 150\.00 KB \(.*\/_astro\/ui\.js/);
  });

  it('counts inline styles, stylesheets and their @imports once each, not disabled or print-alternate links', () => {
    site = fixtureSite({
      'p/index.html': page('', '<style>p{margin:0}</style><link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="rel.css"><link rel="stylesheet" href="/_astro/off.css" disabled>'),
      '_astro/a.css': '@import url("./b.css");@import "/_astro/b.css";a{}',
      '_astro/b.css': 'b{}',
      'p/rel.css': 'i{}',
      '_astro/off.css': 'x{}',
    });
    const m = new CssBudget(site.dir).measure('p/index.html');
    expect(m.inlineStyles).toBe(1);
    expect(m.files).toEqual(['/_astro/a.css', '/p/rel.css', '/_astro/b.css']);
    expect(m.missing).toEqual([]);
    expect(cssImports('@import url(x.css);@import "y.css" screen;')).toEqual(['x.css', 'y.css']);
  });
});

describe('formatTable', () => {
  it('aligns columns, CJK characters counting two', () => {
    expect(width('公示a')).toBe(5);
    expect(formatTable([['名称', 'n'], ['a', '10']], 'lr').split('\n')).toEqual(['名称   n', '----  --', 'a     10']);
  });
});
