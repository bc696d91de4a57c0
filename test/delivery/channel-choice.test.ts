// The channel a proactive message goes out on, through the real delivery store (temporary SQLite): the first
// channel in the person's order whose reachability allows it and which takes the message; the task row and the
// audit record keep the channel, why it was chosen, and every channel passed over with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundChannel, Reachability, SendOutcome } from '../../src/conversation/ports.ts';
import { beijingAt, loopChannel, openWorld, tickOf, type World } from '../scheduler/outreach-world.ts';

const clock = () => beijingAt('2026-03-03', '10:00');

/** A loop channel that answers reachability and failures per address as the case says. */
function fakeChannel(name: string, reach: Record<string, Reachability>, fail: Record<string, SendOutcome> = {}) {
  const channel = loopChannel(clock, name);
  channel.fail = (address) => fail[address] ?? null;
  const withReach: OutboundChannel & { sent: typeof channel.sent } = Object.assign(channel, {
    reachability: async (address: string) => reach[address] ?? { canSendNow: true, reason: 'always' },
  });
  return withReach;
}

interface Case {
  id: string;
  preferred: string | null;
  phone: boolean;
  addresses: { channel: string; wroteAt?: string }[];
  want: { status: string; channel: string | null; chosenBecause: string | null; skipped: { channel: string; reason: string }[] | null; lastError: string | null };
}

const CASES: Case[] = [
  { id: 'oa-open', preferred: 'wechat-oa', phone: true, addresses: [{ channel: 'webchat', wroteAt: '2026-03-03T01:00:00Z' }, { channel: 'wechat-oa' }],
    want: { status: 'sent', channel: 'wechat-oa', chosenBecause: 'preferred:in_window', skipped: [], lastError: null } },
  { id: 'oa-closed', preferred: 'wechat-oa', phone: true, addresses: [{ channel: 'wechat-oa' }, { channel: 'webchat' }],
    want: { status: 'sent', channel: 'webchat', chosenBecause: 'recent:always', skipped: [{ channel: 'wechat-oa', reason: 'outside_window' }], lastError: null } },
  { id: 'oa-refused', preferred: 'wechat-oa', phone: false, addresses: [{ channel: 'wechat-oa' }, { channel: 'webchat' }],
    want: { status: 'sent', channel: 'webchat', chosenBecause: 'recent:always', skipped: [{ channel: 'wechat-oa', reason: '45015' }], lastError: null } },
  { id: 'last-wrote', preferred: null, phone: false, addresses: [{ channel: 'webchat', wroteAt: '2026-03-01T01:00:00Z' }, { channel: 'wechaty', wroteAt: '2026-03-02T01:00:00Z' }],
    want: { status: 'sent', channel: 'wechaty', chosenBecause: 'recent:always', skipped: [], lastError: null } },
  { id: 'paced', preferred: null, phone: true, addresses: [{ channel: 'wechaty' }],
    want: { status: 'pending', channel: null, chosenBecause: null, skipped: null, lastError: 'wechaty:paced,sms:no_template_for_kind' } },
  { id: 'unfollowed', preferred: null, phone: true, addresses: [{ channel: 'wechat-oa' }],
    want: { status: 'undeliverable', channel: null, chosenBecause: null, skipped: null, lastError: 'wechat-oa:unfollowed,sms:no_template_for_kind' } },
];

let world: World;
beforeAll(async () => {
  world = await openWorld();
  const db = world.database.prisma;
  const registeredAt = beijingAt('2026-03-02', '08:00');
  for (const c of CASES) {
    await db.jobSeeker.create({ data: { id: c.id, regionCode: '440802', consentAt: registeredAt, preferredChannel: c.preferred, phoneEnc: c.phone ? 'enc' : null } });
    await db.registration.create({ data: { id: `r-${c.id}`, jobSeekerId: c.id, regionCode: '440802', status: 'registered', registeredAt, reason: 'lost_job' } });
    for (const a of c.addresses) {
      const key = `${a.channel}:${c.id}`;
      await db.channelAddress.create({ data: { id: `a-${key}`, channel: a.channel, userKey: `u-${key}`, conversationId: key, reference: '{}', jobSeekerId: c.id } });
      if (a.wroteAt) await db.transcriptMessage.create({ data: { id: `m-${key}`, conversationKey: key, direction: 'in', sender: 'user', text: '你好', at: new Date(a.wroteAt) } });
    }
  }
});
afterAll(async () => world?.close());

describe('choosing the channel of a proactive message', () => {
  it('sends each on the first channel that may and does take it, and records why', async () => {
    const oa = fakeChannel('wechat-oa', {
      'oa-open': { canSendNow: true, reason: 'in_window', windowEndsAt: beijingAt('2026-03-04', '10:00') },
      'oa-closed': { canSendNow: false, reason: 'outside_window' },
      'oa-refused': { canSendNow: true, reason: 'subscribed' },
      unfollowed: { canSendNow: false, reason: 'unfollowed' },
    }, { 'oa-refused': { ok: false, retryable: false, code: '45015' } });
    const web = fakeChannel('webchat', {});
    const wechaty = fakeChannel('wechaty', { paced: { canSendNow: false, reason: 'paced' } });
    // SMS is tried last, and here it has no notice template registered for first contacts (SMS_NOTICE_TEMPLATES).
    const sms = Object.assign(fakeChannel('sms', {}, { '': { ok: false, retryable: false, code: 'no_template_for_kind' } }), { templatesOnly: true });
    const result = await tickOf(world, [oa, web, wechaty, sms])(clock());
    expect(result).toMatchObject({ sent: 4, failed: 2 });
    const rows = await world.database.prisma.outreachTask.findMany({ where: { kind: 'first_contact' }, select: { jobSeekerId: true, status: true, channel: true, chosenBecause: true, skippedChannels: true, lastError: true } });
    for (const c of CASES) {
      const row = rows.find((r) => r.jobSeekerId === c.id);
      expect({ id: c.id, status: row?.status, channel: row?.channel, chosenBecause: row?.chosenBecause, skipped: row?.skippedChannels ? JSON.parse(row.skippedChannels) : null, lastError: row?.lastError })
        .toEqual({ id: c.id, ...c.want });
    }
    // Nothing went by SMS (no template registered for the kind), and the OA sent only where it was asked to.
    expect(sms.sent).toEqual([]);
    expect(oa.sent.map((s) => s.address)).toEqual(['oa-open']);
    expect(web.sent.map((s) => s.address).sort()).toEqual(['oa-closed', 'oa-refused']);
  });

  it('writes the choice and the channels passed over into the audit record of the send', async () => {
    const task = await world.database.prisma.outreachTask.findFirstOrThrow({ where: { jobSeekerId: 'oa-closed', kind: 'first_contact' } });
    const audit = await world.database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'outreach.sent', subjectId: task.id } });
    expect(JSON.parse(audit.details)).toMatchObject({ channel: 'webchat', chosenBecause: 'recent:always', skipped: [{ channel: 'wechat-oa', reason: 'outside_window' }] });
  });
});
