import { describe, expect, it } from 'vitest';
import { fieldId, formFields, postedValues, problemSummary } from '../../../src/editor/form.ts';
import { kindNamed } from '../../../src/import/kinds.ts';
import { specColumns } from '../../../src/import/spec.ts';

const enforcement = kindNamed('enforcement')!;

describe('a record form from the schema', () => {
  it('has a labelled field for every column, one empty group item to add, and the problems at their fields', () => {
    const html = formFields(enforcement, { values: new Map([['attachments.1.title', '决定书']]), problems: [{ field: 'party.name', reason: '请改为“王某”', severity: 'error' }] });
    const shown = specColumns(enforcement).columns.filter((c) => !c.group || c.group.index <= (c.group.key === 'attachments' ? 2 : 1));
    for (const c of shown) expect(html, c.key).toContain(`<label for="${fieldId(c.key)}">${c.label}`);
    expect(html).not.toContain('name="attachments.3.title"');
    expect(html).toContain('<select id="f-category" name="category"');
    expect(html).toContain('<label for="f-title">标题<span class="req">（必填）</span></label>');
    // A field whose value the import fills (stage: 事后公开) and a generated id are not required.
    expect(html).toContain('<label for="f-stage">公开阶段</label>');
    expect(html).toMatch(/<p class="error-text" id="f-party-name-p0">错误：请改为“王某”<\/p><input type="text" id="f-party-name" name="party.name" aria-describedby="f-party-name-hint f-party-name-p0" aria-invalid="true"/);
    expect(html).toContain('<legend>当事人</legend>');
    expect(html).toContain('<textarea id="f-facts"');
  });
  it('escapes what it shows, and reads back only the fields of the record', () => {
    const html = formFields(enforcement, { values: new Map([['title', '<script>alert(1)</script>"']]) });
    expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;"');
    expect(html).not.toContain('<script>');
    const posted = postedValues(enforcement, new URLSearchParams({ _csrf: 't', title: '甲', facts: '  ', 'party.name': '乙', '__proto__': 'x', '../site': 'y' }));
    expect([...posted]).toEqual([['title', '甲'], ['party.name', '乙']]);
    expect(problemSummary(enforcement, [])).toBe('');
    expect(problemSummary(enforcement, [{ field: 'title', reason: '必填，不能为空', severity: 'error' }, { reason: '整条记录的问题', severity: 'error' }])).toContain('<li><a href="#f-title">错误：标题：必填，不能为空</a></li><li>错误：整条记录的问题</li>');
  });
});
