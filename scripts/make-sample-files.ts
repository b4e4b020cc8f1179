/**
 * npm run make:sample-files: writes the attachments that sample records
 * link and that are missing under data/files/ — small, real files, each
 * marked 示例数据 in its content and metadata:
 *
 * - PDF (pdfkit, with a subset of the TrueType font of Debian's
 *   fonts-droid-fallback): the record's title, 文号, the attachment's title,
 *   and for maps and plans (…图, 范围) the record's geometry drawn to scale;
 * - JPG / PNG (Debian's Chromium through playwright-core): the same as a
 *   picture, with a 示例 watermark; a red site's placeholder photo
 *   (`placeholder: true`) is a simple drawing of the kind of place the
 *   photo's alt text names, marked 示例图 and 非实景照片 (writeSamplePhoto);
 * - XLSX (exceljs): the record's table (供地计划 rows, 抽查事项) or its facts.
 *
 * It never writes for a record without `sample: true`: real attachments come
 * from the bureau, never from this tool. `--force` rewrites existing files.
 */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { chromium, type Browser } from 'playwright-core';
import { formatIssue, loadDataset, resolveDataDir, type Dataset } from '../src/data/load.ts';
import { isLocalFile, sourceOf } from '../src/data/files.ts';
import { verticesOf, type Attachment, type Geometry } from '../src/schema/index.ts';

/** A TrueType CJK font: its glyphs subset small (a CFF font such as Noto CJK makes each PDF about 70 KB). */
export const SAMPLE_FONT = { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' };
export type FontSpec = { path: string; family?: string };
const SAMPLE_LINE = '示例数据：本文件为演示网站功能而生成，不是真实的审批、交易或执法文件，不具有任何效力。';

/** What a sample attachment says about its record. */
export type SampleSource = { recordTitle: string; docNo?: string | undefined; publisher: string; date: string; geometry?: Geometry | undefined; rows?: string[][] | undefined };

/** The drawing of a geometry in a w × h box, y up, with a margin: polygons and points as SVG-like paths. */
function project(g: Geometry, w: number, h: number, margin = 20): { rings: [number, number][][]; points: [number, number][] } {
  const v = verticesOf(g);
  const xs = v.map((p) => p[0]);
  const ys = v.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Longitude degrees shrink with latitude: scale x by cos(lat) so shapes keep their proportions.
  const kx = Math.cos(((minY + maxY) / 2) * (Math.PI / 180));
  const span = Math.max((maxX - minX) * kx, maxY - minY, 1e-9);
  const s = Math.min(w - 2 * margin, h - 2 * margin) / span;
  const at = ([x, y]: number[]): [number, number] => [margin + (x! - minX) * kx * s, h - margin - (y! - minY) * s];
  const rings: [number, number][][] = [];
  const points: [number, number][] = [];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const poly of polys) for (const ring of poly) rings.push(ring.map(at));
  if (g.type === 'LineString') rings.push(g.coordinates.map(at));
  if (g.type === 'Point') points.push(at(g.coordinates));
  if (g.type === 'MultiPoint') points.push(...g.coordinates.map(at));
  return { rings, points };
}

const isDrawing = (title: string) => /图|范围|样图/.test(title);

/**
 * Writes a line in two fonts: the CJK font has no Latin letters or digits,
 * which take Helvetica (a PDF standard font, so nothing is embedded for them).
 */
function line(doc: PDFKit.PDFDocument, text: string, cjk: string, options: PDFKit.Mixins.TextOptions = {}): void {
  const runs = text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? [''];
  runs.forEach((run, i) => doc.font(/^[\x20-\x7e]+$/.test(run) ? 'Helvetica' : cjk).text(run, { baseline: 'alphabetic', ...options, continued: i < runs.length - 1 }));
}

/** A one-page A4 PDF. */
export async function writeSamplePdf(file: string, a: Attachment, src: SampleSource, font: FontSpec = SAMPLE_FONT): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, lang: 'zh-CN', displayTitle: true, info: { Title: `${a.title}（示例数据）`, Subject: SAMPLE_LINE, Author: src.publisher, Keywords: '示例数据' } });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('cjk', font.path, font.family);
  doc.fillColor('#b3261e').fontSize(11);
  line(doc, SAMPLE_LINE, 'cjk');
  doc.moveDown(1.2).fillColor('#000000').fontSize(20);
  line(doc, a.title, 'cjk');
  doc.moveDown(0.6).fontSize(11);
  line(doc, src.recordTitle, 'cjk');
  if (src.docNo) line(doc, `文号：${src.docNo}`, 'cjk');
  line(doc, `${src.publisher}　${src.date}`, 'cjk');
  if (src.geometry && isDrawing(a.title)) {
    const [x0, y0, w, h] = [56, doc.y + 24, 483, 360];
    doc.rect(x0, y0, w, h).lineWidth(0.5).stroke('#777777');
    const { rings, points } = project(src.geometry, w, h);
    for (const ring of rings) doc.polygon(...ring.map(([x, y]) => [x0 + x, y0 + y] as [number, number])).lineWidth(1.5).stroke('#b3261e');
    for (const [x, y] of points) doc.circle(x0 + x, y0 + y, 5).fill('#b3261e');
    doc.fillColor('#000000').fontSize(9).text('', x0, y0 + h + 8);
    line(doc, '示意：按记录中的坐标（CGCS2000）绘制，仅供演示，不作为界址依据。', 'cjk');
  }
  if (src.rows?.length) {
    doc.moveDown(1).fontSize(10);
    for (const row of src.rows.slice(0, 30)) line(doc, row.join('　'), 'cjk');
  }
  doc.end();
  await once(out, 'finish');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A 720 × 480 picture (JPG or PNG) rendered in Chromium. */
export async function writeSampleImage(browser: Browser, file: string, a: Attachment, src: SampleSource, type: 'jpeg' | 'png'): Promise<void> {
  const [w, h] = [720, 480];
  const drawing = src.geometry ? project(src.geometry, 360, 300) : undefined;
  const svg = drawing
    ? `<svg width="360" height="300" style="border:1px solid #999;background:#fbf7ee">${drawing.rings.map((r) => `<polygon points="${r.map((p) => p.join(',')).join(' ')}" fill="rgba(179,38,30,.12)" stroke="#b3261e" stroke-width="2"/>`).join('')}${drawing.points.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="6" fill="#b3261e"/>`).join('')}</svg>`
    : '';
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.setContent(`<!doctype html><html lang="zh-CN"><body style="margin:0;width:${w}px;height:${h}px;font-family:'Noto Sans CJK SC',sans-serif;position:relative;overflow:hidden;background:#fff">
<div style="position:absolute;inset:0;display:flex;align-items:center;justify-content:center;font-size:160px;color:rgba(179,38,30,.08);transform:rotate(-20deg)">示例</div>
<div style="padding:20px 28px;position:relative"><p style="margin:0;color:#b3261e;font-weight:bold;font-size:15px">示例数据 · 非真实文件</p>
<h1 style="margin:8px 0 4px;font-size:26px">${escapeHtml(a.title)}</h1><p style="margin:0 0 12px;font-size:14px">${escapeHtml(src.recordTitle)}</p>${svg}</div></body></html>`);
  await page.screenshot({ path: file, type, ...(type === 'jpeg' ? { quality: 70 } : {}) });
  await page.close();
}

/** The scene a placeholder photo draws, from the words of its alt text. */
export function photoScene(alt: string): 'monument' | 'camp' | 'interior' | 'building' {
  if (/纪念碑|碑/.test(alt)) return 'monument';
  if (/密营|林间|营地/.test(alt)) return 'camp';
  if (/展厅|内景|展墙/.test(alt)) return 'interior';
  return 'building';
}

const SCENES: Record<ReturnType<typeof photoScene>, string> = {
  monument: `<rect x="0" y="300" width="640" height="100" fill="#d9cfb8"/><polygon points="300,60 340,60 352,300 288,300" fill="#e8e2d4" stroke="#7a6f5c" stroke-width="3"/><polygon points="320,30 330,52 310,52" fill="#b3261e"/><rect x="250" y="300" width="140" height="18" fill="#c9bfa8" stroke="#7a6f5c" stroke-width="2"/><rect x="230" y="318" width="180" height="18" fill="#c9bfa8" stroke="#7a6f5c" stroke-width="2"/>${[90, 150, 490, 550].map((x) => `<polygon points="${x},190 ${x - 34},300 ${x + 34},300" fill="#2f5d3a"/><rect x="${x - 6}" y="300" width="12" height="22" fill="#5d4037"/>`).join('')}`,
  camp: `<rect x="0" y="290" width="640" height="110" fill="#8a9a5b"/>${[60, 130, 520, 590].map((x) => `<polygon points="${x},120 ${x - 40},290 ${x + 40},290" fill="#2f5d3a"/>`).join('')}<polygon points="220,300 320,200 420,300" fill="#7b5e3b" stroke="#4e3b24" stroke-width="3"/><rect x="300" y="250" width="40" height="50" fill="#3e2c18"/>${[0, 1, 2, 3].map((i) => `<line x1="240" y1="${280 - i * 18}" x2="400" y2="${280 - i * 18}" stroke="#4e3b24" stroke-width="2"/>`).join('')}`,
  interior: `<rect x="0" y="0" width="640" height="400" fill="#efe6d2"/><rect x="0" y="320" width="640" height="80" fill="#b9a98a"/>${[70, 230, 390].map((x) => `<rect x="${x}" y="90" width="130" height="100" fill="#fff" stroke="#7a6f5c" stroke-width="4"/><rect x="${x + 12}" y="102" width="106" height="76" fill="#c9c2b2"/>`).join('')}<rect x="60" y="220" width="520" height="14" fill="#b3261e"/><rect x="250" y="250" width="140" height="70" fill="#d8cdb4" stroke="#7a6f5c" stroke-width="3"/>`,
  building: `<rect x="0" y="310" width="640" height="90" fill="#d9cfb8"/><rect x="150" y="120" width="340" height="190" fill="#b9775a" stroke="#6d3f2c" stroke-width="4"/><polygon points="140,120 320,60 500,120" fill="#8d4a33"/>${[0, 1, 2, 3, 4].map((i) => `<rect x="${180 + i * 62}" y="150" width="34" height="50" fill="#f3ead7" stroke="#6d3f2c" stroke-width="2"/><rect x="${180 + i * 62}" y="230" width="34" height="50" fill="#f3ead7" stroke="#6d3f2c" stroke-width="2"/>`).join('')}<rect x="300" y="250" width="40" height="60" fill="#5d3a28"/><line x1="320" y1="60" x2="320" y2="10" stroke="#555" stroke-width="3"/><rect x="320" y="10" width="36" height="22" fill="#b3261e"/>`,
};

/**
 * A red site's placeholder photo: a flat drawing of the kind of place, 640 × 400,
 * with 示例图 across it and a strip saying it is drawn, not photographed.
 */
export async function writeSamplePhoto(browser: Browser, file: string, a: Attachment, src: SampleSource, type: 'jpeg' | 'png'): Promise<void> {
  const [w, h] = [640, 400];
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.setContent(`<!doctype html><html lang="zh-CN"><body style="margin:0;width:${w}px;height:${h}px;overflow:hidden;font-family:'Noto Sans CJK SC',sans-serif">
<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg"><rect width="${w}" height="${h}" fill="#cfe3f0"/>${SCENES[photoScene(a.title)]}
<text x="${w / 2}" y="230" text-anchor="middle" font-size="150" fill="rgba(179,38,30,.18)" transform="rotate(-14 ${w / 2} 200)">示例图</text>
<rect x="0" y="${h - 40}" width="${w}" height="40" fill="rgba(0,0,0,.62)"/><text x="16" y="${h - 14}" font-size="17" fill="#fff">示例图 · 绘制的占位图，非实景照片 · ${escapeHtml(src.recordTitle)}</text></svg></body></html>`);
  await page.screenshot({ path: file, type, ...(type === 'jpeg' ? { quality: 75 } : {}) });
  await page.close();
}

/** A workbook with one sheet: the sample line, then the record's rows or facts. */
export async function writeSampleXlsx(file: string, a: Attachment, src: SampleSource): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = src.publisher;
  wb.subject = SAMPLE_LINE;
  wb.keywords = '示例数据';
  const sheet = wb.addWorksheet('示例数据');
  sheet.addRow([SAMPLE_LINE]).font = { color: { argb: 'FFB3261E' }, bold: true };
  sheet.addRow([a.title]).font = { bold: true, size: 14 };
  sheet.addRow([src.recordTitle]);
  if (src.docNo) sheet.addRow(['文号', src.docNo]);
  sheet.addRow([]);
  for (const row of src.rows ?? [['发布机构', src.publisher], ['发布日期', src.date]]) sheet.addRow(row);
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 40;
  await wb.xlsx.writeFile(file);
}

type Job = { a: Attachment; src: SampleSource; file: string; photo?: boolean };

/**
 * The files to write: every missing local attachment (every one with
 * `force`) of a sample record; those of records that are not sample data are
 * refused, never invented.
 */
export function planSampleFiles(dataset: Dataset, dataDir: string, force = false): { jobs: Job[]; refused: string[] } {
  const bureau = dataset.site.bureauName;
  const jobs: Job[] = [];
  const refused: string[] = [];
  const add = (sample: boolean, list: readonly Attachment[], src: SampleSource, id: string) => {
    for (const a of list) {
      if (!isLocalFile(a.href)) continue;
      const file = sourceOf(dataDir, a.href);
      if (!force && existsSync(file)) continue;
      if (!sample) refused.push(`${id}: ${a.href}`);
      else jobs.push({ a, src, file });
    }
  };
  for (const n of dataset.notices) {
    const geometry = n.geometry ?? (n.kind === 'land' && n.parcels[0]?.geometry ? n.parcels[0].geometry : undefined);
    const rows = n.kind === 'land' && n.supplyPlan ? [['用途', '新增（公顷）', '存量（公顷）'], ...n.supplyPlan.rows.map((r) => [r.use, String(r.newHa), String(r.existingHa)])] : undefined;
    add(n.sample, n.attachments, { recordTitle: n.title, docNo: n.docNo, publisher: n.publisher ?? bureau, date: n.publishDate.slice(0, 10), geometry, rows }, n.id);
  }
  for (const r of dataset.enforcement) {
    const rows = r.items.length ? [['检查事项', '检查主体', '检查依据', '检查方式'], ...r.items.map((i) => [i.item, i.subject, i.basis, i.method])] : undefined;
    add(r.sample, r.attachments, { recordTitle: r.title, docNo: r.docNo, publisher: r.authority, date: r.publishDate.slice(0, 10), geometry: r.location, rows }, r.id);
  }
  // A 基准地价 document, once for all the zones it approves: their grades and prices as its table.
  const lpDocs = new Set<string>();
  for (const z of dataset.landPriceZones) {
    const fresh = z.documents.filter((d) => !lpDocs.has(d.href));
    fresh.forEach((d) => lpDocs.add(d.href));
    const zones = dataset.landPriceZones.filter((o) => o.approval.docNo === z.approval.docNo);
    const price = (o: (typeof zones)[number], use: string) => String(o.prices.find((p) => p.use === use)?.yuanPerM2 ?? '—');
    const rows = [['级别', '商服（元/平方米）', '住宅（元/平方米）', '工业（元/平方米）'], ...zones.map((o) => [o.name, price(o, '商服'), price(o, '住宅'), price(o, '工业')])];
    add(z.sample, fresh, { recordTitle: z.approval.title, docNo: z.approval.docNo, publisher: z.approval.authority, date: z.approval.date, rows }, z.id);
  }
  // A site's photo is drawn only as a placeholder that says so: a photograph cannot be invented.
  for (const s of dataset.redSites)
    for (const p of s.photos) {
      const file = sourceOf(dataDir, p.href);
      if (!force && existsSync(file)) continue;
      if (!s.sample || !p.placeholder) refused.push(`${s.id}: ${p.href}`);
      else jobs.push({ a: { title: p.alt, href: p.href }, src: { recordTitle: s.name, publisher: s.managingUnit, date: s.updated }, file, photo: true });
    }
  return { jobs, refused };
}

async function main(): Promise<number> {
  const force = process.argv.includes('--force');
  const dataDir = resolveDataDir();
  const { dataset, issues } = await loadDataset(dataDir, { checkFiles: false });
  if (!dataset) {
    for (const i of issues.filter((x) => x.severity === 'error')) console.error(formatIssue(i));
    console.error('数据校验未通过，未生成任何附件。');
    return 1;
  }
  const { jobs, refused } = planSampleFiles(dataset, dataDir, force);
  if (refused.length) console.error(`以下记录不是示例数据，不生成附件（真实附件须由本局提供）：\n${refused.join('\n')}`);
  if (jobs.some((j) => /\.pdf$/i.test(j.file)) && !existsSync(SAMPLE_FONT.path)) {
    console.error(`缺少字体 ${SAMPLE_FONT.path}：请安装 Debian 软件包 fonts-droid-fallback`);
    return 1;
  }
  let browser: Browser | undefined;
  try {
    for (const j of jobs) {
      mkdirSync(path.dirname(j.file), { recursive: true });
      const ext = path.extname(j.file).toLowerCase();
      if (ext === '.pdf') await writeSamplePdf(j.file, j.a, j.src);
      else if (ext === '.xlsx') await writeSampleXlsx(j.file, j.a, j.src);
      else if (ext === '.jpg' || ext === '.jpeg' || ext === '.png') {
        browser ??= await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
        if (j.photo) await writeSamplePhoto(browser, j.file, j.a, j.src, ext === '.png' ? 'png' : 'jpeg');
        else await writeSampleImage(browser, j.file, j.a, j.src, ext === '.png' ? 'png' : 'jpeg');
      } else {
        console.error(`不能生成 ${ext} 示例附件：${j.file}`);
        continue;
      }
      console.log(`已生成 ${path.relative(process.cwd(), j.file)}`);
    }
  } finally {
    await browser?.close();
  }
  console.log(`共生成 ${jobs.length} 个示例附件。`);
  return refused.length ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main();
