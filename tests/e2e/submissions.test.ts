/**
 * The public's forms in the browser (issue 14), each page checked with axe
 * (WCAG 2.1 A/AA): the opinion form of an open 批前公示 without JavaScript (the
 * notice page links the form page; a plain POST answers the receipt page) and
 * with it (the form on the notice page, validated inline with the schema, then
 * the same POST), and the 依申请公开 application with its receipt and the
 * statutory reply date.
 */
import axe from 'axe-core';
import type { Browser, Page, Response as PlaywrightResponse } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChineseDate, todayInShanghai } from '../../src/lib/dates.ts';
import { openOpinionNotice } from '../../src/submissions/opinion-notices.ts';
import { creditCodeCheckChar } from '../../src/lib/identifiers.ts';
import { urls } from '../../src/lib/urls.ts';
import { WorkingDayCalendar } from '../../src/lib/workdays.ts';
import { statutoryReplyDate } from '../../src/submissions/reply-date.ts';
import { at, injectAxe, launch, newContext, published } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await injectAxe(page, axe.source);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 120)}`) }));
  });
}

/** What an answer says, as one line of text: the message of a status that is not the one expected. */
const pageText = async (r: PlaywrightResponse): Promise<string> => (await r.text()).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').slice(0, 600);

const RECEIPT = /^YJ-\d{8}-\d{4,}$/;
const view = await published();
const today = todayInShanghai();
// The open 批前公示 whose window ends last: the server decides with the same rule, today.
const open = openOpinionNotice(view, today);
if (!open) throw new Error(`示例数据中没有 ${today} 仍在征求意见的批前公示：tests/sample-day.ts 的日期和示例公告的日期要一起改`);

describe('opinion on an open 批前公示', () => {
  // axe needs JavaScript in the page: the same markup is checked with it in the next test (form, messages, receipt).
  it('without JavaScript: the notice page links the form page, a plain POST answers the receipt page', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(at(open!.url));
    // The form on the static page needs a token only its script fetches: hidden, the link is the way in.
    expect(await page.locator('form[data-submission-form]').isVisible()).toBe(false);
    await page.locator('[data-opinion-form-link] a').click();
    await page.waitForURL(/\/submit\/opinion\?notice=/);
    expect(await page.locator('h1').textContent()).toBe('在线提交意见');
    expect(await page.locator('.privacy-notice').textContent()).toContain('个月，期满后删除');
    // First without a name: the server answers the form again, the reader's text in it as text, escaped.
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>建议增加北侧退让距离。';
    await page.fill('#opinion-phone', '13912345678');
    await page.fill('#opinion-opinion', script);
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit/opinion') && r.request().method() === 'POST'), page.click('form[data-submission-form] button[type=submit]')]);
    expect(refused.status(), await pageText(refused)).toBe(400);
    expect(await page.locator('#opinion-name-error').textContent()).toContain('匿名');
    expect(await page.locator('#opinion-opinion').inputValue()).toBe(script);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await refused.text()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    await page.fill('#opinion-name', '张三');
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit/opinion') && r.request().method() === 'POST'), page.click('form[data-submission-form] button[type=submit]')]);
    expect(res.status(), await pageText(res)).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('意见已收到');
    expect(await page.locator('[data-receipt-no]').textContent()).toMatch(RECEIPT);
    expect(await page.locator('[data-receipt]').textContent()).toContain('公示期满后');
    await context.close();
  });

  it('with JavaScript: the form on the notice page validates inline with the schema, then posts; axe with the messages shown', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(at(open!.url));
    const form = page.locator('form[data-submission-form="opinion"]');
    await form.waitFor({ state: 'visible' });
    expect(await form.locator('input[name="token"]').inputValue()).toMatch(/^v1\.opinion:/);
    // Submit empty: nothing leaves the page, the summary takes the focus and each field says what is wrong.
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(page.url()).toBe(at(open!.url));
    expect(await page.locator('#opinion-opinion').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#opinion-opinion-error').textContent()).toBe('此项必填');
    expect(await page.locator('#opinion-name-error').textContent()).toContain('匿名');
    expect(await axeViolations(page)).toEqual([]);
    // Field by field: a message goes as soon as the value is right.
    await page.check('#opinion-anonymous');
    await page.fill('#opinion-opinion', '建议');
    await page.locator('#opinion-opinion').blur();
    expect(await page.locator('#opinion-opinion-error').textContent()).toBe('至少 5 个字');
    expect(await page.locator('#opinion-name-error').isVisible()).toBe(false);
    await page.fill('#opinion-opinion', '建议在项目北侧增加绿化隔离带。');
    await page.locator('#opinion-opinion').blur();
    expect(await page.locator('#opinion-opinion-error').isVisible()).toBe(false);
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit/opinion') && r.request().method() === 'POST'), form.locator('button[type=submit]').click()]);
    expect(res.status(), await pageText(res)).toBe(200);
    expect(await page.locator('[data-receipt-no]').textContent()).toMatch(RECEIPT);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(context.cspViolations).toEqual([]);
    await context.close();
  });
});

describe('依申请公开', () => {
  it('the guide and the catalogue are reachable and pass axe', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(at(urls.disclosure));
    expect(await page.locator('h1').textContent()).toContain('政府信息公开指南');
    expect(await page.locator(`a[href="${urls.submitApplication}"]`).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(at(urls.disclosureCatalogue));
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(at(`${urls.disclosureCatalogue}planning/`));
    const listed = await page.locator('tbody tr').count();
    expect(listed).toBe(Math.min(100, view.noticesByKind.planning.length));
    await context.close();
  });

  it('the application form: inline validation, then the receipt with the statutory reply date; axe', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(at(urls.submitApplication));
    expect(await axeViolations(page)).toEqual([]);
    const code = `91230200MA1B2C3D4${creditCodeCheckChar('91230200MA1B2C3D4')}`;
    await page.check('#application-applicantType-1');
    await page.fill('#application-name', '某某科技有限公司');
    await page.check('#application-idType-0');
    await page.fill('#application-idNumber', code);
    await page.fill('#application-phone', '0452-2345678');
    await page.fill('#application-description', '2025 年龙沙区某地块的建设用地规划许可证及附图');
    await page.check('#application-format-0');
    await page.check('#application-delivery-1');
    await page.click('form[data-submission-form] button[type=submit]');
    // The cross-field rules of 条例 Art 29 as the schema states them, before anything is sent.
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
    expect(page.url()).toBe(at(urls.submitApplication));
    expect(await page.locator('#application-idType-error').textContent()).toContain('统一社会信用代码');
    expect(await page.locator('#application-email-error').textContent()).toContain('电子邮箱');
    expect(await page.locator('#application-representative-error').textContent()).toContain('法定代表人');
    expect(await axeViolations(page)).toEqual([]);
    await page.check('#application-idType-5');
    await page.fill('#application-representative', '王某');
    await page.fill('#application-email', 'office@example.com');
    await page.check('#application-format-1');
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit/application') && r.request().method() === 'POST'), page.click('form[data-submission-form] button[type=submit]')]);
    expect(res.status(), await pageText(res)).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('申请已收到');
    expect(await page.locator('[data-receipt-no]').textContent()).toMatch(/^SQ-\d{8}-\d{4,}$/);
    // The reply date the server counted on the calendar the build published; past it, the rule only.
    const reply = statutoryReplyDate(new WorkingDayCalendar(view.holidayYears), todayInShanghai());
    const replyText = await page.locator('[data-reply-by]').textContent();
    if (reply.covered) expect(replyText).toContain(formatChineseDate(reply.date));
    else expect(replyText).toContain(`跨入 ${reply.year} 年`);
    expect(replyText).toContain('20 个工作日');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(context.cspViolations).toEqual([]);
    await context.close();
  });
});
