// Personal WeChat splits a long reply as its declared capabilities say: parts of at most 2048 bytes cut at
// sentence ends, Markdown made plain, buttons as numbered lines (before, one text of any length went out).
import { describe, expect, it } from 'vitest';
import { toActivity } from '../../../src/channels/bot-bridge.ts';
import { WechatyAdapter } from '../../../src/channels/wechat-personal/wechaty-adapter.ts';

const quiet = { warn: () => {}, error: () => {} };

describe('a long reply over personal WeChat', () => {
  it('goes out as several texts, each within 2048 bytes and ending a sentence, the choices numbered at the end', async () => {
    const sent: string[] = [];
    const adapter = new WechatyAdapter(async (_contact, text) => {
      sent.push(text);
      return { sent: true, value: `m${sent.length}` };
    }, { id: 'bot', name: '就业帮' }, quiet, '抱歉');
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}条：**请按时**参加每月的就业服务回访，有问题随时联系经办人员。`).join('');

    await adapter.processText({ messageId: 'w1', contactId: 'c1', text: '你好', at: new Date() }, async (ctx) => {
      await ctx.sendActivity(toActivity({ text: long, choices: [{ title: '好的', value: 'ok' }, { title: '转人工', value: 'human' }] }));
    });

    expect(sent.length).toBeGreaterThan(1);
    for (const text of sent) expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(2048);
    for (const text of sent.slice(0, -1)) expect(text).toMatch(/。$/);
    expect(sent.join('')).not.toContain('*');
    expect(sent.join('').match(/请按时参加/g)).toHaveLength(40);
    expect(sent.at(-1)).toMatch(/\n1\. 好的\n2\. 转人工$/);
  });
});
