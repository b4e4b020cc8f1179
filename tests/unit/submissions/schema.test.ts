/** The submission schemas: what the forms render from them, what they accept and refuse, and how a submission splits. */
import { describe, expect, it } from 'vitest';
import { formFields, formValues, parseSubmission, splitSubmission } from '../../../src/schema/submission.ts';

const application = { applicantType: '公民', name: '李四', idType: '护照', idNumber: 'E12345678', phone: '0452-2345678', description: '2025 年某地块的建设用地规划许可证', format: '纸质', delivery: '自行领取' };

describe('formFields', () => {
  it('renders each form from its schema: labels, required, lengths, choices, personal marks', () => {
    const opinion = formFields('opinion');
    const byName = Object.fromEntries(opinion.map((f) => [f.name, f]));
    expect(opinion.map((f) => f.name)).toEqual(['anonymous', 'name', 'relation', 'phone', 'email', 'address', 'opinion']);
    expect(byName['opinion']).toMatchObject({ title: '意见内容', input: 'textarea', required: true, maxLength: 5000, minLength: 5, personal: false });
    expect(byName['name']).toMatchObject({ required: false, requiredWhen: '不匿名时必填', personal: true, maxLength: 50 });
    expect(byName['relation']!.options).toEqual(['利害关系人', '其他公众']);
    const app = Object.fromEntries(formFields('application').map((f) => [f.name, f]));
    expect(app['delivery']!.options).toContain('电子邮件');
    expect(app['idNumber']).toMatchObject({ required: true, personal: true });
    expect(app['description']).toMatchObject({ personal: false, required: true });
  });
});

describe('parseSubmission', () => {
  it('accepts a signed opinion and an anonymous one, keeping HTML as inert text', () => {
    const signed = parseSubmission('opinion', { name: '张三', phone: '139 1234 5678', opinion: '<script>alert(1)</script>日照不足' });
    expect(signed.ok && signed.value.opinion).toBe('<script>alert(1)</script>日照不足');
    expect(parseSubmission('opinion', { anonymous: true, opinion: '建议增加绿地' }).ok).toBe(true);
  });
  it('refuses with one message per field: missing name and contact, short text, unknown keys, control characters', () => {
    expect(parseSubmission('opinion', { opinion: '短' })).toEqual({
      ok: false,
      errors: { opinion: '至少 5 个字', name: '请填写姓名，或选择匿名提交', phone: '请至少填写联系电话或电子邮箱之一，以便本局答复' },
    });
    expect(parseSubmission('opinion', { anonymous: true, opinion: '意见意见意见', evil: 'x' })).toEqual({ ok: false, errors: { evil: '表单中没有此项' } });
    const bad = parseSubmission('opinion', { anonymous: true, opinion: '意见\u0000意见', email: 'not-an-email' });
    expect(bad.ok === false && Object.keys(bad.errors).sort()).toEqual(['email', 'opinion']);
    expect(parseSubmission('opinion', { anonymous: true, opinion: 'x'.repeat(5001) }).ok).toBe(false);
  });
  it('checks an application per 条例 Art 29: identity, organisation, how to receive', () => {
    expect(parseSubmission('application', application).ok).toBe(true);
    expect(parseSubmission('application', { ...application, idType: '居民身份证', idNumber: '110101199003077777' })).toMatchObject({ ok: false, errors: { idNumber: expect.stringContaining('校验位') } });
    expect(parseSubmission('application', { ...application, idType: '居民身份证', idNumber: '11010519491231002X' }).ok).toBe(true);
    const org = parseSubmission('application', { ...application, applicantType: '法人或者其他组织' });
    expect(org.ok === false && Object.keys(org.errors).sort()).toEqual(['idType', 'representative']);
    const email = parseSubmission('application', { ...application, delivery: '电子邮件' });
    expect(email.ok === false && Object.keys(email.errors).sort()).toEqual(['email', 'format']);
    expect(parseSubmission('application', { ...application, delivery: '邮寄' })).toMatchObject({ ok: false, errors: { address: '选择邮寄的，请填写通信地址' } });
    expect(parseSubmission('application', {})).toMatchObject({ ok: false, errors: { name: '此项必填', applicantType: '请选择申请人类型' } });
  });
});

describe('formValues and splitSubmission', () => {
  it('reads a form as the schema wants it (blank left out, box ticked, CRLF) and splits personal from content', () => {
    const fields = formFields('opinion');
    const form: Record<string, string> = { anonymous: '1', name: '  ', phone: '13912345678', opinion: '第一行\r\n第二行 ' };
    const values = formValues(fields, (n) => form[n]);
    expect(values).toEqual({ anonymous: true, phone: '13912345678', opinion: '第一行\n第二行' });
    const parsed = parseSubmission('opinion', { ...values, name: '张三' });
    if (!parsed.ok) throw new Error('expected valid');
    // Anonymous: the name is not kept even if typed.
    expect(splitSubmission('opinion', parsed.value)).toEqual({ content: { anonymous: true, opinion: '第一行\n第二行' }, personal: { phone: '13912345678' } });
    const app = parseSubmission('application', application);
    if (!app.ok) throw new Error('expected valid');
    const split = splitSubmission('application', app.value);
    expect(Object.keys(split.personal).sort()).toEqual(['idNumber', 'idType', 'name', 'phone']);
    expect(Object.keys(split.content).sort()).toEqual(['applicantType', 'delivery', 'description', 'format']);
  });
});
