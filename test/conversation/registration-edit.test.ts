// "Edit a field" from the summary: the runner's returnTo jumps to the field, asks any step the new answer makes
// necessary, then returns straight to the summary (unit test on a tiny dialog, then transcripts).
import { describe, expect, test as it } from '../support/fixtures.ts';
import { answerStep, startDialog } from '../../src/conversation/dialog-runner.ts';
import type { ActiveDialog } from '../../src/conversation/dialog-state.ts';
import type { DialogDefinition, DialogEnv } from '../../src/conversation/dialog-types.ts';
import { buttonsOf, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { fillForm, summaryText, withCheck } from './registration-form.ts';
import { birthDateAndSexOf } from '../../src/domain/identity/id-number.ts';

const text = (input: string) => ({ ok: true as const, value: input });
const tiny: DialogDefinition = {
  id: 'tiny',
  title: 't',
  finish: 'none',
  steps: [
    { id: 'a', prompt: 'ask.a', parse: text },
    { id: 'b', prompt: 'ask.b', parse: text, when: (s) => s.a === 'needs-b' },
    { id: 'c', prompt: 'ask.c', parse: text },
    { id: 'sum', prompt: 'ask.sum', parse: text, next: (s) => (s.sum === 'ok' ? { finish: true } : { goto: 'pick' }) },
    { id: 'pick', prompt: 'ask.pick', parse: text, next: (s) => ({ goto: String(s.pick), returnTo: 'sum' }) },
  ],
};
const env = { today: '2025-03-11', locale: 'zh-CN', mask: String, label: String } as unknown as DialogEnv;

function walk(answers: string[]): ActiveDialog {
  const start = startDialog(tiny, 'now', env);
  if (start.kind !== 'ask') throw new Error('expected a question');
  let active = start.active;
  for (const answer of answers) {
    const outcome = answerStep(tiny, active, answer, env);
    if (outcome.kind !== 'ask') throw new Error(`expected a question after ${answer}`);
    active = outcome.active;
  }
  return active;
}

describe('dialog runner: goto with returnTo', () => {
  it('asks the picked step, then returns to the summary, not to the next step', () => {
    const editing = walk(['1', '3', 'change', 'a']);
    expect(editing).toMatchObject({ step: 'a', returnTo: 'sum' });
    expect(editing.slots).not.toHaveProperty('a');
    const back = answerStep(tiny, editing, 'new', env);
    expect(back).toMatchObject({ kind: 'ask', active: { step: 'sum', slots: { a: 'new', c: '3' } }, replies: [{ key: 'ask.sum' }] });
    if (back.kind === 'ask') {
      expect(back.active.returnTo).toBeUndefined();
      expect(back.active.slots).not.toHaveProperty('sum');
    }
  });

  it('asks a step the new answer makes necessary before returning', () => {
    const editing = walk(['1', '3', 'change', 'a']);
    const needed = answerStep(tiny, editing, 'needs-b', env);
    expect(needed).toMatchObject({ kind: 'ask', active: { step: 'b', returnTo: 'sum' } });
    if (needed.kind !== 'ask') return;
    expect(answerStep(tiny, needed.active, '2', env)).toMatchObject({ kind: 'ask', active: { step: 'sum', slots: { a: 'needs-b', b: '2', c: '3' } } });
  });

  it('without returnTo the dialog walks on as before', () => {
    expect(walk(['1'])).toMatchObject({ step: 'c' });
    expect(walk(['1']).returnTo).toBeUndefined();
  });
});

let h: EngineHarness;
// The engine harness comes from the shared fixture, which closes it after each test.
it.beforeEach(({ harness }) => {
  h = harness;
});

describe('editing a field from the summary', () => {
  it('shows the fields as buttons, asks the one picked and comes straight back to the summary', async () => {
    await fillForm(h);
    const fields = await h.say('修改某项');
    expect(textOf(fields)).toBe(h.t('zh-CN', 'registration.edit.ask'));
    expect(buttonsOf(fields)).toContain('常住地');
    expect(buttonsOf(fields)).toContain('学历');
    expect(textOf(await h.say('常住地'))).toBe(h.t('zh-CN', 'registration.residence.ask'));
    const summary = await h.say('湛江市霞山区');
    expect(textOf(summary)).toBe(summaryText(h, 'zh-CN', { residence: '湛江市霞山区' }));
    await h.say('修改某项');
    await h.say('学历');
    expect(textOf(await h.say('本科'))).toBe(summaryText(h, 'zh-CN', { residence: '湛江市霞山区', education: h.t('zh-CN', 'education.bachelor') }));
    await h.say('确认提交');
    expect(JSON.parse((await h.db.registration.findFirstOrThrow()).details)).toMatchObject({ residence: '湛江市霞山区', education: 'bachelor' });
  });

  it('a new ID of a woman asks her post type before the summary; a field that does not apply is refused', async () => {
    await fillForm(h);
    await h.say('修改某项');
    expect((await h.say('岗位类别')).map((m) => m.text)).toEqual([h.t('zh-CN', 'registration.edit.notApplicable'), h.t('zh-CN', 'registration.edit.ask')]);
    await h.say('身份证号');
    expect(textOf(await h.say(withCheck('44080219900301002')))).toBe(h.t('zh-CN', 'registration.jobType.ask'));
    const summary = textOf(await h.say('生产/服务岗位'));
    expect(summary).toContain('身份证：4408************');
    expect(summary).toContain('岗位类别：生产/服务岗位');
    await h.say('确认提交');
    const person = await h.db.jobSeeker.findFirstOrThrow({ include: { registrations: true } });
    expect(birthDateAndSexOf(h.cipher.decrypt(person.idNumberEnc ?? ''))).toEqual({ sex: 'F', birthDate: '1990-03-01' });
    expect(JSON.parse(person.registrations[0]?.details ?? '')).toMatchObject({ retirementCategory: 'FEMALE_50' });
  });

  it('on a channel without buttons, with numbers, in English', async () => {
    await h.say('English');
    await fillForm(h, { buttons: false });
    const fields = textOf(await h.say('2', { buttons: false }));
    expect(fields).toContain(`${h.t('en', 'registration.edit.ask')}\n1. Name\n2. ID number`);
    expect(textOf(await h.say('1', { buttons: false }))).toBe(h.t('en', 'registration.name.ask'));
    expect(textOf(await h.say('Zhang San', { buttons: false }))).toContain('Name: Zhang San');
  });
});
