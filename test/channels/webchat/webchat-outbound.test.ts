// Web chat behind the same outbound port as SMS: a message to a known conversation lands in its Direct Line
// stream as plain text from the bot; an unknown conversation is a final failure, nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebchatOutbound } from '../../../src/channels/webchat/webchat-outbound.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { WebchatStore } from '../../../src/persistence/webchat-store.ts';
import { createTestDatabase, type TestDatabase } from './webchat-test-server.ts';

let testDb: TestDatabase;
let database: Database;
beforeAll(async () => {
  testDb = await createTestDatabase();
  database = openDatabase(testDb.url);
});
afterAll(async () => {
  await database.close();
  testDb.remove();
});

describe('web chat as an outbound channel', () => {
  it('appends the message to the conversation stream, from the bot, as plain text', async () => {
    const store = new WebchatStore(database.prisma);
    await store.createConversation('conv-1', 'user-1');
    const outbound = createWebchatOutbound(store);
    const sent = await outbound.send('conv-1', { text: '您好，这是本月的联系。' });
    expect(sent).toMatchObject({ ok: true, providerMessageId: 'conv-1|0000001' });
    const page = await store.listActivities('conv-1', 0);
    expect(page.activities).toMatchObject([{ type: 'message', text: '您好，这是本月的联系。', textFormat: 'plain', from: { role: 'bot' } }]);
  });

  it('an unknown conversation is a final failure', async () => {
    const outbound = createWebchatOutbound(new WebchatStore(database.prisma));
    expect(await outbound.send('nope', { text: 'x' })).toEqual({ ok: false, retryable: false, code: 'unknown_conversation' });
  });
});
