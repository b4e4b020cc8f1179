/**
 * Attachments that exist. A local attachment /files/<path> is the file
 * data/files/<path>: the loader checks that it is there and that its
 * content is what its extension says (file-type reads the magic bytes), and
 * takes its size from the file. The build copies exactly the files that
 * published records link, so an attachment of a withdrawn record, or a file
 * nobody links, never reaches the site.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { LOCAL_FILE, type AttachmentFormat, type DataIssue } from '../schema/index.ts';

/** A local file an attachment points to, as found on disk. */
export interface LocalFile {
  /** Absolute path under data/files/. */
  source: string;
  bytes: number;
  format: AttachmentFormat;
}

/** File extension → format, and the MIME types file-type may report for it. */
const FORMATS: Record<string, { format: AttachmentFormat; mime: readonly string[] }> = {
  pdf: { format: 'PDF', mime: ['application/pdf'] },
  ofd: { format: 'OFD', mime: ['application/zip'] },
  jpg: { format: 'JPG', mime: ['image/jpeg'] },
  jpeg: { format: 'JPG', mime: ['image/jpeg'] },
  png: { format: 'PNG', mime: ['image/png'] },
  docx: { format: 'DOCX', mime: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
  xlsx: { format: 'XLSX', mime: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  zip: { format: 'ZIP', mime: ['application/zip'] },
};

/** Larger files are allowed, but an editor is asked whether a 50 MB scan is what the public should download. */
const LARGE_BYTES = 20 * 1024 * 1024;

export const isLocalFile = (href: string): boolean => LOCAL_FILE.test(href);

/** The file under data/files/ that a local href names. */
export function sourceOf(dataDir: string, href: string): string {
  return path.join(dataDir, 'files', ...href.slice('/files/'.length).split('/'));
}

/** A record's attachments (and a red site's photos) as the loader saw them. */
export type AttachmentUse = { file: string; field: string; href: string; format?: AttachmentFormat | undefined };

/**
 * Checks every local attachment once (a file linked by several records is
 * read once) and returns what was found, keyed by href.
 */
export async function inspectAttachments(dataDir: string, uses: readonly AttachmentUse[], issues: DataIssue[]): Promise<Map<string, LocalFile>> {
  const found = new Map<string, LocalFile>();
  const problems = new Map<string, string>();
  const hrefs = [...new Set(uses.filter((u) => isLocalFile(u.href)).map((u) => u.href))];
  await Promise.all(
    hrefs.map(async (href) => {
      const source = sourceOf(dataDir, href);
      const ext = path.extname(source).slice(1).toLowerCase();
      const expected = FORMATS[ext];
      const where = path.relative(process.cwd(), source);
      if (!expected) return problems.set(href, `附件格式“.${ext}”不在允许之列（${Object.keys(FORMATS).join('、')}）`);
      const info = await stat(source).catch(() => undefined);
      if (!info) return problems.set(href, `附件文件不存在：应放在 ${where}`);
      if (!info.isFile()) return problems.set(href, `附件 ${where} 不是文件`);
      if (info.size === 0) return problems.set(href, `附件文件 ${where} 是空的`);
      const type = await fileTypeFromFile(source).catch(() => undefined);
      if (!type || !expected.mime.includes(type.mime))
        return problems.set(href, `附件 ${where} 的内容不是 ${expected.format}${type ? `（实际是 ${type.ext.toUpperCase()}）` : ''}：请检查文件是否损坏或扩展名是否写错`);
      found.set(href, { source, bytes: info.size, format: expected.format });
      return undefined;
    }),
  );
  for (const u of uses) {
    const problem = problems.get(u.href);
    if (problem) issues.push({ file: u.file, field: u.field, reason: problem, severity: 'error' });
    const local = found.get(u.href);
    if (!local) continue;
    if (u.format && u.format !== local.format)
      issues.push({ file: u.file, field: u.field.replace(/href$/, 'format'), reason: `写明的格式 ${u.format} 与文件实际格式 ${local.format} 不符（本地附件的格式由文件决定，可不填）`, severity: 'error' });
    if (local.bytes > LARGE_BYTES)
      issues.push({ file: u.file, field: u.field, reason: `附件有 ${Math.round(local.bytes / 1048576)} MB，公众下载较慢：请确认是否需要压缩`, severity: 'warning' });
  }
  return found;
}

/** Copies the published files into the site's client directory, at their /files/ paths. */
export async function copyPublishedFiles(files: ReadonlyMap<string, LocalFile>, clientDir: string): Promise<number> {
  for (const [href, f] of files) {
    const target = path.join(clientDir, ...href.split('/').filter(Boolean));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(f.source, target);
  }
  return files.size;
}

const MIME: Record<AttachmentFormat, string> = {
  PDF: 'application/pdf',
  OFD: 'application/ofd',
  JPG: 'image/jpeg',
  PNG: 'image/png',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ZIP: 'application/zip',
};

/** `astro dev`: answers a request for a published file from data/files/; false when the path is not one. */
export function servePublishedFile(files: ReadonlyMap<string, LocalFile>, pathname: string, res: ServerResponse): boolean {
  let href: string;
  try {
    href = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const f = files.get(href);
  if (!f) return false;
  res.writeHead(200, { 'content-type': MIME[f.format], 'content-length': String(f.bytes) });
  createReadStream(f.source).pipe(res);
  return true;
}
