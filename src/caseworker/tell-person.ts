// Tells a person the outcome of a decision in their own channel and language (以适当方式告知): the latest
// channel address on file, the text in the person's locale, into the transcript and the audit trail. A
// failed delivery is logged and reported to the caseworker; the decision itself stands.
import type { AccessScope } from './region-scope.ts';
import type { ReviewDeps } from './review-deps.ts';
import { toLocale } from '../conversation/locales.ts';
import type { Params } from '../conversation/dialog-types.ts';

/** Transcript sender of decision notices, told apart from the bot's own turns and case notices. */
export const DECISION_NOTICE_SENDER = 'bot:decision_notice';

export async function tellPerson(
  deps: Pick<ReviewDeps, 'decisions' | 'sender' | 'transcript' | 'audit' | 'localizer' | 'logger'>,
  scope: AccessScope, jobSeekerId: string,
  // Params that are words themselves (a chosen reason) are given as a function of the person's locale.
  notice: { key: string; params?: Params | ((t: (key: string) => string) => Params); actor: string; about: { type: string; id: string } },
): Promise<boolean> {
  const reach = await deps.decisions.reachOf(scope, jobSeekerId);
  if (!reach) return false;
  const locale = toLocale(reach.locale);
  const params = typeof notice.params === 'function' ? notice.params((key) => deps.localizer.t(locale, key)) : notice.params;
  const text = deps.localizer.t(locale, notice.key, params);
  try {
    await deps.sender.send(reach.reference, { text });
  } catch (err) {
    deps.logger.warn({ err, jobSeekerId }, 'decision notice not delivered');
    return false;
  }
  await deps.transcript.append({ conversationKey: reach.conversationKey, direction: 'out', sender: DECISION_NOTICE_SENDER, text });
  await deps.audit.record({ actor: notice.actor, action: 'person.notified', subjectType: notice.about.type, subjectId: notice.about.id, details: { key: notice.key, jobSeekerId } });
  return true;
}
