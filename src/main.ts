// Composition root: configuration → database (migrated) → policy data → engine → channels → HTTP → scheduler.
// `startService` is what `npm start` and the end-to-end tests run; `stop` is the graceful shutdown.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import cron from 'node-cron';
import type { AppConfig } from './config/app-config.ts';
import { loadPiiKey } from './config/load-pii-key.ts';
import { loadWorkCalendar } from './config/load-calendar-overrides.ts';
import { loadRegionPacks } from './config/load-region-packs.ts';
import { serviceDateOf } from './config/service-time-zone.ts';
import { selectRegionPack } from './domain/regions/select-region-pack.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { openDatabase } from './persistence/database.ts';
import { applyMigrations } from './persistence/migrations/apply-migrations.ts';
import { createPiiCipher } from './persistence/pii-cipher.ts';
import { createRepositories } from './persistence/repositories.ts';
import { WebchatStore } from './persistence/webchat-store.ts';
import { createEngine } from './conversation/create-engine.ts';
import { createFirstContactPolicy } from './scheduler/first-contact-policy.ts';
import { runOutreachTick } from './scheduler/outreach-tick.ts';
import { createBotLogic } from './channels/bot-bridge.ts';
import { createWebchatRouter } from './channels/webchat/webchat-router.ts';
import { WebchatAdapter } from './channels/webchat/webchat-adapter.ts';
import { DirectlineStream } from './channels/webchat/directline-stream.ts';
import { createLocalizer, readLocaleResources } from './conversation/localizer.ts';
import { toLocale } from './conversation/locales.ts';
import { createHttpApp } from './http/create-http-app.ts';
import { loadDemoData } from './caseworker/demo-data.ts';

/** Web Chat stacks buttons one under another; more than this many do not fit a phone screen, so they go as numbered lines. */
const WEBCHAT_MAX_BUTTONS = 8;

export interface RunningService {
  url: string;
  port: number;
  logger: Logger;
  /** Runs one outreach tick now (the CLI and tests use it; cron calls the same). */
  tick(now: Date): Promise<{ firstContactTasksCreated: number }>;
  stop(): Promise<void>;
}

export async function startService(config: AppConfig, options: { logger?: Logger } = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const packs = loadRegionPacks();
  const calendar = loadWorkCalendar();
  const today = serviceDateOf(new Date());
  const pack = selectRegionPack(packs, config.REGION, today);
  const cipher = createPiiCipher(loadPiiKey(config));

  const migrated = await applyMigrations(config.DATABASE_URL);
  const database = openDatabase(config.DATABASE_URL);
  await database.ready;
  const repos = createRepositories(database.prisma, cipher, config.REGION);
  const firstContact = createFirstContactPolicy(packs, calendar, config.REGION);
  const policy = (day: string) => ({ pack: selectRegionPack(packs, config.REGION, day), calendar });
  const engine = createEngine({ repos, firstContact, policy, idleHours: config.DIALOG_IDLE_HOURS });

  const store = new WebchatStore(database.prisma);
  const localizer = createLocalizer(readLocaleResources());
  const apologyText = localizer.t('zh-CN', 'engine.error');
  const tokenSecret = cipher.deriveSecret('webchat-token').toString('base64url');
  const stream = new DirectlineStream({ store, tokenSecret, logger });
  store.onAppend((conversationId) => stream.notify(conversationId));
  const webchat = createWebchatRouter({
    store,
    stream,
    tooLongText: (locale, length, max) => localizer.t(toLocale(locale), 'engine.messageTooLong', { length, max }),
    adapter: new WebchatAdapter({ store, logger, apologyText }),
    logic: createBotLogic(engine, { buttons: true, maxButtons: WEBCHAT_MAX_BUTTONS }),
    tokenSecret,
    tokenLifetimeSeconds: config.WEBCHAT_TOKEN_MINUTES * 60,
    logger,
  });
  const app = createHttpApp({ webchat, repos, sessionHours: config.SESSION_HOURS, logger, webchatStream: true });
  if (config.DEMO_DATA) await loadDemoData(repos, config.REGION, logger);

  const tick = (now: Date) => runOutreachTick({ registrations: repos.registrations, outreach: repos.outreach, firstContact, audit: repos.audit }, now);
  const job = config.SCHEDULER_ENABLED
    ? cron.schedule(config.SCHEDULER_CRON, async () => {
        const result = await tick(new Date()).catch((err: unknown) => logger.error({ err }, 'outreach tick failed'));
        if (result) logger.debug({ result }, 'outreach tick');
      }, { noOverlap: true, name: 'outreach-tick' })
    : null;

  const server = await listen(app, config.PORT, config.HOST);
  stream.attach(server);
  const port = portOf(server);
  const url = `http://localhost:${port}`;
  logger.info({ port, region: config.REGION, pack: pack.code, migrationsApplied: migrated.applied.length, database: database.kind }, `就业帮 listening on ${url}`);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await job?.stop();
      stream.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await webchat.idle();
      server.closeAllConnections();
      await closed;
      await database.close();
      logger.info('stopped');
    })());
  return { url, port, logger, tick, stop };
}

function listen(app: ReturnType<typeof createHttpApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    server.on('error', reject);
  });
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? (address satisfies AddressInfo).port : 0;
}
