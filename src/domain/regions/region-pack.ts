// A region rule pack: every policy parameter of one region for one period, as validated data
// (policy/regions/<code>.json). Each parameter carries the clause it comes from (see clauses/clause-ref.ts);
// `sources` lists the documents (policy/sources.json) the pack may cite.
import { z } from 'zod';
import { clauseString, SOURCE_ID } from '../clauses/clause-ref.ts';
import { isValidPlainDate } from '../dates/plain-date.ts';
import { deregistrationGroundSchema } from '../deregistration/deregistration-ground.ts';
import { hardshipFlagField } from '../hardship/hardship-profile.ts';
import { hardshipCategorySchema } from '../hardship/hardship-rule.ts';
import { faqFactsSchema, NO_FAQ_FACTS } from '../faq/faq-facts.ts';

const plainDate = z.string().refine(isValidPlainDate, { message: 'expected a date YYYY-MM-DD' });
const positiveInt = z.number().int().min(1);

/** Where a parameter comes from: the region's own notice, other (national) material, or a product decision. */
export const basisSchema = z.enum(['seed', 'spec', 'product_default']);

/** Places where a person may register as unemployed (R1.1.3). */
export const REGISTRATION_PLACES = ['HOUSEHOLD_REGISTRATION', 'HABITUAL_RESIDENCE', 'PLACE_OF_WORK', 'PLACE_OF_SOCIAL_INSURANCE'] as const;
export type RegistrationPlace = (typeof REGISTRATION_PLACES)[number];
const place = z.enum(REGISTRATION_PLACES);

const registrationSchema = z.strictObject({
  /** Working age starts at 16 full years; the upper end is the person's own statutory age (SPEC §2). */
  minAgeYears: positiveInt,
  /** The three conditions: working age, wish to work, no job (R1.1.1). */
  conditionsSource: clauseString,
  places: z.array(place).min(1),
  placesSource: clauseString,
  /** Extra places for migrant workers (失业农民工); empty where the region sets none. */
  migrantPlaces: z.array(place),
  migrantSource: clauseString.nullable(),
  /** Job-seeker registration (求职登记) for those who do not qualify (R1.1.5). */
  jobSeekerSource: clauseString,
});

const hardshipSchema = z.strictObject({
  /** A valid unemployment registration is a precondition of recognition (W 一(二)). */
  requiresRegistration: z.boolean(),
  requiresRegistrationSource: clauseString.nullable(),
  /** Unbroken registration time in the province adds up across changes of place (W 一(二)). */
  mergeRegistrationInProvince: z.boolean(),
  mergeSource: clauseString.nullable(),
  categories: z.array(hardshipCategorySchema),
  /** Where the categories live when the seed only refers to another document. */
  categoriesSource: clauseString,
  publicNotice: z.strictObject({ exemptIfAnyOf: z.array(hardshipFlagField), source: clauseString }),
});

const parameter = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ ...shape, source: clauseString, basis: basisSchema });

const followUpSchema = z.strictObject({
  firstContact: parameter({ workingDays: positiveInt }),
  graduateFirstContact: parameter({ months: positiveInt }),
  monthly: parameter({ everyMonths: positiveInt }),
  /** Every N months from registration after a refusal of monthly follow-up; null where not allowed. */
  refusal: parameter({ everyMonths: positiveInt }).nullable(),
  refusalFallbackSource: clauseString,
  hardshipInterval: parameter({ days: positiveInt }),
  creditPromise: parameter({ workingDays: positiveInt }).nullable(),
});

const quotaSchema = z.strictObject({
  policy: z.number().int().min(0),
  guidance: z.number().int().min(0),
  jobs: z.number().int().min(0),
  training: z.number().int().min(0),
  source: clauseString,
  year: z.enum(['rolling', 'calendar']).default('rolling'),
  yearSource: clauseString,
});

/**
 * How soon a caseworker answers a 转人工 case, in working days after the day it was opened. Not a policy
 * clause: each office sets it (a local setting), so packs may omit it and get one working day.
 */
const handoffSchema = z.strictObject({
  slaWorkingDays: z.number().int().min(0).max(30),
  basis: z.literal('local_setting'),
});

export const DEFAULT_HANDOFF_SETTINGS = { slaWorkingDays: 1, basis: 'local_setting' } as const;
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time HH:MM' });
const officePeriod = z.strictObject({ from: clockTime, to: clockTime }).refine((p) => p.from < p.to, { message: 'an office period must end after it starts' });

/** Default office hours of a Chinese public employment office (morning and afternoon, Beijing time). */
export const DEFAULT_OFFICE_HOURS = [{ from: '08:30', to: '12:00' }, { from: '14:30', to: '17:30' }] as const;

/**
 * Local setting, not policy (no clause): when caseworkers answer chats, on the calendar's working days.
 * Out of these hours 转人工 still files the case and says when a person will answer.
 */
const officeSchema = z
  .strictObject({ hours: z.array(officePeriod).min(1) })
  .describe('local setting: office hours on working days, Beijing time');

export const regionPackSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'expected kebab-case code' }),
  name: z.string().min(1),
  /** GB/T 2260 administrative code prefixes the pack covers; empty for the national fallback. */
  regionCodes: z.array(z.string().regex(/^\d{2,6}$/, { message: 'expected 2-6 digit region code' })),
  fallback: z.boolean().default(false),
  effectiveFrom: plainDate,
  effectiveTo: plainDate.nullable(),
  needsConfirmation: z.boolean().default(false),
  /** The documents this pack rests on, by id in policy/sources.json; every clause cites one of them. */
  sources: z.array(z.string().regex(SOURCE_ID, { message: 'expected a source id' })).min(1),
  /** The pack's main document. */
  source: clauseString,
  registration: registrationSchema,
  hardship: hardshipSchema,
  followUp: followUpSchema,
  quota: quotaSchema.nullable(),
  deregistration: z.strictObject({ grounds: z.array(deregistrationGroundSchema).min(1) }),
  hotline: z.strictObject({ number: z.string().regex(/^\d{5}$/), source: clauseString }).nullable(),
  handoff: handoffSchema.default(DEFAULT_HANDOFF_SETTINGS),
  /** R1.10.6: a registered unemployed person in financial hardship is referred to civil affairs (A 四(九)); null where the notice says nothing. */
  civilAffairsReferral: z.strictObject({ source: clauseString, basis: basisSchema }).nullable().default(null),
  /** Local setting (see officeSchema); packs without it get DEFAULT_OFFICE_HOURS. */
  office: officeSchema.default({ hours: DEFAULT_OFFICE_HOURS.map((p) => ({ ...p })) }),
  /** What the notice says about papers, 失业保险金 and where to get help (the FAQ answers); empty: it says nothing. */
  faq: faqFactsSchema.default(NO_FAQ_FACTS),
});

/** A validated region rule pack. */
export type RegionPack = z.infer<typeof regionPackSchema>;
/** A pack as written in JSON (defaults not yet applied). */
export type RegionPackInput = z.input<typeof regionPackSchema>;
