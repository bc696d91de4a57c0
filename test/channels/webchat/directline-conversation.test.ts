// The official directlinejs client against our Direct Line subset: echo, suggested actions, watermarks,
// a server restart on the same database, and a proactive message from a stored reference.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TurnContext } from 'botbuilder';
import { connect } from '../../support/directline-client.ts';
import type { DirectlineTestClient } from '../../support/directline-client.ts';
import { conversationReferenceSchema } from '../../../src/channels/webchat/webchat-adapter.ts';
import { createTestDatabase, startServer } from './webchat-test-server.ts';
import type { RunningServer, TestDatabase } from './webchat-test-server.ts';

let database: TestDatabase;
let server: RunningServer;
const clients: DirectlineTestClient[] = [];

async function client(resume?: Parameters<typeof connect>[1]): Promise<DirectlineTestClient> {
  const c = await connect(server.baseUrl, resume);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer(database.url);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.end();
});

afterAll(async () => {
  await server.close();
  database.remove();
});

describe('web chat over Direct Line (official directlinejs client)', () => {
  it('echoes the user message with its clientActivityID and replies with suggested actions', async () => {
    const c = await client();
    const id = await c.say('你好');
    const own = await c.waitFor((a) => a.id === id);
    expect(own.from.role).toBe('user');
    expect(own.channelData.clientActivityID).toEqual(expect.any(String));
    expect('text' in own && own.text).toBe('你好');

    const reply = await c.waitForBotReply((m) => m.text === '你说：你好');
    expect(reply).toMatchObject({ replyToId: id, from: { role: 'bot' } });
    expect(c.suggestedActions()).toEqual(['找工作', '失业登记']);
  });

  it('pages by watermark: a client resuming at a watermark sees only what came after', async () => {
    const c = await client();
    await c.say('第一句');
    await c.waitForBotReply((m) => m.text === '你说：第一句');
    const watermark = c.watermark();
    expect(watermark).toMatch(/^\d+$/);
    await c.say('第二句');
    await c.waitForBotReply((m) => m.text === '你说：第二句');
    c.end();

    const later = await client({ conversationId: c.conversationId, token: c.token, watermark });
    await later.waitForBotReply((m) => m.text === '你说：第二句');
    const texts = later.activities.map((a) => ('text' in a ? a.text : undefined));
    expect(texts).toEqual(['第二句', '你说：第二句']);
  });

  it('runs the turns of one conversation one at a time, in order', async () => {
    const c = await client();
    for (const n of [1, 2, 3, 4, 5]) await c.say(`第${n}条`);
    await c.waitForBotReply((m) => m.text === '你说：第5条');
    expect(c.botMessages().map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((n) => `你说：第${n}条`));
  });

  it('keeps the stream across a server restart on the same database', async () => {
    const c = await client();
    await c.say('重启前');
    await c.waitForBotReply((m) => m.text === '你说：重启前');
    const resume = { conversationId: c.conversationId, token: c.token, watermark: c.watermark() };
    c.end();

    await server.close();
    server = await startServer(database.url);

    const full = await client({ conversationId: resume.conversationId, token: resume.token });
    await full.waitForBotReply((m) => m.text === '你说：重启前');
    expect(full.activities.map((a) => ('text' in a ? a.text : ''))).toEqual(['重启前', '你说：重启前']);

    const resumed = await client(resume);
    await resumed.say('重启后');
    await resumed.waitForBotReply((m) => m.text === '你说：重启后');
    expect(resumed.activities.map((a) => ('text' in a ? a.text : ''))).toEqual(['重启后', '你说：重启后']);
  });

  it('delivers a proactive message from a JSON round-tripped ConversationReference', async () => {
    const c = await client();
    let saved = '';
    await server.close();
    server = await startServer(database.url, async (ctx) => {
      saved = JSON.stringify(TurnContext.getConversationReference(ctx.activity));
      await ctx.sendActivity('已记下，月底再联系您。');
    });
    const again = await client({ conversationId: c.conversationId, token: c.token });
    await again.say('请提醒我');
    await again.waitForBotReply((m) => m.text === '已记下，月底再联系您。');

    const reference = conversationReferenceSchema.parse(JSON.parse(saved));
    await server.channel.adapter.continueConversationAsync('', reference, async (ctx: TurnContext) => {
      await ctx.sendActivity({ type: 'message', text: '本月跟踪回访：您找到工作了吗？', suggestedActions: { to: [], actions: [{ type: 'imBack', title: '找到了', value: '找到了' }] } });
    });
    const followUp = await again.waitForBotReply((m) => m.text === '本月跟踪回访：您找到工作了吗？');
    expect(followUp).toMatchObject({ recipient: { id: reference.user.id } });
    expect(again.suggestedActions()).toEqual(['找到了']);
  });
});
