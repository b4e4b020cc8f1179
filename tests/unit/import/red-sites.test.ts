/**
 * The red-site import rules, one bad input at a time (issue 12, “Bad input”):
 * swapped, out-of-city and GCJ-02/BD-09-offset coordinates, unknown
 * categories, bad opening hours, duplicate names in one district; and ids.
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/engine.ts';
import { formatProblem } from '../../../src/import/problems.ts';
import { idFromName } from '../../../src/import/red-sites/ids.ts';
import { RED_ROW, redSheet, redSpec } from './support.ts';

const row = (overrides: Record<string, unknown> = {}) => ({ ...RED_ROW, ...overrides });
const errorsOf = (r: { problems: Parameters<typeof formatProblem>[0][] }) => r.problems.filter((p) => p.severity === 'error').map(formatProblem);

// A point 120 m inside 龙沙区's eastern border (WGS84), and what 高德 (GCJ-02) and 百度 (BD-09) show for it, in 铁锋区.
const NEAR_BORDER = [123.965829, 47.315233] as const;
const AS_GCJ02 = [123.972478, 47.317343] as const;
const AS_BD09 = [123.978883, 47.323645] as const;

describe('red-site import', () => {
  it('imports a valid row, with an id from the name', async () => {
    const r = await runImport(await redSpec(), redSheet([row()]));
    expect(errorsOf(r)).toEqual([]);
    expect(r.records[0]?.record).toMatchObject({ id: 'shili-lieshi-jinianbei-daoru-ceshi', location: { type: 'Point', coordinates: [123.95, 47.3152] }, sample: true });
    expect(r.notes).toEqual(['按名称生成 id 1 个：第 2 行 shili-lieshi-jinianbei-daoru-ceshi']);
  });

  it('says 经度 and 纬度 are swapped, with the values to write', async () => {
    const r = await runImport(await redSpec(), redSheet([row({ 'location.lon': 47.3152, 'location.lat': 123.95 })]));
    // One message for the point: not also zod's “纬度应在 −90 到 90 之间”.
    expect(errorsOf(r)).toEqual(['错误 第 2 行 E 列“经度”：经度和纬度填反了：（47.3152, 123.95）不在齐齐哈尔市范围内，交换后（123.95, 47.3152）在“龙沙区”内。请把经度填 123.95、纬度填 47.3152']);
  });

  it('refuses a point outside the city', async () => {
    const r = await runImport(await redSpec(), redSheet([row({ 'location.lon': 116.397, 'location.lat': 39.909 })]));
    expect(errorsOf(r)).toEqual(['错误 第 2 行 E 列“经度”：坐标（116.397, 39.909）不在齐齐哈尔市范围内（应为 CGCS2000 经纬度，经度在前）']);
  });

  it('detects GCJ-02 coordinates near a border and offers the conversion; --from-gcj02 converts and says so', async () => {
    const gcj = row({ 'location.lon': AS_GCJ02[0], 'location.lat': AS_GCJ02[1] });
    const detected = await runImport(await redSpec(), redSheet([gcj]));
    expect(errorsOf(detected)).toEqual([expect.stringMatching(/^错误 第 2 行 E 列“经度”：坐标像是 GCJ-02（高德、腾讯地图）：原坐标（123\.972478, 47\.317343）不在所填的“龙沙区”内，按 GCJ-02（高德、腾讯地图）换算为 CGCS2000 后（123\.965829, 47\.315233）在“龙沙区”内。.*--from-gcj02/)]);
    const converted = await runImport(await redSpec({ from: 'gcj02' }), redSheet([gcj]));
    expect(errorsOf(converted)).toEqual([]);
    expect(converted.records[0]?.record.location.coordinates).toEqual([...NEAR_BORDER]);
    expect(converted.notes).toContain('已将 1 行坐标换算为 CGCS2000（第 2 行，原为 GCJ-02（高德、腾讯地图））');
  });

  it('detects BD-09 coordinates likewise', async () => {
    const r = await runImport(await redSpec(), redSheet([row({ 'location.lon': AS_BD09[0], 'location.lat': AS_BD09[1] })]));
    expect(errorsOf(r)).toEqual([expect.stringContaining('坐标像是 BD-09（百度地图）')]);
    expect(errorsOf(r)[0]).toContain('--from-bd09');
  });

  it('takes the 坐标系 column at its word: GCJ-02 rows need the flag, CGCS2000 rows are left alone by it', async () => {
    const declared = row({ 'location.lon': AS_GCJ02[0], 'location.lat': AS_GCJ02[1], crs: 'GCJ-02' });
    const refused = await runImport(await redSpec(), redSheet([declared]));
    // The 坐标系 column is the sheet's last.
    expect(errorsOf(refused)).toEqual([expect.stringMatching(/^错误 第 2 行 [A-Z]+ 列“坐标系”：本行坐标系为 GCJ-02（高德、腾讯地图），须换算为 CGCS2000 后才能导入：确认无误后加 --from-gcj02 重新导入/)]);
    const r = await runImport(await redSpec({ from: 'gcj02' }), redSheet([declared, row({ name: '另一处（导入测试）', crs: 'CGCS2000' })]));
    expect(errorsOf(r)).toEqual([]);
    expect(r.records.map((x) => x.record.location.coordinates)).toEqual([[...NEAR_BORDER], [123.95, 47.3152]]);
    expect(errorsOf(await runImport(await redSpec(), redSheet([row({ crs: '北京54' })])))).toEqual([expect.stringMatching(/^错误 第 2 行 [A-Z]+ 列“坐标系”：不认识的坐标系“北京54”；可填：CGCS2000、WGS84、GCJ-02、BD-09$/)]);
  });

  it('names an unknown category with the list of known ones', async () => {
    const r = await runImport(await redSpec(), redSheet([row({ categories: '烈士纪念设施、红色景点' })]));
    expect(errorsOf(r)).toEqual([expect.stringMatching(/^错误 第 2 行 B 列“类别”：第 2 项“红色景点”：.*烈士纪念设施/)]);
  });

  it('places each opening-hours syntax error, in the rule and in each season', async () => {
    const r = await runImport(await redSpec(), redSheet([row({ 'hours.spec': 'Tu-Su 9-17; Xx off', 'hours.seasons.1.from': '05-01', 'hours.seasons.1.to': '10-31', 'hours.seasons.1.spec': 'Mo-Su 08:00-25:00' })]));
    const hint = '。写法如 Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00（星期用 Mo Tu We Th Fr Sa Su，PH 为法定节假日）';
    // Each error once: the schema's own check of the same grammar is not repeated.
    expect(errorsOf(r)).toEqual([
      `错误 第 2 行 J 列“开放规则”：开放时间规则有误：第 1 条“Tu-Su 9-17”：“9-17”不是时段（应为 09:00-17:00 这样的开始-结束时间）${hint}`,
      `错误 第 2 行 J 列“开放规则”：开放时间规则有误：第 2 条“Xx off”：“Xx”不是星期（应为 Mo Tu We Th Fr Sa Su，或 Tu-Su 这样的范围）${hint}`,
      `错误 第 2 行 M 列“季节1开放规则”：开放时间规则有误：第 1 条“Mo-Su 08:00-25:00”：“08:00-25:00”不是时段（应为 09:00-17:00 这样的开始-结束时间）${hint}`,
    ]);
    expect(errorsOf(await runImport(await redSpec(), redSheet([row({ 'hours.spec': 'Tu-Su 09:00-17:00; Mo off; PH 09:00-17:00' })])))).toEqual([]);
  });

  it('refuses two sites of one name in one district, in the sheet and against the data on file', async () => {
    const r = await runImport(
      await redSpec(),
      redSheet([row(), row({ name: ' 示例烈士纪念碑（导入测试） ', visitMinutes: 5 }), row({ district: '建华区', 'location.lon': 123.9486, 'location.lat': 47.3523 }), row({ name: '示例革命纪念馆（测试）' })]),
    );
    // A row with another problem is still checked for its name: every problem in one run.
    expect(errorsOf(r)).toEqual([
      '错误 第 3 行 A 列“名称”：“示例烈士纪念碑（导入测试）”与第 2 行同名：同一区县（龙沙区）内名称不能重复',
      expect.stringMatching(/^错误 第 3 行 [A-Z]+ 列“建议参观时长（分钟）”：应不小于 10$/),
      '错误 第 5 行 A 列“名称”：“示例革命纪念馆（测试）”与已登记的资源点（red/sites/longsha-memorial.yaml）同名：同一区县（龙沙区）内名称不能重复',
    ]);
    // One name in two districts is two sites: the second id carries its district.
    expect(r.records.map((x) => x.record.id).slice(0, 2)).toEqual(['shili-lieshi-jinianbei-daoru-ceshi', 'shili-lieshi-jinianbei-daoru-ceshi-jianhua']);
  });

  it('keeps ids stable and unique: the same sheet gives the same ids; a taken id is refused, not overwritten', async () => {
    const sheet = redSheet([row({ name: '示例革命纪念馆（新）' }), row({ name: '示例抗战遗址', district: '建华区', 'location.lon': 123.9486, 'location.lat': 47.3523 })]);
    const ids = async () => (await runImport(await redSpec(), sheet)).records.map((x) => x.record.id);
    expect(await ids()).toEqual(await ids());
    expect(await ids()).toEqual([idFromName('示例革命纪念馆（新）'), idFromName('示例抗战遗址')]);
    const taken = await runImport(await redSpec(), redSheet([row({ id: 'longsha-memorial' })]));
    expect(errorsOf(taken)).toEqual(['错误 第 2 行 A 列“标识（id）”：id“longsha-memorial”重复，已在 red/sites/longsha-memorial.yaml 中使用']);
  });

  it('runs the loader’s cross-record checks, also on the valid fields of a row that failed its schema', async () => {
    const r = await runImport(await redSpec(), redSheet([row({ district: '龙沙县' }), row({ name: '另一处', district: '龙沙县', visitMinutes: 5 })]));
    expect(errorsOf(r)).toEqual([
      expect.stringMatching(/^错误 第 2 行 C 列“所在区县”：未知的行政区“龙沙县”/),
      expect.stringMatching(/^错误 第 3 行 C 列“所在区县”：未知的行政区“龙沙县”/),
      expect.stringMatching(/^错误 第 3 行 [A-Z]+ 列“建议参观时长（分钟）”：应不小于 10$/),
    ]);
  });

  it('reports every bad row of one sheet, each at its row, and passes none of it', async () => {
    const r = await runImport(
      await redSpec(),
      redSheet([
        row({ name: '好的一行' }),
        row({ name: '填反', 'location.lon': 47.3152, 'location.lat': 123.95 }),
        row({ name: '城外', 'location.lon': 116.397, 'location.lat': 39.909 }),
        row({ name: '高德', 'location.lon': AS_GCJ02[0], 'location.lat': AS_GCJ02[1] }),
        row({ name: '类别', categories: '红色景点' }),
        row({ name: '好的一行' }),
      ]),
    );
    expect(r.ok).toBe(false);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.row)).toEqual([3, 4, 5, 6, 7]);
  });
});
