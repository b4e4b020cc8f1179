/**
 * Synthetic 事后公开 decisions for the corpus (npm run gen:corpus -- --enforcement N):
 * deterministic for a seed, valid against src/schema/enforcement.ts and the
 * dataset checks (published within the 118号 deadline on the 调休 calendar,
 * located at a district's label point, 文号 unique, natural persons masked),
 * all `sample: true`. For the check and build benchmarks of the column.
 */
import { addWorkingDays, CALENDAR_LAST_YEAR, isWorkingDay } from '../../src/lib/workdays.ts';
import { addDays } from '../../src/lib/dates.ts';
import { CREDIT_CODE_CHARS, creditCodeCheckChar } from '../../src/lib/identifiers.ts';
import { publicationDeadlineWorkingDays, type DecisionCategory } from '../../src/schema/enforcement.ts';
import { mulberry32 } from './prng.ts';

type District = { name: string; code: string; labelPoint: [number, number] };
export type GeneratedDecision = Record<string, unknown> & { id: string };

const CATEGORIES: readonly (readonly [DecisionCategory, string, number])[] = [['行政处罚', 'cf', 0.45], ['行政检查', 'jc', 0.3], ['行政许可', 'xk', 0.2], ['行政强制', 'qz', 0.05]];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const ORGS = ['鑫源建材有限公司', '宏图农牧专业合作社', '恒达物流有限公司', '北疆砂石有限公司', '绿野农业开发有限公司', '金禾粮贸有限公司'];
const FACTS: Record<DecisionCategory, readonly [string, string, string][]> = {
  行政处罚: [['非法占用土地', '未经批准占用集体土地{a}平方米建设仓储用房', '《中华人民共和国土地管理法》第七十七条第一款'], ['违法建设', '未取得建设工程规划许可证建设厂房{a}平方米', '《中华人民共和国城乡规划法》第六十四条']],
  行政检查: [['双随机抽查', '对土地利用情况进行现场检查，检查面积{a}平方米', '《自然资源执法监督规定》第十一条']],
  行政许可: [['建设用地规划许可', '申请建设用地规划许可，用地面积{a}平方米', '《中华人民共和国城乡规划法》第三十七条']],
  行政强制: [['查封施工现场', '违法占地建设，经责令停止后继续施工，占地{a}平方米', '《中华人民共和国行政强制法》第二十二条']],
};
const RESULT: Record<DecisionCategory, string> = { 行政处罚: '责令退还非法占用的土地，并处罚款{f}元。', 行政检查: '未发现违法违规问题。', 行政许可: '准予许可。', 行政强制: '查封违法建设施工现场，期限30日。' };

export function generateDecisions(districts: readonly District[], n: number, seed: number, reservedDocNos: ReadonlySet<string>): GeneratedDecision[] {
  const next = mulberry32((seed ^ 0x5eed) >>> 0);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const category = () => {
    let x = next();
    for (const c of CATEGORIES) if ((x -= c[2]) < 0) return c;
    return CATEGORIES[0]!;
  };
  const credit = (prefix: string, code: string) => {
    let body = prefix + code;
    while (body.length < 17) body += CREDIT_CODE_CHARS[int(0, 9)];
    return body + creditCodeCheckChar(body)!;
  };
  const seq = new Map<string, number>();
  const out: GeneratedDecision[] = [];
  for (let i = 0; i < n; i++) {
    const [cat, slug] = category();
    const d = pick(districts);
    // A working day between 2019 and the calendar's last year, published within the deadline.
    // The calendar's last December is left out: the publication day could fall in a year it does not cover.
    let date = `${int(2019, CALENDAR_LAST_YEAR)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    if (date >= `${CALENDAR_LAST_YEAR}-12-01`) date = `${CALENDAR_LAST_YEAR - 1}${date.slice(4)}`;
    while (!isWorkingDay(date)) date = addDays(date, 1);
    const publish = addWorkingDays(addDays(date, 1), int(1, Math.min(5, publicationDeadlineWorkingDays[cat])));
    const year = date.slice(0, 4);
    const key = `${slug}|${year}`;
    let docNo: string;
    do {
      seq.set(key, (seq.get(key) ?? 0) + 1);
      docNo = `齐自然资执${slug}〔${year}〕${seq.get(key)}号`;
    } while (reservedDocNos.has(docNo));
    const type = pick(['法人或其他组织', '法人或其他组织', '个体工商户', '自然人'] as const);
    const surname = pick([...SURNAMES]);
    const party =
      type === '法人或其他组织' ? { type, name: `${d.name}${pick(ORGS)}（示例）`, creditCode: credit('91', d.code), legalRepresentative: `${pick([...SURNAMES])}某` }
      : type === '个体工商户' ? { type, name: `${surname}某`, creditCode: credit('92', d.code) }
      : { type, name: `${surname}某` };
    const [violation, facts, basis] = pick(FACTS[cat]);
    const area = int(2, 60) * 50;
    const fine = cat === '行政处罚' ? area * 20 : undefined;
    const id = `c-zf-${slug}-${String(i + 1).padStart(7, '0')}`;
    out.push({
      id,
      stage: '事后公开',
      category: cat,
      title: `${party.name}${violation}${cat === '行政处罚' ? '案行政处罚决定' : '决定'}`,
      docNo,
      district: d.name,
      publishDate: `${publish} 09:00`,
      decisionDate: date,
      authority: '齐齐哈尔市自然资源和规划局',
      party,
      violationType: violation,
      facts: `当事人在${d.name}某村${facts.replace('{a}', String(area))}。`,
      basis,
      result: RESULT[cat].replace('{f}', String(fine ?? 0)),
      ...(fine !== undefined ? { fineYuan: fine } : {}),
      fulfilment: { state: cat === '行政许可' ? '无需履行' : pick(['已履行', '正在履行'] as const) },
      location: { type: 'Point', coordinates: d.labelPoint },
      sample: true,
    });
  }
  return out;
}
