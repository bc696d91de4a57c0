// The words of one outreach task for one address: the monthly check-in starts the follow-up dialog (its question
// and buttons, so the reply lands there); first contact is a locale text citing its clause; a quota notice carries
// the catalogue item that best fits the person (catalogue-message.ts), or the generic text when none does.
import type { Localizer } from '../conversation/localizer.ts';
import { toLocale } from '../conversation/locales.ts';
import type { ProactivePrompter } from '../conversation/proactive-prompt.ts';
import type { OutboundText } from '../conversation/ports.ts';
import type { DeliveryAddress, DeliveryTask } from './delivery-ports.ts';
import type { CatalogueDesk } from './catalogue-port.ts';
import { catalogueText, pickCatalogOffer } from './catalogue-message.ts';

export const FOLLOW_UP_DIALOG = 'followUp';
const QUOTA_PREFIX = 'quota_';

export interface MessageDeps {
  localizer: Localizer;
  prompter: ProactivePrompter;
  /** Channels that show buttons; the others get numbered lines. */
  buttonChannels: ReadonlySet<string>;
  /** The content catalogue; without it quota notices are the generic texts. */
  catalogue?: CatalogueDesk;
}

/** The messages of one outreach, and the catalogue item they carry (recorded with the send: never sent twice). */
export interface ComposedOutreach { messages: OutboundText[]; catalogItemId: string | null }

/** The quota kind a task counts toward, if it is a quota task. */
export function quotaKindOf(taskKind: string): string | null {
  return taskKind.startsWith(QUOTA_PREFIX) ? taskKind.slice(QUOTA_PREFIX.length) : null;
}

/** The one notice a template-only channel (SMS) sends for a task: its kind and topic; the link leads to web chat. */
export function outreachNotice(task: DeliveryTask, deps: Pick<MessageDeps, 'localizer'>): OutboundText {
  const locale = toLocale(task.locale);
  const topic = deps.localizer.t(locale, `outreach.plan.kinds.${task.kind}`);
  return { text: topic, locale, idempotencyKey: `outreach:${task.id}:sms`, template: { kind: 'notice', notice: task.kind, jobSeekerId: task.jobSeekerId, topic } };
}

/** The messages to send, or null when the conversation must not be interrupted now (a caseworker has it, another dialog runs). */
export async function composeOutreach(task: DeliveryTask, to: DeliveryAddress, deps: MessageDeps, now: Date): Promise<ComposedOutreach | null> {
  const locale = toLocale(task.locale);
  const source = task.clause ?? '';
  const keyed = (texts: readonly OutboundText[]) => texts.map((m, i) => ({ ...m, locale, idempotencyKey: `outreach:${task.id}:${i}` }));
  if (task.kind === 'check_in') {
    const messages = await deps.prompter.prompt({ conversationKey: to.conversationKey, dialogId: FOLLOW_UP_DIALOG, at: now, buttons: deps.buttonChannels.has(to.channel), jobSeekerId: task.jobSeekerId, locale });
    if (messages.length === 0) return null;
    return { messages: keyed(messages.map((m) => ({ text: m.text, choices: m.choices }))), catalogItemId: null };
  }
  const quota = quotaKindOf(task.kind);
  const offer = quota ? await pickCatalogOffer(deps.catalogue, task.jobSeekerId, quota, now) : null;
  if (offer) return { messages: keyed([{ text: catalogueText(deps.localizer, locale, offer, source) }]), catalogItemId: offer.id };
  const key = quota ? `outreach.quota.${quota}` : 'outreach.firstContact';
  return { messages: keyed([{ text: deps.localizer.t(locale, key, { source }) }]), catalogItemId: null };
}
