// Composition root: configuration → database (migrated) → policy data → engine → channels → HTTP → scheduler.
// `startService` is what `npm start` and the end-to-end tests run; `stop` is the graceful shutdown.
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import cron from 'node-cron';
import type { AppConfig } from './config/app-config.ts';
import type { OutboundChannel } from './conversation/ports.ts';
import type { Reply } from './conversation/reply.ts';
import { loadPiiKey } from './config/load-pii-key.ts';
import { loadWorkCalendar, resolveCalendarOverridesPath } from './config/load-calendar-overrides.ts';
import { loadRegionPacks } from './config/load-region-packs.ts';
import { serviceDateOf } from './config/service-time-zone.ts';
import { selectRegionPack } from './domain/regions/select-region-pack.ts';
import { regionPolicy } from './config/region-policy.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { openDatabase } from './persistence/database.ts';
import { applyMigrations } from './persistence/migrations/apply-migrations.ts';
import { createPiiCipher } from './persistence/pii-cipher.ts';
import { createRepositories } from './persistence/repositories.ts';
import { observeSessionEndings } from './caseworker/session-endings.ts';
import { WebchatStore } from './persistence/webchat-store.ts';
import { createPendingTurnRepository } from './persistence/pending-turn-repository.ts';
import { createEngine, createEnginePrompter } from './conversation/create-engine.ts';
import { createFirstContactPolicy } from './scheduler/first-contact-policy.ts';
import { createOutreachTick } from './scheduler/create-outreach-tick.ts';
import type { TickResult } from './scheduler/outreach-tick.ts';
import { createOutreachDeliveryRepository } from './persistence/outreach-delivery-repository.ts';
import { createDeliveryReceiptRepository } from './persistence/delivery-receipt-repository.ts';
import { createOutreachFactRepository } from './persistence/outreach-fact-repository.ts';
import { createCatalogueDesk, createCatalogueImporter } from './persistence/catalogue-repository.ts';
import { createWebchatOutbound } from './channels/webchat/webchat-outbound.ts';
import { createBotLogic } from './channels/bot-bridge.ts';
import { showsButtons } from './channels/channel-capabilities.ts';
import { CHANNEL_CAPABILITIES } from './channels/channel-capability-list.ts';
import { WEBCHAT_CAPABILITIES } from './channels/webchat/webchat-capabilities.ts';
import { WECHATY_CAPABILITIES } from './channels/wechat-personal/personal-wechat-capabilities.ts';
import { createWebchatRouter } from './channels/webchat/webchat-router.ts';
import { WEBCHAT_CHANNEL_ID, WebchatAdapter } from './channels/webchat/webchat-adapter.ts';
import { DirectlineStream } from './channels/webchat/directline-stream.ts';
import { createLocalizer, readLocaleResources } from './conversation/localizer.ts';
import { toLocale } from './conversation/locales.ts';
import { createHttpApp } from './http/create-http-app.ts';
import { createCalendarHealth } from './http/calendar-health.ts';
import { loadDemoData, removeDemoData } from './caseworker/demo-data.ts';
import { loadDemoCatalogue } from './caseworker/demo-catalogue.ts';
import { openRateLimitStore } from './persistence/rate-limit-store.ts';
import { createAccessTokenRepository } from './persistence/access-token-repository.ts';
import { createSendBudgetRepository } from './persistence/send-budget-repository.ts';
import { createWebchatTokenRevocations } from './persistence/webchat-token-revocations.ts';
import { createRateLimits, limitTextsOf, rateLimitSettingsOf } from './http/rate-limits.ts';
import { createConsole } from './caseworker/create-console.ts';
import { formViewOf } from './conversation/form/form-view.ts';
import { registrationDialog } from '../dialogs/registration.dialog.ts';
import { createCaseDueBy } from './caseworker/case-due-by.ts';
import { createCaseDeskRepository } from './persistence/case-desk-repository.ts';
import { createWorkReportRepository } from './persistence/work-report-repository.ts';
import { createAuditSearchRepository } from './persistence/audit-search-repository.ts';
import { createOutboundSender } from './channels/outbound-sender.ts';
import { createSmsChannel, smsDriverFromSettings } from './channels/sms/sms-channel.ts';
import { createSmsRoutes } from './channels/sms/sms-routes.ts';
import { SmsAdapter } from './channels/sms/sms-adapter.ts';
import { createSmsNumberLimitRepository } from './persistence/sms-number-limit-repository.ts';
import { createSmsPhoneBookRepository, createSmsUplinkRepository } from './persistence/sms-phone-book-repository.ts';
import { createSmsShortLinkRepository } from './persistence/sms-short-link-repository.ts';
import { startWechatFromConfig, type WechatyBot } from './channels/wechat-personal/start-personal-wechat.ts';
import { createDecisionDeskRepository } from './persistence/reviews/decision-desk-repository.ts';
import { createPersonFileRepository } from './persistence/reviews/person-file-repository.ts';
import { startTencentChannels } from './channels/start-tencent-channels.ts';
import { createChannelInboxRepository } from './persistence/channel-inbox-repository.ts';
import { createWecomMemberRepository } from './persistence/wecom-member-repository.ts';
import { createWechatOaFollowerRepository } from './persistence/wechat-oa-follower-repository.ts';
import { createWecomKfCursorRepository, createWecomKfSessionRepository, createWecomKfWindowRepository } from './persistence/wecom-kf-repository.ts';
import { createQueuedMessageRepository } from './persistence/queued-message-repository.ts';
import { createHandoverRelay } from './caseworker/case-handover.ts';

export interface RunningService {
  url: string;
  /** The express app itself (the access-table test enumerates its routes). */
  app: Express;
  port: number;
  logger: Logger;
  /** Runs one outreach tick now (the CLI and tests use it; cron calls the same). */
  tick(now: Date): Promise<TickResult>;
  /** Channels that reach a person by address (the Official Account when configured), for outreach delivery. */
  outboundChannels: readonly OutboundChannel[];
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** The clock of health checks, start-up checks and web chat turns (tests set it); default the real one. */
  now?: () => Date;
  /** One-off commands (outreach tick) leave the demo account as the serving process set it. */
  leaveDemoAccount?: boolean;
  /** A wechaty instance to serve instead of one built from WECHATY_PUPPET (tests pass one on the mock puppet). */
  wechaty?: WechatyBot;
}

export async function startService(config: AppConfig, options: StartOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const now = options.now ?? (() => new Date());
  const packs = loadRegionPacks();
  const calendar = loadWorkCalendar(resolveCalendarOverridesPath(config.CALENDAR_OVERRIDES_FILE));
  const calendarHealth = createCalendarHealth(packs, calendar, config.REGION, logger);
  const today = serviceDateOf(now());
  calendarHealth.warnIfShort(now());
  const pack = selectRegionPack(packs, config.REGION, today);
  const cipher = createPiiCipher(loadPiiKey(config));

  const migrated = await applyMigrations(config.DATABASE_URL);
  const database = openDatabase(config.DATABASE_URL);
  await database.ready;
  const stored = createRepositories(database.prisma, cipher, config.REGION);
  // Sessions ended here (logout, account disabled, password changed) end the console's event streams at once.
  const sessionWatch = observeSessionEndings(stored.caseworkers);
  const repos = { ...stored, caseworkers: sessionWatch.store };
  const firstContact = createFirstContactPolicy(packs, calendar, config.REGION);
  const policy = regionPolicy(config.REGION, packs, calendar);
  // One-time codes and notices go out by SMS; with SMS_PROVIDER=log they are only logged, and it says so.
  const phoneBook = createSmsPhoneBookRepository(database.prisma, cipher);
  await phoneBook.backfill();
  const shortLinks = createSmsShortLinkRepository(database.prisma);
  const sms = createSmsChannel(smsDriverFromSettings(config, logger), {
    notices: config.SMS_NOTICE_TEMPLATES ?? {}, phoneBook, audit: repos.audit, clock: now,
    limiter: createSmsNumberLimitRepository(database.prisma, cipher, { minGapSeconds: config.SMS_NUMBER_MIN_GAP_SECONDS, maxPerHour: config.SMS_NUMBER_MAX_PER_HOUR, maxPerDay: config.SMS_NUMBER_MAX_PER_DAY }),
    ...(config.PUBLIC_BASE_URL ? { links: { store: shortLinks, baseUrl: config.PUBLIC_BASE_URL, days: config.SMS_LINK_DAYS } } : {}),
  });
  // Filled once the channels start: what each adds after a registration (the Official Account's 订阅通知 link).
  const registrationFollowOns: Record<string, (userKey: string) => Promise<Reply[]>> = {};
  const registrationFollowOn = { repliesFor: async (p: { channel: string; userKey: string }) => (await registrationFollowOns[p.channel]?.(p.userKey)) ?? [] };
  const engine = createEngine({ repos, firstContact, policy, idleHours: config.DIALOG_IDLE_HOURS, sms, registrationFollowOn });

  const store = new WebchatStore(database.prisma);
  const localizer = createLocalizer(readLocaleResources());
  const apologyText = localizer.t('zh-CN', 'engine.error');
  const revocations = createWebchatTokenRevocations(database.prisma);
  const tokenSecret = cipher.deriveSecret('webchat-token').toString('base64url');
  const stream = new DirectlineStream({ store, tokenSecret, logger });
  const webchatAdapter = new WebchatAdapter({ store, logger, apologyText, onStored: (conversationId) => stream.notify(conversationId) });
  store.onAppend((conversationId) => stream.notify(conversationId));
  const webchat = createWebchatRouter({
    revocations,
    resumeWindowSeconds: config.WEBCHAT_REFRESH_WINDOW_HOURS * 3600,
    store,
    stream,
    tooLongText: (locale, length, max) => localizer.t(toLocale(locale), 'engine.messageTooLong', { length, max }),
    adapter: webchatAdapter,
    logic: createBotLogic(engine, { capabilities: WEBCHAT_CAPABILITIES, resumable: true }),
    tokenSecret,
    tokenLifetimeSeconds: config.WEBCHAT_TOKEN_MINUTES * 60,
    pendingTurns: createPendingTurnRepository(database.prisma, cipher),
    turnLeaseSeconds: config.WEBCHAT_TURN_LEASE_SECONDS,
    clock: now,
    logger,
  });
  // Messages acknowledged before a crash (here or on another instance) are answered: now, and whenever a lease lapses.
  await webchat.turns.sweep();
  const stopSweeping = webchat.turns.startSweeping(sweepIntervalMs(config.WEBCHAT_TURN_LEASE_SECONDS));
  // Send slots (WeCom members, the personal WeChat account) are reserved in the database, shared by every instance.
  const sendBudget = createSendBudgetRepository(database.prisma);
  const wechat = await startWechatFromConfig(config, { logic: createBotLogic(engine, { capabilities: WECHATY_CAPABILITIES }), localizer, logger, now, sendBudget, ...(options.wechaty ? { bot: options.wechaty } : {}) });
  const caseDesk = createCaseDeskRepository(database.prisma);
  // Channels that reach a person by address (the Tencent ones join once started): outreach sends through them,
  // and the person file asks each whether it can reach the person now.
  const outboundChannels: OutboundChannel[] = [createWebchatOutbound(store), ...(wechat ? [wechat.outbound] : []), sms];
  // Filled with the Tencent channels' adapters once they start (they need the console's case actions).
  // Likewise the channels told when a caseworker takes a conversation over (微信客服 session state).
  const handover = createHandoverRelay(logger);
  const proactiveAdapters: Record<string, Parameters<typeof createOutboundSender>[0][string]> = {
    [WEBCHAT_CHANNEL_ID]: webchatAdapter, [sms.channel]: new SmsAdapter({ sms, personAt: phoneBook.personAt, localizer }), ...(wechat ? { [wechat.adapter.channelId]: wechat.adapter } : {}),
  };
  const caseworkerConsole = createConsole({
    sessions: repos.caseworkers,
    accounts: repos.caseworkers,
    auditSearch: createAuditSearchRepository(database.prisma),
    serviceRegion: config.REGION,
    desk: caseDesk,
    sender: createOutboundSender(proactiveAdapters),
    handover,
    conversations: repos.conversations,
    identity: repos.identity,
    transcript: repos.transcript,
    audit: repos.audit,
    localizer,
    dueBy: createCaseDueBy(packs, calendar),
    reviews: {
      decisions: createDecisionDeskRepository(database.prisma),
      people: createPersonFileRepository(database.prisma, cipher),
      policy: { packFor: (regionCode, day) => selectRegionPack(packs, regionCode, day), calendar },
      channels: outboundChannels,
    },
    ticketSecret: cipher.deriveSecret('console-events'),
    sessionEndings: sessionWatch.endings,
    logger,
    now,
    workReports: { source: createWorkReportRepository(database.prisma), packs, calendar, now },
    ...(wechat ? { channelLogins: { wechaty: () => wechat.loginStatus() } } : {}),
  });
  const limitStore = openRateLimitStore(config.DATABASE_URL);
  const limits = await createRateLimits(limitStore, rateLimitSettingsOf(config), limitTextsOf(localizer));
  // What channels report later about messages they accepted (SMS status reports, 订阅通知 and 微信客服 send results).
  const receipts = createDeliveryReceiptRepository(database.prisma);
  // WeCom (caseworkers) and the Official Account, each off unless configured.
  const tencent = startTencentChannels({
    config, logger, localizer, audit: repos.audit, receipts, desk: caseDesk, actions: caseworkerConsole.actions,
    inbox: createChannelInboxRepository(database.prisma, cipher), wecomMembers: createWecomMemberRepository(database.prisma),
    oaFollowers: createWechatOaFollowerRepository(database.prisma), engine,
    kfCursors: createWecomKfCursorRepository(database.prisma), kfWindows: createWecomKfWindowRepository(database.prisma),
    kfSessions: createWecomKfSessionRepository(database.prisma), transcript: repos.transcript,
    sharedTokens: createAccessTokenRepository(database.prisma, cipher), sendBudget,
    messageQueue: createQueuedMessageRepository(database.prisma, cipher), now,
    subscribeSecret: cipher.deriveSecret('wechat-oa-subscribe'), pageLimit: limits.pages,
  });
  Object.assign(proactiveAdapters, tencent.adapters);
  Object.assign(registrationFollowOns, tencent.registrationFollowOns);
  outboundChannels.push(...tencent.outbound);
  handover.add(...tencent.handovers);
  await tencent.sweep();
  const smsRoutes = await createSmsRoutes({
    shortLinks: { links: shortLinks, store, identity: repos.identity, audit: repos.audit, localizer, tokenSecret, tokenLifetimeSeconds: config.WEBCHAT_TOKEN_MINUTES * 60, clock: now },
    uplink: { secret: config.SMS_UPLINK_SECRET, receipts, phoneBook, uplinks: createSmsUplinkRepository(database.prisma), identity: repos.identity, engine, sms, audit: repos.audit, localizer, clock: now, logger },
    limits: { shortLinksPerIp: config.LIMIT_SHORT_LINKS_PER_IP, uplinksPerIp: config.LIMIT_SMS_UPLINKS_PER_IP }, limiter: (spec) => limitStore.limiter(spec),
  });
  const webchatTokens = { regionCode: config.REGION, exists: async (id: string) => (await store.findConversation(id)) !== null, revoke: revocations.revoke };
  const app = createHttpApp({ webchat, repos, now, sessionHours: config.SESSION_HOURS, logger, limits, trustProxy: config.TRUST_PROXY, webchatTokens, health: { calendar: calendarHealth.check, now, ...(wechat ? { channels: () => ({ wechaty: wechat.loginState() }) } : {}) }, consoleApi: caseworkerConsole.api, consolePage: caseworkerConsole.page, webchatStream: true, channels: { ...tencent.routers, ...smsRoutes.channels }, shortLinks: smsRoutes.shortLinks,
    registrationFields: (registration) => formViewOf(registrationDialog.steps, { ...registration }, (key) => localizer.t('zh-CN', key)) });
  if (config.DEMO_DATA) {
    await loadDemoData(repos, config.REGION, logger);
    await loadDemoCatalogue(createCatalogueImporter(database.prisma), now(), logger);
  } else if (!options.leaveDemoAccount) await removeDemoData(repos, logger);

  // Outreach goes out through the same channels people talk on; SMS carries one registered notice template per task.
  const tick = createOutreachTick({
    plans: repos.outreach, deliveries: createOutreachDeliveryRepository(database.prisma), facts: createOutreachFactRepository(database.prisma), contacts: repos.ledger, audit: repos.audit, packs, calendar,
    catalogue: createCatalogueDesk(database.prisma, cipher),
    channels: outboundChannels, buttonChannels: CHANNEL_CAPABILITIES.filter(showsButtons).map((c) => c.channel), localizer, settings: config,
    prompter: createEnginePrompter({ repos, firstContact, policy, idleHours: config.DIALOG_IDLE_HOURS }),
  });
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
  logger.info({ host: config.HOST, port, region: config.REGION, pack: pack.code, sms: sms.provider, migrationsApplied: migrated.applied.length, database: database.kind }, `就业帮 listening on ${url}`);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await job?.stop();
      stopSweeping();
      await wechat?.stop().catch((err: unknown) => logger.warn({ err }, 'WeChat channel did not stop cleanly'));
      await tencent.stop();
      stream.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await webchat.idle();
      server.closeAllConnections();
      await closed;
      await limitStore.close();
      await database.close();
      logger.info('stopped');
    })());
  return { url, app, port, logger, tick, stop, outboundChannels: tencent.outbound };
}

/** Half a lease, between a quarter of a second and ten seconds: a lapsed turn waits at most that much more. */
function sweepIntervalMs(leaseSeconds: number): number {
  return Math.min(10_000, Math.max(250, (leaseSeconds * 1000) / 2));
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
