// New-case cards of the WeCom app are never lost and never sent twice, against a fake qyapi on loopback with an
// injected clock and a temp SQLite database: a card WeCom refuses with 45009 on every try, or with a 502 from its
// gateway, waits and reaches the caseworker once after its pause; one refused every time is given up after a
// bounded number of tries, recorded, and the next card still goes; two instances reading the same new case
// send one card.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, ConsoleChange } from '../../../src/caseworker/case-desk.ts';
import type { WecomMembers } from '../../../src/channels/tencent/tencent-ports.ts';
import { createWecomChannel } from '../../../src/channels/wecom/create-wecom-channel.ts';
import { WECOM_MAX_ATTEMPTS } from '../../../src/channels/wecom/wecom-outbox.ts';
import { createAuditRepository } from '../../../src/persistence/audit-repository.ts';
import { createChannelInboxRepository } from '../../../src/persistence/channel-inbox-repository.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { createPiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { createQueuedMessageRepository } from '../../../src/persistence/queued-message-repository.ts';
import { startFakeWecom, type FakeWecom } from './fake-wecom-api.ts';

const CORP = 'ww1436e0e65a779aee';
const T0 = new Date('2026-06-02T02:00:00Z');
let clock = T0;
const later = (ms: number) => void (clock = new Date(clock.getTime() + ms));
const cipher = createPiiCipher(Buffer.alloc(32, 6));
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let fake: FakeWecom;
let db: Database;

/** The desk's new cases, as the console's live events list them. */
const opened: CaseDetail[] = [];
const openCase = (id: string, name: string) =>
  void opened.push({
    id, status: 'new', kind: 'handoff', reason: '转人工', regionCode: '440802', conversationKey: `webchat:${id}`, openedAt: clock, closedAt: null, claimedBy: null,
    person: { jobSeekerId: null, name, idNumber: null, phone: null, channel: 'webchat' }, excerpt: [], messages: [], notes: [], reference: null, closeReason: null,
  });
const member = { id: 'cw-1', username: 'demo', displayName: '演示工作人员', regionCode: '440802', districts: [], activeCaseId: null, userId: 'ZhangSan' };
const members: WecomMembers = {
  all: async () => [member],
  find: async () => member,
  link: async () => true,
  setActiveCase: async () => {},
  userIdOf: async () => member.userId,
};
const unused = async (): Promise<never> => {
  throw new Error('not used here');
};

function instance() {
  return createWecomChannel({
    settings: { corpId: CORP, token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', agentId: 1000002, secret: 'app-secret', apiBase: fake.url, consoleUrl: null },
    inbox: createChannelInboxRepository(db.prisma, cipher),
    queue: createQueuedMessageRepository(db.prisma, cipher),
    members,
    actions: { claim: unused, reply: unused, close: unused },
    desk: {
      changesSince: async (): Promise<ConsoleChange[]> => opened.map((c) => ({ id: `${c.id}:opened`, type: 'case', caseId: c.id, at: c.openedAt })),
      get: async (_scope, id) => opened.find((c) => c.id === id) ?? null,
    },
    audit: createAuditRepository(db.prisma),
    t: (key, params) => (params?.name ? `${key}:${params.name}` : key),
    logger: quiet,
    backoffMs: [10, 10, 10],
    now: () => clock,
  });
}

const cardsFor = (caseId: string) => fake.sent.filter((m) => m.msgtype === 'template_card' && m.template_card?.task_id === `case-${caseId}-ZhangSan`);
const audited = async (action: string) =>
  (await db.prisma.auditEvent.findMany({ where: { action, subjectId: 'ZhangSan' }, orderBy: { at: 'asc' } })).map((e) => JSON.parse(e.details));
let wecom: ReturnType<typeof instance>;

beforeAll(async () => {
  fake = await startFakeWecom(CORP, 'app-secret');
  const url = `file:${join(mkdtempSync(join(tmpdir(), 'jyb-wecom-cards-')), 'db.sqlite')}`;
  await applyMigrations(url);
  db = openDatabase(url);
  await db.ready;
  wecom = instance();
}, 60_000);

afterAll(async () => {
  await db?.close();
  await fake?.close();
});

describe('WeCom case cards that WeCom refuses', () => {
  it('45009 on every try: the card waits, is not queued again when the case is read again, and reaches the caseworker once after its pause', async () => {
    openCase('c1', '张三');
    fake.failNext(45009, 45009, 45009, 45009);
    await wecom.notifier.poll();
    expect(cardsFor('c1')).toEqual([]);
    expect(await audited('wecom.message_deferred')).toEqual([{ errcode: 45009, attempt: 1, retryAt: new Date(clock.getTime() + 30_000).toISOString() }]);
    const sealed = await db.prisma.queuedMessage.findMany({ where: { channel: 'wecom', recipient: 'ZhangSan', status: 'pending' } });
    expect(sealed).toHaveLength(1);
    expect(sealed[0]?.sealed).not.toContain('张三');

    const calls = fake.sendCalls();
    await wecom.notifier.poll();
    await wecom.outbox.retryDue();
    expect(fake.sendCalls()).toBe(calls);
    later(31_000);
    await wecom.outbox.retryDue();
    expect(cardsFor('c1')).toHaveLength(1);
    expect(cardsFor('c1')[0]?.template_card?.main_title.desc).toContain('张三');
    later(3_600_000);
    await wecom.notifier.poll();
    await wecom.outbox.retryDue();
    expect(cardsFor('c1')).toHaveLength(1);
  });

  it('a 502 from the gateway first: the card is tried again after its pause and sent once', async () => {
    openCase('c2', '李四');
    fake.failHttpNext(502);
    await wecom.notifier.poll();
    expect(cardsFor('c2')).toEqual([]);
    expect((await audited('wecom.message_deferred')).at(-1)).toMatchObject({ errcode: -1, attempt: 1 });
    later(31_000);
    await wecom.outbox.retryDue();
    await wecom.notifier.poll();
    expect(cardsFor('c2')).toHaveLength(1);
  });

  it(`refused on each of ${WECOM_MAX_ATTEMPTS} tries: given up and recorded, tried no more, and the next card still goes`, async () => {
    openCase('c3', '王五');
    fake.failNext(...Array.from({ length: 4 * WECOM_MAX_ATTEMPTS }, () => 45009));
    await wecom.notifier.poll();
    for (const pause of [30_000, 120_000, 600_000, 1_800_000]) {
      later(pause + 1000);
      await wecom.outbox.retryDue();
    }
    expect(cardsFor('c3')).toEqual([]);
    expect((await audited('wecom.message_failed')).at(-1)).toEqual({ errcode: 45009, attempts: WECOM_MAX_ATTEMPTS });
    const calls = fake.sendCalls();
    later(86_400_000);
    await wecom.outbox.retryDue();
    await wecom.notifier.poll();
    expect(fake.sendCalls()).toBe(calls);
    expect(await db.prisma.queuedMessage.findMany({ where: { channel: 'wecom', dedupeKey: 'wecom-card:c3:ZhangSan' }, select: { status: true, sealed: true, attempts: true } }))
      .toEqual([{ status: 'failed', sealed: null, attempts: WECOM_MAX_ATTEMPTS }]);

    openCase('c4', '赵六');
    await wecom.notifier.poll();
    expect(cardsFor('c4')).toHaveLength(1);
  });

  it('two instances reading the same new case at once send one card', async () => {
    const other = instance();
    openCase('c5', '钱七');
    await Promise.all([wecom.notifier.poll(), other.notifier.poll()]);
    await Promise.all([wecom.outbox.retryDue(), other.outbox.retryDue()]);
    expect(cardsFor('c5')).toHaveLength(1);
    expect(fake.sent.filter((m) => m.msgtype === 'template_card')).toHaveLength(4);
  });
});
