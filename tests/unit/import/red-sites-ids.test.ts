import { describe, expect, it } from 'vitest';
import { idFromName, shortPlace, uniqueId } from '../../../src/import/red-sites/ids.ts';
import { localFileUses } from '../../../src/import/red-sites/index.ts';
import { recordId } from '../../../src/schema/index.ts';
import { dataset, SAMPLE_DATA } from './support.ts';

describe('ids from names', () => {
  it('reads names the way the sample ids were written', async () => {
    const d = await dataset(SAMPLE_DATA);
    const places = [...d.boundaries.features.map((f) => f.properties.name), d.site.city];
    const same = d.redSites.filter((s) => idFromName(s.name, places) === s.id).map((s) => s.id);
    // Most sample ids come out exactly; the rest are still valid, readable ids.
    expect(same.length).toBeGreaterThanOrEqual(15);
    expect(idFromName('嫩江铁路桥抗战遗址', places)).toBe('nenjiang-tieluqiao-kangzhan-yizhi');
    expect(idFromName('中国一重展览馆', places)).toBe('zhongguo-yizhong-zhanlanguan');
    expect(idFromName('梅里斯达斡尔族区革命烈士纪念碑', places)).toBe('meilisi-geminglieshi-jinianbei');
    for (const s of d.redSites) expect(recordId.safeParse(idFromName(s.name, places)).success, s.name).toBe(true);
    expect(shortPlace('梅里斯达斡尔族区')).toBe('梅里斯');
  });
  it('keeps odd names valid: digits and letters, very long names, nothing readable', () => {
    expect(idFromName('1931 抗战 Museum')).toBe('1931-kangzhan-museum');
    const long = idFromName('绿'.repeat(60));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(recordId.safeParse(long).success).toBe(true);
    expect(idFromName('绿'.repeat(60))).toBe(long);
    expect(idFromName('——')).toMatch(/^site-[0-9a-z]{6}$/);
  });
  it('makes a taken id unique with the district, then a number', () => {
    const taken = new Set(['lieshi-lingyuan']);
    expect(uniqueId('烈士陵园', '龙江县', taken)).toBe('lieshi-lingyuan-longjiang');
    expect(uniqueId('烈士陵园', '龙江县', taken)).toBe('lieshi-lingyuan-2');
    expect(uniqueId('烈士陵园', undefined, taken)).toBe('lieshi-lingyuan-3');
    expect(taken.size).toBe(4);
  });
});

describe('local files a record links', () => {
  it('lists every /files/ link with its field; external links are not files', () => {
    const record = { images: [{ title: '甲', href: '/files/red/a.jpg' }, { title: '乙', href: 'https://example.gov.cn/b.jpg' }], booking: { url: 'https://example.gov.cn/' } };
    expect(localFileUses(record, '第 2 行')).toEqual([{ file: '第 2 行', field: 'images[0].href', href: '/files/red/a.jpg' }]);
    expect(localFileUses({ name: '甲' }, '第 2 行')).toEqual([]);
  });
});
