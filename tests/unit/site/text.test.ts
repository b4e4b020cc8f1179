import { describe, expect, it } from 'vitest';
import { codeForm, normalizeText } from '../../../src/lib/search-text.ts';
import { areaWithMu, num, paragraphs } from '../../../src/lib/format.ts';
import { escapeXml } from '../../../src/lib/site-pages.ts';

describe('search text normalisation', () => {
  it('makes 文号 written with any brackets compare equal', () => {
    const a = codeForm('齐自然资规公〔2026〕15号');
    expect(codeForm('齐自然资规公[2026]15号')).toBe(a);
    expect(codeForm('齐自然资规公（2026）15号')).toBe(a);
    expect(codeForm('齐自然资规公 2026 15号')).toBe(a);
  });
  it('makes parcel codes compare equal with or without hyphens and in full width', () => {
    expect(codeForm('２０２６－Ｇ－０１５')).toBe(codeForm('2026G015'));
    expect(normalizeText('  ２０２６ Ｇ  ')).toBe('2026 g');
  });
  it('keeps different codes different', () => {
    expect(codeForm('2026-G-015')).not.toBe(codeForm('2026-G-016'));
  });
});

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
