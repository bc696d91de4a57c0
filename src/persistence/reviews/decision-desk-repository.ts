// The DecisionDesk port over the database: registrations, hardship pre-screens and deregistration facts of a
// region (each in its own file), and where a person can be told the outcome.
import type { Db } from '../database.ts';
import { createRegistrationReviews } from './registration-reviews.ts';
import { createHardshipReviews } from './hardship-reviews.ts';
import { createDeregistrationReviews } from './deregistration-reviews.ts';
import type { DecisionDesk } from '../../caseworker/decision-desk.ts';

export function createDecisionDeskRepository(db: Db): DecisionDesk {
  return {
    ...createRegistrationReviews(db),
    ...createHardshipReviews(db),
    ...createDeregistrationReviews(db),
    async reachOf(regionPrefix, jobSeekerId) {
      const address = await db.channelAddress.findFirst({
        where: { jobSeekerId, jobSeeker: { regionCode: { startsWith: regionPrefix } } }, include: { jobSeeker: { select: { locale: true } } }, orderBy: { updatedAt: 'desc' },
      });
      if (!address) return null;
      return { jobSeekerId, conversationKey: address.conversationId, reference: address.reference, locale: address.jobSeeker?.locale ?? 'zh-CN' };
    },
  };
}
