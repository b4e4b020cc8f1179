/**
 * The public's forms in the browser (loaded by page.ts only on a page with a
 * form, with a dynamic import): inline validation with the same schema the
 * server uses (src/schema/submission.ts), field by field as the reader leaves
 * it and all at once on submit, with an error summary that takes the focus.
 * A valid form is sent as the plain POST it is without JavaScript, so the
 * result page is the same.
 *
 * On a static page (a notice page) the form has no token: this script asks
 * /submit/token.json for one and only then shows the form; if that fails the
 * page's link to the form page remains the way in.
 */
import './zod-jitless.ts';
import { formFields, formValues, OPINION_ATTACHMENT, parseSubmission, type FieldErrors, type SubmissionFormKind } from '../schema/submission.ts';

function bind(form: HTMLFormElement): void {
  const kind = form.dataset['submissionForm'] as SubmissionFormKind;
  const prefix = form.dataset['idPrefix'] ?? kind;
  const fields = formFields(kind);
  const titles = new Map<string, string>([...fields.map((f) => [f.name, f.title] as [string, string]), [OPINION_ATTACHMENT.name, '附件']]);
  const touched = new Set<string>();
  const summary = form.querySelector<HTMLElement>('[data-error-summary]')!;
  form.noValidate = true;

  const value = (name: string): string | undefined => {
    const els = form.elements.namedItem(name);
    if (!els) return undefined;
    if (els instanceof RadioNodeList) return els.value || undefined;
    if (els instanceof HTMLInputElement && els.type === 'checkbox') return els.checked ? '1' : undefined;
    return (els as HTMLInputElement | HTMLTextAreaElement).value;
  };

  const check = (): FieldErrors => {
    const parsed = parseSubmission(kind, formValues(fields, value));
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    const file = form.querySelector<HTMLInputElement>(`input[type=file][name="${OPINION_ATTACHMENT.name}"]`)?.files?.[0];
    if (file) {
      const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
      if (file.size > OPINION_ATTACHMENT.maxBytes) errors[OPINION_ATTACHMENT.name] = `附件超过 ${OPINION_ATTACHMENT.maxBytes / 1024 / 1024} MB，请压缩或分开后通过电子邮件、邮寄提交`;
      else if (!['pdf', 'jpg', 'jpeg', 'png'].includes(ext)) errors[OPINION_ATTACHMENT.name] = `附件只能是 ${Object.values(OPINION_ATTACHMENT.types).join('、')} 文件`;
    }
    return errors;
  };

  const show = (name: string, message: string | undefined): void => {
    const line = form.querySelector<HTMLElement>(`#${CSS.escape(`${prefix}-${name}-error`)}`);
    const target = form.querySelector<HTMLElement>(`#${CSS.escape(`${prefix}-${name}`)}`);
    if (line) {
      line.textContent = message ?? '';
      line.hidden = !message;
    }
    if (message) target?.setAttribute('aria-invalid', 'true');
    else target?.removeAttribute('aria-invalid');
  };

  const showSummary = (errors: FieldErrors): void => {
    const list = summary.querySelector('[data-error-list]')!;
    list.replaceChildren(
      ...Object.entries(errors).map(([name, message]) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `#${prefix}-${name}`;
        a.textContent = `${titles.get(name) ?? name}：${message}`;
        li.append(a);
        return li;
      }),
    );
    summary.querySelector('[data-error-count]')!.textContent = String(Object.keys(errors).length);
    summary.hidden = Object.keys(errors).length === 0;
  };

  // As the reader leaves a field: that field's message (and those of fields already visited, whose rule may read it).
  form.addEventListener('focusout', (e) => {
    const name = (e.target as HTMLInputElement).name;
    if (!name || !titles.has(name)) return;
    touched.add(name);
    const errors = check();
    for (const n of touched) show(n, errors[n]);
  });
  form.addEventListener('change', (e) => {
    const name = (e.target as HTMLInputElement).name;
    if (name && touched.has(name)) {
      const errors = check();
      for (const n of touched) show(n, errors[n]);
    }
  });
  form.addEventListener('submit', (e) => {
    // From the first attempt on, every field's message follows its value.
    for (const name of titles.keys()) touched.add(name);
    const errors = check();
    for (const name of titles.keys()) show(name, errors[name]);
    showSummary(errors);
    if (Object.keys(errors).length === 0) return;
    e.preventDefault();
    summary.focus();
  });
}

async function fetchToken(form: HTMLFormElement): Promise<void> {
  const src = form.dataset['tokenSrc']!;
  const res = await fetch(src, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
  if (!res.ok) throw new Error(`${src}: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  form.querySelector<HTMLInputElement>('input[name="token"]')!.value = token;
  form.hidden = false;
  const box = form.closest<HTMLElement>('[data-opinion-form-box]');
  if (box) box.hidden = false;
}

export function mountSubmissionForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-submission-form]')) {
    bind(form);
    // A form still inside an ended opinion section (page.ts removed it) or without a token source needs nothing more.
    if (form.dataset['tokenSrc'] && form.isConnected) fetchToken(form).catch((e: unknown) => console.warn('[forms] 在线意见表无法加载，请使用页面上的链接：', e));
  }
}
