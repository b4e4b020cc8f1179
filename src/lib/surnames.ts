/**
 * Surnames for finding a natural person's name in public text. Only names in
 * a person's position are looked at (privacy.ts), so the list can be long;
 * left out are the characters that are far more often a word than a surname
 * (和 向 应 时 全 原 宗 单 解 习 海 明 车 井 权 官 师 司 边 强 籍 黑 经 当 那 都 才 商 展
 * 储 铁 秋 植 乐).
 * Sources: the 2020 household-registration ranking of the commonest surnames
 * and 百家姓 for the compound ones.
 */

export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐',
  '端木', '西门', '独孤', '南宫', '呼延', '申屠', '轩辕', '闻人', '万俟', '澹台', '公冶', '宗政', '濮阳', '太史',
  '仲孙', '钟离', '第五', '百里', '东郭', '拓跋', '赫连', '左丘', '谷梁', '段干', '乌兰',
] as const;

export const SINGLE_SURNAMES = [
  ...new Set(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢' +
      '姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔' +
      '常汤康易乔赖文施洪辛柯庄樊季牛庞祝鲁卫葛殷翟齐倪靳童欧左颜焦俞盛柳管甘申艾尚梅包苗耿聂关饶房裴滕宁岳' +
      '吉纪骆翁温蓝项鲍褚佟安符华詹穆娄隋景楚巩邢宫冉涂路阮谷霍连晏米卜栾屈刁冷迟苑桂喻姬蔺闵柴伍邸麦农缪鞠' +
      '沙鄢巫蒲狄昝桑舒戚臧丛荣仇邬奚岑扈贝钮曲窦邝慕凌敖荆郎诸晋杭谈匡祁池宿雍寇竺逯尉' +
      '衣佘闻谌禹郁厉蒙莘訾阚汝鄂荀甄芦芮茅宓佴尤谯逄郜郦酆雒綦蓟虞',
  ),
];

/** The longest surname first, so that 欧阳建国 is read as 欧阳 + 建国. */
export function surnameAt(text: string, index: number, extra?: ReadonlySet<string>): string | undefined {
  const two = text.slice(index, index + 2);
  if (COMPOUND_SET.has(two) || extra?.has(two)) return two;
  const one = text[index];
  if (one !== undefined && (SINGLE_SET.has(one) || extra?.has(one))) return one;
  return undefined;
}

const COMPOUND_SET: ReadonlySet<string> = new Set(COMPOUND_SURNAMES);
const SINGLE_SET: ReadonlySet<string> = new Set(SINGLE_SURNAMES);
