import { afterEach, describe, expect, it } from 'vitest';
import { createValidator, loadValidatorConfig, validateHtml, validatePages } from '../../../scripts/lib/html-validity.ts';
import { fixtureSite, page, type FixtureSite } from './fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(() => site?.cleanup());

const validator = createValidator(await loadValidatorConfig());
const rules = (html: string) => validateHtml(validator, html, 'p.html').map((m) => m.ruleId);

describe('HTML validity with the repository configuration', () => {
  it('passes a valid page', () => {
    expect(rules(page('<h1>标题</h1><p><a href="/x/">链接</a></p>'))).toEqual([]);
  });

  it('fails an <img> without src, a duplicate id and an unclosed element', () => {
    expect(rules(page('<img alt="二维码" width="220" height="220">'))).toContain('element-required-attributes');
    expect(rules(page('<p id="a">1</p><p id="a">2</p>'))).toContain('no-dup-id');
    expect(rules(page('<div><p>未闭合</div>'))).not.toEqual([]);
  });

  it('keeps the recommended preset elsewhere: role="region" on a div wants a <section>', () => {
    expect(rules(page('<div role="region" aria-label="地图">x</div>'))).toEqual(['prefer-native-element']);
    expect(rules(page('<section aria-label="地图">x</section>'))).toEqual([]);
  });

  it('allows what .htmlvalidate.mjs allows, and says why: a combobox listbox, a checkbox set, a long official title', () => {
    const combobox = '<form action="/search/"><label for="q">搜索</label><input id="q" name="q" type="search"><button type="submit">搜索</button><div role="listbox" id="l" aria-label="搜索建议"></div></form>';
    const checkboxes = '<form action="/map/"><label><input type="checkbox" name="layer" value="a"> A</label><label><input type="checkbox" name="layer" value="b"> B</label><button type="submit">显示</button></form>';
    expect(rules(page(combobox))).toEqual([]);
    expect(rules(page(checkboxes))).toEqual([]);
    const longTitle = page('').replace('<title>测试页</title>', `<title>${'关于黑龙江某建材有限责任公司采矿权变更登记的公示'.repeat(4)} - 齐齐哈尔市自然资源和规划局</title>`);
    expect(rules(longTitle)).toEqual([]);
  });

  it('validates files in worker threads with the same result as in this thread', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`p${i}/index.html`] = page(i % 2 ? '<img alt="x">' : '<p>好</p>');
    site = fixtureSite(files);
    const list = Object.keys(files).sort();
    const inThread = await validatePages(site.dir, list, { workers: 0 });
    const inWorkers = await validatePages(site.dir, list, { workers: 2 });
    expect(inWorkers.workers).toBe(2);
    expect(inWorkers.messages).toEqual(inThread.messages);
    expect(inThread.errors).toBe(3);
    expect(new Set(inThread.messages.map((m) => m.page))).toEqual(new Set(['p1/index.html', 'p3/index.html', 'p5/index.html']));
  });
});
