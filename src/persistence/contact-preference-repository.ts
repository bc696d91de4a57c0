// The ContactPreferences port: a person's linked channels and the one they chose for proactive messages.
import type { Db } from './database.ts';
import type { ContactPreferences } from '../conversation/ports.ts';

export function createContactPreferenceRepository(db: Db): ContactPreferences {
  return {
    async linkedChannels(jobSeekerId) {
      const rows = await db.channelAddress.findMany({ where: { jobSeekerId }, select: { channel: true }, orderBy: { updatedAt: 'desc' } });
      return [...new Set(rows.map((r) => r.channel))];
    },
    async setPreferred(jobSeekerId, channel) {
      await db.jobSeeker.updateMany({ where: { id: jobSeekerId }, data: { preferredChannel: channel } });
    },
  };
}
