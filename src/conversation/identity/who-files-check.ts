// Before a hardship pre-screen is filed, who is filing: a conversation linked to a person on file (their own
// registration or a verified one-time code) files as them; anyone else is asked name, ID number and phone
// with consent first, so a caseworker can always call back (issue 9 item 5).
import type { StepCheck, StepCheckResult } from '../step-checks.ts';

/** Slot `filer`: `linked` (the conversation's person files) or `ask` (collect name, ID and phone first). */
export const FILER_SLOT = 'filer';
export const FILER_LINKED = 'linked';
export const FILER_ASK = 'ask';

/** Runs on the "file it?" answer; only "file" is looked at. */
const whoFiles: StepCheck = async (ctx): Promise<StepCheckResult> => {
  if (ctx.value !== 'file') return { kind: 'accept' };
  return { kind: 'accept', derived: { [FILER_SLOT]: ctx.jobSeekerId ? FILER_LINKED : FILER_ASK } };
};

export const WHO_FILES_CHECKS: Readonly<Record<string, StepCheck>> = { 'filing.whoFiles': whoFiles };
