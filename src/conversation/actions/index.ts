// Every action a dialog can finish with, by name, bound to its ports.
import type { DialogAction, DialogPrecondition } from './action-types.ts';
import { submitRegistration } from './submit-registration.ts';
import { fileHardshipPrescreen } from './file-hardship-prescreen.ts';
import type { EngineWiring } from '../create-engine.ts';
import { showStatus } from './show-status.ts';
import { recordFollowUp } from './record-follow-up.ts';
import { linkIdentity } from './link-identity.ts';
import { requireOpenRegistration } from './require-open-registration.ts';
import { requireLinkedAddress } from './require-linked-address.ts';
import { setContactChannel } from './set-contact-channel.ts';
import { withdrawConsent } from './withdraw-consent.ts';
import { restoreConsent } from './restore-consent.ts';
import { requireConsentState } from './require-consent-state.ts';

export function createActions(wiring: EngineWiring): Readonly<Record<string, DialogAction>> {
  return {
    'registration.submit': submitRegistration(wiring.repos.registrations, wiring.firstContact, wiring.registrationFollowOn),
    'hardship.file': fileHardshipPrescreen(wiring.repos.hardshipRequests),
    'status.show': showStatus(wiring.repos),
    'followUp.record': recordFollowUp({ ...wiring.repos, cases: wiring.repos.handoffs }),
    'identity.link': linkIdentity({ identity: wiring.repos.identity, cases: wiring.repos.handoffs, audit: wiring.repos.audit }),
    'contactChannel.set': setContactChannel({ people: wiring.repos.people, audit: wiring.repos.audit, ...(wiring.repos.contactPreferences ? { preferences: wiring.repos.contactPreferences } : {}) }),
    'consent.withdraw': withdrawConsent({ ...consentPorts(wiring), cases: wiring.repos.handoffs }),
    'consent.restore': restoreConsent(consentPorts(wiring)),
  };
}

/** Every check a dialog can require before its first question, by name. */
export function createPreconditions(wiring: EngineWiring): Readonly<Record<string, DialogPrecondition>> {
  return {
    'followUp.registered': requireOpenRegistration(wiring.repos), 'contactChannel.linked': requireLinkedAddress(wiring.repos),
    'consent.given': requireConsentState(consentPorts(wiring), 'given'), 'consent.withdrawn': requireConsentState(consentPorts(wiring), 'withdrawn'),
  };
}

function consentPorts(wiring: EngineWiring) {
  return { people: wiring.repos.people, ...(wiring.repos.consent ? { consent: wiring.repos.consent } : {}) };
}
