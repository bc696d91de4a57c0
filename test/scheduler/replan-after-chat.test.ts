// Issue 12, re-planning after what a person says in chat, through the real dialogs and then an outreach tick: a
// refusal of monthly follow-up (every 6 months where the pack allows it), a reported job (no offers, one check-in,
// until they say it fell through), and withdrawn consent (nothing planned or sent until they give it again).
import { afterEach, describe, expect, it } from 'vitest';
import { buttonsOf, createEngineHarness, HARNESS_CHANNEL, textOf, type EngineHarness, type EngineHarnessOptions } from '../support/engine-harness.ts';
import { beijing, seedPerson } from '../conversation/follow-up-fixtures.ts';
import { createOutreachDeliveryRepository } from '../../src/persistence/outreach-delivery-repository.ts';
import { createOutreachTick } from '../../src/scheduler/create-outreach-tick.ts';
import { calendar, fixedPrompter, localizer, loopChannel, packs, SETTINGS } from './outreach-world.ts';

const open: EngineHarness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function harness(options: EngineHarnessOptions = {}): Promise<EngineHarness> {
  const h = await createEngineHarness(options);
  open.push(h);
  return h;
}

/** The tick as main.ts wires it, over the harness's database, sending into the harness's channel. */
function outreachOver(h: EngineHarness, horizonDays: number) {
  let now = h.now();
  const channel = loopChannel(() => now, HARNESS_CHANNEL);
  const tick = createOutreachTick({
    plans: h.repos.outreach, deliveries: createOutreachDeliveryRepository(h.db), contacts: h.repos.ledger, audit: h.repos.audit, packs, calendar,
    channels: [channel], buttonChannels: [], prompter: fixedPrompter, localizer, settings: { ...SETTINGS, OUTREACH_HORIZON_DAYS: horizonDays },
  });
  return {
    channel,
    tick: (at: Date) => tick((now = at)),
  };
}

async function pending(h: EngineHarness, jobSeekerId: string, kind?: string): Promise<string[]> {
  const rows = await h.repos.outreach.listForJobSeeker(jobSeekerId);
  return rows.filter((r) => r.status === 'pending' && (kind === undefined ? true : kind.endsWith('_') ? r.kind.startsWith(kind) : r.kind === kind)).map((r) => (kind === 'check_in' ? r.period ?? '' : `${r.kind}:${r.period}`));
}

const texts = async (h: EngineHarness, said: string) => textOf(await h.say(said));

describe('a refusal of monthly follow-up in chat', () => {
  it('in Wenzhou leaves only the 6-monthly check-ins after the next tick', async () => {
    const h = await harness({ regionCode: '330300' });
    const { jobSeekerId } = await seedPerson(h, { regionCode: '330302', status: 'registered', registeredAt: beijing('2025-01-06') });
    const outreach = outreachOver(h, 200);
    await outreach.tick(beijing('2025-03-11'));
    expect(await pending(h, jobSeekerId, 'check_in')).toEqual(['m2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);

    await h.say('报告近况');
    expect(await texts(h, '不用每月联系')).toContain('每 6 个月联系一次');
    await outreach.tick(new Date(h.now().getTime() + 60_000));
    expect(await pending(h, jobSeekerId, 'check_in')).toEqual(['m6']);
    // The same rows changed: none was added.
    expect((await h.repos.outreach.listForJobSeeker(jobSeekerId)).filter((r) => r.kind === 'check_in')).toHaveLength(7);
  });
});

describe('a job reported in chat', () => {
  it('stops the quota offers and keeps only the next check-in; "still looking" brings them back', async () => {
    const h = await harness();
    const { jobSeekerId } = await seedPerson(h, { regionCode: '440802', status: 'registered', registeredAt: beijing('2025-01-06') });
    const outreach = outreachOver(h, 400);
    await outreach.tick(beijing('2025-03-11'));
    const quotaBefore = await pending(h, jobSeekerId, 'quota_');
    expect(quotaBefore.filter((k) => k.startsWith('quota_jobs:y1'))).toEqual(['quota_jobs:y1-1', 'quota_jobs:y1-2', 'quota_jobs:y1-3']);
    expect((await pending(h, jobSeekerId, 'check_in')).length).toBeGreaterThan(5);

    // Reported on 2025-03-11, inside month 2 (03-06 … 04-05): month 3 is the next check-in.
    expect(await texts(h, '找到工作了')).toContain(h.t('zh-CN', 'followUp.caseworkerWillConfirm'));
    await outreach.tick(new Date(h.now().getTime() + 60_000));
    expect(await pending(h, jobSeekerId, 'quota_')).toEqual([]);
    expect(await pending(h, jobSeekerId, 'check_in')).toEqual(['m3']);
    expect(await h.db.handoffCase.count({ where: { jobSeekerId, kind: 'deregistration_fact', status: 'open' } })).toBe(1);

    await h.say('报告近况');
    expect(await texts(h, '还在找工作')).toContain(h.t('zh-CN', 'followUp.thanks.looking'));
    await outreach.tick(new Date(h.now().getTime() + 60_000));
    expect(await pending(h, jobSeekerId, 'quota_')).toEqual(quotaBefore);
    expect((await pending(h, jobSeekerId, 'check_in')).slice(0, 2)).toEqual(['m2', 'm3']);
    expect(await h.db.auditEvent.count({ where: { action: { in: ['registration.exit_reported', 'registration.exit_report_cleared'] }, subjectType: 'registration' } })).toBe(2);
  });
});

describe('consent withdrawn in chat', () => {
  it('explains, asks with buttons, then nothing is planned or sent; a caseworker is told; consent given again resumes', async () => {
    const h = await harness();
    // Registered yesterday: the first contact goes out at 09:00 today unless consent is withdrawn.
    const { jobSeekerId } = await seedPerson(h, { regionCode: '440802', status: 'registered', registeredAt: beijing('2025-03-10') });
    const outreach = outreachOver(h, 35);

    const asked = await h.say('撤回授权');
    expect(textOf(asked)).toBe(h.t('zh-CN', 'consent.withdraw.ask'));
    expect(buttonsOf(asked)).toEqual(['确定撤回', '暂不撤回']);
    expect(await texts(h, '暂不撤回')).toContain(h.t('zh-CN', 'consent.withdraw.kept'));
    expect(await h.db.jobSeeker.findUniqueOrThrow({ where: { id: jobSeekerId } })).toMatchObject({ consentWithdrawnAt: null });

    await h.say('撤回授权');
    const done = await texts(h, '确定撤回');
    expect(done).toContain(h.t('zh-CN', 'consent.withdraw.done'));
    expect(await h.db.handoffCase.count({ where: { jobSeekerId, kind: 'consent_withdrawn', status: 'open' } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { action: 'consent.withdrawn', subjectId: jobSeekerId } })).toBe(1);

    expect(await outreach.tick(beijing('2025-03-11'))).toMatchObject({ planned: 0, sent: 0 });
    expect(await outreach.tick(beijing('2025-04-14'))).toMatchObject({ planned: 0, sent: 0 });
    expect(outreach.channel.sent).toEqual([]);
    expect(await pending(h, jobSeekerId)).toEqual([]);

    // Saying it twice changes nothing more; "恢复授权" then lets outreach plan and send again.
    expect(await texts(h, '撤回授权')).toContain(h.t('zh-CN', 'consent.withdraw.already'));
    await h.say('恢复授权');
    expect(await texts(h, '确定恢复')).toContain(h.t('zh-CN', 'consent.restore.done'));
    const resumed = await outreach.tick(new Date(h.now().getTime() + 60_000));
    expect(resumed.sent).toBe(1);
    expect(outreach.channel.sent).toHaveLength(1);
  });

  it('is not started by a negation, and not from a conversation that is not linked to the person', async () => {
    const h = await harness();
    await seedPerson(h, { regionCode: '440802', status: 'registered', registeredAt: beijing('2025-03-10') });
    expect(await texts(h, '我不想撤回授权')).not.toContain(h.t('zh-CN', 'consent.withdraw.ask'));
    const refused = await h.say('撤回授权', { conversationId: 'stranger' });
    expect(textOf(refused)).toContain(h.t('zh-CN', 'consent.notLinked'));
    // The refusal suggests 转人工, and shows it as a button.
    expect(buttonsOf(refused)).toEqual(['失业登记', '转人工', '主菜单']);
    expect(await h.db.jobSeeker.count({ where: { consentWithdrawnAt: { not: null } } })).toBe(0);
  });

  it('works in English', async () => {
    const h = await harness();
    await seedPerson(h, { regionCode: '440802', status: 'registered', registeredAt: beijing('2025-03-10'), locale: 'en' });
    await h.say('English');
    const asked = await h.say('withdraw consent');
    expect(textOf(asked)).toBe(h.t('en', 'consent.withdraw.ask'));
    expect(buttonsOf(asked)).toEqual(['Withdraw', 'Keep it']);
    expect(await texts(h, 'Withdraw')).toContain(h.t('en', 'consent.withdraw.done'));
  });
});
