// Direct Line's WebSocket stream (channels.md §2.1): `streamUrl` is opened by directlinejs and Web Chat
// instead of polling. Each socket gets the activities after its watermark as `{activities, watermark}`
// frames: at once when this process appends one, and from a slow catch-up read of the store, so a turn
// answered by another instance still arrives. Polling (GET …/activities) stays for clients without it.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ActivityPage } from './webchat-store-port.ts';
import { DirectlineToken } from './directline-token.ts';
import type { WebchatLogger } from './webchat-adapter.ts';

export interface DirectlineStreamOptions {
  store: {
    listActivities(conversationId: string, watermark: number): Promise<ActivityPage>;
    findConversation(id: string): Promise<unknown>;
  };
  /** The same secret (and so the same tokens) as the Direct Line router. */
  tokenSecret: string;
  /** Where the Direct Line router is mounted. */
  basePath?: string;
  logger?: WebchatLogger;
  /** How often each socket re-reads the store for activities appended by another instance. */
  catchUpMs?: number;
  /** How often the server pings; a socket that has not answered the previous ping is closed. */
  pingMs?: number;
}

/** What the router needs to hand out stream URLs. */
export interface StreamUrls {
  streamUrlOf(request: { protocol: string; host: string | undefined }, conversationId: string, token: string, watermark?: string): string;
}

interface Subscriber {
  conversationId: string;
  socket: WebSocket;
  watermark: number;
  alive: boolean;
  reading: Promise<void> | null;
  again: boolean;
}

const silentLogger: WebchatLogger = { info: () => {}, warn: () => {}, error: () => {} };

export class DirectlineStream implements StreamUrls {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly subscribers = new Set<Subscriber>();
  private readonly tokens: DirectlineToken;
  private readonly basePath: string;
  private readonly logger: WebchatLogger;
  private readonly timers: NodeJS.Timeout[];
  private readonly pattern: RegExp;

  constructor(private readonly options: DirectlineStreamOptions) {
    this.tokens = new DirectlineToken(options.tokenSecret);
    this.basePath = options.basePath ?? '/v3/directline';
    this.logger = options.logger ?? silentLogger;
    this.pattern = new RegExp(`^${this.basePath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/conversations/([^/]+)/stream$`);
    this.timers = [
      setInterval(() => this.subscribers.forEach((s) => this.read(s)), options.catchUpMs ?? 2000),
      setInterval(() => this.ping(), options.pingMs ?? 30_000),
    ];
    this.timers.forEach((t) => t.unref());
  }

  streamUrlOf(request: { protocol: string; host: string | undefined }, conversationId: string, token: string, watermark?: string): string {
    const scheme = request.protocol === 'https' ? 'wss' : 'ws';
    const query = new URLSearchParams({ t: token, ...(watermark ? { watermark } : {}) });
    return `${scheme}://${request.host ?? 'localhost'}${this.basePath}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
  }

  /** Handles WebSocket upgrades for stream URLs on `server`. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.upgrade(req, socket, head).catch((error: unknown) => {
        this.logger.error({ err: error }, 'direct line stream could not open');
        refuse(socket, 500, 'Internal Server Error');
      });
    });
  }

  /** An activity was appended to `conversationId` in this process: push it now. */
  notify(conversationId: string): void {
    for (const s of this.subscribers) if (s.conversationId === conversationId) this.read(s);
  }

  /** Open sockets (tests, metrics). */
  get connections(): number {
    return this.subscribers.size;
  }

  close(): void {
    this.timers.forEach((t) => clearInterval(t));
    for (const s of this.subscribers) s.socket.terminate();
    this.subscribers.clear();
    this.wss.close();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stream.invalid');
    const match = this.pattern.exec(url.pathname);
    if (!match?.[1]) return refuse(socket, 404, 'Not Found');
    const conversationId = decodeURIComponent(match[1]);
    const check = this.tokens.verify(url.searchParams.get('t') ?? undefined);
    if (!check.ok || check.claims.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
    const watermark = url.searchParams.get('watermark') ?? '';
    if (!/^\d{0,15}$/.test(watermark)) return refuse(socket, 400, 'Bad Request');
    if (!(await this.options.store.findConversation(conversationId))) return refuse(socket, 404, 'Not Found');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const subscriber: Subscriber = { conversationId, socket: ws, watermark: Number(watermark || 0), alive: true, reading: null, again: false };
      this.subscribers.add(subscriber);
      ws.on('pong', () => (subscriber.alive = true));
      ws.on('message', () => {}); // directlinejs sends "" every 20 s to keep proxies open; nothing to do
      ws.on('close', () => this.subscribers.delete(subscriber));
      ws.on('error', () => this.subscribers.delete(subscriber));
      this.read(subscriber);
    });
  }

  /** Sends what is newer than the subscriber's watermark; one read at a time, repeated if asked meanwhile. */
  private read(s: Subscriber): void {
    if (s.reading) {
      s.again = true;
      return;
    }
    s.reading = (async () => {
      do {
        s.again = false;
        const page = await this.options.store.listActivities(s.conversationId, s.watermark);
        if (page.activities.length === 0 || s.socket.readyState !== s.socket.OPEN) continue;
        s.socket.send(JSON.stringify({ activities: page.activities, watermark: String(page.watermark) }));
        s.watermark = page.watermark;
        s.again = true; // a full page may have more behind it
      } while (s.again && this.subscribers.has(s));
    })()
      .catch((error: unknown) => this.logger.warn({ err: error, conversationId: s.conversationId }, 'direct line stream read failed'))
      .finally(() => (s.reading = null));
  }

  private ping(): void {
    for (const s of this.subscribers) {
      if (!s.alive) {
        s.socket.terminate();
        this.subscribers.delete(s);
        continue;
      }
      s.alive = false;
      s.socket.ping();
    }
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
