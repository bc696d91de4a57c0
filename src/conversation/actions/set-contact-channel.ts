// Finishes 联系方式: records the channel the person wants proactive messages on (this one, or none: the one they
// last wrote from), names it back with the channels they have linked, and audits the change. Only a conversation
// linked to the person may change it.
import type { DialogAction } from './action-types.ts';
import { AFTER_CHOICES, NOT_REGISTERED_CHOICES } from './person-of.ts';
import type { AuditLog, ContactPreferences, PeopleDirectory } from '../ports.ts';
import { reply } from '../reply.ts';

/** Channels with a name in locales (`contactChannels.names.*`); any other is "this channel". */
const NAMED_CHANNELS: readonly string[] = ['webchat', 'wechaty', 'wechat-oa', 'wecom-kf', 'sms'];

export interface ContactChannelPorts {
  people: PeopleDirectory;
  preferences?: ContactPreferences;
  audit: AuditLog;
}

export function setContactChannel(ports: ContactChannelPorts): DialogAction {
  return async (ctx) => {
    const env = ctx.env;
    if (!env) throw new Error('contactChannel.set needs the dialog env');
    // Linked means this very address belongs to the person (a conversation still proving who it is does not count).
    const jobSeekerId = (await ports.people.findByAddress(ctx.turn.channel, ctx.turn.userKey))?.jobSeekerId ?? null;
    if (!jobSeekerId || !ports.preferences) return { replies: [reply('contactChannel.notLinked', undefined, NOT_REGISTERED_CHOICES)] };
    const channel = ctx.slots.choice === 'here' ? ctx.turn.channel : null;
    await ports.preferences.setPreferred(jobSeekerId, channel);
    await ports.audit.record({ actor: 'job_seeker', action: 'person.preferredChannel', subjectType: 'job_seeker', subjectId: jobSeekerId, details: { channel, conversationKey: ctx.conversationKey } });
    const nameOf = (c: string) => env.label(`contactChannels.names.${NAMED_CHANNELS.includes(c) ? c : 'other'}`);
    const names = (await ports.preferences.linkedChannels(jobSeekerId)).map(nameOf).join(env.label('contactChannel.separator'));
    const set = channel ? reply('contactChannel.setHere', { channel: nameOf(channel) }) : reply('contactChannel.setLatest');
    return { jobSeekerId, replies: [set, reply('contactChannel.linked', { channels: names }), reply('menu.after', undefined, AFTER_CHOICES)] };
  };
}
