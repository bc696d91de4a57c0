// The OFFICIAL botframework-directlinejs client, driven from Node for channel tests: polling mode
// (webSocket:false, 200 ms) unless a test asks for the WebSocket stream, with the ws/xhr2 polyfills it needs (channels.md §2.3).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import type { Activity, CardAction, Message } from 'botframework-directlinejs';

const g = globalThis as Record<string, unknown>;
g.WebSocket ??= WebSocket;
g.XMLHttpRequest ??= createRequire(import.meta.url)('xhr2'); // CommonJS, no type declarations

export interface ResumeFrom {
  conversationId: string;
  token: string;
  /** Only activities after this watermark are fetched again. */
  watermark?: string;
}

export interface DirectlineTestClient {
  readonly directLine: DirectLine;
  readonly conversationId: string;
  readonly token: string;
  /** Every activity received so far, in stream order (the user's own echoes included). */
  readonly activities: Activity[];
  /** The watermark the official client has reached (what a resuming page would pass back). */
  watermark(): string | undefined;
  /** Posts a user message with a fresh channelData.clientActivityID, like Web Chat; resolves to the server id. */
  say(text: string, extra?: Partial<Message>): Promise<string>;
  /** Posts any activity as-is. */
  post(activity: Record<string, unknown>): Promise<string>;
  waitFor(predicate: (a: Activity) => boolean, timeoutMs?: number): Promise<Activity>;
  /** The first bot message matching `predicate` (all bot messages by default) not yet seen before `after`. */
  waitForBotReply(predicate?: (a: Message) => boolean, timeoutMs?: number): Promise<Message>;
  botMessages(): Message[];
  /** Titles of the suggested actions of the latest bot message. */
  suggestedActions(): string[];
  end(): void;
}

/** POST /v3/directline/tokens/generate, as the page does. */
export async function generateToken(baseUrl: string): Promise<{ conversationId: string; token: string; expires_in: number }> {
  const response = await fetch(`${baseUrl}/v3/directline/tokens/generate`, { method: 'POST' });
  if (!response.ok) throw new Error(`tokens/generate answered ${response.status}`);
  return (await response.json()) as { conversationId: string; token: string; expires_in: number };
}

/** Connects a new conversation (or resumes one) and resolves when the client is Online. */
export async function connect(baseUrl: string, resume?: ResumeFrom, options: { webSocket?: boolean } = {}): Promise<DirectlineTestClient> {
  const grant = resume ?? (await generateToken(baseUrl));
  const directLine = new DirectLine({
    domain: `${baseUrl}/v3/directline`,
    token: grant.token,
    conversationId: resume ? grant.conversationId : undefined,
    watermark: resume?.watermark,
    webSocket: options.webSocket ?? false,
    pollingInterval: 200,
  });
  const activities: Activity[] = [];
  const waiters = new Set<() => void>();
  directLine.activity$.subscribe({
    next: (a) => {
      activities.push(a);
      for (const wake of waiters) wake();
    },
    error: () => {},
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('directline client did not get Online in 10 s')), 10_000);
    directLine.connectionStatus$.subscribe((status) => {
      if (status === ConnectionStatus.Online) {
        clearTimeout(timer);
        resolve();
      }
      if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken || status === ConnectionStatus.Ended) {
        clearTimeout(timer);
        reject(new Error(`directline client status ${ConnectionStatus[status]}`));
      }
    });
  });

  const waitFor = (predicate: (a: Activity) => boolean, timeoutMs = 10_000): Promise<Activity> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = activities.find(predicate);
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching activity in ${timeoutMs} ms; got: ${JSON.stringify(activities.map(summary))}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });

  const isBotMessage = (a: Activity): a is Message => a.type === 'message' && a.from.role === 'bot';
  const post = (activity: Record<string, unknown>): Promise<string> =>
    new Promise((resolve, reject) => {
      directLine.postActivity({ from: { id: 'test-user', role: 'user' }, ...activity } as unknown as Activity).subscribe({
        next: (id: string) => resolve(id),
        error: (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
      });
    });

  return {
    directLine,
    conversationId: grant.conversationId,
    token: grant.token,
    activities,
    watermark: () => Reflect.get(directLine, 'watermark') as string | undefined,
    say: (text, extra = {}) => post({ type: 'message', text, locale: 'zh-CN', ...extra, channelData: { clientActivityID: randomUUID(), ...extra.channelData } }),
    post,
    waitFor,
    waitForBotReply: async (predicate = () => true, timeoutMs = 10_000) => {
      const found = await waitFor((a) => isBotMessage(a) && predicate(a), timeoutMs);
      return found as Message;
    },
    botMessages: () => activities.filter(isBotMessage),
    suggestedActions: () => {
      const last = activities.filter(isBotMessage).at(-1);
      return (last?.suggestedActions?.actions ?? []).map((action: CardAction) => ('title' in action ? String(action.title) : ''));
    },
    end: () => directLine.end(),
  };
}

function summary(a: Activity): string {
  return `${a.type}/${a.from?.role ?? '?'}: ${'text' in a ? a.text ?? '' : ''}`;
}
