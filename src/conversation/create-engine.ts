// Wires the engine to its dialogs, actions and ports.
import { createConversationEngine, type ConversationEngine } from './conversation-engine.ts';
import { createLocalizer, readLocaleResources, type Localizer } from './localizer.ts';
import type { FirstContactPolicy, RegistrationFollowOn, RegistrationIntake } from './registration-intake.ts';
import { createActions, createPreconditions } from './actions/index.ts';
import type { AuditLog, CaseFiler, ConsentRegister, HardshipRequestDesk, ContactLedger, ContactPreferences, ConversationStore, HandoffDesk, IdentityChallengeStore, OutboundChannel, PeopleDirectory, StatusDirectory, TranscriptLog } from './ports.ts';
import { createIdentityChecks } from './identity/identity-checks.ts';
import { WHO_FILES_CHECKS } from './identity/who-files-check.ts';
import { createProactivePrompter, type ProactivePrompter } from './proactive-prompt.ts';
import type { DialogDefinition, PolicyContext } from './dialog-types.ts';
import type { IntentClassifier } from './intent/intent-classifier.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import { DIALOGS } from '../../dialogs/index.ts';
import { sharedIntentClassifier } from './intent/shared-intent-classifier.ts';

export interface EngineWiring {
  /** The region pack and calendar for a day, loaded by the composition root (src/config/region-policy.ts). */
  policy: (today: string) => PolicyContext;
  repos: { conversations: ConversationStore; transcript: TranscriptLog; audit: AuditLog; handoffs: HandoffDesk & CaseFiler; registrations: RegistrationIntake;
    people: PeopleDirectory; status: StatusDirectory; ledger: ContactLedger; hardshipRequests: HardshipRequestDesk; identity: IdentityChallengeStore;
    contactPreferences?: ContactPreferences; consent?: ConsentRegister };
  firstContact: FirstContactPolicy;
  /** What the person's channel adds after a registration (the Official Account's 订阅通知 invitation). */
  registrationFollowOn?: RegistrationFollowOn;
  /** Where one-time codes go: the SMS channel (its log driver when no provider is configured). Without it no
   * code can be sent and people already on file are offered a caseworker only (bench and older tests). */
  sms?: OutboundChannel;
  /** Fixes the one-time code (tests only). */
  newCode?: () => string;
  idleHours: number;
  /** Defaults to the classifier trained once per process from locales/intents. */
  intents?: IntentClassifier;
  /** The dialogs by id; defaults to dialogs/index.ts (tests run a changed copy of one). */
  dialogs?: Readonly<Record<string, DialogDefinition>>;
  /** The words; defaults to locales/*.json. */
  localizer?: Localizer;
}

/** What the reactive engine and the proactive prompter share: ports, words, dialogs, clock and policy. */
function sharedParts(wiring: EngineWiring) {
  const { repos } = wiring;
  return {
    store: repos.conversations,
    transcript: repos.transcript,
    audit: repos.audit,
    localizer: wiring.localizer ?? createLocalizer(readLocaleResources()),
    dialogs: wiring.dialogs ?? DIALOGS,
    today: serviceDateOf,
    policy: wiring.policy,
  };
}

const NO_SMS: OutboundChannel = { channel: 'none', send: async () => ({ ok: false, retryable: false, code: 'no_sms_channel' }) };

export function createEngine(wiring: EngineWiring): ConversationEngine {
  const shared = sharedParts(wiring);
  const { identity, audit } = wiring.repos;
  return createConversationEngine({
    ...shared,
    checks: {
      ...createIdentityChecks({ identity, audit, sms: wiring.sms ?? NO_SMS, localizer: shared.localizer, ...(wiring.newCode ? { newCode: wiring.newCode } : {}) }),
      ...WHO_FILES_CHECKS,
    },
    handoffs: wiring.repos.handoffs,
    people: wiring.repos.people,
    actions: createActions(wiring),
    preconditions: createPreconditions(wiring),
    idleHours: wiring.idleHours,
    intents: wiring.intents ?? sharedIntentClassifier(),
  });
}

/** The proactive side of the same engine: the delivery worker's way to open a dialog (monthly follow-up). */
export function createEnginePrompter(wiring: EngineWiring): ProactivePrompter {
  return createProactivePrompter(sharedParts(wiring));
}
