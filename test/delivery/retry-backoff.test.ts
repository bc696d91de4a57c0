// Retries with backoff: a channel that fails for a while (network) gets the message again 10 min × 3^n later, only
// within the sending hours; after OUTREACH_MAX_ATTEMPTS the task ends `undeliverable`, and the caseworker's person
// file shows it with the attempts and the reason in words.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { outreachPlanViewOf } from '../../src/caseworker/outreach-plan-view.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createPersonFileRepository } from '../../src/persistence/reviews/person-file-repository.ts';
import { beijingAt, insertRegistrants, localizer, loopChannel, makeCity, openWorld, SETTINGS, tickOf, type World } from '../scheduler/outreach-world.ts';

let world: World | undefined;
afterEach(async () => world?.close());

describe('delivery retries with backoff', () => {
  it('fails retryably: attempts rise with availableAt 10, 30, 90, 270 min later (then the next sending morning), then undeliverable with the reason shown', async () => {
    world = await openWorld();
    const db = world.database.prisma;
    // One Zhanjiang person registered on Monday 2 March 2026, reachable on web chat only.
    await insertRegistrants(world, makeCity(1, beijingAt('2026-03-02', '08:00'), 1));
    await db.channelAddress.updateMany({ data: { channel: 'webchat' } });
    let clock = beijingAt('2026-03-03', '10:00');
    const channel = loopChannel(() => clock, 'webchat');
    let failing = true;
    channel.fail = () => (failing ? { ok: false, retryable: true, code: 'network' } : null);
    const tick = tickOf(world, [channel]);
    const task = () => db.outreachTask.findFirstOrThrow({ where: { kind: 'first_contact' }, select: { id: true, status: true, attempts: true, availableAt: true, lastError: true } });

    expect(SETTINGS.OUTREACH_MAX_ATTEMPTS).toBe(6);
    const retries: [string, number, string][] = [];
    const at = (date: string, hhmm: string) => beijingAt(date, hhmm);
    const schedule: [Date, string][] = [
      [at('2026-03-03', '10:00'), '2026-03-03T10:10'],
      [at('2026-03-03', '10:10'), '2026-03-03T10:40'],
      [at('2026-03-03', '10:40'), '2026-03-03T12:10'],
      [at('2026-03-03', '12:10'), '2026-03-03T16:40'],
      // 16:40 + 810 min is 06:10 on Wednesday, before the sending hours: the next try waits until 09:00.
      [at('2026-03-03', '16:40'), '2026-03-04T09:00'],
    ];
    for (const [when] of schedule) {
      clock = when;
      expect(await tick(when)).toMatchObject({ sent: 0, failed: 1 });
      const t = await task();
      retries.push([t.status, t.attempts, t.availableAt ? beijingIso(t.availableAt) : '']);
      expect(t.lastError).toBe('webchat:network');
      // Not before its time: a tick a minute earlier than availableAt sends nothing.
      if (t.availableAt) expect(await tick(new Date(t.availableAt.getTime() - 60_000))).toMatchObject({ sent: 0, failed: 0 });
    }
    expect(retries).toEqual(schedule.map(([, next], i) => ['pending', i + 1, next]));

    clock = at('2026-03-04', '09:00');
    expect(await tick(clock)).toMatchObject({ sent: 0, failed: 1 });
    const ended = await task();
    expect(ended).toMatchObject({ status: 'undeliverable', attempts: 6, lastError: 'webchat:network' });
    expect(channel.sent).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'outreach.undeliverable', subjectId: ended.id } });
    expect(JSON.parse(audit.details)).toEqual({ reason: 'webchat:network' });

    // Nothing more is tried, even once the channel works again.
    failing = false;
    clock = at('2026-03-05', '10:00');
    await tick(clock);
    expect((await task()).status).toBe('undeliverable');
    expect(channel.sent.some((s) => s.key.startsWith(`outreach:${ended.id}`))).toBe(false);

    // What the caseworker's person file shows for it, in Chinese and in English.
    const profile = await createPersonFileRepository(db, createPiiCipher(randomBytes(32))).profile({ prefixes: ['4408'] }, 'p00000');
    const zh = outreachPlanViewOf(profile?.outreach ?? [], localizer, 'zh-CN').find((r) => r.kind === 'first_contact');
    expect(zh).toMatchObject({ date: '2026-03-03', kindLabel: '首次联系', status: 'undeliverable', statusLabel: '无法送达', attempts: 6, nextTryAt: null, reason: '网页聊天：网络故障' });
    const en = outreachPlanViewOf(profile?.outreach ?? [], localizer, 'en').find((r) => r.kind === 'first_contact');
    expect(en).toMatchObject({ statusLabel: 'undeliverable', reason: 'Web chat: network error' });
  });
});

/** An instant as Beijing wall-clock time, minutes precision ('2026-03-03T10:10'). */
function beijingIso(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
