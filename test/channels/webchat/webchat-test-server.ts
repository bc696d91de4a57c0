// A real express server on an ephemeral port over a temporary, migrated SQLite file, with a small echo bot.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { TurnContext } from 'botbuilder';
import { openDatabase } from '../../../src/persistence/database.ts';
import type { Database } from '../../../src/persistence/database.ts';
import { migratedDatabase } from '../../support/temp-database.ts';
import { WebchatStore } from '../../../src/persistence/webchat-store.ts';
import { createWebchatTokenRevocations } from '../../../src/persistence/webchat-token-revocations.ts';
import type { WebchatTokenRevocations } from '../../../src/persistence/webchat-token-revocations.ts';
import { createPendingTurnRepository } from '../../../src/persistence/pending-turn-repository.ts';
import { createPiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { createWebchatRouter } from '../../../src/channels/webchat/webchat-router.ts';
import type { WebchatRouter, WebchatRouterOptions } from '../../../src/channels/webchat/webchat-router.ts';
import type { TurnLogic, WebchatLogger } from '../../../src/channels/webchat/webchat-adapter.ts';
import { createWebchatPage } from '../../../src/http/webchat-page.ts';
import { DirectlineStream } from '../../../src/channels/webchat/directline-stream.ts';

export const TOKEN_SECRET = 'test-secret-0123456789abcdef';
/** The PII cipher the test servers seal pending turns with. */
export const testCipher = createPiiCipher(Buffer.alloc(32, 7));

/** Echo bot: replies `你说：<text>` with two suggested actions; greets on webchat/join; throws on "boom". */
export const echoLogic: TurnLogic = async (ctx: TurnContext) => {
  const { activity } = ctx;
  if (activity.type === 'event' && activity.name === 'webchat/join') {
    await ctx.sendActivity('您好，我是就业帮。');
    return;
  }
  if (activity.type !== 'message') return;
  if (activity.text === 'boom') throw new Error('bot logic exploded');
  await ctx.sendActivity({
    type: 'message',
    text: `你说：${activity.text ?? ''}`,
    suggestedActions: {
      to: [activity.from.id],
      actions: [
        { type: 'imBack', title: '找工作', value: '找工作' },
        { type: 'imBack', title: '失业登记', value: '失业登记' },
      ],
    },
  });
};

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

export interface RunningServer {
  baseUrl: string;
  channel: WebchatRouter;
  /** The WebSocket stream, when the server was started with it. */
  stream?: DirectlineStream;
  store: WebchatStore;
  revocations: WebchatTokenRevocations;
  db: Database;
  logs: LoggedLine[];
  /** Every HTTP request the server saw, as "METHOD /path?query". */
  requests: string[];
  close(): Promise<void>;
}

export interface TestDatabase {
  url: string;
  remove(): void;
}

/** A migrated SQLite file of its own (test/support/temp-database.ts, the same as the shared fixture's). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const made = await migratedDatabase('sqlite', 'webchat-test-');
  return { url: made.url, remove: () => void made.remove() };
}

export async function startServer(
  databaseUrl: string,
  logic: TurnLogic = echoLogic,
  extra: Partial<WebchatRouterOptions> = {},
  options: { webSocket?: boolean } = {},
): Promise<RunningServer> {
  const db = openDatabase(databaseUrl);
  const store = new WebchatStore(db.prisma);
  const logs: LoggedLine[] = [];
  const logger: WebchatLogger = {
    info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => logs.push({ level: 'error', obj, msg }),
  };
  const webSocket = options.webSocket ?? false;
  const stream = webSocket ? new DirectlineStream({ store, tokenSecret: TOKEN_SECRET, logger }) : undefined;
  if (stream) store.onAppend((conversationId) => stream.notify(conversationId));
  const revocations = createWebchatTokenRevocations(db.prisma);
  const pendingTurns = createPendingTurnRepository(db.prisma, testCipher);
  const channel = createWebchatRouter({ store, logic, tokenSecret: TOKEN_SECRET, logger, revocations, pendingTurns, ...(stream ? { stream } : {}), ...extra });
  const app = express();
  const requests: string[] = [];
  app.use((req, _res, next) => {
    requests.push(`${req.method} ${req.originalUrl}`);
    next();
  });
  app.use('/v3/directline', channel);
  app.use(createWebchatPage({ webSocket }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  stream?.attach(server);
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    channel,
    ...(stream ? { stream } : {}),
    store,
    revocations,
    db,
    logs,
    requests,
    close: async () => {
      await channel.idle();
      stream?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
