// The monthly check-in on personal WeChat, end to end through wechaty on wechaty-puppet-mock: a registered
// contact gets the follow-up question from the service's own tick as text with numbered choices (WeChat has no
// buttons), answers "1", and the answer lands in the contact ledger next to the delivered check-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatyBuilder, types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { RunningService } from '../../src/main.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { waitUntil } from '../support/console-api.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';

const mocker = new mock.Mocker();
const puppet = new PuppetMock({ mocker });
const bot = WechatyBuilder.build({ puppet });
const me = mocker.createContact({ name: '就业帮服务号' });
const seeker = mocker.createContact({ name: '王五' });
const received: string[] = [];
puppet.on('message', ({ messageId }) => {
  const payload = mocker.messagePayload(messageId);
  if (payload.talkerId === me.id && payload.listenerId === seeker.id && payload.type === types.Message.Text) received.push(payload.text ?? '');
});
// The service's clock, moved by the test: Tuesday 2026-03-03 22:00 in Beijing, the evening the first check-in is due.
let clock = officeHoursClock('2026-03-03T14:00:00.000Z');
let service: RunningService;
let database: Database;

/** What the bot answers one message from the contact (all of it, once it stops arriving). */
async function say(text: string): Promise<string> {
  const before = received.length;
  seeker.say(text).to(me);
  await waitUntil(async () => received.length, (n) => n > before);
  await new Promise((resolve) => setTimeout(resolve, 500));
  return received.slice(before).join('\n');
}

beforeAll(async () => {
  const config = tempServiceConfig({ WECHATY_MIN_GAP_SECONDS: '0' });
  service = await startTestService(config, { wechaty: bot, now: () => clock() });
  mocker.login(me);
  database = openDatabase(config.DATABASE_URL);
  await database.ready;
}, 60_000);

afterAll(async () => {
  await database?.close();
  await service?.stop();
});

describe('monthly check-in on personal WeChat', () => {
  it('arrives with numbered choices; the answer "1" is recorded in the ledger', { timeout: 60_000 }, async () => {
    const db = database.prisma;
    // The contact has written before; they registered 2026-02-03 in Zhanjiang, this contact their address.
    expect(await say('你好')).toContain('失业登记');
    await db.jobSeeker.create({ data: { id: 'p1', regionCode: '440800', locale: 'zh-CN', consentAt: new Date('2026-02-03T02:00:00Z') } });
    await db.registration.create({ data: { id: 'r1', jobSeekerId: 'p1', regionCode: '440800', status: 'registered', registeredAt: new Date('2026-02-03T02:00:00Z'), reason: 'lost_job' } });
    await db.outreachTask.create({ data: { id: 't-first', jobSeekerId: 'p1', registrationId: 'r1', kind: 'first_contact', dueAt: new Date('2026-02-04T02:00:00Z'), idempotencyKey: 'first_contact:r1', status: 'sent', doneAt: new Date('2026-02-04T02:00:00Z') } });
    await db.channelAddress.create({ data: { id: 'a1', channel: 'wechaty', userKey: seeker.id, conversationId: `wechaty:${seeker.id}`, reference: '{}', jobSeekerId: 'p1' } });

    expect(await service.tick(new Date('2026-03-03T22:00:00+08:00'))).toMatchObject({ sent: 0 });
    clock = officeHoursClock('2026-03-04T02:00:00.000Z');
    const before = received.length;
    expect(await service.tick(new Date('2026-03-04T10:00:00+08:00'))).toMatchObject({ sent: 1, failed: 0 });
    const prompt = (await waitUntil(async () => received.slice(before).join('\n'), (t) => t.includes('最近的情况')));
    expect(prompt).toContain('您好！想了解一下您最近的情况：');
    expect(prompt).toMatch(/^1\. 还在找工作$/m);
    expect(prompt).toMatch(/^\d\. 找到工作了$/m);
    expect(await service.tick(new Date('2026-03-04T10:05:00+08:00'))).toMatchObject({ sent: 0 });

    expect((await say('1')).length).toBeGreaterThan(0);
    await expect.poll(async () => db.contactRecord.findMany({ where: { jobSeekerId: 'p1' }, orderBy: { kind: 'asc' }, select: { kind: true, outcome: true, serviceKinds: true } }), { timeout: 10_000 })
      .toEqual([{ kind: 'follow_up_reply', outcome: 'looking', serviceKinds: '[]' }, { kind: 'outreach_check_in', outcome: 'delivered', serviceKinds: '[]' }]);
    expect(await db.outreachTask.findMany({ where: { jobSeekerId: 'p1', kind: 'check_in', status: { not: 'pending' } }, select: { status: true, channel: true, period: true } })).toEqual([{ status: 'sent', channel: 'wechaty', period: 'm1' }]);
  });
});
