/**
 * npm run docs:screenshots: the README's pictures of the editor, the import
 * errors and the preview (the PNG files in docs/images/), taken with playwright-core
 * driving Debian's Chromium with fonts-noto-cjk (installed with apt-get when
 * missing and allowed), on a copy of the sample data, by the steps the
 * README's chapter for bureau editors describes. Run it again after changing
 * the editor, the forms or the import messages.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startEditor } from './lib/editor-server.ts';
import { freePort } from './lib/free-port.ts';
import { CHROMIUM, ensurePackages } from './lib/system-deps.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs', 'images');
ensurePackages([
  { name: 'chromium', present: () => existsSync(CHROMIUM) },
  { name: 'fonts-noto-cjk', present: () => spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.trim() !== '' },
]);

const work = mkdtempSync(path.join(tmpdir(), 'geoportal-screenshots-'));
const dataDir = path.join(work, 'data');
cpSync(path.join(ROOT, 'data'), dataDir, { recursive: true });
const previewOut = path.join(ROOT, '.build', `preview-screenshots-${process.pid}`);
const previewPort = await freePort();
const editor = await startEditor({ dataDir, port: 0, previewPort, previewDir: previewOut, liveDir: path.join(work, 'live') });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'] });
const shots: string[] = [];
try {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1200, height: 860 } });
  const page = await context.newPage();
  const shot = async (name: string, fullPage = false) => {
    const file = path.join(OUT, name);
    await page.screenshot({ path: file, fullPage });
    shots.push(path.relative(ROOT, file));
  };

  // 1. The editor's home: every record type, the import, preview and publish.
  await page.goto(editor.url);
  await shot('editor-home.png');

  // 2. A new 事后公开 decision, refused at the field: the party's full name.
  await page.goto(`${editor.url}records/enforcement/new`);
  await page.locator('#f-category').selectOption('行政处罚');
  await page.locator('#f-title').fill('齐齐哈尔示例商贸有限公司非法占用土地案行政处罚决定');
  await page.locator('#f-docNo').fill('齐自然资罚〔2026〕35号');
  await page.locator('#f-district').selectOption('建华区');
  await page.locator('#f-publishDate').fill('2026-11-20');
  await page.locator('#f-decisionDate').fill('2026-11-16');
  await page.locator('#f-authority').fill('齐齐哈尔市自然资源和规划局');
  await page.locator('#f-party-type').selectOption('个体工商户');
  await page.locator('#f-party-name').fill('李建国');
  await page.locator('#f-facts').fill('当事人未经批准占用集体土地 1200 平方米建设仓储用房（示例）。');
  await page.locator('#f-result').fill('责令退还非法占用的土地，并处罚款 24000 元');
  await page.locator('#f-fineYuan').fill('24000');
  await page.locator('#f-sample').selectOption('是');
  await page.getByRole('button', { name: '检查并保存' }).click();
  await page.waitForLoadState();
  await shot('editor-form-error.png');
  await page.locator('#f-party-name').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await shot('editor-field-error.png');
  await page.locator('#f-party-name').fill('李某');
  await page.getByRole('button', { name: '检查并保存' }).click();
  await page.waitForURL(/saved=/);
  const saved = page.url().replace(/\?.*$/, '');
  await shot('editor-saved.png');

  // 3. A 台账 with mistakes, uploaded on the import page: every problem by row and column, nothing written.
  const header = '类别,标题,文号,所在区县,发布日期,作出日期,执法机关,当事人类型,当事人名称,处罚内容,金额（元）,示例数据';
  const rows = [
    '行政处罚,示例案一行政处罚决定,齐自然资罚〔2026〕36号,龙沙区,2026-11-20,46342,齐齐哈尔市自然资源和规划局,法人或其他组织,齐齐哈尔示例甲有限公司,罚款,１２０００,是',
    '行政处罚,示例案二行政处罚决定,齐自然资罚〔2026〕35号,龙沙区,2026-11-20,2026-11-16,齐齐哈尔市自然资源和规划局,自然人,王建国,罚款,8000,是',
    '行政检查,示例检查结果,齐自然资检〔2026〕7号,火星区,2026/11/20,16/11/2026,齐齐哈尔市自然资源和规划局,法人或其他组织,齐齐哈尔示例乙有限公司,未发现违法行为,,是',
  ];
  await page.goto(`${editor.url}import?kind=enforcement`);
  await page.locator('#file').setInputFiles({ name: '执法台账.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`) });
  await page.getByRole('button', { name: '上传并检查' }).click();
  await page.waitForLoadState();
  await shot('import-errors.png', true);

  // 4. The preview of the saved decision's page, built and served by the editor.
  await page.goto(saved);
  await page.getByRole('button', { name: '预览网站' }).click();
  for (let i = 0; i < 240 && !/预览：(完成|失败)/.test((await page.locator('h1').textContent()) ?? ''); i++) await page.waitForTimeout(2000);
  await shot('preview-job.png');
  const href = await page.locator('.notice-ok a').getAttribute('href');
  if (!href) throw new Error(`preview failed: ${await page.locator('pre').textContent()}`);
  for (let i = 0; i < 30; i++) if ((await fetch(href).catch(() => undefined))?.status === 200) break; else await new Promise((r) => setTimeout(r, 1000));
  await page.goto(href);
  await shot('preview.png');
} finally {
  await browser.close();
  await editor.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(previewOut, { recursive: true, force: true });
}
console.log(`已更新：\n${shots.map((s) => `  ${s}`).join('\n')}`);
