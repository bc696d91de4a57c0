// Outreach through SMS, the template-only channel: each task goes out as ONE notice in the approved template of
// its kind (topic in words, a short link to web chat, the number on file), never as the chat's text; a kind the
// configuration has no template for is undeliverable by SMS with a clear reason, and nothing is sent; a number
// over its per-number limit defers the task until it may go (no attempt counted).
import { afterEach, describe, expect, it } from 'vitest';
import { createSmsChannel } from '../../src/channels/sms/sms-channel.ts';
import type { SmsDriver, SmsParam } from '../../src/channels/sms/sms-driver.ts';
import { smsNoticeTemplatesEnv } from '../../src/channels/sms/sms-notice-templates.ts';
import type { SmsNumberLimiter } from '../../src/channels/sms/sms-ports.ts';
import type { OutboundChannel } from '../../src/conversation/ports.ts';
import { beijingAt, insertRegistrants, loopChannel, makeCity, openWorld, tickOf, type World } from '../scheduler/outreach-world.ts';

let world: World | undefined;
afterEach(async () => world?.close());

function recordingDriver(): SmsDriver & { sent: { phone: string; templateId: string; params: readonly SmsParam[] }[] } {
  const sent: { phone: string; templateId: string; params: readonly SmsParam[] }[] = [];
  return {
    provider: 'test', sent,
    sendCode: async () => ({ ok: false, retryable: false, code: 'unused' }),
    async sendTemplate(phone, templateId, params) {
      sent.push({ phone, templateId, params });
      return { ok: true, providerMessageId: `sms-${sent.length}` };
    },
  };
}

/** The SMS channel under the test world's channel name (its addresses are `loop`), numbers from a phone book. */
function smsAs(driver: SmsDriver, templates: string, limiter?: SmsNumberLimiter): OutboundChannel {
  const links = { store: { issue: async () => ({ token: 'AbCdEfGhIjKlMnOpQrStUv', linkId: 'l' }), use: async () => ({ ok: false as const, reason: 'unknown' as const }), peek: async () => ({ ok: false as const, reason: 'unknown' as const }) }, baseUrl: 'https://jiuye.example.gov.cn', days: 7 };
  const channel = createSmsChannel(driver, { notices: smsNoticeTemplatesEnv.parse(templates), links, phoneBook: { phoneOf: async (id) => `1380000${id.slice(-4)}` }, ...(limiter ? { limiter } : {}) });
  return { channel: 'loop', templatesOnly: true, send: (address, message) => channel.send(address, message) };
}

async function threeRegistrants(): Promise<World> {
  const w = (world = await openWorld());
  await insertRegistrants(w, makeCity(3, beijingAt('2026-03-02', '08:00'), 1));
  expect(await tickOf(w, [])(beijingAt('2026-03-02', '21:00'))).toMatchObject({ sent: 0 });
  return w;
}

describe('outreach by SMS', () => {
  it('each first contact is one notice in its template: topic, short link, the number on file', async () => {
    const w = await threeRegistrants();
    const driver = recordingDriver();
    const result = await tickOf(w, [smsAs(driver, '{"first_contact":{"id":"1111111","params":["topic","link"]}}')])(beijingAt('2026-03-03', '10:00'));
    expect(result).toMatchObject({ sent: 3, failed: 0 });
    expect(driver.sent).toHaveLength(3);
    expect(driver.sent.map((s) => s.phone).sort()).toEqual(['13800000000', '13800000001', '13800000002']);
    for (const s of driver.sent) {
      expect(s.templateId).toBe('1111111');
      expect(s.params).toEqual([{ name: 'topic', value: '首次联系' }, { name: 'link', value: 'https://jiuye.example.gov.cn/s/AbCdEfGhIjKlMnOpQrStUv' }]);
    }
  });

  it('no template for the kind: undeliverable by SMS with the reason, nothing sent', async () => {
    const w = await threeRegistrants();
    const driver = recordingDriver();
    const result = await tickOf(w, [smsAs(driver, '{"check_in":{"id":"2222222","params":["topic"]}}')])(beijingAt('2026-03-03', '10:00'));
    expect(result).toMatchObject({ sent: 0, failed: 3 });
    expect(driver.sent).toHaveLength(0);
    const tasks = await w.database.prisma.outreachTask.findMany({ where: { kind: 'first_contact' }, select: { status: true, lastError: true } });
    expect(tasks).toEqual(Array.from({ length: 3 }, () => ({ status: 'undeliverable', lastError: 'loop:no_template_for_kind' })));
  });

  it('over the per-number limit: deferred until the limit allows it, no attempt counted, nothing sent', async () => {
    const w = await threeRegistrants();
    const driver = recordingDriver();
    const retryAt = beijingAt('2026-03-03', '10:30');
    const limiter: SmsNumberLimiter = { reserve: async () => ({ ok: false, reason: 'per_day', retryAt }), release: async () => {} };
    const result = await tickOf(w, [smsAs(driver, '{"first_contact":{"id":"1111111","params":["topic"]}}', limiter)])(beijingAt('2026-03-03', '10:00'));
    expect(result).toMatchObject({ sent: 0, failed: 0, deferred: 3 });
    expect(driver.sent).toHaveLength(0);
    const tasks = await w.database.prisma.outreachTask.findMany({ where: { kind: 'first_contact' }, select: { status: true, attempts: true, availableAt: true, lastError: true } });
    expect(tasks).toEqual(Array.from({ length: 3 }, () => ({ status: 'pending', attempts: 0, availableAt: retryAt, lastError: 'loop:number_limit_per_day' })));
  });

  it('SMS comes last: a person who also has a chat address gets the chat message, even if they texted since', async () => {
    const w = await threeRegistrants();
    const driver = recordingDriver();
    // Each person's SMS address is newer than their chat address (they replied by SMS).
    const people = await w.database.prisma.jobSeeker.findMany({ select: { id: true } });
    await w.database.prisma.channelAddress.createMany({ data: people.map((p) => ({ id: `s${p.id}`, channel: 'sms', userKey: `h${p.id}`, conversationId: `sms:h${p.id}`, reference: '{}', jobSeekerId: p.id, updatedAt: new Date('2030-01-01T00:00:00Z') })) });
    const chat = loopChannel(() => beijingAt('2026-03-03', '10:00'));
    const sms = smsAs(driver, '{"first_contact":{"id":"1111111","params":["topic"]}}');
    const result = await tickOf(w, [{ ...sms, channel: 'sms' }, chat])(beijingAt('2026-03-03', '10:00'));
    expect(result).toMatchObject({ sent: 3 });
    expect(chat.sent).toHaveLength(3);
    expect(driver.sent).toHaveLength(0);
  });
});
