/** scripts/make-sample-files.ts: real files marked 示例数据, and never for a record that is not sample data. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.ts';
import { photoScene, planSampleFiles, writeSamplePdf, writeSampleXlsx, type SampleSource } from '../../scripts/make-sample-files.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'sample-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// The font the test set-up installs for screenshots (fonts-noto-cjk).
const NOTO = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };
const src: SampleSource = { recordTitle: '示例地块出让公告（测试）', docNo: '齐自然资告字〔2026〕3号', publisher: '示例局', date: '2026-11-02', geometry: { type: 'Polygon', coordinates: [[[123.97, 47.337], [123.973, 47.337], [123.973, 47.339], [123.97, 47.337]]] } };

describe('sample attachments', () => {
  it('writes a real PDF and a real XLSX, each saying 示例数据', async () => {
    const pdf = path.join(tmp, 'a.pdf');
    await writeSamplePdf(pdf, { title: '宗地界址图', href: '/files/a.pdf' }, src, NOTO);
    expect((await fileTypeFromFile(pdf))?.mime).toBe('application/pdf');
    // Its document information (Keywords, Title) holds 示例数据 as a UTF-16BE string.
    const sample = Buffer.from('\ufeff示例数据', 'utf16le').swap16().toString('latin1');
    expect(readFileSync(pdf, 'latin1')).toContain(sample);
    const xlsx = path.join(tmp, 'a.xlsx');
    await writeSampleXlsx(xlsx, { title: '供地计划', href: '/files/a.xlsx' }, src);
    expect((await fileTypeFromFile(xlsx))?.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
  it('plans the missing files of sample records, and refuses those of a record that is not sample data', async () => {
    const dir = path.join(tmp, 'data');
    cpSync('tests/fixtures/minimal', dir, { recursive: true });
    rmSync(path.join(dir, 'files'), { recursive: true });
    const { dataset } = await loadDataset(dir, { checkFiles: false });
    const jobs = planSampleFiles(dataset!, dir).jobs;
    expect(jobs.map((j) => path.relative(dir, j.file))).toEqual(['files/notices/land/2026-g-015/churang-wenjian.pdf', 'files/red/sites/longsha-memorial/zhengmian.png']);
    // The site's photo is a placeholder drawing, made as one.
    expect(jobs.map((j) => j.photo ?? false)).toEqual([false, true]);

    const land = path.join(dir, 'notices/land/2026-g-015.yaml');
    writeFileSync(land, readFileSync(land, 'utf8').replace('sample: true', 'sample: false'));
    const { dataset: real } = await loadDataset(dir, { checkFiles: false });
    const plan = planSampleFiles(real!, dir);
    expect(plan.jobs.map((j) => path.relative(dir, j.file))).toEqual(['files/red/sites/longsha-memorial/zhengmian.png']);
    expect(plan.refused).toEqual(['2026-g-015: /files/notices/land/2026-g-015/churang-wenjian.pdf']);
  });
  it('never draws a photo that is not marked a placeholder: a photograph cannot be invented', async () => {
    const dir = path.join(tmp, 'data-photo');
    cpSync('tests/fixtures/minimal', dir, { recursive: true });
    rmSync(path.join(dir, 'files'), { recursive: true });
    const site = path.join(dir, 'red/sites/longsha-memorial.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('placeholder: true', 'placeholder: false'));
    const { dataset } = await loadDataset(dir, { checkFiles: false });
    const plan = planSampleFiles(dataset!, dir);
    expect(plan.jobs.map((j) => path.relative(dir, j.file))).toEqual(['files/notices/land/2026-g-015/churang-wenjian.pdf']);
    expect(plan.refused).toEqual(['longsha-memorial: /files/red/sites/longsha-memorial/zhengmian.png']);
  });
  it('draws the scene the alt text names', () => {
    expect(photoScene('示例绘图：烈士陵园纪念碑')).toBe('monument');
    expect(photoScene('林间抗联密营')).toBe('camp');
    expect(photoScene('展厅内景')).toBe('interior');
    expect(photoScene('两层旧式砖楼')).toBe('building');
  });
});
