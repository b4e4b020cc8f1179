/**
 * Personal data in one string: the patterns the privacy guard refuses
 * (政府信息公开条例 Art 15, 个人信息保护法 Art 25/28, 行政处罚法 Art 50;
 * disclosure-rules.md §1(e)). Pure: the guard (src/schema/privacy.ts) walks the
 * records and decides which checks apply to which field; the editor and the
 * import use findPersonalData on single strings.
 *
 * Deliberately conservative: a false alarm costs an editor a minute, a leak
 * cannot be taken back. Every finding carries a masked copy of the span, so
 * that the message that reports it does not leak it into logs.
 */
import { isBankCardNumber, looksLikeResidentId, phoneKey } from './identifiers.ts';
import { COMPOUND_SURNAMES, surnameAt } from './surnames.ts';

export { hasValidIdChecksum } from './identifiers.ts';

export type PersonalDataKind = '身份证号码' | '手机号码' | '座机号码' | '银行卡号' | '住址' | '姓名';

export type PrivacyFinding = {
  kind: PersonalDataKind;
  /** The span as found (after NFKC normalisation). Never print it: print `masked`. */
  match: string;
  /** Offset of the span in the normalised text. */
  index: number;
  /** The span with most of it hidden, for messages: 139****5678, 王**. */
  masked: string;
};

/**
 * Which checks apply:
 * - text: everything (the default);
 * - code: ID and phone shapes only (credit codes, licence numbers, 文号, ids);
 * - contact: ID and mobile shapes only (a declared office phone, e-mail or address).
 */
export type ScanMode = 'text' | 'code' | 'contact';

export type ScanOptions = {
  mode?: ScanMode;
  /** phoneKey()s of office lines declared public; such landlines may appear in text. */
  publicPhones?: ReadonlySet<string>;
  /** Surnames of natural persons the record names in masked form (王某): their full names are looked for everywhere. */
  surnames?: ReadonlySet<string>;
  /** Names declared public (the 执法人员 roster): never reported as names. */
  allowedNames?: ReadonlySet<string>;
};

// ------------------------------------------------------------- numbers ---

const NOT_ALNUM_BEFORE = '(?<![0-9A-Za-z])';
const NOT_ALNUM_AFTER = '(?![0-9A-Za-z])';

// 18 or 15 digits whose date part can be a birth date; looksLikeResidentId decides.
const ID_CARD = new RegExp(`${NOT_ALNUM_BEFORE}(?:\\d{17}[\\dXx]|\\d{15}|\\d{6}[ -]\\d{8}[ -]\\d{3}[\\dXx])${NOT_ALNUM_AFTER}`, 'g');
// Mobiles: 13912345678, 139 1234 5678, 139-1234-5678, +86 139…, 0086-139…, (+86)139…; not an amount (15000000000元).
const MOBILE = new RegExp(
  `${NOT_ALNUM_BEFORE}(?<!\\+)(?:(?:\\+|00)86[ -]?|86-|[(（]\\+?86[)）] ?)?1[3-9]\\d(?:[ .-]?\\d{4}){2}${NOT_ALNUM_AFTER}(?! ?(?:元|万|亿|平方|亩|米|吨|公顷|%|％))`,
  'g',
);
// Landlines with an area code: 0452-2345678, 0452 2345678, (0452)2345678, 04522345678, +86-452-2345678, …-801, …转801.
const LANDLINE = new RegExp(
  `${NOT_ALNUM_BEFORE}(?<!\\+)(?:(?:\\+|00)86[ -]?(?:[(（]0?[1-9]\\d{1,2}[)）]|0?[1-9]\\d{1,2})|[(（]0[1-9]\\d{1,2}[)）]|0[1-9]\\d{1,2})[ -—]?\\d{7,8}(?:(?:-|转|分机)\\d{1,5})?${NOT_ALNUM_AFTER}`,
  'g',
);
// 16–19 digits, plain or in groups of four: a bank card if it passes Luhn.
const BANK_CARD = new RegExp(`${NOT_ALNUM_BEFORE}\\d{4}(?:[ -]?\\d{4}){3}(?:[ -]?\\d{1,3})?${NOT_ALNUM_AFTER}`, 'g');
// A labelled account number, Luhn or not (legal persons' accounts are not published either).
const BANK_ACCOUNT = /(?:银行卡号?|银行账号|银行帐号|卡号|账号|帐号|账户|帐户)[：:\s为是]*(\d[\d -]{8,30}\d)(?![0-9A-Za-z])/g;

// ----------------------------------------------------------- addresses ---

const DETAIL = '(?:\\d+|[一二三四五六七八九十百〇零两]+)(?:号楼|栋|幢|单元|室|楼|层|号|户|组)';
// A person's home: 住址, 家住, 户籍地 … down to building, unit, room or house number.
const HOME_ADDRESS = new RegExp(
  `(?:家庭住址|家庭地址|现住址|住址|家住|现住|现居住地|居住地|居住于|住在|户籍地址|户籍所在地|户籍地|户口所在地)[：:\\s为是在于]*[^。；;！？!?\\n，,]{0,30}?${DETAIL}`,
  'g',
);
// A residential unit even without those words: 3号楼2单元501室, 5栋2单元, 2单元302.
const RESIDENTIAL_UNIT = /(?<!\d)\d+(?:号楼|栋|幢)\d+单元(?:\d+(?:室|号|户))?|(?<!\d)\d+单元\d+(?:室|号|户)?/g;

// --------------------------------------------------------------- names ---

/**
 * Characters that (almost) never end a given name but often follow a
 * surname-like character in prose: function words, administrative units,
 * measure words, legal verbs.
 */
const NOT_IN_GIVEN_NAME = new Set(
  ('某的了在是于与及或等未已将对被把为因由擅非违其该此这那之所以并且而但不无有们从到给也都就还又再即均共各每本' +
    '村镇乡县市区省街路道号楼室栋司局厂社委组队店场站院处科股部馆业户地块宗米亩元年月日时条款项第次份个名位屯庄堡' +
    '营沟岗河湖桥湾坡岭占用设批准经自法规请取得内外前后进出罚证件书表告知公示况情式案').split(''),
);
/** Titles after a surname (王先生, 李科长): a surname alone is what masking keeps. */
const TITLES = /^(?:先生|女士|同志|老师|师傅|科长|局长|主任|经理|队长|所长|书记|村长|站长|部长|处长|股长|总|工|主席|委员|代表|大爷|大妈|阿姨|姓)$/;
/**
 * Words that start with a surname character and could pass for a name after
 * a role word or before 未经/擅自 (施工方擅自…, 高新区…). Only whole
 * surname + given-name candidates are looked up here.
 */
const NOT_NAMES = new Set([
  '高新', '高度', '高效', '高标准', '高质量', '高速', '高程', '高压', '方案', '方式', '方面', '方向', '方法', '方位', '万元', '万一', '金额', '金属', '林地',
  '林业', '林木', '石料', '石材', '石头', '黄金', '田地', '江段', '江河', '马路', '文件', '文物', '文化', '文字', '文明', '安全', '安置', '安排', '安装',
  '常年', '常住', '常规', '常态', '程序', '程度', '史料', '史实', '周边', '周围', '周期', '周年', '范围', '范例', '任务', '任何', '任期', '任意', '关于',
  '关系', '关联', '关闭', '齐全', '齐齐', '包括', '包含', '包装', '项目', '项下', '雷达', '雷电', '龙头', '龙江', '谷物', '谷底', '华侨', '华北', '华东',
  '华南', '严格', '严重', '严禁', '严密', '毛坯', '毛石', '武装', '武器', '孔隙', '孔洞', '易地', '康复', '温室', '温度', '符合', '符号', '杜绝', '许可',
  '许可证', '宁静', '景区', '景观', '景点', '巩固', '宫殿', '路段', '路面', '路线', '连续', '连接', '冷库', '柴油', '农业', '农村', '农用', '农田', '农民',
  '农机', '农户', '沙石', '沙土', '沙场', '丛林', '荣誉', '曲线', '凌晨', '池塘', '宿舍', '甘南', '申报', '申领', '申请', '尚未', '管理', '管道', '管线',
  '苗木', '苗圃', '房屋', '房产', '房地', '吉祥', '纪念', '纪律', '蓝色', '舒适', '荆棘', '诸多', '诸如', '晋升', '谈话', '谈判', '衣物', '厉行', '蒙古',
  '甄别', '芦苇', '茅草', '尤其', '余额', '余量', '于是', '于此', '叶片', '苏醒', '丁字', '陆地', '陆续', '夏季', '付款', '付清', '白天', '白色', '段落',
  '黎明', '贺电', '顾问', '钱款', '乔木', '施工', '施工方', '施行', '洪水', '洪涝', '庄园', '季度', '季节', '庞大', '祝贺', '卫生', '卫星', '左侧', '颜色',
  '焦点', '钟点', '马上', '车辆', '石油', '金融', '邮政', '曹操', '向阳', '朱红', '胡同', '郭外', '何处', '罗列', '宋体', '唐朝', '韩国', '潘家', '袁家',
  '蒋家', '杜鹃', '叶子', '魏碑', '吕剧', '任职', '卢沟', '姚家', '沈阳', '钟表', '姜黄', '谭家', '汪洋', '韦家', '贾家', '夏天', '付出', '方便', '熊猫',
  '白银', '孟冬', '秦岭', '邱家', '侯鸟', '江南', '江北', '尹家', '薛家', '闫家', '段内', '雷同', '龙华', '黎家', '陶瓷', '贺兰', '毛泽', '郝家', '顾及',
  '龚家', '邵家', '万亩', '万人', '武汉', '钱家', '戴帽', '严防', '孔家', '常务', '汤家', '康庄', '易于', '乔家', '赖以', '施肥', '洪峰', '柯家', '庄稼',
  '牛羊', '牛棚', '鲁家', '葛家', '殷实', '齐心', '欧洲', '左右', '焦化', '盛行', '柳树', '管护', '甘肃', '申明', '梅花', '包头', '苗族', '关键', '房间',
  '宁夏', '岳家', '吉林', '纪要', '温泉', '蓝天', '项下', '安徽', '安达', '华润', '景色', '楚国', '井冈', '宫廷', '路口', '谷雨', '连片', '米面', '冷链',
  '桂花', '柴火', '沙漠', '舒展', '荣获', '强化', '曲折', '凌驾', '海拔', '池水', '宿营', '匡算', '祁连', '慕名', '钱财',
  // Places of the city and quantities: a declared 齐某, 龙某 or 万某 must not make these names.
  '齐齐哈', '龙沙', '梅里', '梅里斯', '卜奎', '龙江', '甘南', '安康', '康宁', '杜尔', '龙府', '万吨', '万立方', '万平方', '万千升', '万头', '万株',
  '万只', '万套', '万辆', '万件', '万册', '万户', '万台', '万公顷', '连廊', '管径', '管网', '项目', '文化', '盛世', '金色', '华庭',
]);

// Words after which a name stands (the role the person has in the case).
const ROLES = /(?:当事人|被申请人|申请人|村民|户主|法定代表人|法人代表|负责人|联系人|经营者|业主|举报人|投诉人|受让人|竞得人|竞买人|权利人|委托代理人|代理人|被检查人|承包人|承租人|出租人|使用权人|所有权人|见证人|证人|驾驶员|实际控制人|股东|监护人|被处罚人|违法行为人|行为人|农户|居民|住户|申报人|报告人|建房人|房主|屋主|经营户|姓名)[：:\s]*(?:为|系|是)?[：:\s]*/g;
// What a name at the start of a clause is followed by in a case description.
const CLAUSE_VERBS = /(?:未经|擅自|非法|违法|违规|私自|无证|未取得|未依法|未按|在未|于(?=\d|同年|当年|本年))/g;
const CLAUSE_START = /[。；;！？!?\n，,：:、（(“"《\s]/;
/** What may follow a name. */
const AFTER_NAME = /^(?:$|[\s，。、；：:,.;！？!?（）()“”"'《》【】[\]—\-…·\d]|未|擅自|非法|违法|违规|私自|无证|在|于|因|等|的|将|对|向|与|和|及|系|为|是|已|自(?=\d|行|收|愿|称)|名下|同志|承包|建设|占用|所有|经营|申请|负责|户|男|女|身份|住|现|驾驶|持有|不|作为|作出|处以|承认|陈述|申辩|表示|签|缴|到|从|称|说|诉|反映|提出|拒|涉嫌|个人|夫妇|之|也|均|被|一|二|三)/;
/** Place and organisation endings: 李家屯, 王府, 张庄村 are not names. */
const PLACE_OR_ORG = /^(?:[村屯镇乡县市区街路道号楼室栋司局厂店场站院社会委组队园馆庄堡营沟岗河湖桥湾坡岭窝府寨坊铺集州省旗山]|公司|合作社|中心|大街|小区)/;

/**
 * An organisation's name starting at the role word's end: up to 25 characters
 * without a case verb, ending in an organisation word (竞得人为龙沙晟和置业
 * 股份有限公司 is a company, not 龙沙晟).
 */
const ORG_NAME = /^[^，。；;、：:\n（(未擅非违于在将对向]{1,25}?(?:有限责任公司|有限公司|股份公司|公司|合作社|联合社|集团|厂|中心|委员会|协会|商会|学校|医院|研究院|研究所|设计院|事务所|服务部|经营部|门市部|商店|超市|农场|林场|矿)/;

const NONE: ReadonlySet<string> = new Set();
/** CJK ideographs (basic block and extension A): enough for names. */
const isHan = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
};

/**
 * All matches of a global regex, without matchAll's per-call copy of the
 * regex (these run on every string of every record).
 */
function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const next = re.lastIndex;
    yield m;
    re.lastIndex = next;
  }
}

/** A surname followed by one or two given-name characters, starting at `index`: the longest that fits `accept`. */
function nameAt(text: string, index: number, extra: ReadonlySet<string> | undefined, accept: (name: string, after: string) => boolean): string | undefined {
  const surname = surnameAt(text, index, extra);
  if (!surname) return undefined;
  for (const givenLength of [2, 1]) {
    const start = index + surname.length;
    const given = text.slice(start, start + givenLength);
    if (given.length !== givenLength || ![...given].every((c) => isHan(c) && !NOT_IN_GIVEN_NAME.has(c))) continue;
    if (TITLES.test(given)) return undefined;
    const name = surname + given;
    // 项目涉及, 龙沙润泽: a known word at the start is not a name either.
    if (NOT_NAMES.has(name) || (surname.length === 1 && NOT_NAMES.has(name.slice(0, 2)))) continue;
    if (accept(name, text.slice(start + givenLength))) return name;
  }
  return undefined;
}

/**
 * Unmasked names of natural persons: after a role word (当事人王建国，村民
 * 李明), at the start of a clause before 未经/擅自/非法 (王建国非法占用…),
 * and, for the surnames of persons the record declares in masked form, the
 * full name anywhere after a boundary or a preposition.
 */
export function findPersonNames(text: string, options: Pick<ScanOptions, 'surnames' | 'allowedNames'> = {}): PrivacyFinding[] {
  const found = new Map<number, string>();
  const allowed = options.allowedNames;
  const declared = options.surnames ?? NONE;
  const extra = declared.size ? declared : undefined;
  const add = (index: number, name: string) => {
    if (allowed?.has(name) || found.has(index)) return;
    found.set(index, name);
  };

  for (const m of matches(ROLES, text)) {
    const at = m.index + m[0].length;
    if (ORG_NAME.test(text.slice(at, at + 40))) continue;
    const name = nameAt(text, at, extra, (_n, after) => AFTER_NAME.test(after) && !PLACE_OR_ORG.test(after));
    if (name) add(at, name);
  }
  for (const m of matches(CLAUSE_VERBS, text)) {
    for (const length of [4, 3, 2]) {
      const at = m.index - length;
      if (at < 0 || (at > 0 && !CLAUSE_START.test(text[at - 1]!))) continue;
      const name = nameAt(text, at, extra, (n) => n.length === length);
      if (name) {
        add(at, name);
        break;
      }
    }
  }
  for (const surname of declared) {
    for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
      const before = text[at - 1];
      // After another Han character only when that is a preposition or a verb taking a person (对王建国, 责令王建国, 询问王建国).
      if (isHan(before) && !'对向与和及由被将把给令据即为是称经查问知谈求'.includes(before!)) continue;
      // 20万吨, 3万元, Ⅲ齐龙87: a number or a letter before the character makes it a quantity or a code.
      if (before !== undefined && /[\dA-Za-z\u2160-\u217F]/.test(before)) continue;
      const name = nameAt(text, at, extra, (_n, after) => AFTER_NAME.test(after) && !PLACE_OR_ORG.test(after));
      if (name) add(at, name);
    }
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([index, match]) => ({ kind: '姓名', match, index, masked: maskName(match) }));
}

/** 王建国 → 王**, 欧阳建国 → 欧阳**: the surname stays, as masking keeps it. */
function maskName(name: string): string {
  const surname = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) ? name.slice(0, 2) : name.slice(0, 1);
  return surname + '*'.repeat([...name].length - surname.length);
}

// ------------------------------------------------------------- masking ---

const ADDRESS_WORD = /^(?:家庭住址|家庭地址|现住址|住址|家住|现住|现居住地|居住地|居住于|住在|户籍地址|户籍所在地|户籍地|户口所在地)[：:\s为是在于]*/;

/** The span with most of it replaced by *: enough to find it, not enough to use it. */
export function maskSpan(kind: PersonalDataKind, span: string): string {
  const chars = [...span];
  /** Replaces the digits (and X) whose ordinal among the digits is in [from, to). */
  const hideDigits = (from: number, to: number) => {
    let n = 0;
    return chars.map((c) => (/[\dXx]/.test(c) ? (n++ >= from && n <= to ? '*' : c) : c)).join('');
  };
  const digitCount = chars.filter((c) => /[\dXx]/.test(c)).length;
  switch (kind) {
    case '身份证号码':
    case '银行卡号':
      return hideDigits(4, digitCount - 4);
    case '手机号码': {
      // The national number is the last 11 digits: keep 139 and the last four.
      const start = digitCount - 11;
      return hideDigits(start + 3, start + 7);
    }
    case '座机号码': {
      const local = /\d{7,8}(?=(?:(?:-|转|分机)\d{1,5})?$)/.exec(span);
      if (!local) return hideDigits(3, digitCount - 3);
      return span.slice(0, local.index) + '*'.repeat(local[0].length - 3) + span.slice(local.index + local[0].length - 3);
    }
    case '住址': {
      const word = ADDRESS_WORD.exec(span);
      if (!word) return span.replace(/\d/g, '*');
      const keep = word[0].length + 2;
      return chars.map((c, i) => (i < keep || !/[\d\p{Script=Han}]/u.test(c) ? c : '*')).join('');
    }
    case '姓名':
      return maskName(span);
  }
}

// ---------------------------------------------------------------- scan ---

const COMPATIBILITY_CHARS = /[\uFF0B\uFF0D\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u2460-\u24FF\u3220-\u325F]/;
const ADDRESS_HINT = /住|户籍|户口|居/;

/** Every personal-data pattern found in a piece of published text, in text order. */
export function findPersonalData(raw: string, options: ScanOptions = {}): PrivacyFinding[] {
  // Full-width digits and letters (１３９…, Ｘ) and circled numbers must not slip past the patterns.
  // NFKC maps each of them to one character, so offsets stay those of the original.
  const text = COMPATIBILITY_CHARS.test(raw) ? raw.normalize('NFKC') : raw;
  const mode = options.mode ?? 'text';
  const findings: PrivacyFinding[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const add = (kind: PersonalDataKind, match: string, index: number) => {
    if (overlaps(index, index + match.length)) return;
    taken.push([index, index + match.length]);
    findings.push({ kind, match, index, masked: maskSpan(kind, match) });
  };

  // Every number pattern needs at least 10 digits; most strings have far fewer.
  let digits = 0;
  for (let i = 0; i < text.length && digits < 10; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits >= 10) {
    for (const m of matches(ID_CARD, text)) if (looksLikeResidentId(m[0].replace(/[ -]/g, ''))) add('身份证号码', m[0], m.index);
    for (const m of matches(MOBILE, text)) add('手机号码', m[0], m.index);
    if (mode !== 'contact')
      for (const m of matches(LANDLINE, text)) {
        if (mode === 'text' && options.publicPhones?.has(phoneKey(m[0]))) {
          taken.push([m.index, m.index + m[0].length]);
          continue;
        }
        add('座机号码', m[0], m.index);
      }
    if (mode === 'text') {
      for (const m of matches(BANK_CARD, text)) if (isBankCardNumber(m[0])) add('银行卡号', m[0], m.index);
      for (const m of matches(BANK_ACCOUNT, text)) add('银行卡号', m[1]!, m.index + m[0].length - m[1]!.length);
    }
  }
  if (mode === 'text') {
    if (digits > 0 || /[一二三四五六七八九十百〇零两]/.test(text)) {
      if (ADDRESS_HINT.test(text)) for (const m of matches(HOME_ADDRESS, text)) add('住址', m[0], m.index);
      if (text.includes('单元')) for (const m of matches(RESIDENTIAL_UNIT, text)) add('住址', m[0], m.index);
    }
    for (const f of findPersonNames(text, options)) add(f.kind, f.match, f.index);
  }
  return findings.sort((a, b) => a.index - b.index);
}

// --------------------------------------------------------------- names ---

/**
 * A natural person's name as it may be published: surname kept, given name
 * replaced (张某, 张某某, 欧阳某, 张**), per 法释〔2016〕19号 practice. A
 * trailing note in brackets (吴某（村民）) is allowed.
 */
export function isMaskedPersonName(name: string): boolean {
  return /^\p{Script=Han}{1,2}(?:某{1,2}|\*{1,3}|＊{1,3}|×{1,2})(?:[（(][^）)]{1,10}[）)])?$/u.test(name.trim());
}

/** The surname of a masked name (王某 → 王, 欧阳某某 → 欧阳). */
export function surnameOfMasked(name: string): string | undefined {
  const m = /^(\p{Script=Han}{1,2}?)(?:某{1,2}|\*{1,3}|＊{1,3}|×{1,2})/u.exec(name.trim());
  return m?.[1];
}

/**
 * True when a whole value reads as an unmasked person's name (王建国,
 * 欧阳建国, 李明（村民）), not as an organisation's: for fields that take
 * either.
 */
export function looksLikePersonName(value: string): boolean {
  const v = value.normalize('NFKC').trim().replace(/[（(][^）)]{1,10}[）)]$/, '');
  if (!/^\p{Script=Han}{2,4}$/u.test(v)) return false;
  return nameAt(v, 0, undefined, (n) => n.length === v.length) !== undefined;
}

/** Masks a natural person's name for publication: 张三丰 → 张某某, 欧阳建国 → 欧阳某某. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return `${chars.join('')}某`;
  const surnameLength = COMPOUND_SURNAMES.some((s) => name.trim().startsWith(s)) && chars.length > 2 ? 2 : 1;
  return `${chars.slice(0, surnameLength).join('')}${'某'.repeat(Math.min(chars.length - surnameLength, 2))}`;
}
