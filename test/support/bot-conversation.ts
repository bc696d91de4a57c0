// A conversation helper over the official Direct Line client: say something, get the bot's new replies.
import type { Message } from 'botframework-directlinejs';
import type { DirectlineTestClient } from './directline-client.ts';

export interface BotTurn {
  texts: string[];
  buttons: string[];
}

/** Sends `text` and waits until the bot has answered it (all replies of the turn, settled). */
export async function ask(client: DirectlineTestClient, text: string, settleMs = 400): Promise<BotTurn> {
  const before = client.botMessages().length;
  await client.say(text);
  return newReplies(client, before, settleMs);
}

export async function newReplies(client: DirectlineTestClient, before: number, settleMs = 400, timeoutMs = 10_000): Promise<BotTurn> {
  await client.waitFor(() => client.botMessages().length > before, timeoutMs);
  let count = -1;
  while (count !== client.botMessages().length) {
    count = client.botMessages().length;
    await new Promise((r) => setTimeout(r, settleMs));
  }
  const fresh: Message[] = client.botMessages().slice(before);
  const last = fresh.at(-1);
  return {
    texts: fresh.map((m) => m.text ?? ''),
    buttons: (last?.suggestedActions?.actions ?? []).map((a) => String(a.title ?? '')),
  };
}
