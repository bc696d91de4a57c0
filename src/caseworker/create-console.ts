// Builds the caseworker console (case API, live events, page) from its ports; src/main.ts wires it in.
import type { Router } from 'express';
import type { AccountStore } from './account-store.ts';
import { createAccountsRouter } from './accounts-router.ts';
import { createAuditRouter } from './audit-router.ts';
import type { AuditSearch } from './audit-search.ts';
import { createStaffPage } from './staff-page.ts';
import { createCaseActions } from './case-actions.ts';
import { createIdentityConfirmation } from './confirm-identity.ts';
import type { CaseDesk } from './case-desk.ts';
import { createCasesRouter, type CaseDueBy } from './cases-router.ts';
import { createConsoleEvents } from './console-events.ts';
import { createConsolePage } from './console-page.ts';
import { createEventTickets } from './event-ticket.ts';
import type { SessionFinder } from './session-auth.ts';
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
  conversations: Pick<ConversationStore, 'load' | 'save'>;
  /** Links a conversation's channel address to a person when a caseworker confirms who it is. */
  identity: Pick<IdentityChallengeStore, 'linkAddress'>;
  transcript: Pick<TranscriptLog, 'append'>;
  audit: AuditLog;
  localizer: Pick<Localizer, 't'>;
  dueBy: CaseDueBy;
  /** Signs the EventSource tickets (derive it from the service's key). */
  ticketSecret: Buffer;
  logger: { warn(obj: object, msg?: string): void };
  now?: () => Date;
  pollMs?: number;
}

export function createConsole(deps: ConsoleDeps): { api: Router[]; page: Router[] } {
  const now = deps.now ?? (() => new Date());
  const actions = createCaseActions(deps);
  const identity = createIdentityConfirmation(deps);
  const cases = createCasesRouter({ sessions: deps.sessions, desk: deps.desk, actions, identity, audit: deps.audit, dueBy: deps.dueBy, now });
  const events = createConsoleEvents({
    sessions: deps.sessions, desk: deps.desk, tickets: createEventTickets(deps.ticketSecret), now, logger: deps.logger,
    ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
  });
  const accounts = createAccountsRouter({ accounts: deps.accounts, audit: deps.audit, now });
  const audit = createAuditRouter({ sessions: deps.sessions, search: deps.auditSearch, audit: deps.audit, serviceRegion: deps.serviceRegion, now });
  return { api: [cases, events, accounts, audit], page: [createConsolePage(), createStaffPage()] };
}
