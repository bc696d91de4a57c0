// People by channel address: which person a WeChat/web user is, and the language they chose last.
import type { Db } from './database.ts';
import type { PeopleDirectory } from '../conversation/ports.ts';
import { toLocale } from '../conversation/locales.ts';

export function createPeopleRepository(db: Db): PeopleDirectory {
  return {
    async findByAddress(channel, userKey) {
      const address = await db.channelAddress.findUnique({ where: { channel_userKey: { channel, userKey } }, include: { jobSeeker: true } });
      if (!address?.jobSeeker) return null;
      return { jobSeekerId: address.jobSeeker.id, locale: toLocale(address.jobSeeker.locale) };
    },
    async setLocale(jobSeekerId, locale) {
      await db.jobSeeker.updateMany({ where: { id: jobSeekerId }, data: { locale } });
    },
  };
}
