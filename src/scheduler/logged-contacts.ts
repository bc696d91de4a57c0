// Contacts in the ledger that planned outreach did not make (a caseworker's call, home visit or office visit): the
// planner counts them so a person is not sent what a caseworker already gave them (issue 12).
import { serviceDateOf } from '../config/service-time-zone.ts';
import { reachedPerson } from '../domain/contact/contact-outcomes.ts';
import type { ContactCredits } from '../domain/outreach/plan-obligations.ts';
import { QUOTA_KINDS, type QuotaContact, type QuotaKind } from '../domain/quota/quota-progress.ts';

/** A ledger row outside planned outreach (outreach's own rows are its sent tasks, which re-planning never touches). */
export interface LoggedContact {
  jobSeekerId: string;
  kind: string;
  /** What came of it (contact-outcomes.ts): a call nobody answered meets no check-in. */
  outcome: string;
  serviceKinds: string[];
  at: Date;
}

/** The port: each person's ledger rows not made by planned outreach, for a batch of people. */
export interface LoggedContactSource {
  loggedContacts(jobSeekerIds: readonly string[]): Promise<LoggedContact[]>;
}

/** A contact a caseworker logged in the console: a phone call or visit that is the month's follow-up (R1.4.4). */
export const CASEWORKER_CONTACT = 'caseworker_contact';

const isQuotaKind = (k: string): k is QuotaKind => QUOTA_KINDS.some((q) => q === k);

/** Per person: the services delivered (each counts once per kind) and the days a caseworker reached them (not a call nobody answered). */
export function creditsByPerson(rows: readonly LoggedContact[]): Map<string, ContactCredits> {
  const out = new Map<string, { services: QuotaContact[]; contactDays: string[] }>();
  for (const row of rows) {
    const credits = out.get(row.jobSeekerId) ?? { services: [], contactDays: [] };
    const date = serviceDateOf(row.at);
    for (const kind of new Set(row.serviceKinds)) if (isQuotaKind(kind)) credits.services.push({ date, kind });
    if (row.kind === CASEWORKER_CONTACT && reachedPerson(row.outcome)) credits.contactDays.push(date);
    out.set(row.jobSeekerId, credits);
  }
  return out;
}
