// A caseworker confirms who is behind a conversation (an `identity_link` case, filed when an ID number already
// on file was given in a conversation not linked to that person): the conversation's channel address is linked
// to the person, the conversation continues as them, the person is told, and the case closes. Audited.
import type { AccessScope } from './region-scope.ts';
import { z } from 'zod';
import { CASE_NOTICE_SENDER, type CaseDesk, type CaseWorkerRef } from './case-desk.ts';
import type { ActionResult } from './case-actions.ts';
import { parseDialogState } from '../conversation/dialog-state.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { Locale } from '../conversation/locales.ts';
import type { AuditLog, ConversationStore, IdentityChallengeStore, OutboundSender, TranscriptLog } from '../conversation/ports.ts';

export interface IdentityConfirmationDeps {
  desk: CaseDesk;
  identity: Pick<IdentityChallengeStore, 'linkAddress'>;
  conversations: Pick<ConversationStore, 'load' | 'save'>;
  transcript: Pick<TranscriptLog, 'append'>;
  sender: OutboundSender;
  audit: AuditLog;
  localizer: Pick<Localizer, 't'>;
  logger: { warn(obj: object, msg?: string): void };
}

/** The parts of a stored ConversationReference that name the channel address. */
const ReferenceSchema = z.object({ channelId: z.string().min(1), user: z.object({ id: z.string().min(1) }) });

function addressOf(reference: string): { channel: string; userKey: string } | null {
  try {
    const parsed = ReferenceSchema.safeParse(JSON.parse(reference));
    return parsed.success ? { channel: parsed.data.channelId, userKey: parsed.data.user.id } : null;
  } catch {
    return null;
  }
}

export function createIdentityConfirmation(deps: IdentityConfirmationDeps) {
  /** The conversation goes on as the person (their status and news from now on); retried once on a concurrent write. */
  async function continueAs(conversationKey: string, jobSeekerId: string): Promise<Locale> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const stored = await deps.conversations.load(conversationKey);
      const state = { ...parseDialogState(stored?.state ?? null), jobSeekerId };
      const saved = await deps.conversations.save(conversationKey, stored?.version ?? -1, { mode: stored?.mode ?? 'bot', state: JSON.stringify(state), jobSeekerId });
      if (saved) return state.locale;
    }
    return 'zh-CN';
  }

  return {
    async confirm(scope: AccessScope, caseId: string, worker: CaseWorkerRef): Promise<ActionResult> {
      const detail = await deps.desk.get(scope, caseId);
      if (!detail || detail.kind !== 'identity_link' || !detail.person.jobSeekerId) return { ok: false, reason: 'not_found' };
      if (detail.status === 'closed') return { ok: false, reason: 'closed' };
      if (!detail.claimedBy) return { ok: false, reason: 'not_claimed' };
      if (detail.claimedBy.id !== worker.id) return { ok: false, reason: 'claimed_by_other', by: detail.claimedBy.displayName };
      const address = detail.reference ? addressOf(detail.reference) : null;
      if (!detail.reference || !address) return { ok: false, reason: 'unreachable' };
      const jobSeekerId = detail.person.jobSeekerId;
      await deps.identity.linkAddress({ jobSeekerId, ...address, conversationKey: detail.conversationKey, reference: detail.reference });
      const locale = await continueAs(detail.conversationKey, jobSeekerId);
      await deps.audit.record({ actor: `caseworker:${worker.username}`, action: 'identity.linkedByCaseworker', subjectType: 'job_seeker', subjectId: jobSeekerId, details: { caseId, conversationKey: detail.conversationKey, channel: address.channel } });
      const text = deps.localizer.t(locale, 'identity.linkedByCaseworker');
      try {
        await deps.sender.send(detail.reference, { text });
        await deps.transcript.append({ conversationKey: detail.conversationKey, direction: 'out', sender: CASE_NOTICE_SENDER, text });
      } catch (err) {
        deps.logger.warn({ err, caseId }, 'identity confirmation notice not delivered');
      }
      return deps.desk.close(scope, caseId, worker, deps.localizer.t('zh-CN', 'identity.confirmedCloseReason'));
    },
  };
}

export type IdentityConfirmation = ReturnType<typeof createIdentityConfirmation>;
