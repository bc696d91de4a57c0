// What a caseworker does to a case beyond the row: the person hears about it in their own channel and
// language (claimed, the reply itself, closed), and every message sent is in the transcript.
import type { AccessScope } from './region-scope.ts';
import { CASE_NOTICE_SENDER, type CaseActionResult, type CaseDesk, type CaseWorkerRef } from './case-desk.ts';
import type { ActionRefusal } from './case-refusals.ts';
import type { CaseHandover } from './case-handover.ts';
import { parseDialogState } from '../conversation/dialog-state.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { ConversationStore, OutboundSender, TranscriptLog } from '../conversation/ports.ts';
import { ReplyInWecomError } from '../conversation/reply-in-wecom-error.ts';

export interface CaseActionsDeps {
  desk: CaseDesk;
  sender: OutboundSender;
  conversations: Pick<ConversationStore, 'load'>;
  transcript: Pick<TranscriptLog, 'append'>;
  localizer: Pick<Localizer, 't'>;
  logger: { warn(obj: object, msg?: string): void };
  /** Channels told when a caseworker takes a conversation over and gives it back (微信客服's session state). */
  handover?: CaseHandover;
}

export type ActionResult = CaseActionResult | ActionRefusal;

export function createCaseActions(deps: CaseActionsDeps) {
  /** A notice in the person's language; failing to deliver it is logged, the action itself stands. */
  async function notify(scope: AccessScope, caseId: string, key: string, params: Record<string, string> = {}): Promise<void> {
    const detail = await deps.desk.get(scope, caseId);
    if (!detail?.reference || detail.kind !== 'handoff') return;
    const stored = await deps.conversations.load(detail.conversationKey);
    const locale = parseDialogState(stored?.state ?? null).locale;
    const text = deps.localizer.t(locale, key, params);
    try {
      await deps.sender.send(detail.reference, { text });
      await deps.transcript.append({ conversationKey: detail.conversationKey, direction: 'out', sender: CASE_NOTICE_SENDER, text });
    } catch (err) {
      deps.logger.warn({ err, caseId }, 'case notice not delivered');
    }
  }

  /** After the notice (sent while the bot still answers), the person's channel hands the conversation over. */
  async function handOver(scope: AccessScope, caseId: string, worker: CaseWorkerRef, step: 'taken' | 'released'): Promise<void> {
    if (!deps.handover) return;
    const detail = await deps.desk.get(scope, caseId);
    if (!detail?.reference || detail.kind !== 'handoff') return;
    await deps.handover[step]({ caseId, reference: detail.reference, caseworker: worker }).catch((err: unknown) => deps.logger.warn({ err, caseId }, 'case handover failed'));
  }

  return {
    async claim(scope: AccessScope, caseId: string, worker: CaseWorkerRef): Promise<ActionResult> {
      const result = await deps.desk.claim(scope, caseId, worker);
      if (result.ok) {
        await notify(scope, caseId, 'handoff.claimed', { name: worker.displayName });
        await handOver(scope, caseId, worker, 'taken');
      }
      return result;
    },

    async reply(scope: AccessScope, caseId: string, worker: CaseWorkerRef, text: string): Promise<ActionResult> {
      const detail = await deps.desk.get(scope, caseId);
      if (!detail) return { ok: false, reason: 'not_found' };
      if (detail.status === 'closed') return { ok: false, reason: 'closed' };
      if (!detail.claimedBy) return { ok: false, reason: 'not_claimed' };
      if (detail.claimedBy.id !== worker.id) return { ok: false, reason: 'claimed_by_other', by: detail.claimedBy.displayName };
      if (!detail.reference) return { ok: false, reason: 'unreachable' };
      try {
        await deps.sender.send(detail.reference, { text, from: { id: `caseworker:${worker.id}`, name: worker.displayName } });
      } catch (err) {
        // A WeCom servicer holds the 微信客服 session: the reply is theirs to give in the WeCom client.
        if (err instanceof ReplyInWecomError) return { ok: false, reason: 'reply_in_wecom' };
        deps.logger.warn({ err, caseId }, 'caseworker reply not delivered');
        return { ok: false, reason: 'send_failed' };
      }
      return deps.desk.recordReply(scope, caseId, worker, text);
    },

    async close(scope: AccessScope, caseId: string, worker: CaseWorkerRef, reason: string): Promise<ActionResult> {
      const result = await deps.desk.close(scope, caseId, worker, reason);
      if (result.ok) {
        await notify(scope, caseId, 'handoff.closedByCaseworker');
        await handOver(scope, caseId, worker, 'released');
      }
      return result;
    },
  };
}

export type CaseActions = ReturnType<typeof createCaseActions>;
