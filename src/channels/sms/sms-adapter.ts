// SMS as a botbuilder adapter for proactive sends (a caseworker answering a case opened from an SMS
// conversation): SMS carries no free text, so the person gets the `caseworker_reply` notice with a short link
// to web chat. The conversation id is the number's hash; the person behind it is found from their linked address.
import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import type { Localizer } from '../../conversation/localizer.ts';
import type { OutboundChannel } from '../../conversation/ports.ts';
import { ProactiveAdapter } from '../proactive-adapter.ts';

export interface SmsAdapterDeps {
  sms: OutboundChannel;
  /** The person linked to an SMS conversation (its address: the number's hash). */
  personAt(address: string): Promise<{ jobSeekerId: string; locale: 'zh-CN' | 'en' } | null>;
  localizer: Pick<Localizer, 't'>;
}

export class SmsAdapter extends ProactiveAdapter {
  constructor(private readonly deps: SmsAdapterDeps) {
    super();
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const messages = activities.filter((a) => a.type === 'message');
    if (messages.length === 0) return [];
    const address = context.activity.conversation.id;
    const person = await this.deps.personAt(address);
    if (!person) throw new Error('no person is linked to this SMS conversation');
    const topic = this.deps.localizer.t(person.locale, 'sms.topics.caseworker_reply');
    // One notice stands for the whole batch: the words themselves are read in web chat.
    const sent = await this.deps.sms.send('on-file', { text: topic, locale: person.locale, template: { kind: 'notice', notice: 'caseworker_reply', jobSeekerId: person.jobSeekerId, topic } });
    if (!sent.ok) throw new Error(`SMS notice not sent: ${sent.code}`);
    return messages.map(() => ({ id: sent.providerMessageId }));
  }
}
