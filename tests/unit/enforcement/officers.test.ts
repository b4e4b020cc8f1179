import { describe, expect, it } from 'vitest';
import { boundaryCollection, officerSchema, guardRecord, validateDataset } from '../../../src/schema/index.ts';
import { credentialStatus, decodeRoster, lookupOfficer, type RosterEntry } from '../../../src/lib/officers.ts';
import { rosterEntry } from '../../../src/lib/roster.ts';
import { FILES, fixture } from '../schema/helpers.ts';

const officer = () => ({
  id: 'zfry-23020026001',
  name: '王建国',
  certificateNo: '23020026001',
  enforcementCategory: '土地管理',
  unit: '齐齐哈尔市自然资源综合行政执法支队（示例）',
  district: '全市',
  validFrom: '2024-03-01',
  validUntil: '2029-02-28',
  sample: true,
});
const boundaries = boundaryCollection.parse(fixture(FILES.boundaries));
const datasetWith = (...officers: ReturnType<typeof officer>[]) =>
  validateDataset({ boundaries: { file: 'b', record: boundaries }, redSites: [], redRoutes: [], notices: [], enforcement: [], officers: officers.map((o, i) => ({ file: `enforcement/officers/${i}.yaml`, record: officerSchema.parse(o) })) });

describe('the 执法人员 roster', () => {
  it('publishes the officer’s full name: a declared official-name field, which the privacy guard lets through', () => {
    expect(officerSchema.parse(officer()).credential).toEqual({ state: '有效' });
    expect(guardRecord(officerSchema, officer())).toEqual([]);
  });
  it('still refuses personal data in the roster: a mobile number as 执法证号, a resident ID in the unit', () => {
    const o = { ...officer(), certificateNo: '13912345678', unit: '执法支队 110105194912310021' };
    expect(guardRecord(officerSchema, o).map((i) => i.field).sort()).toEqual(['certificateNo', 'unit']);
  });
  it('names every missing field', () => {
    const { name: _n, certificateNo: _c, validUntil: _v, ...rest } = officer();
    const r = officerSchema.safeParse(rest);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['certificateNo', 'name', 'validUntil']);
  });
  it('refuses a 执法证号 that is not one and a validity that ends before it starts', () => {
    expect(officerSchema.safeParse({ ...officer(), certificateNo: '23 02' }).error?.issues[0]?.message).toMatch(/执法证号应为 6–30 位/);
    expect(officerSchema.safeParse({ ...officer(), validUntil: '2023-01-01' }).error?.issues[0]).toMatchObject({ path: ['validUntil'], message: '有效期至早于发证日期' });
    expect(officerSchema.safeParse({ ...officer(), credential: { state: '注销' } }).success).toBe(false); // date and reason required
  });
  it('reports a duplicate 执法证号, also written in full-width digits', () => {
    const second = { ...officer(), id: 'zfry-2', name: '李海燕', certificateNo: '２３０２００２６００１' };
    expect(datasetWith(officer(), second)).toEqual([{ file: 'enforcement/officers/1.yaml', field: 'certificateNo', reason: '执法证号“２３０２００２６００１”重复，已在 enforcement/officers/0.yaml 中使用：一个执法证号只属于一名执法人员', severity: 'error' }]);
    expect(datasetWith(officer(), { ...second, certificateNo: '23020026002' })).toEqual([]);
  });
  it('reports an unknown 执法区域', () => {
    expect(datasetWith({ ...officer(), district: '朝阳区' })[0]).toMatchObject({ field: 'district', severity: 'error' });
  });
});

describe('verification (src/lib/officers.ts)', () => {
  const roster: RosterEntry[] = [
    rosterEntry(officerSchema.parse(officer())),
    rosterEntry(officerSchema.parse({ ...officer(), id: 'zfry-b', name: '李海燕', certificateNo: 'HLJ-2302-0007', validUntil: '2026-06-30' })),
    rosterEntry(officerSchema.parse({ ...officer(), id: 'zfry-c', name: '王建国', certificateNo: '23020026099', credential: { state: '注销', date: '2026-03-10', reason: '调离执法岗位' } })),
  ];
  it('finds by 执法证号 (width and case folded) and by exact name, several officers of one name included', () => {
    expect(lookupOfficer(roster, ' hlj-2302-0007 ').matches.map((e) => e.name)).toEqual(['李海燕']);
    expect(lookupOfficer(roster, 'ＨＬＪ－２３０２－０００７').by).toBe('certificateNo');
    expect(lookupOfficer(roster, '王建国').matches.map((e) => e.certificateNo)).toEqual(['23020026001', '23020026099']);
  });
  it('finds nothing for a partial name, an unknown number or an empty query', () => {
    expect(lookupOfficer(roster, '王建').matches).toEqual([]);
    expect(lookupOfficer(roster, '23020026000')).toMatchObject({ by: 'certificateNo', matches: [] });
    expect(lookupOfficer(roster, '  ').by).toBe('none');
  });
  it('reads a credential on the day: 有效, 已过期, 未生效, 注销', () => {
    expect(credentialStatus(roster[0]!, '2026-12-01')).toBe('有效');
    expect(credentialStatus(roster[1]!, '2026-07-01')).toBe('已过期');
    expect(credentialStatus(roster[0]!, '2024-02-29')).toBe('未生效');
    expect(credentialStatus(roster[2]!, '2026-12-01')).toBe('注销');
  });
  it('refuses a roster document it does not know', () => {
    expect(decodeRoster({ v: 1, built: '2026-12-01', officers: roster }).officers).toHaveLength(3);
    expect(() => decodeRoster({ v: 2, officers: [] })).toThrow(/格式不认识/);
    expect(() => decodeRoster({ v: 1, officers: [{ name: '王某' }] })).toThrow(/条目不完整/);
  });
});
