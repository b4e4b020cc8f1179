/** The verification itself, loaded on first use: fetches the roster once and shows the result (src/lib/officers.ts). */
import { formatChineseDate, todayInShanghai } from '../lib/dates.ts';
import { credentialStatus, decodeRoster, lookupOfficer, type RosterDocument } from '../lib/officers.ts';

let roster: Promise<RosterDocument> | undefined;

export async function verify(query: string, rosterUrl: string, listUrl: string, out: HTMLElement): Promise<void> {
  roster ??= fetch(rosterUrl).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json().then(decodeRoster);
  });
  const doc = await roster;
  const today = todayInShanghai();
  const found = lookupOfficer(doc.officers, query);
  out.replaceChildren();
  const p = (text: string, cls?: string) => {
    const e = document.createElement('p');
    if (cls) e.className = cls;
    e.textContent = text;
    return e;
  };
  if (found.by === 'none') {
    out.append(p('请输入姓名或执法证号。'));
    return;
  }
  if (found.matches.length === 0) {
    out.append(p(`未查到${found.by === 'certificateNo' ? '执法证号' : '姓名'}为“${found.query}”的本局执法人员。`, 'verify-none'));
    const more = p('请核对输入，或在');
    const a = document.createElement('a');
    a.href = listUrl;
    a.textContent = '执法人员名单';
    more.append(a, document.createTextNode('中查找。对方自称执法人员而查无此人的，可以拒绝接受检查并向本局反映。'));
    out.append(more);
    return;
  }
  out.append(p(found.matches.length > 1 ? `查到 ${found.matches.length} 名同名执法人员，请再核对执法证号：` : '查询结果：'));
  const dl = document.createElement('ul');
  dl.className = 'verify-results';
  for (const e of found.matches) {
    const status = credentialStatus(e, today);
    const li = document.createElement('li');
    const badge = document.createElement('strong');
    badge.className = `badge credential credential-${status === '有效' ? 'valid' : 'invalid'}`;
    badge.textContent = status === '有效' ? '证件有效' : `证件${status}`;
    li.append(badge, document.createTextNode(` ${e.name}，执法证号 ${e.certificateNo}，${e.unit}，执法类别：${e.enforcementCategory}，执法区域：${e.district}，有效期 ${formatChineseDate(e.validFrom)}至${formatChineseDate(e.validUntil)}${e.stateReason ? `（${formatChineseDate(e.stateDate ?? '')}${e.state}：${e.stateReason}）` : ''}${e.sample ? '（示例数据）' : ''}`));
    dl.append(li);
  }
  out.append(dl, p(`证件状态按 ${formatChineseDate(today)} 计算。`, 'meta'));
}
