// One person across channels, through the running service: they register on web chat (official Direct Line
// client), then write from WeChat (wechaty-puppet-mock), give the same ID number, prove it with the code sent to
// the phone on file (the SMS log driver), and are linked; the next proactive message reaches them on WeChat, not
// on web chat, and the task row and its audit record say which channel and why. In Chromium, the person file
// shows the caseworker the preferred channel and each way to reach them, with its state, addresses masked.
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { WechatyBuilder, types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { registerOverWebchat } from '../support/register-over-webchat.ts';
import { officeHoursClock, tempServiceConfig } from '../support/test-service.ts';
import { waitUntil } from '../support/console-api.ts';
import { chromiumSkipReason, launchChromium, submitConsoleLogin } from '../support/chromium.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startService, type RunningService } from '../../src/main.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';

const ID = '330302199005151235';
const mocker = new mock.Mocker();
const puppet = new PuppetMock({ mocker });
const bot = WechatyBuilder.build({ puppet });
const me = mocker.createContact({ name: '就业帮' });
const seeker = mocker.createContact({ name: '李四' });
const received: string[] = [];
puppet.on('message', ({ messageId }) => {
  const payload = mocker.messagePayload(messageId);
  if (payload.talkerId === me.id && payload.listenerId === seeker.id && payload.type === types.Message.Text) received.push(payload.text ?? '');
});
const logs: string[] = [];
const logger = createLogger('info', new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } }));
const config = tempServiceConfig({ WECHATY_MIN_GAP_SECONDS: '0' });
let service: RunningService | undefined;
let client: DirectlineTestClient | undefined;
let database: Database | undefined;
let personId = '';

afterAll(async () => {
  client?.end();
  await database?.close();
  await service?.stop();
});

/** Everything the bot answers one WeChat message with, once it stops arriving. */
async function sayOnWechat(text: string): Promise<string> {
  const before = received.length;
  seeker.say(text).to(me);
  await waitUntil(async () => received.length, (n) => n > before);
  let seen = received.length;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (received.length === seen) break;
    seen = received.length;
  }
  return received.slice(before).join('\n');
}

function loggedCode(): string {
  const line = logs.map((l) => JSON.parse(l) as { sms?: { code?: string; to?: string } }).filter((l) => l.sms?.code).at(-1);
  expect(line?.sms?.to).toBe('138****5678');
  return line?.sms?.code ?? '';
}

describe('one person on web chat and WeChat', () => {
  it('registers on web chat, links WeChat with the code, and the next proactive message reaches WeChat', { timeout: 120_000 }, async () => {
    service = await startService(config, { logger, now: officeHoursClock(), wechaty: bot });
    mocker.login(me);
    await waitUntil(async () => (await (await fetch(`${service?.url}/healthz`)).json()) as { channels?: Record<string, string> }, (h) => h.channels?.wechaty === 'logged_in');

    client = await connect(service.url);
    await registerOverWebchat(client, { name: '李四', idNumber: ID, phone: '13812345678' });
    const webchatBefore = client.botMessages().length;

    await sayOnWechat('失业登记');
    await sayOnWechat('同意');
    await sayOnWechat('李四');
    const offer = await sayOnWechat(ID);
    expect(offer).toContain('这个身份证号已经登记过了');
    expect(offer).toContain('138****5678');
    expect(await sayOnWechat('发送验证码到登记手机')).toContain('6 位数字');
    expect(await sayOnWechat(loggedCode())).toContain('身份已确认');

    database = openDatabase(config.DATABASE_URL);
    await database.ready;
    const db = database.prisma;
    const person = await db.jobSeeker.findFirstOrThrow({ select: { id: true, preferredChannel: true, addresses: { select: { channel: true } } } });
    expect(person.preferredChannel).toBe('wechaty');
    expect(person.addresses.map((a) => a.channel).sort()).toEqual(['webchat', 'wechaty']);
    personId = person.id;

    // Registered Tuesday 3 March; the first contact is owed within working days after it.
    const before = received.length;
    const result = await service.tick(new Date('2026-03-05T10:00:00+08:00'));
    expect(result).toMatchObject({ sent: 1, failed: 0 });
    await waitUntil(async () => received.slice(before).join('\n'), (t) => t.includes('您的失业登记已收到'));
    expect(client.botMessages().slice(webchatBefore).map((m) => m.text ?? '').join('\n')).not.toContain('您的失业登记已收到');

    const task = await db.outreachTask.findFirstOrThrow({ where: { jobSeekerId: person.id, status: 'sent' }, select: { id: true, kind: true, channel: true, chosenBecause: true, skippedChannels: true } });
    expect(task).toMatchObject({ kind: 'first_contact', channel: 'wechaty', chosenBecause: 'preferred:always', skippedChannels: '[]' });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'outreach.sent', subjectId: task.id } });
    expect(JSON.parse(audit.details)).toMatchObject({ channel: 'wechaty', chosenBecause: 'preferred:always' });
  });

  it.skipIf(chromiumSkipReason !== undefined)('shows a caseworker the preferred channel and each way to reach the person, masked', { timeout: 60_000 }, async () => {
    if (!service || !personId) throw new Error('the first test did not link the person');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const base = service.url.replace('localhost', '127.0.0.1');
      await submitConsoleLogin(page, base, 'demo', 'jiuyebang-demo');
      await page.getByText('实时更新已开启').waitFor({ timeout: 15_000 });
      await page.goto(`${base}/console/reviews#person=${personId}`);
      const card = page.locator('#contact-channels');
      await card.waitFor({ timeout: 15_000 });
      const text = await card.innerText();
      expect(text).toMatch(/首选渠道\s*个人微信/);
      const lines = await card.locator('li').allInnerTexts();
      expect(lines[0]).toMatch(/^个人微信：可发送 · …\S{4} · 首选渠道$/);
      expect(lines[1]).toMatch(/^网页聊天：可发送 · …\S{4}$/);
      expect(lines[2]).toBe('短信：最后手段 · 138****5678');
      expect(lines).toHaveLength(3);
      const contacts = await database?.prisma.channelAddress.findMany({ select: { conversationId: true } });
      for (const c of contacts ?? []) expect(text).not.toContain(c.conversationId.split(':')[1]);
    } finally {
      await browser.close();
    }
  });
});
