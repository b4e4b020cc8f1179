/**
 * The local editor in Chromium, as a clerk uses it with the keyboard: a new
 * 事后公开 decision whose save is refused (an unmasked name) and then
 * accepted, the spreadsheet upload page, and the preview of the saved
 * record's page, built and served by the editor. axe (WCAG 2.1 AA) on every
 * editor page on the way. The editor runs on a copy of the minimal fixture,
 * started here: it is a local tool, not part of the site under test.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type Editor } from '../../scripts/lib/editor-server.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { fixtureCopies } from '../unit/data/fixture-copies.ts';
import { injectAxe, launch } from './support.ts';

const copies = fixtureCopies('editor-e2e');
let browser: Browser;
let editor: Editor;
let page: Page;
let previewPort = 0;
// Inside the project, as the editor's own default (.build/preview): the served bundle imports packages from node_modules by its location.
const previewOut = path.resolve('.build', `preview-e2e-${process.pid}`);

beforeAll(async () => {
  const dir = copies.copy();
  previewPort = await freePort();
  editor = await startEditor({ dataDir: dir, port: 0, previewPort, previewDir: previewOut, liveDir: path.join(dir, '..', 'live') });
  browser = await launch();
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // Nothing but the editor and its preview.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' && (url.port === String(editor.port) || url.port === String(previewPort)) ? route.continue() : route.abort('blockedbyclient');
  });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await editor?.close();
  rmSync(previewOut, { recursive: true, force: true });
});

async function violations(p: Page): Promise<string[]> {
  await injectAxe(p, axe.source);
  const r = await p.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }));
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the editor', { timeout: 240_000 }, () => {
  it('takes a new decision by keyboard, refuses an unmasked name at its field, saves when corrected', async () => {
    await page.goto(editor.url);
    expect(await violations(page)).toEqual([]);
    await page.getByRole('link', { name: '新建执法信息' }).click();
    expect(await violations(page)).toEqual([]);
    // Fields by their label (required ones say so in it); typed, as a clerk does.
    const fill = async (label: string | RegExp, value: string) => {
      const field = page.getByLabel(label);
      await field.focus();
      await page.keyboard.type(value);
    };
    await page.getByLabel('类别（必填）').selectOption('行政处罚');
    await fill('标题（必填）', '示例非法占地案行政处罚决定（浏览器测试）');
    await fill(/^文号$/, '齐自然资罚〔2026〕60号');
    await page.getByLabel('所在区县（必填）').selectOption('龙沙区');
    await fill('发布日期（必填）', '2026-11-16');
    await fill(/^作出日期$/, '2026-11-12');
    await fill('执法机关（必填）', '齐齐哈尔市自然资源和规划局');
    await page.getByLabel('当事人类型').selectOption('自然人');
    await fill('当事人名称', '王建国');
    await fill(/^处罚内容$/, '罚款');
    await page.getByLabel('示例数据').selectOption('是');
    await page.getByRole('button', { name: '检查并保存' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('未保存：1 个错误');
    const name = page.getByLabel('当事人名称');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await name.getAttribute('aria-describedby').then((d) => d!.split(' ')[1])}`).textContent()).toContain('请改为“王某”');
    expect(await violations(page)).toEqual([]);
    await name.fill('王某');
    await page.getByRole('button', { name: '检查并保存' }).click();
    await page.waitForURL(/\/records\/enforcement\/zf-2026-cf-001\?saved=/);
    expect(await page.getByRole('status').first().textContent()).toContain('已保存 data/enforcement/zf-2026-cf-001.yaml，数据校验通过');
    expect(await violations(page)).toEqual([]);
  });
  it('shows the upload form accessibly', async () => {
    await page.goto(`${editor.url}import`);
    expect(await page.getByLabel('表格文件（XLSX 或 CSV）').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
  });
  it('builds a preview and serves the saved record’s page on 127.0.0.1', async () => {
    await page.goto(`${editor.url}records/enforcement/zf-2026-cf-001`);
    await page.getByRole('button', { name: '预览网站' }).click();
    await page.waitForURL(/\/jobs\/1$/);
    await expect.poll(async () => (await page.reload(), await page.locator('h1').textContent()), { timeout: 180_000, interval: 2000 }).toMatch(/预览：(完成|失败)/);
    expect(await page.locator('h1').textContent()).toBe('预览：完成');
    expect(await violations(page)).toEqual([]);
    const link = page.getByRole('link', { name: `http://127.0.0.1:${previewPort}/enforcement/zf-2026-cf-001/` });
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${previewPort}/enforcement/zf-2026-cf-001/`).catch(() => undefined))?.status, { timeout: 30_000 }).toBe(200);
    await link.click();
    await page.waitForURL(`http://127.0.0.1:${previewPort}/enforcement/zf-2026-cf-001/`);
    expect(await page.locator('h1').textContent()).toContain('示例非法占地案行政处罚决定（浏览器测试）');
    // Every page of the preview says it is one (src/lib/preview-build.ts), first thing after the skip link.
    const banner = page.getByRole('note', { name: '预览提示' });
    expect(await banner.textContent()).toContain('预览：尚未发布。本页为编辑中的数据生成的预览，公众看不到。');
    expect(await page.locator('body > [data-preview-banner]').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
  });
});
