// Wires the engine to its dialogs, actions and ports.
import { createConversationEngine, type ConversationEngine } from './conversation-engine.ts';
import { createLocalizer, readLocaleResources } from './localizer.ts';
import { submitRegistration, type FirstContactPolicy, type RegistrationIntake } from './actions/submit-registration.ts';
import type { AuditLog, ConversationStore, HandoffDesk, TranscriptLog } from './ports.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import { DIALOGS } from '../../dialogs/index.ts';

export interface EngineWiring {
  repos: { conversations: ConversationStore; transcript: TranscriptLog; audit: AuditLog; handoffs: HandoffDesk; registrations: RegistrationIntake };
  firstContact: FirstContactPolicy;
  idleHours: number;
}

export function createEngine(wiring: EngineWiring): ConversationEngine {
  const { repos } = wiring;
  return createConversationEngine({
    store: repos.conversations,
    transcript: repos.transcript,
    audit: repos.audit,
    handoffs: repos.handoffs,
    localizer: createLocalizer(readLocaleResources()),
    dialogs: DIALOGS,
    actions: { 'registration.submit': submitRegistration(repos.registrations, wiring.firstContact) },
    today: serviceDateOf,
    idleHours: wiring.idleHours,
  });
}
