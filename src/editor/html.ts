/**
 * The editor's pages: one shell, escaped text, one stylesheet served from the
 * editor itself (no inline script or style: the editor's CSP allows neither).
 * The editor is a local tool for bureau staff (npm run editor); its pages are
 * never part of the public site.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values, escaped. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export type Crumb = { href?: string; text: string };

export function page(title: string, body: string, crumbs: Crumb[] = [], options: { refreshSeconds?: number } = {}): string {
  const trail = [{ href: '/', text: '编辑器首页' }, ...crumbs];
  const nav = trail
    .map((c, i) => (c.href && i < trail.length - 1 ? `<a href="${esc(c.href)}">${esc(c.text)}</a>` : `<span aria-current="page">${esc(c.text)}</span>`))
    .join(' <span aria-hidden="true">›</span> ');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · 数据编辑器</title>${options.refreshSeconds ? `\n<meta http-equiv="refresh" content="${options.refreshSeconds}">` : ''}
<link rel="stylesheet" href="/editor.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top"><p class="brand">数据编辑器 <span class="local">仅本机（127.0.0.1）</span></p><nav aria-label="位置">${nav}</nav></header>
<main id="main" tabindex="-1">
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** A POST form with the CSRF token: one button, for actions (预览, 发布). */
export function actionButton(action: string, label: string, csrf: string, fields: Record<string, string> = {}, primary = false): string {
  const hidden = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  return `<form method="post" action="${esc(action)}" class="inline"><input type="hidden" name="_csrf" value="${esc(csrf)}">${hidden}<button type="submit"${primary ? ' class="primary"' : ''}>${esc(label)}</button></form>`;
}

/** Styles: WCAG 2.1 AA contrast (text ≥ 4.5:1, borders and focus ≥ 3:1), large targets, a visible focus ring. */
export const EDITOR_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4d4d4d; --line: #6b6b6b; --accent: #8a1c12; --accent-ink: #fff; --bad: #a4000f; --warn: #6b4a00; --ok: #1e5e2b; --bg: #fff; --panel: #f5f3f0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
.top { background: var(--accent); color: var(--accent-ink); padding: 8px 24px; }
.top a, .top span { color: var(--accent-ink); }
.brand { margin: 0; font-weight: 700; } .local { font-weight: 400; font-size: 14px; margin-left: 8px; }
main { max-width: 60rem; margin: 0 auto; padding: 16px 24px 64px; }
h1 { font-size: 26px; margin: 16px 0; } h2 { font-size: 20px; margin: 24px 0 8px; }
a { color: #0b4f9c; } a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; } th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; } th { background: var(--panel); }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 16px 0; padding: 8px 16px 16px; } legend { font-weight: 700; padding: 0 4px; }
.field { margin: 12px 0; } .field label { display: block; font-weight: 700; }
.req { color: var(--bad); font-weight: 400; font-size: 14px; }
.hint { margin: 2px 0 4px; color: var(--muted); font-size: 14px; }
input[type=text], input[type=date], input[type=file], select, textarea { width: 100%; max-width: 40rem; font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); min-height: 40px; }
input[readonly] { background: var(--panel); }
textarea { min-height: 6rem; }
[aria-invalid=true] { border: 2px solid var(--bad); }
.error-text { color: var(--bad); margin: 4px 0; font-weight: 700; } .warn-text { color: var(--warn); margin: 4px 0; }
button { font: inherit; min-height: 44px; padding: 6px 16px; border: 2px solid var(--accent); border-radius: 4px; background: #fff; color: var(--accent); cursor: pointer; }
button.primary { background: var(--accent); color: var(--accent-ink); }
.inline { display: inline-block; margin: 0 8px 8px 0; }
.actions { margin: 24px 0; padding: 16px; background: var(--panel); border-radius: 4px; }
.problems { border: 2px solid var(--bad); padding: 8px 16px; margin: 16px 0; border-radius: 4px; }
.problems h2 { color: var(--bad); margin-top: 4px; }
.notice-ok { border: 2px solid var(--ok); color: var(--ok); padding: 8px 16px; border-radius: 4px; }
.notice-warn { border: 2px solid var(--warn); color: var(--warn); padding: 8px 16px; border-radius: 4px; }
table.problem-list td:nth-child(-n+4), table.problem-list th:nth-child(-n+4) { white-space: nowrap; }
pre.log { background: #1a1a1a; color: #f2f2f2; padding: 12px; overflow: auto; max-height: 28rem; font-size: 14px; white-space: pre-wrap; }
.sample { font-size: 14px; color: var(--muted); }
`;
