/**
 * A form post's body → its fields, strictly: the two encodings browsers send
 * (application/x-www-form-urlencoded, multipart/form-data), the body size
 * counted as it arrives (a chunked body has no Content-Length for
 * src/server/limits.ts to check), every text value valid UTF-8 (a form in
 * another encoding is refused, not stored as mojibake), each name once, no
 * name the form does not have. Never throws: every failure is a status and a
 * reason for the reader.
 */

export interface PostedFile {
  /** The sender's file name: text only, never a path. */
  name: string;
  bytes: Uint8Array;
}

export type FormBody =
  | { ok: true; fields: Map<string, string>; file?: PostedFile | undefined }
  | { ok: false; status: 400 | 413 | 415; reason: string };

export interface FormBodyRules {
  maxBytes: number;
  /** The names the form has (text fields, hidden fields). */
  fields: ReadonlySet<string>;
  /** The name of the one file field, if the form has one. */
  fileField?: string | undefined;
}

const fatal = new TextDecoder('utf-8', { fatal: true });
const NOT_UTF8 = '提交的内容不是 UTF-8 编码。请使用本站页面上的表单提交。';

/** Reads the body, refusing it as soon as it passes `max` bytes. */
async function readLimited(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | 'oversize' | 'aborted'> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        return 'oversize';
      }
      chunks.push(value);
    }
  } catch (e) {
    // Astro's own body limit (astro.config.mjs) ends the stream with an error; so does a client that goes away.
    return /limit/i.test(String((e as Error)?.message)) ? 'oversize' : 'aborted';
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Percent-decoding to bytes (application/x-www-form-urlencoded: '+' is a space), then strict UTF-8. */
function decodeComponent(s: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2b) bytes.push(0x20);
    else if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else return undefined; // the body was decoded as latin1: a raw non-ASCII byte is not urlencoded
  }
  try {
    return fatal.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

function parseUrlEncoded(body: Uint8Array): [string, string][] | undefined {
  const text = Buffer.from(body).toString('latin1');
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = decodeComponent(eq < 0 ? '' : part.slice(eq + 1));
    if (name === undefined || value === undefined) return undefined;
    pairs.push([name, value]);
  }
  return pairs;
}

/**
 * Whether every part of a multipart body that is not a file is valid UTF-8
 * (headers included: field names and file names). The platform's parser
 * below would replace bad bytes with U+FFFD silently.
 */
export function multipartTextIsUtf8(body: Uint8Array, boundary: string): boolean {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`);
  let at = buf.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    const next = buf.indexOf(delimiter, start);
    if (next < 0) break;
    const part = buf.subarray(start, next);
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = part.subarray(0, split);
      // The part's content ends with the CRLF before the next delimiter.
      const content = part.subarray(split + 4, Math.max(split + 4, part.length - 2));
      try {
        fatal.decode(headers);
        if (!/filename\*?=/i.test(headers.toString('latin1'))) fatal.decode(content);
      } catch {
        return false;
      }
    }
    at = next;
  }
  return true;
}

export async function readFormBody(request: Request, rules: FormBodyRules): Promise<FormBody> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const multipart = /^multipart\/form-data\s*;/.test(type);
  if (!multipart && !/^application\/x-www-form-urlencoded\s*(?:;|$)/.test(type)) return { ok: false, status: 415, reason: '请通过本站页面上的表单提交（不支持的内容类型）' };
  const charset = /;\s*charset="?([\w-]+)"?/.exec(type)?.[1];
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return { ok: false, status: 400, reason: NOT_UTF8 };
  const body = await readLimited(request, rules.maxBytes);
  if (body === 'oversize') return { ok: false, status: 413, reason: `提交的内容超过 ${Math.round(rules.maxBytes / 1024)} KB。请精简内容或缩小附件后重试。` };
  if (body === 'aborted') return { ok: false, status: 400, reason: '提交未完成：连接中断，请重试' };
  if (body.byteLength === 0) return { ok: false, status: 400, reason: '提交的内容为空。请填写表单后再提交。' };

  let entries: [string, string | File][];
  if (multipart) {
    const boundary = /boundary="?([^";]{1,70})"?/i.exec(request.headers.get('content-type') ?? '')?.[1];
    if (!boundary) return { ok: false, status: 400, reason: '表单格式无效（缺少 boundary）' };
    if (!multipartTextIsUtf8(body, boundary)) return { ok: false, status: 400, reason: NOT_UTF8 };
    try {
      const form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
      entries = [...form.entries()];
    } catch {
      return { ok: false, status: 400, reason: '表单格式无效，无法读取。请使用本站页面上的表单提交。' };
    }
  } else {
    const pairs = parseUrlEncoded(body);
    if (!pairs) return { ok: false, status: 400, reason: NOT_UTF8 };
    entries = pairs;
  }

  const fields = new Map<string, string>();
  let file: PostedFile | undefined;
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    if (seen.has(name)) return { ok: false, status: 400, reason: `表单项 ${name.slice(0, 40)} 重复` };
    seen.add(name);
    if (name === rules.fileField && typeof value !== 'string') {
      // A file input left empty still sends a part, with no name and no bytes.
      if (value.size > 0 || value.name !== '') file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
      continue;
    }
    if (typeof value !== 'string' || !rules.fields.has(name)) return { ok: false, status: 400, reason: `表单中没有“${name.slice(0, 40)}”这一项` };
    fields.set(name, value);
  }
  return { ok: true, fields, file };
}
