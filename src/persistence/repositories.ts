// All repositories over one database handle, built once at start-up.
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { createAuditRepository } from './audit-repository.ts';
import { createCaseworkerRepository } from './caseworker-repository.ts';
import { createConversationRepository } from './conversation-repository.ts';
import { createHandoffRepository } from './handoff-repository.ts';
import { createOutreachRepository } from './outreach-repository.ts';
import { createRegistrationRepository } from './registration-repository.ts';
import { createTranscriptRepository } from './transcript-repository.ts';
import { createHardshipRequestRepository } from './hardship-request-repository.ts';
import { createPeopleRepository } from './people-repository.ts';
import { createStatusRepository } from './status-repository.ts';
import { createContactLedgerRepository } from './contact-ledger-repository.ts';
import { createIdentityChallengeRepository } from './identity-challenge-repository.ts';
import { createContactPreferenceRepository } from './contact-preference-repository.ts';
import { createConsentRepository } from './consent-repository.ts';

export function createRepositories(db: Db, cipher: PiiCipher, regionCode: string) {
  const conversations = createConversationRepository(db, cipher);
  return {
    conversations,
    transcript: createTranscriptRepository(db),
    audit: createAuditRepository(db),
    handoffs: createHandoffRepository(db, regionCode, conversations),
    people: createPeopleRepository(db),
    status: createStatusRepository(db),
    ledger: createContactLedgerRepository(db),
    registrations: createRegistrationRepository(db, cipher, regionCode),
    hardshipRequests: createHardshipRequestRepository(db, cipher, regionCode),
    caseworkers: createCaseworkerRepository(db),
    identity: createIdentityChallengeRepository(db, cipher),
    outreach: createOutreachRepository(db),
    contactPreferences: createContactPreferenceRepository(db),
    consent: createConsentRepository(db),
    /** Liveness of the database for /healthz. */
    async ping(): Promise<boolean> {
      const rows = await db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
      return rows.length === 1;
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
