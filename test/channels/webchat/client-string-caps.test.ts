// Every string a web chat client sends is capped before any parsing, and every field that is stored is
// masked: a 99,000-character `value` is refused at once (it used to freeze the service for seconds), and ID
// and phone numbers in any spelling never reach the stream, whichever field carries them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken } from '../../support/directline-client.ts';
import { CLIENT_LIMITS } from '../../../src/channels/webchat/cap-client-strings.ts';
import { createTestDatabase, startServer } from './webchat-test-server.ts';
import type { RunningServer, TestDatabase } from './webchat-test-server.ts';

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(database.url);
});

afterAll(async () => {
  await server.close();
  database.remove();
});

async function conversation() {
  const grant = await generateToken(server.baseUrl);
  const post = async (body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${server.baseUrl}/v3/directline/conversations/${grant.conversationId}/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${grant.token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { ...grant, post };
}

const big = (n: number) => '.'.repeat(n - 1) + 'x';

describe('caps on what a web chat client sends', () => {
  it('refuses a 99,000-character value at once (413), stores nothing and never runs the bot on it', async () => {
    const c = await conversation();
    const started = performance.now();
    const answer = await c.post({ type: 'message', text: '帮助', value: big(99_000) });
    const elapsed = performance.now() - started;
    const echo = performance.now();
    await c.post({ type: 'typing' });
    const echoMs = performance.now() - echo;
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: 'MessageTooLarge' } });
    expect(elapsed).toBeLessThan(Math.max(echoMs, 5) * 50);
    await server.channel.idle();
    expect(await server.store.countActivities(c.conversationId)).toBe(0);
  });

  it.each([
    // An over-long message text is not refused but answered in the conversation with the limit (directline-errors.test.ts).
    ['a string value', { type: 'message', value: big(CLIENT_LIMITS.stringChars + 1) }],
    ['a string deep in value', { type: 'message', value: { a: [{ b: big(CLIENT_LIMITS.stringChars + 1) }] } }],
    ['a channelData string', { type: 'message', text: 'hi', channelData: { note: big(CLIENT_LIMITS.stringChars + 1) } }],
    ['an entity field', { type: 'message', text: 'hi', entities: [{ type: 'x', note: big(CLIENT_LIMITS.stringChars + 1) }] }],
    ['attachment content', { type: 'message', text: 'hi', attachments: [{ contentType: 'text/plain', content: big(CLIENT_LIMITS.stringChars + 1) }] }],
    ['the name', { type: 'event', name: big(CLIENT_LIMITS.stringChars + 1) }],
    ['the sender name', { type: 'message', text: 'hi', from: { name: big(CLIENT_LIMITS.stringChars + 1) } }],
    ['extras that add up', { type: 'message', text: 'hi', value: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'y'.repeat(1000)])) }],
  ])('refuses (413) an over-long %s', async (_label, body) => {
    const c = await conversation();
    const answer = await c.post(body);
    expect(answer.status).toBe(413);
    expect(String((answer.body.error as { message: string }).message)).toMatch(/太长|太大/);
  });

  it.each([
    ['deep nesting', { type: 'message', text: 'hi', value: JSON.parse(`${'['.repeat(50)}1${']'.repeat(50)}`) }],
    ['a __proto__ key', JSON.parse('{"type":"message","text":"hi","channelData":{"__proto__":{"polluted":1}}}')],
    ['a constructor key', { type: 'message', text: 'hi', value: { constructor: { prototype: 1 } } }],
  ])('refuses (400) %s', async (_label, body) => {
    const c = await conversation();
    const answer = await c.post(body);
    expect(answer.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** One phone and one ID number in the spellings people (and attackers) use. */
const PHONE = '13800138000';
const ID = '440802199003140314';
const SPELLINGS = [
  '138 0013 8000',
  '138-0013-8000',
  '+8613800138000',
  '𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎',
  '１３８００１３８０００',
  '١٣٨٠٠١٣٨٠٠٠',
  '4408 0219 9003 1403 14',
  '440802-19900314-0314',
  '𝟒𝟒𝟎𝟖𝟎𝟐𝟏𝟗𝟗𝟎𝟎𝟑𝟏𝟒𝟎𝟑𝟏𝟒',
];

describe('what the stream stores is masked, in every field', () => {
  it.each(SPELLINGS)('%s is masked in text, value, channelData, entities, attachments and the sender name', async (spelling) => {
    const c = await conversation();
    const said = `我的号码 ${spelling} 谢谢`;
    const answer = await c.post({
      type: 'message',
      text: said,
      value: { answer: said, list: [said] },
      channelData: { clientActivityID: 'c1', note: said, [spelling]: 1 },
      entities: [{ type: 'note', text: said }],
      attachments: [{ contentType: 'text/plain', content: { text: said }, name: 'n' }],
      from: { name: said.slice(0, 60) },
    });
    expect(answer.status).toBe(200);
    await server.channel.idle();
    const rows = await server.db.prisma.webchatActivity.findMany({ where: { conversationId: c.conversationId } });
    const stored = rows.map((r) => r.activity).join('\n');
    expect(stored).toContain('我的号码');
    for (const digits of [PHONE, ID, '19900314', spelling]) expect(stored).not.toContain(digits);
  });
});

describe('the client activity id', () => {
  it('is stored masked (found by the hostile run), and a retry with the same id is still one activity', async () => {
    const c = await conversation();
    const clientActivityID = `retry-${PHONE}`;
    const first = await c.post({ type: 'message', text: '你好', channelData: { clientActivityID } });
    const again = await c.post({ type: 'message', text: '你好', channelData: { clientActivityID } });
    expect(first.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    await server.channel.idle();
    const rows = await server.db.prisma.webchatActivity.findMany({ where: { conversationId: c.conversationId } });
    expect(JSON.stringify(rows)).not.toContain(PHONE);
    expect(rows.filter((r) => r.clientActivityId !== null)).toHaveLength(1);
  });

  it('may not take the key under which the bot stores its own replies', async () => {
    const c = await conversation();
    const taken = await c.post({ type: 'message', text: '你好', channelData: { clientActivityID: 'jyb-reply:x#0' } });
    expect(taken.status).toBe(400);
    expect(JSON.stringify(taken.body)).toContain('clientActivityID');
  });
});
