// The WebchatAdapter on its own, over an in-memory stream: what reaches the stream, what does not, the
// proactive overloads, the unsupported edits, and the per-conversation turn order.
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { TurnContext } from 'botbuilder';
import { WebchatAdapter, conversationReferenceSchema } from '../../../src/channels/webchat/webchat-adapter.ts';
import type { WebchatLogger } from '../../../src/channels/webchat/webchat-adapter.ts';
import { TurnQueue } from '../../../src/channels/webchat/turn-queue.ts';
import type { WebchatStore } from '../../../src/persistence/webchat-store.ts';

function memoryStream() {
  const rows: Array<{ conversationId: string; activity: Record<string, unknown> }> = [];
  const store: Pick<WebchatStore, 'appendActivity'> = {
    appendActivity: async (conversationId, activity) => {
      rows.push({ conversationId, activity });
      const id = `${conversationId}|${rows.length}`;
      return { seq: rows.length, activity: { ...activity, id }, duplicate: false };
    },
  };
  return { rows, store };
}

const reference = conversationReferenceSchema.parse(
  JSON.parse(
    JSON.stringify({
      user: { id: 'web-1', role: 'user' },
      bot: { id: 'jiuyebang', name: '就业帮', role: 'bot' },
      conversation: { id: 'c-1' },
      channelId: 'webchat',
      serviceUrl: 'urn:jiuyebang:webchat',
    }),
  ),
);

describe('WebchatAdapter', () => {
  it('accepts a pino logger', () => {
    const logger: WebchatLogger = pino({ level: 'silent' });
    expect(new WebchatAdapter({ store: memoryStream().store, logger }).bot.role).toBe('bot');
  });

  it('stores replies with suggested actions and the reply link; typing and trace are not stored', async () => {
    const { rows, store } = memoryStream();
    const adapter = new WebchatAdapter({ store });
    const ids: Array<string | undefined> = [];
    await adapter.processActivity(
      { type: 'message', id: 'in-1', text: '你好', from: { id: 'web-1', name: '', role: 'user' }, conversation: { id: 'c-1', name: '', isGroup: false, conversationType: 'personal' } },
      async (ctx: TurnContext) => {
        await ctx.sendActivity({ type: 'typing' });
        await ctx.sendActivity({ type: 'trace', name: 'debug' });
        const sent = await ctx.sendActivity({
          text: '请选择',
          suggestedActions: { to: ['web-1'], actions: [{ type: 'imBack', title: '找工作', value: '找工作' }] },
        });
        ids.push(sent?.id);
      },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.activity).toMatchObject({
      type: 'message',
      text: '请选择',
      replyToId: 'in-1',
      from: { id: 'jiuyebang', role: 'bot' },
      recipient: { id: 'web-1' },
      conversation: { id: 'c-1' },
      suggestedActions: { actions: [{ title: '找工作' }] },
    });
    expect(rows[0]?.activity.timestamp).toEqual(expect.any(String));
    expect(ids).toEqual(['c-1|1']);
  });

  it('continues a conversation with either proactive overload (app id, or claims + audience)', async () => {
    const { rows, store } = memoryStream();
    const adapter = new WebchatAdapter({ store });
    await adapter.continueConversationAsync('', reference, async (ctx: TurnContext) => {
      expect(ctx.activity).toMatchObject({ type: 'event', name: 'ContinueConversation' });
      await ctx.sendActivity('第一次回访');
    });
    const claims = { isAuthenticated: false, claims: [], getClaimValue: () => null };
    await adapter.continueConversationAsync(claims, reference, 'audience', async (ctx: TurnContext) => {
      await ctx.sendActivity('第二次回访');
    });
    expect(rows.map((r) => [r.conversationId, r.activity.text])).toEqual([
      ['c-1', '第一次回访'],
      ['c-1', '第二次回访'],
    ]);
  });

  it('refuses to update or delete a sent activity; inside a turn the user gets the apology instead', async () => {
    const { rows, store } = memoryStream();
    const adapter = new WebchatAdapter({ store });
    await expect(adapter.updateActivity()).rejects.toThrow(/not supported/);
    await expect(adapter.deleteActivity()).rejects.toThrow(/not supported/);
    await adapter.continueConversationAsync('', reference, async (ctx: TurnContext) => {
      await ctx.updateActivity({ id: 'x', text: 'changed' });
    });
    expect(rows.map((r) => r.activity.text)).toEqual(['抱歉，系统刚才出了点问题，请稍后再试一次。']);
  });
});

describe('TurnQueue', () => {
  it('runs jobs of one key in order and survives a failing job', async () => {
    const errors: unknown[] = [];
    const queue = new TurnQueue((_key, error) => errors.push(error));
    const seen: string[] = [];
    const job = (name: string, ms: number, fail = false) => async () => {
      await new Promise((r) => setTimeout(r, ms));
      seen.push(name);
      if (fail) throw new Error(name);
    };
    void queue.run('a', job('a1', 30));
    void queue.run('a', job('a2', 1, true));
    void queue.run('a', job('a3', 1));
    void queue.run('b', job('b1', 5));
    expect(queue.depth('a')).toBe(3);
    await queue.idle();
    expect(seen.filter((s) => s.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(seen.indexOf('b1')).toBeLessThan(seen.indexOf('a1'));
    expect(errors).toHaveLength(1);
    expect(queue.depth('a')).toBe(0);
  });
});
