import { describe, expect, it } from 'vitest';
import { mailtoHref, opinionChannels, opinionState, opinionSubject } from '../../../src/lib/opinions.ts';

const site = { contact: { unit: '市自然资源和规划局办公室', email: 'zrzy@example.gov.cn', address: '龙沙区示例路1号', postcode: '161000' } };
const notice = { title: '某项目批前公示', docNo: '齐自然资规公〔2026〕1号', feedback: {} };

describe('opinionState', () => {
  it('is open from the start to the deadline, both days included', () => {
    const w = { start: '2026-11-30', end: '2026-12-09' };
    expect(opinionState(w, '2026-11-30')).toBe('open');
    expect(opinionState(w, '2026-12-09')).toBe('open');
  });
  it('is upcoming before and ended after', () => {
    const w = { start: '2026-11-30', end: '2026-12-09' };
    expect(opinionState(w, '2026-11-29')).toBe('upcoming');
    expect(opinionState(w, '2026-12-10')).toBe('ended');
  });
});

describe('mailto links', () => {
  it('percent-encode the subject and body (RFC 6068) and name the notice with its 文号', () => {
    const subject = opinionSubject(notice);
    expect(subject).toBe('对《某项目批前公示》（齐自然资规公〔2026〕1号）的意见');
    const href = mailtoHref('a@example.gov.cn', subject, '网址：https://x/ a&b');
    expect(href.startsWith('mailto:a@example.gov.cn?subject=')).toBe(true);
    expect(decodeURIComponent(new URL(href).searchParams.get('subject')!)).toBe(subject);
    expect(href).not.toContain(' ');
    expect(href).toContain('%20a%26b');
    expect(new URLSearchParams(href.split('?')[1]).get('body')).toBe('网址：https://x/ a&b');
  });
  it('leave the body out when there is none', () => {
    expect(mailtoHref('a@example.gov.cn', '意见')).toBe('mailto:a@example.gov.cn?subject=%E6%84%8F%E8%A7%81');
  });
});

describe('opinionChannels', () => {
  it("prefers the feedback's own e-mail and address, then the notice's contact", () => {
    const channels = opinionChannels(
      { ...notice, feedback: { email: 'ghgs@example.gov.cn', address: '规划科信箱' }, contact: { unit: '规划科', email: 'other@example.gov.cn' } },
      site,
      'https://example.gov.cn/notices/planning/x/',
    );
    expect(channels.map((c) => c.kind)).toEqual(['email', 'post']);
    expect(channels[0]).toMatchObject({ address: 'ghgs@example.gov.cn' });
    expect(channels[1]).toEqual({ kind: 'post', recipient: '规划科', address: '规划科信箱', postcode: undefined });
  });
  it("falls back to the site's contact, with its postcode, and offers no e-mail where none is known", () => {
    const channels = opinionChannels(notice, site, 'https://example.gov.cn/');
    expect(channels[1]).toEqual({ kind: 'post', recipient: site.contact.unit, address: site.contact.address, postcode: '161000' });
    expect(opinionChannels(notice, { contact: { unit: '局' } }, 'https://example.gov.cn/')).toEqual([]);
  });
});

describe('the online form channel and the one rule for taking opinions', async () => {
  const { opinionWindow, takesOpinions, opinionFormHref } = await import('../../../src/lib/opinions.ts');
  it('offers the form first when asked, linking the request-time form page', () => {
    const channels = opinionChannels({ title: '某项目', feedback: { email: 'a@example.gov.cn' } }, { contact: { unit: '局' } }, 'https://example.gov.cn/', { form: { noticeId: 'gh-1' } });
    expect(channels[0]).toEqual({ kind: 'form', href: opinionFormHref('gh-1') });
    expect(opinionFormHref('gh 1')).toBe('/submit/opinion?notice=gh%201');
  });
  it('takes opinions from the window’s start (or the publication date) to the deadline, never when superseded', () => {
    const w = opinionWindow({ publishDate: '2026-11-20 09:00', feedback: { deadline: '2026-12-10' } });
    expect(w).toEqual({ start: '2026-11-20', end: '2026-12-10' });
    expect(takesOpinions(w, false, '2026-12-10')).toBe(true);
    expect(takesOpinions(w, false, '2026-12-11')).toBe(false);
    expect(takesOpinions(w, true, '2026-12-01')).toBe(false);
  });
});
