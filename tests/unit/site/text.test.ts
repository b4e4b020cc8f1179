import { describe, expect, it } from 'vitest';
import { areaWithMu, num, paragraphs } from '../../../src/lib/format.ts';
import { escapeXml } from '../../../src/lib/sitemap.ts';

describe('formatting', () => {
  it('groups numbers and adds 亩 to areas', () => {
    expect(num(12345.678, ' 平方米')).toBe('12,345.68 平方米');
    expect(areaWithMu(6666.67)).toBe('6,666.67 平方米（约 10 亩）');
  });
  it('shows a dash for a missing number', () => {
    expect(num(undefined, ' 米')).toBe('—');
  });
  it('splits paragraphs on blank lines and joins wrapped lines without spaces', () => {
    expect(paragraphs('第一段\n续写\n\n第二段')).toEqual(['第一段续写', '第二段']);
    expect(paragraphs(undefined)).toEqual([]);
  });
  it('escapes XML special characters', () => {
    expect(escapeXml('a&b<c>"')).toBe('a&amp;b&lt;c&gt;&quot;');
  });
});
