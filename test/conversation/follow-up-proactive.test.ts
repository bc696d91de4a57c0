// The monthly prompt sent from our side: the prompter puts the conversation at the follow-up question and
// returns the messages; the person's reply (days later, buttons or numbers) lands in the follow-up dialog.
import { afterEach, describe, expect, it } from 'vitest';
import { createEnginePrompter } from '../../src/conversation/create-engine.ts';
import { regionPolicy } from '../../src/config/region-policy.ts';
import type { ProactivePrompter } from '../../src/conversation/proactive-prompt.ts';
import { buttonsOf, createEngineHarness, textOf, type EngineHarness } from '../support/engine-harness.ts';
import { beijing, seedPerson } from './follow-up-fixtures.ts';

let h: EngineHarness;
afterEach(async () => {
  await h.close();
});

function prompterOf(harness: EngineHarness): ProactivePrompter {
  return createEnginePrompter({ repos: harness.repos, firstContact: { firstContactBy: () => ({ date: '', provisional: false, source: '' }) }, idleHours: 72, policy: regionPolicy('440800') });
}

describe.each(['zh-CN', 'en'] as const)('monthly prompt in %s', (locale) => {
  it('prompt, then four days later the person taps "找到工作了": ledger row and deregistration fact', async () => {
    h = await createEngineHarness();
    const person = await seedPerson(h, { locale });
    const messages = await prompterOf(h).prompt({ conversationKey: h.conversationKey(), dialogId: 'followUp', at: beijing('2025-04-11'), jobSeekerId: person.jobSeekerId, locale });
    expect(messages.map((m) => m.text)).toEqual([h.t(locale, 'followUp.ask')]);
    expect(buttonsOf(messages)).toContain(h.t(locale, 'followUp.choices.hired'));
    expect(await h.state()).toMatchObject({ active: { dialog: 'followUp', step: 'situation' }, jobSeekerId: person.jobSeekerId, locale });

    const reply = await h.say(h.t(locale, 'followUp.choices.hired'), { value: 'hired', at: beijing('2025-04-15') });
    expect(reply.map((m) => m.text)).toEqual([h.t(locale, 'followUp.thanks.hired'), h.t(locale, 'followUp.caseworkerWillConfirm'), h.t(locale, 'menu.after')]);
    expect(await h.db.contactRecord.findMany({ where: { jobSeekerId: person.jobSeekerId } })).toMatchObject([{ kind: 'follow_up_reply', outcome: 'hired', actor: 'job_seeker' }]);
    expect(await h.db.handoffCase.findMany({ where: { jobSeekerId: person.jobSeekerId } })).toMatchObject([{ kind: 'deregistration_fact', reason: 'hired' }]);
    expect(await h.db.registration.findUnique({ where: { id: person.registrationId } })).toMatchObject({ status: 'pending_review' });
    expect(await h.db.auditEvent.count({ where: { action: 'proactive.prompted' } })).toBe(1);
    const out = await h.db.transcriptMessage.findMany({ where: { conversationKey: h.conversationKey(), direction: 'out' }, orderBy: { at: 'asc' } });
    expect(out[0]?.text).toBe(h.t(locale, 'followUp.ask'));
  });

  it('on a channel without buttons the prompt is numbered and "1" is still looking', async () => {
    h = await createEngineHarness();
    const person = await seedPerson(h, { locale });
    const [message] = await prompterOf(h).prompt({ conversationKey: h.conversationKey(), dialogId: 'followUp', at: beijing('2025-04-11'), buttons: false, jobSeekerId: person.jobSeekerId, locale });
    expect(message?.text.split('\n')[1]).toBe(`1. ${h.t(locale, 'followUp.choices.looking')}`);
    expect(textOf(await h.say('1', { buttons: false }))).toContain(h.t(locale, 'followUp.thanks.looking'));
  });

  it('is deferred while a caseworker has the conversation or another dialog is under way', async () => {
    h = await createEngineHarness();
    const person = await seedPerson(h, { locale });
    await h.say('登记');
    const prompter = prompterOf(h);
    expect(await prompter.prompt({ conversationKey: h.conversationKey(), dialogId: 'followUp', at: h.now() })).toEqual([]);
    expect(await h.state()).toMatchObject({ active: { dialog: 'registration' } });
    await h.say('人工');
    await h.say('取消');
    await h.say('人工');
    const [open] = await h.repos.handoffs.listOpen('440800');
    await h.repos.handoffs.claim(open?.id ?? '', 'cw-1');
    expect(await prompter.prompt({ conversationKey: h.conversationKey(), dialogId: 'followUp', at: h.now(), jobSeekerId: person.jobSeekerId })).toEqual([]);
    expect(await h.db.auditEvent.count({ where: { action: 'proactive.deferred' } })).toBe(2);
  });
});
