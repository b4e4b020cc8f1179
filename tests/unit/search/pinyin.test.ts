import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedView } from '../../../src/data/index.ts';
import { searchDocuments, type Collection } from '../../../src/search/documents.ts';
import {
  LOCAL_READINGS,
  buildPinyinDictionary,
  extractNames,
  namePieces,
  shardPinyinDictionary,
  syllables,
  type PinyinEntry,
} from '../../../src/search/pinyin-dict.ts';
import { expandPinyin, pinyinShardKey } from '../../../src/search/pinyin-match.ts';

type Doc = { names: string[]; title: string; collection: Collection };
const notice = (...names: string[]): Doc => ({ names, title: '某公告', collection: 'notice' });
const site = (name: string, address: string): Doc => ({ names: [name, address], title: name, collection: 'red-site' });

const HOSTILE: unknown[] = [
  '',
  '   ',
  'a',
  'a'.repeat(500),
  'j'.repeat(100),
  '江'.repeat(500),
  '😀'.repeat(500),
  'jq😀',
  '.*+?^${}()|[]\\/',
  '(?<x>a)\\1**',
  '<script>alert("x")</script>',
  '\ud800jq\udc00',
  '\u0000\u200b\ufeff\u202ejq',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'ǰ',
  'ß',
  null,
  undefined,
  42,
  {},
];

const entryOf = (dict: readonly PinyinEntry[], zh: string): PinyinEntry | undefined => dict.find((e) => e[0] === zh);

describe('extractNames', () => {
  it('splits addresses at administrative and road suffixes, punctuation and connectives', () => {
    const names = extractNames([notice('铁锋区', '铁锋区北局宅街道铁锋路以东、东湖路以南')]);
    expect([...names.keys()].sort()).toEqual(['东湖路', '北局宅街道', '铁锋区', '铁锋区北局宅街道', '铁锋路'].sort());
    expect(namePieces('富拉尔基区沿江街道长青路与沿江路交汇处西侧')).toEqual(['富拉尔基区', '富拉尔基区沿江街道', '沿江街道', '长青路', '沿江路']);
    expect(namePieces('克东县蒲峪路镇繁荣大道以东、开发路以南')).toEqual(['克东县', '克东县蒲峪路镇', '蒲峪路镇', '繁荣大道', '开发路']);
    expect(namePieces('泰来县江桥镇')).toEqual(['泰来县', '泰来县江桥镇', '江桥镇']);
  });

  it('keeps proper names whole and does not split them at an inner 路 or 区', () => {
    const names = extractNames([site('嫩江铁路桥抗战遗址', '泰来县江桥镇嫩江西岸'), site('西满军区司令部旧址', '龙沙区（示例地址）')]);
    expect(names.has('嫩江铁路桥抗战遗址')).toBe(true);
    expect(names.has('西满军区司令部旧址')).toBe(true);
    expect(names.has('江桥镇')).toBe(true);
    expect(names.has('龙沙区')).toBe(true);
    for (const junk of ['嫩江铁路', '桥抗战遗址', '西满军区', '司令部旧址', '示例地址', '龙沙区示例地址']) expect(names.has(junk)).toBe(false);
    // Mining-right and project names keep their leading places too.
    expect(namePieces('龙江县人民医院门诊综合楼')).toEqual(['龙江县人民医院门诊综合楼', '龙江县']);
    expect(namePieces('齐齐哈尔市碾子山区红旗建筑用花岗岩矿采矿权')).toEqual(['齐齐哈尔市', '齐齐哈尔市碾子山区', '碾子山区', '红旗建筑用花岗岩矿采矿权']);
  });

  it('drops pieces with latin or digits, single characters, over-long names and placeholders', () => {
    const long = '这是一个特别特别特别特别长的项目名称没有任何地名';
    const names = extractNames([notice('全市', 'QQHR2026-045号地块', 'B区', '江', long, '拜泉县境内（示例位置）', '明月岛名邸（B区）项目')]);
    // 全市 (city-wide) is a value people look for: quanshi, qs.
    expect([...names.keys()].sort()).toEqual(['全市', '拜泉县', '明月岛名邸'].sort());
    for (const k of names.keys()) {
      expect(k).toMatch(/^\p{Script=Han}{2,16}$/u);
    }
  });

  it('counts document frequency once per document and orders by df, then name, whatever the input order', () => {
    const docs = [notice('龙沙区', '龙沙区嫩江路北侧、公园路西侧'), notice('龙沙区', '龙沙区公园路以东'), notice('建华区', '建华区')];
    const names = extractNames(docs);
    expect(names.get('龙沙区')).toBe(2);
    expect(names.get('公园路')).toBe(2);
    expect(names.get('建华区')).toBe(1);
    expect([...names.keys()]).toEqual(['公园路', '龙沙区', '嫩江路', '建华区']);
    expect([...extractNames([...docs].reverse())]).toEqual([...names]);
  });

  it('uses titles only where the title is a name (pages, red sites, red routes)', () => {
    expect(extractNames([{ names: [], title: '江桥抗战寻迹', collection: 'red-route' }]).has('江桥抗战寻迹')).toBe(true);
    expect(extractNames([{ names: [], title: '龙沙区某地块挂牌出让公告', collection: 'notice' }]).size).toBe(0);
  });
});

describe('buildPinyinDictionary', () => {
  it('gives full pinyin, initials, df and the alias without the administrative suffix', () => {
    const dict = buildPinyinDictionary([site('江桥抗战纪念地', '泰来县江桥镇'), notice('泰来县', '泰来县江桥镇')]);
    expect(entryOf(dict, '江桥镇')).toEqual(['江桥镇', 'jiangqiaozhen', 'jqz', 2, 'jiangqiao', 'jq']);
    expect(entryOf(dict, '泰来县')).toEqual(['泰来县', 'tailaixian', 'tlx', 2, 'tailai', 'tl']);
    // No alias: the entry has exactly four fields.
    expect(entryOf(dict, '江桥抗战纪念地')).toEqual(['江桥抗战纪念地', 'jiangqiaokangzhanjiniandi', 'jqkzjnd', 1]);
  });

  it('strips ethnic designations with the suffix, but never leaves a one-character alias or a 园区 alias', () => {
    const dict = buildPinyinDictionary([notice('梅里斯达斡尔族区', '水师营满族镇', '友谊达斡尔族满族柯尔克孜族乡', '工业园区', '富拉尔基区')]);
    expect(entryOf(dict, '梅里斯达斡尔族区')?.slice(4)).toEqual(['meilisi', 'mls']);
    expect(entryOf(dict, '水师营满族镇')?.slice(4)).toEqual(['shuishiying', 'ssy']);
    expect(entryOf(dict, '友谊达斡尔族满族柯尔克孜族乡')?.slice(4)).toEqual(['youyi', 'yy']);
    expect(entryOf(dict, '富拉尔基区')?.slice(4)).toEqual(['fulaerji', 'flej']);
    expect(entryOf(dict, '工业园区')).toHaveLength(4);
  });

  it('applies the local reading override: 中国一重 is yi zhong, not yi chong', () => {
    expect(LOCAL_READINGS['中国一重']).toBe('zhong guo yi zhong');
    const dict = buildPinyinDictionary([site('中国一重展览馆', '富拉尔基区（示例地址）')]);
    expect(entryOf(dict, '中国一重展览馆')?.[1]).toBe('zhongguoyizhongzhanlanguan');
    expect(entryOf(dict, '中国一重展览馆')?.[1]).not.toContain('chong');
  });

  it('reads polyphones in context, and each place of a compound name on its own', () => {
    expect(syllables('重庆路')?.join('')).toBe('chongqinglu');
    expect(syllables('大国重器')?.join('')).toBe('daguozhongqi');
    expect(syllables('银行街')?.join('')).toBe('yinhangjie');
    expect(syllables('乡镇行政区划图')?.join('')).toBe('xiangzhenxingzhengquhuatu');
    expect(syllables('长青路')?.join('')).toBe('changqinglu');
    // Read as one string, pinyin-pro takes 县长 “county head” (zhang) across the boundary.
    expect(syllables('甘南县长山乡石头山建筑用花岗岩矿')?.slice(0, 5)).toEqual(['gan', 'nan', 'xian', 'chang', 'shan']);
    expect(syllables('绿洲路')?.join('')).toBe('lvzhoulu');
  });

  it('leaves out names with latin or digits and sorts by full pinyin, then name', () => {
    const dict = buildPinyinDictionary([notice('G15沿线', '江桥镇2号', '龙沙区', '建华区', '铁锋区', '西安路', '县城路')]);
    // jiangqiaozhen < jianhuaqu, xianchenglu < xianlu
    expect(dict.map((e) => e[0])).toEqual(['江桥镇', '建华区', '龙沙区', '铁锋区', '县城路', '西安路']);
    for (const [zh, full, initials] of dict) {
      expect(zh).toMatch(/^\p{Script=Han}+$/u);
      expect(full).toMatch(/^[a-z]+$/);
      expect(initials).toHaveLength(Array.from(zh).length);
    }
    const sorted = [...dict].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
    expect(dict).toEqual(sorted);
  });
});

describe('shardPinyinDictionary', () => {
  it('puts every entry in the shard of its first letter, keys a–z in order', () => {
    const dict = buildPinyinDictionary([notice('龙沙区', '建华区', '铁锋区', '江桥镇', '昂昂溪区', '泰来县')]);
    const shards = shardPinyinDictionary(dict);
    expect(Object.keys(shards)).toEqual(['a', 'j', 'l', 't']);
    expect(shards['j']!.map((e) => e[0])).toEqual(['江桥镇', '建华区']);
    expect(Object.values(shards).flat()).toHaveLength(dict.length);
    for (const [key, entries] of Object.entries(shards)) for (const e of entries) expect(e[1][0]).toBe(key);
  });

  it('also files an entry under its alias letter when that differs, never twice in one shard', () => {
    const odd: PinyinEntry = ['某某', 'abc', 'ab', 1, 'xyz', 'xy'];
    const plain: PinyinEntry = ['江桥镇', 'jiangqiaozhen', 'jqz', 1, 'jiangqiao', 'jq'];
    const shards = shardPinyinDictionary([odd, plain]);
    expect(shards['a']).toEqual([odd]);
    expect(shards['x']).toEqual([odd]);
    expect(shards['j']).toEqual([plain]);
    expect(shardPinyinDictionary([])).toEqual({});
  });
});

describe('pinyinShardKey', () => {
  it('gives the shard letter of a latin query', () => {
    expect(pinyinShardKey('JiangQiao ')).toBe('j');
    expect(pinyinShardKey('jiang qiao')).toBe('j');
    expect(pinyinShardKey('ｊｉａｎｇｑｉａｏ')).toBe('j');
    expect(pinyinShardKey("xi'an")).toBe('x');
    expect(pinyinShardKey('jq')).toBe('j');
  });

  it('is undefined for Chinese, one letter, digits or mixed input', () => {
    for (const q of ['江桥', 'j', ' j ', '', 'jq1', '2026', '江桥jq', 'jq江桥', 'q-', 'é']) expect(pinyinShardKey(q)).toBeUndefined();
    for (const q of HOSTILE) expect(() => pinyinShardKey(q as string)).not.toThrow();
  });
});

describe('expandPinyin', () => {
  const X = (zh: string, full: string, initials: string, df: number, ...alias: string[]): PinyinEntry =>
    [zh, full, initials, df, ...alias] as PinyinEntry;
  const dict: PinyinEntry[] = [
    X('西安', 'xian', 'xa', 1),
    X('县城', 'xiancheng', 'xc', 9),
    X('先锋乡', 'xianfengxiang', 'xfx', 3, 'xianfeng', 'xf'),
    X('兴安', 'xingan', 'xa', 5),
    X('新安', 'xinan', 'xa', 5),
    X('新安路', 'xinanlu', 'xal', 5, 'xinan', 'xa'),
    X('兴安大街', 'xingandajie', 'xadj', 7, 'xingan', 'xa'),
  ];

  it('ranks exact full > exact initials > prefix of full > prefix of initials, then df, length, name', () => {
    // xian: 西安 exact; 县城 and 先锋乡 by prefix, higher df first.
    expect(expandPinyin('xian', dict)).toEqual(['西安', '县城', '先锋乡']);
    // xa: exact initials or alias initials for all but 县城 and 先锋乡: df first (兴安大街 7), then shorter (兴安, 新安 before 新安路), then name.
    expect(expandPinyin('xa', dict)).toEqual(['兴安大街', '兴安', '新安', '新安路', '西安']);
    // xinan: exact full of 新安 and exact alias full of 新安路.
    expect(expandPinyin('xinan', dict)).toEqual(['新安', '新安路']);
    expect(expandPinyin('xa', dict, 2)).toEqual(['兴安大街', '兴安']);
  });

  it('returns distinct keywords and respects the limit', () => {
    const dup = [...dict, ...dict, X('西安', 'xian', 'xa', 1)];
    const out = expandPinyin('x', dup, 50);
    expect(out).toEqual([]); // one letter is not a pinyin query
    const all = expandPinyin('xa', dup, 50);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(5);
    expect(expandPinyin('xa', dict, 0)).toEqual([]);
    expect(expandPinyin('xa', dict, -3)).toEqual([]);
    expect(expandPinyin('xa', dict, Number.NaN)).toEqual([]);
    expect(expandPinyin('xa', dict, 1.9)).toEqual(['兴安大街']);
  });

  it('finds nothing for unrelated or non-latin queries', () => {
    for (const q of ['zzzz', 'xianz', 'qx', '西安', 'xa1', 'a'.repeat(500)]) expect(expandPinyin(q, dict)).toEqual([]);
    expect(expandPinyin('xian', [])).toEqual([]);
  });

  it('never throws, whatever the query or the entries', () => {
    const junk = [null, undefined, 'abc', 5, [], [1, 2, 3, 4], ['x', 'xa', 'xa', 'not a number']] as unknown as PinyinEntry[];
    for (const q of HOSTILE) {
      expect(() => expandPinyin(q as string, dict)).not.toThrow();
      expect(() => expandPinyin(q as string, junk)).not.toThrow();
      expect(() => expandPinyin(q as string, undefined as unknown as PinyinEntry[])).not.toThrow();
    }
    expect(expandPinyin('xa', junk)).toEqual(['x']);
  });

  it('is fast: 1000 queries over a 20,000-entry shard, median well under 1 ms', () => {
    // A worst-case shard: all 20,000 names start with j (the real biggest shard at 50,000 documents holds ~1,600).
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const first = ['ji', 'jia', 'jian', 'jiang', 'jiao', 'jie', 'jin', 'jing', 'jiu', 'ju', 'juan', 'jue', 'jun'];
    const rest = 'an ba bai bei bo chang cheng chun da dao dong fa feng fu gang gong guo he hong hu hua huai jiang jin kang lai li lian lin long lu ma min nan ning pi ping qi qian qiao qing quan ren sha shan shi shui song tai tian tie tong wan wei wen xi xian xiang xin xing yang yi yong yu yuan zhen zheng zhong zi'.split(' ');
    const big: PinyinEntry[] = [];
    for (let i = 0; i < 20_000; i++) {
      const parts = [first[rnd(first.length)]!, ...Array.from({ length: 1 + rnd(7) }, () => rest[rnd(rest.length)]!)];
      big.push([`名${i}`, parts.join(''), parts.map((p) => p[0]).join(''), 1 + rnd(50)]);
    }
    const queries = Array.from({ length: 1000 }, (_, i) => {
      const e = big[rnd(big.length)]!;
      return i % 2 ? e[1].slice(0, 2 + rnd(e[1].length)) : e[2].slice(0, 2 + rnd(e[2].length));
    });
    expandPinyin('jq', big); // builds the index once
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      expandPinyin(q, big);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[500]!).toBeLessThan(0.5);
  });
});

describe('the dictionary of the sample data (data/)', () => {
  let dict: PinyinEntry[];
  let districts: string[];
  let redSites: string[];

  beforeAll(async () => {
    const dataset = await getPublishedView('data');
    dict = buildPinyinDictionary(searchDocuments(dataset));
    districts = dataset.boundaries.features.map((f) => f.properties.name);
    redSites = dataset.redSites.map((s) => s.name);
  });

  it('holds every district and every red-site name', () => {
    const zh = new Set(dict.map((e) => e[0]));
    expect(districts.length).toBeGreaterThan(10);
    expect(redSites.length).toBeGreaterThan(10);
    for (const name of districts) expect(zh, name).toContain(name);
    for (const name of redSites.filter((n) => /^\p{Script=Han}{2,16}$/u.test(n))) expect(zh, name).toContain(name);
  });

  it('expands jq, jiangqiao and jiangq to 江桥 names, 江桥镇 first', () => {
    const shard = shardPinyinDictionary(dict)[pinyinShardKey('jq')!]!;
    for (const q of ['jq', 'jiangqiao', 'jiangq', 'JiangQiao', 'jiang qiao']) {
      const out = expandPinyin(q, shard);
      expect(out[0], q).toBe('江桥镇');
      expect(out.every((zh) => zh.includes('江桥')), q).toBe(true);
    }
    expect(expandPinyin('jia', shard).length).toBe(5);
    expect(expandPinyin('zzzz', shard)).toEqual([]);
  });

  it('reads the local district names right', () => {
    const full = (zh: string) => entryOf(dict, zh)?.[1];
    expect(full('齐齐哈尔市')).toBe('qiqihaershi');
    expect(full('昂昂溪区')).toBe('angangxiqu');
    expect(full('梅里斯达斡尔族区')).toBe('meilisidawoerzuqu');
    expect(full('碾子山区')).toBe('nianzishanqu');
    expect(full('讷河市')).toBe('neheshi');
    expect(full('富拉尔基区')).toBe('fulaerjiqu');
    expect(expandPinyin('meilisi', dict)[0]).toBe('梅里斯达斡尔族区');
    expect(expandPinyin('nh', dict)[0]).toBe('讷河市');
  });
});

describe('the client matcher stays dependency-free', () => {
  it('imports nothing but types', () => {
    const src = readFileSync(new URL('../../../src/search/pinyin-match.ts', import.meta.url), 'utf8');
    const imports = src.split('\n').filter((l) => /^\s*(import|export)\b.*\bfrom\b/.test(l));
    expect(imports.length).toBeGreaterThan(0);
    for (const line of imports) expect(line).toMatch(/^\s*(import|export) type\b/);
    expect(src).not.toMatch(/from ['"]pinyin-pro|require\(|import\(/);
  });
});
