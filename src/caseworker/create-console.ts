// Builds the caseworker console (case API, live events, page) from its ports; src/main.ts wires it in.
import type { Router } from 'express';
import type { AccountStore } from './account-store.ts';
import { createAccountsRouter } from './accounts-router.ts';
import { createAuditRouter } from './audit-router.ts';
import type { AuditSearch } from './audit-search.ts';
import { createCaseActions } from './case-actions.ts';
import type { CaseHandover } from './case-handover.ts';
import { createIdentityConfirmation } from './confirm-identity.ts';
import type { CaseDesk } from './case-desk.ts';
import { createCasesRouter, type CaseDueBy } from './cases-router.ts';
import { createConsoleEvents } from './console-events.ts';
import { createChannelStatusRouter, type ChannelLogins } from './channel-status-router.ts';
import { createConsolePage, createReviewsPage, createStaffPage } from './console-page.ts';
import { createEventTickets } from './event-ticket.ts';
import type { SessionEndings } from './session-endings.ts';
import type { SessionFinder } from './session-auth.ts';
import { createDecisionsRouter } from './decisions-router.ts';
import { createDeregistrationRouter } from './deregistration-router.ts';
import { createPeopleRouter } from './people-router.ts';
import type { ReviewDeps } from './review-deps.ts';
import { createMonthlyReports } from './monthly-reports.ts';
import { createReportsRouter } from './reports-router.ts';
import { createTodayWorklists } from './today-worklists.ts';
import { createWorkbenchPage } from './workbench-page.ts';
import { createWorklistsRouter } from './worklists-router.ts';
import type { WorkReportSource } from './work-report-source.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { AuditLog, ConversationStore, IdentityChallengeStore, OutboundSender, TranscriptLog } from '../conversation/ports.ts';

export interface ConsoleDeps {
  sessions: SessionFinder;
  /** Staff accounts, managed by administrators. */
  accounts: AccountStore;
  /** The audit trail as supervisors search it. */
  auditSearch: AuditSearch;
  /** The service's region (REGION). */
  serviceRegion: string;
  desk: CaseDesk;
  sender: OutboundSender;
  /** Channels told when a caseworker takes a conversation over and gives it back. */
  handover?: CaseHandover;
  conversations: Pick<ConversationStore, 'load' | 'save'>;
  /** Links a conversation's channel address to a person when a caseworker confirms who it is. */
  identity: Pick<IdentityChallengeStore, 'linkAddress'>;
  transcript: Pick<TranscriptLog, 'append'>;
  audit: AuditLog;
  localizer: Pick<Localizer, 't' | 'cite' | 'has'>;
  /** Reviews, decisions and the person view (pending registrations, hardship, deregistration facts, people). */
  reviews: Pick<ReviewDeps, 'decisions' | 'people' | 'policy' | 'channels'>;
  dueBy: CaseDueBy;
  /** Signs the EventSource tickets (derive it from the service's key). */
  ticketSecret: Buffer;
  /** Sessions ended on this instance: their event streams end at once. */
  sessionEndings?: SessionEndings;
  logger: { warn(obj: object, msg?: string): void };
  now?: () => Date;
  pollMs?: number;
  /** Today's work lists and the monthly reports read through this port, with the region packs and calendar. */
  /** `now` is the day the lists and reports are for (the service's clock); sessions keep the console's clock. */
  workReports: { source: WorkReportSource; packs: readonly RegionPack[]; calendar: WorkCalendar; now?: () => Date };
  /** Login state of channels that need one (personal WeChat); absent: none is configured. */
  channelLogins?: ChannelLogins;
}

export function createConsole(deps: ConsoleDeps): { api: Router[]; page: Router[]; actions: ReturnType<typeof createCaseActions> } {
  const now = deps.now ?? (() => new Date());
  const actions = createCaseActions(deps);
  const identity = createIdentityConfirmation(deps);
  const cases = createCasesRouter({ sessions: deps.sessions, desk: deps.desk, actions, identity, audit: deps.audit, dueBy: deps.dueBy, colleagues: deps.accounts, serviceRegion: deps.serviceRegion, now });
  const events = createConsoleEvents({
    sessions: deps.sessions, desk: deps.desk, tickets: createEventTickets(deps.ticketSecret), now, logger: deps.logger,
    ...(deps.sessionEndings ? { endings: deps.sessionEndings } : {}),
    ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
  });
  const review: ReviewDeps = { ...deps.reviews, sessions: deps.sessions, sender: deps.sender, transcript: deps.transcript, audit: deps.audit, localizer: deps.localizer, now, logger: deps.logger };
  const reporting = { ...deps.workReports, dueBy: deps.dueBy };
  const clocks = { sessionNow: now, now: deps.workReports.now ?? now };
  const worklists = createWorklistsRouter({ sessions: deps.sessions, worklists: createTodayWorklists(reporting), audit: deps.audit, localizer: deps.localizer, ...clocks });
  const reports = createReportsRouter({ sessions: deps.sessions, reports: createMonthlyReports(reporting), audit: deps.audit, localizer: deps.localizer, ...clocks });
  const accounts = createAccountsRouter({ accounts: deps.accounts, audit: deps.audit, now });
  const audit = createAuditRouter({ sessions: deps.sessions, search: deps.auditSearch, audit: deps.audit, serviceRegion: deps.serviceRegion, now });
  const channelStatus = createChannelStatusRouter({ sessions: deps.sessions, logins: deps.channelLogins ?? { wechaty: () => null }, now });
  // The actions are returned too, so other desks (WeCom) call the very same services.
  return {
    api: [cases, events, createDecisionsRouter(review), createDeregistrationRouter(review), createPeopleRouter(review), worklists, reports, accounts, audit, channelStatus],
    page: [createConsolePage(), createReviewsPage(), createWorkbenchPage(), createStaffPage()],
    actions,
  };
}
