import { describe, expect, it } from 'vitest';
import { areaWithMu, fileSize, num, paragraphs, postalAddress } from '../../../src/lib/format.ts';
import { escapeXml } from '../../../src/lib/sitemap.ts';

describe('formatting', () => {
  it('groups numbers and adds 亩 to areas', () => {
    expect(num(12345.678, ' 平方米')).toBe('12,345.68 平方米');
    expect(areaWithMu(6666.67)).toBe('6,666.67 平方米（约 10.00 亩）');
  });
  it('shows a dash for a missing number', () => {
    expect(num(undefined, ' 米')).toBe('—');
  });
  it('splits paragraphs on blank lines and joins wrapped lines without spaces', () => {
    expect(paragraphs('第一段\n续写\n\n第二段')).toEqual(['第一段续写', '第二段']);
    expect(paragraphs(undefined)).toEqual([]);
  });
  it('writes a postal address with the city and district once', () => {
    expect(postalAddress('齐齐哈尔市', '泰来县', '泰来县江桥镇')).toBe('齐齐哈尔市泰来县江桥镇');
    expect(postalAddress('齐齐哈尔市', '泰来县', '江桥镇嫩江西岸')).toBe('齐齐哈尔市泰来县江桥镇嫩江西岸');
    expect(postalAddress('齐齐哈尔市', '龙沙区', '齐齐哈尔市龙沙区示例路1号')).toBe('齐齐哈尔市龙沙区示例路1号');
    expect(postalAddress('齐齐哈尔市', '全市', '各区县')).toBe('齐齐哈尔市各区县');
  });
  it('does not take a district name inside the address for its start', () => {
    expect(postalAddress('齐齐哈尔市', '泰来县', '江桥镇（原泰来县辖）')).toBe('齐齐哈尔市泰来县江桥镇（原泰来县辖）');
  });
  it('states file sizes in 字节, KB and MB', () => {
    expect(fileSize(860)).toBe('860 字节');
    expect(fileSize(23 * 1024 + 100)).toBe('23 KB');
    expect(fileSize(1.44 * 1048576)).toBe('1.4 MB');
  });
  it('escapes XML special characters', () => {
    expect(escapeXml('a&b<c>"')).toBe('a&amp;b&lt;c&gt;&quot;');
  });
});
