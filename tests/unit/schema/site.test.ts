import { describe, expect, it } from 'vitest';
import { siteSchema } from '../../../src/schema/site.ts';
import { expectIssue, expectIssueAt, FILES, fixture } from './helpers.ts';

describe('siteSchema', () => {
  it('parses the fixture site.yaml (a copy of data/site.yaml)', () => {
    const site = siteSchema.parse(fixture(FILES.site));
    expect(site.city).toBe('齐齐哈尔市');
    expect(site.timeZone).toBe('Asia/Shanghai');
    expect(site.sample).toBe(true);
  });
  it('rejects a 政府网站标识码 that is not 10 digits', () => {
    for (const siteIdCode of ['230200000', '23020000001', '230200000A'])
      expectIssue(siteSchema, { ...fixture(FILES.site), siteIdCode }, 'siteIdCode', /政府网站标识码应为 10 位数字/);
  });
  it('rejects a 政府网站标识码 written as a YAML number', () => {
    expectIssueAt(siteSchema, { ...fixture(FILES.site), siteIdCode: 2302000000 }, 'siteIdCode');
  });
  it('rejects an ICP number in the wrong format', () => {
    for (const icp of ['ICP备00000000号-1', '黑ICP00000000号', '黑ICP备00000000', '黑icp备00000000号-1'])
      expectIssue(siteSchema, { ...fixture(FILES.site), icp }, 'icp', /ICP备案号格式应如/);
  });
  it('rejects a bad 公安备案号 and a bad 审图号', () => {
    const s = fixture(FILES.site);
    s.psb.number = '黑公网安备 2302020200000号';
    s.tianditu.reviewNo = 'GS2024-0568';
    expectIssue(siteSchema, s, 'psb.number', /公安备案号格式/);
    expectIssue(siteSchema, s, 'tianditu.reviewNo', /审图号格式/);
  });
  it('rejects an inverted home extent and a foreign time zone', () => {
    const s = fixture(FILES.site);
    s.map.homeExtent = [126.7, 45.9, 122.3, 48.9];
    s.timeZone = 'UTC';
    expectIssue(siteSchema, s, 'map.homeExtent', /范围无效/);
    expectIssue(siteSchema, s, 'timeZone', /时区只能是 Asia\/Shanghai/);
  });
  it('rejects a domain written with its scheme and a mobile as office phone', () => {
    const s = fixture(FILES.site);
    s.domain = 'https://zrzy.qqhr.gov.cn';
    s.contact.phone = '139-1234-5678';
    expectIssue(siteSchema, s, 'domain', /应为域名/);
    expectIssue(siteSchema, s, 'contact.phone', /应为单位座机/);
  });
});
