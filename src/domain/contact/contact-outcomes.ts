// What came of a contact, as the ledger (失业人员定期联系情况记录表 "联系结果") records it: the codes a caseworker
// chooses in the console, and which of them reached the person. A reply in chat records its situation
// (`looking`, `hired`, ..., `refused_service`); a delivered outreach message records `delivered`.

/** Results a caseworker logs for a call or visit. */
export const CASEWORKER_CONTACT_OUTCOMES = ['reached', 'no_answer', 'unreachable', 'refused_service'] as const;
export type CaseworkerContactOutcome = (typeof CASEWORKER_CONTACT_OUTCOMES)[number];

/** The person declined the service offered this time, in chat ("不需要服务") or to a caseworker. */
export const REFUSED_SERVICE = 'refused_service';

/** Attempts that did not reach the person: no answer, or a number or address that no longer works. */
export const NOT_REACHED_OUTCOMES: readonly string[] = ['no_answer', 'unreachable'];

/**
 * Whether a ledger outcome means the person was reached (R1.4.4: a phone call or visit that reached them is the
 * month's follow-up). An attempt with no answer is not; a refusal is (the person answered and declined).
 * Outcomes written as free text before the codes existed count as reached, as they always did.
 */
export function reachedPerson(outcome: string): boolean {
  return !NOT_REACHED_OUTCOMES.includes(outcome);
}

export function isCaseworkerContactOutcome(value: string): value is CaseworkerContactOutcome {
  return CASEWORKER_CONTACT_OUTCOMES.some((o) => o === value);
}
