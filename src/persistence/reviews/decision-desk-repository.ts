// The DecisionDesk port over the database: registrations, hardship pre-screens and deregistration facts within
// a caseworker's scope (each in its own file), and where a person can be told the outcome.
import type { Db } from '../database.ts';
import { inScope } from '../scope-filter.ts';
import { createRegistrationReviews } from './registration-reviews.ts';
import { createHardshipReviews } from './hardship-reviews.ts';
import { createDeregistrationReviews } from './deregistration-reviews.ts';
import type { DecisionDesk } from '../../caseworker/decision-desk.ts';

export function createDecisionDeskRepository(db: Db): DecisionDesk {
  return {
    ...createRegistrationReviews(db),
    ...createHardshipReviews(db),
    ...createDeregistrationReviews(db),
    async reachOf(scope, jobSeekerId) {
      const address = await db.channelAddress.findFirst({
        where: { jobSeekerId, jobSeeker: inScope(scope) }, include: { jobSeeker: { select: { locale: true } } }, orderBy: { updatedAt: 'desc' },
      });
      if (!address) return null;
      return { jobSeekerId, conversationKey: address.conversationId, reference: address.reference, locale: address.jobSeeker?.locale ?? 'zh-CN' };
    },
  };
}
