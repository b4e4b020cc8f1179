/** The forms' signed token and the Origin check. */
import { describe, expect, it } from 'vitest';
import { formKey, issueFormToken, originAllowed, TOKEN_LIFETIME_MS, verifyFormToken } from '../../../src/submissions/form-token.ts';

const KEY = 'k'.repeat(32);
const NOW = Date.UTC(2026, 11, 1, 2);

describe('form token', () => {
  it('verifies a token for its form and returns its nonce (the idempotency key)', () => {
    const t = issueFormToken(KEY, 'opinion:gh-1', NOW);
    const v = verifyFormToken(KEY, t, 'opinion:gh-1', NOW + 60_000);
    expect(v.ok && v.nonce).toMatch(/^[\w-]{22}$/);
    expect(issueFormToken(KEY, 'application', NOW)).not.toBe(issueFormToken(KEY, 'application', NOW));
  });
  it('refuses a missing, malformed, re-signed, misdirected or expired token', () => {
    const t = issueFormToken(KEY, 'opinion:gh-1', NOW);
    expect(verifyFormToken(KEY, undefined, 'opinion:gh-1', NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyFormToken(KEY, 'abc', 'opinion:gh-1', NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyFormToken('x'.repeat(32), t, 'opinion:gh-1', NOW)).toEqual({ ok: false, reason: 'signature' });
    // A token whose form part is changed no longer matches its signature.
    expect(verifyFormToken(KEY, t.replace('gh-1', 'gh-2'), 'opinion:gh-2', NOW)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyFormToken(KEY, t, 'opinion:gh-2', NOW)).toEqual({ ok: false, reason: 'form' });
    expect(verifyFormToken(KEY, t, 'opinion:gh-1', NOW + TOKEN_LIFETIME_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyFormToken(KEY, t, 'opinion:gh-1', NOW - 10 * 60_000)).toEqual({ ok: false, reason: 'expired' });
  });
  it('takes the key from the environment, else one random key per process with a warning', () => {
    expect(formKey({ GEOPORTAL_FORM_KEY: KEY })).toBe(KEY);
    const warnings: string[] = [];
    const a = formKey({ GEOPORTAL_FORM_KEY: 'short' }, (m) => warnings.push(m));
    expect(a).not.toBe('short');
    expect(formKey({}, (m) => warnings.push(m))).toBe(a);
    expect(warnings).toHaveLength(1);
  });
});

describe('originAllowed', () => {
  it('accepts only the site’s origins and refuses a missing or opaque Origin', () => {
    const allowed = ['https://zrzy.example.gov.cn', 'http://127.0.0.1:4321'];
    expect(originAllowed('https://zrzy.example.gov.cn', allowed)).toBe(true);
    expect(originAllowed('HTTPS://ZRZY.EXAMPLE.GOV.CN', allowed)).toBe(true);
    for (const o of [undefined, null, '', 'null', 'https://evil.example', 'http://zrzy.example.gov.cn']) expect(originAllowed(o, allowed), String(o)).toBe(false);
  });
});
