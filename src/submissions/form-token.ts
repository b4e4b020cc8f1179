/**
 * The forms' anti-forgery token (issue 14): a signed, time-limited token in a
 * hidden field, and the Origin check. The pages are static, so the token
 * cannot be baked into them: the request-time form pages (/submit/opinion?notice=…,
 * /submit/application) put a fresh one into their form, and the opinion form
 * on a notice page gets one from /submit/token.json when its script runs
 * (without JavaScript that form stays hidden and the page links to the form page).
 *
 * token = v1.<form>.<issued, base36 ms>.<nonce>.<HMAC-SHA256(key, the rest), base64url>
 * `form` names what it may be posted to (opinion:<notice id>, application), so a
 * token for one notice is refused for another. No server state: any instance
 * with the key verifies it. The nonce is the store's idempotency key, so a
 * token posted twice (a double click, a retried POST) gives the first receipt.
 *
 * The key is GEOPORTAL_FORM_KEY (at least 32 characters) from the environment,
 * never in the client bundle. Without it, a random key per process: forms
 * still work, but a form loaded before a restart, or from another instance,
 * is refused (the page says to reload it).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a loaded form may take to be sent: long opinions are written slowly. */
export const TOKEN_LIFETIME_MS = 4 * 60 * 60 * 1000;
/** Clock skew between instances that is tolerated for a token from "the future". */
const SKEW_MS = 60 * 1000;

const FORM = /^(?:opinion:[\w-]{1,100}|application)$/;

export type TokenVerdict = { ok: true; nonce: string } | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'form' | 'expired' };

const sign = (key: string, payload: string): string => createHmac('sha256', key).update(payload).digest('base64url');

/** A fresh token for `form` (opinion:<notice id> or application). */
export function issueFormToken(key: string, form: string, now = Date.now()): string {
  if (!FORM.test(form)) throw new RangeError(`invalid form name ${form.slice(0, 120)}`);
  const payload = `v1.${form}.${now.toString(36)}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${sign(key, payload)}`;
}

export function verifyFormToken(key: string, token: string | undefined, form: string, now = Date.now()): TokenVerdict {
  if (!token) return { ok: false, reason: 'missing' };
  const parts = token.length <= 400 ? token.split('.') : [];
  if (parts.length !== 5 || parts[0] !== 'v1' || !/^[\w-]{22}$/.test(parts[3]!) || !/^[0-9a-z]{1,12}$/.test(parts[2]!)) return { ok: false, reason: 'malformed' };
  const payload = parts.slice(0, 4).join('.');
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(parts[4]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  if (parts[1] !== form) return { ok: false, reason: 'form' };
  const issued = parseInt(parts[2]!, 36);
  if (issued > now + SKEW_MS || now - issued > TOKEN_LIFETIME_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce: parts[3]! };
}

/** What the reader is told for each refusal (the page offers to reload the form). */
export const TOKEN_MESSAGES: Record<Exclude<TokenVerdict, { ok: true }>['reason'], string> = {
  missing: '表单缺少校验码，可能是页面未完整加载。请重新打开表单后再提交。',
  malformed: '表单校验码无效。请重新打开表单后再提交。',
  signature: '表单校验码无效，可能是服务器已更新。请重新打开表单后再提交。',
  form: '表单校验码与提交的对象不符。请从相应页面重新打开表单。',
  expired: '表单打开时间过长（超过 4 小时），校验码已失效。请先复制已填写的内容，重新打开表单后再提交。',
};

let processKey: string | undefined;

/**
 * The signing key: GEOPORTAL_FORM_KEY, else a random key for this process
 * (`warn` is told once). A key shorter than 32 characters is refused rather
 * than used: it could be guessed.
 */
export function formKey(env: Record<string, string | undefined>, warn: (message: string) => void = console.warn): string {
  const configured = env['GEOPORTAL_FORM_KEY']?.trim();
  if (configured && configured.length >= 32) return configured;
  if (!processKey) {
    processKey = randomBytes(32).toString('base64url');
    warn(
      configured
        ? 'GEOPORTAL_FORM_KEY 少于 32 个字符，未使用；表单校验改用本进程的随机密钥'
        : '未设置 GEOPORTAL_FORM_KEY：表单校验使用本进程的随机密钥，重启后或多实例部署时，已打开的表单提交会被拒绝',
    );
  }
  return processKey;
}

/**
 * The Origin check: a browser sends Origin with every POST; a missing one, or
 * one that is not this site, is refused. `allowed` are the site's origins
 * (the request's own, the canonical https://<domain>, SITE_URL).
 */
export function originAllowed(origin: string | null | undefined, allowed: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  return allowed.includes(origin.toLowerCase());
}
