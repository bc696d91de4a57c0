// One inbound SMS, with the ports faked: a number two people share is not taken as either of them (recorded,
// not answered, nothing linked); a turn the engine answers with nothing sends no SMS; the conversation is keyed
// by the number's hash, never the number.
import { describe, expect, it } from 'vitest';
import { receiveUplink, type SmsUplinkDeps } from '../../../src/channels/sms/sms-uplink-handler.ts';
import type { InboundTurn } from '../../../src/conversation/turn-types.ts';
import type { OutboundText } from '../../../src/conversation/ports.ts';

const AT = new Date('2026-03-03T02:00:00.000Z');

function deps(people: string[], replies: string[]) {
  const turns: InboundTurn[] = [];
  const sent: OutboundText[] = [];
  const links: string[] = [];
  const audit: string[] = [];
  const d: SmsUplinkDeps = {
    phoneBook: { phoneOf: async () => null, peopleWithPhone: async () => people, addressOf: () => 'hash-of-number', personAt: async () => null },
    uplinks: { accept: async () => true },
    identity: { linkAddress: async (link) => void links.push(link.jobSeekerId) },
    engine: { handle: async (turn) => { turns.push(turn); return replies.map((text) => ({ text, choices: [], locale: 'zh-CN' })); } },
    sms: { channel: 'sms', send: async (_address, message) => { sent.push(message); return { ok: true, providerMessageId: 'm1' }; } },
    audit: { record: async (event) => void audit.push(event.action) },
    localizer: { t: (_locale, key) => key },
    clock: () => AT,
  };
  return { d, turns, sent, links, audit };
}

const MESSAGE = { providerMessageId: 'p1', phone: '13812345678', text: '你好' };

describe('receiveUplink', () => {
  it('a number two people have on file: recorded, nobody linked, the engine not asked, no SMS', async () => {
    const { d, turns, sent, links, audit } = deps(['a', 'b'], ['hi']);
    expect(await receiveUplink(d, 'tencent', MESSAGE)).toBe('unknown_number');
    expect([turns.length, sent.length, links.length]).toEqual([0, 0, 0]);
    expect(audit).toEqual(['sms.uplinkUnknownNumber']);
  });

  it('the person: linked, the turn keyed by the number\'s hash; no reply from the engine means no SMS', async () => {
    const { d, turns, sent, links } = deps(['a'], []);
    expect(await receiveUplink(d, 'aliyun', MESSAGE)).toBe('no_reply');
    expect(links).toEqual(['a']);
    expect(turns[0]).toMatchObject({ channel: 'sms', conversationId: 'hash-of-number', userKey: 'hash-of-number', text: '你好', activityId: 'aliyun:p1', at: AT });
    expect(JSON.stringify(turns)).not.toContain('13812345678');
    expect(sent).toHaveLength(0);
  });

  it('a reply goes back as the new-message notice for that person', async () => {
    const { d, sent } = deps(['a'], ['第一行', '第二行']);
    expect(await receiveUplink(d, 'tencent', MESSAGE)).toBe('answered');
    expect(sent).toEqual([{ text: '第一行\n第二行', locale: 'zh-CN', template: { kind: 'notice', notice: 'new_message', jobSeekerId: 'a', topic: 'sms.topics.new_message' } }]);
  });
});
