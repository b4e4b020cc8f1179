/**
 * The opinion's attachment: its type sniffed from its bytes with file-type
 * (the name's extension and the browser's declared type are not trusted), its
 * size and its name checked. The name is kept as text only, never a path.
 */
import { fileTypeFromBuffer } from 'file-type';
import { OPINION_ATTACHMENT } from '../schema/submission.ts';
import type { SubmissionAttachment } from '../store/types.ts';
import type { PostedFile } from './form-data.ts';

export type AttachmentVerdict = { ok: true; attachment: SubmissionAttachment } | { ok: false; reason: string };

/** The last path segment, without control characters, at most the allowed length. */
export function attachmentName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(/[\u0000-\u001F\u007F]/g, '').trim();
  return [...clean].slice(0, OPINION_ATTACHMENT.maxNameLength).join('') || '附件';
}

export async function checkAttachment(file: PostedFile): Promise<AttachmentVerdict> {
  const kinds = Object.values(OPINION_ATTACHMENT.types).join('、');
  if (file.bytes.byteLength === 0) return { ok: false, reason: '附件是空文件，请重新选择' };
  if (file.bytes.byteLength > OPINION_ATTACHMENT.maxBytes) return { ok: false, reason: `附件超过 ${OPINION_ATTACHMENT.maxBytes / 1024 / 1024} MB，请压缩或分开后通过电子邮件、邮寄提交` };
  const sniffed = await fileTypeFromBuffer(file.bytes).catch(() => undefined);
  if (!sniffed || !Object.hasOwn(OPINION_ATTACHMENT.types, sniffed.mime)) return { ok: false, reason: `附件只能是 ${kinds} 文件（按文件内容识别）` };
  return { ok: true, attachment: { name: attachmentName(file.name), mediaType: sniffed.mime, bytes: file.bytes } };
}
