/**
 * The path of a request URL, decoded once and checked: a URL that does not
 * decode (`/%E4%B8`), holds a NUL or climbs out with `..` is refused (400)
 * before anything looks it up. The query string is left as it came: the
 * pages read it themselves (a map link whose query does not decode opens the
 * map with its "invalid link" notice, src/map/permalink.ts).
 */
export type RequestPath = { ok: true; pathname: string; search: string } | { ok: false; status: 400 | 414; reason: string };

/** Longest URL accepted (characters of the raw request target): nginx's default header buffer, 8 KB. */
export const MAX_URL_LENGTH = 8192;

export function parseRequestPath(target: string | undefined): RequestPath {
  if (target && target.length > MAX_URL_LENGTH) return { ok: false, status: 414, reason: `URL 超过 ${MAX_URL_LENGTH} 个字符` };
  if (!target || !target.startsWith('/')) return { ok: false, status: 400, reason: '请求目标不是路径' };
  const hash = target.indexOf('#');
  const raw = hash >= 0 ? target.slice(0, hash) : target;
  const q = raw.indexOf('?');
  const encoded = q >= 0 ? raw.slice(0, q) : raw;
  let pathname: string;
  try {
    pathname = decodeURIComponent(encoded);
  } catch {
    return { ok: false, status: 400, reason: '路径编码无效' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400, reason: '路径含非法字符' };
  if (pathname.split('/').some((s) => s === '..' || s === '.')) return { ok: false, status: 400, reason: '路径含 . 或 .. 段' };
  // Collapse repeated slashes, as nginx does (merge_slashes on).
  pathname = pathname.replace(/\/{2,}/g, '/');
  return { ok: true, pathname, search: q >= 0 ? raw.slice(q) : '' };
}
