// What a region's notice says about the questions people ask most, beyond the rules the pack already holds:
// the papers to hand in, unemployment insurance benefit (失业保险金) and where to get help. Each statement is a
// code with the clause it comes from; an empty list means the notice says nothing and the bot must not guess.
import { z } from 'zod';
import { clauseString } from '../clauses/clause-ref.ts';

/** Papers named by the notice (e.g. Z 一(四): the 失业人员登记表). */
export const PAPER_CODES = ['REGISTRATION_FORM'] as const;
/** What the notice says about 失业保险金. */
export const BENEFIT_CODES = ['WITH_REGISTRATION', 'PAID_ON_TIME_ONLINE_OR_COUNTER', 'LUMP_SUM_FOR_STARTUP'] as const;
/** Ways to reach the service the notice names (the hotline number itself is the pack's `hotline`). */
export const CHANNEL_CODES = [
  'COUNTY_OFFICE_WINDOWS',
  'PUBLIC_EMPLOYMENT_OFFICES',
  'NATIONAL_REGISTRATION_PLATFORM',
  'PROVINCIAL_PLATFORM',
  'COMMUNITY_SERVICE_CIRCLE_15_MIN',
  'LOCAL_OFFICE_OR_GRASSROOTS_PLATFORM',
  'COMMUNITY_STAFF',
] as const;

/** Only what a document says: a product default is never an answer to a person's question. */
const basisOf = z.enum(['seed', 'spec']);

const statement = <T extends readonly [string, ...string[]]>(codes: T) => z.strictObject({ code: z.enum(codes), source: clauseString, basis: basisOf });

export const faqFactsSchema = z.strictObject({
  papers: z.array(statement(PAPER_CODES)),
  benefit: z.array(statement(BENEFIT_CODES)),
  channels: z.array(statement(CHANNEL_CODES)),
});
export type FaqFacts = z.infer<typeof faqFactsSchema>;

/** A pack written before these facts existed says nothing about them (never an invented answer). */
export const NO_FAQ_FACTS: FaqFacts = { papers: [], benefit: [], channels: [] };
