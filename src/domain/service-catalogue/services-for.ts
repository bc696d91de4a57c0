// The services a registered unemployed person is offered, by level and type (分级分类服务, R1.6.1–R1.6.3):
// basic services for everyone, special services for hardship people, and services by what the person wants.
import { z } from 'zod';
import type { ProductDecisionId } from '../clauses/product-decisions.ts';

const Z = 'zhanjiang-2021';

export const SERVICE_WISHES = ['work', 'training', 'business'] as const;
/** recognised = already a hardship person; may_qualify = meets a category, not yet recognised; no = neither. */
export const HARDSHIP_STATES = ['recognised', 'may_qualify', 'no'] as const;

export const servicesForInputSchema = z.strictObject({
  /** 就业意愿 / 培训意愿 / 创业意愿 from the registration form; several may be true. */
  wishes: z.array(z.enum(SERVICE_WISHES)),
  eligibleForUnemploymentInsurance: z.boolean(),
  hardship: z.enum(HARDSHIP_STATES),
});
export type ServicesForInput = z.infer<typeof servicesForInputSchema>;

/** Every service code with its level and clause. */
export const SERVICE_CATALOGUE = {
  REGISTRATION: { level: 'basic', source: `${Z}#三(一)1(1)` },
  INFORMATION: { level: 'basic', source: `${Z}#三(一)1(2)` },
  POLICY_APPLICATION: { level: 'basic', source: `${Z}#三(一)1(3)` },
  CASE_HANDLING: { level: 'basic', source: `${Z}#三(一)1(4)` },
  ONE_PERSON_ONE_PLAN: { level: 'special', source: `${Z}#三(一)2(1)` },
  PUBLIC_WELFARE_POST: { level: 'special', source: `${Z}#三(一)2(2)` },
  JOB_SEARCH_COACHING: { level: 'by_type', source: `${Z}#三(二)(1)` },
  JOB_MATCHING: { level: 'by_type', source: `${Z}#三(二)(1)` },
  APPLICATION_FOLLOW_UP: { level: 'by_type', source: `${Z}#三(二)(1)` },
  TRAINING_OFFERS: { level: 'by_type', source: `${Z}#三(二)(2)` },
  TRAINING_SUBSIDY: { level: 'by_type', source: `${Z}#三(二)(2)` },
  STARTUP_TRAINING: { level: 'by_type', source: `${Z}#三(二)(3)` },
  STARTUP_ADVICE: { level: 'by_type', source: `${Z}#三(二)(3)` },
  STARTUP_FINANCE: { level: 'by_type', source: `${Z}#三(二)(3)` },
  STARTUP_GUARANTEED_LOAN: { level: 'by_type', source: `${Z}#三(二)(3)` },
  UNEMPLOYMENT_INSURANCE_WITH_REGISTRATION: { level: 'by_type', source: `${Z}#三(二)(4)` },
  HARDSHIP_APPLICATION_GUIDANCE: { level: 'by_type', source: `${Z}#三(二)(5)` },
} as const;
export type ServiceCode = keyof typeof SERVICE_CATALOGUE;

export interface OfferedService {
  code: ServiceCode;
  level: 'basic' | 'special' | 'by_type';
  source: string;
  /** The public-welfare post is a last-resort placement (托底安置) when the market route fails. */
  lastResort: boolean;
  /** The startup guaranteed loan is helped with only for those who meet the loan conditions (符合条件的). */
  conditional: boolean;
}

export interface ServicesFor {
  services: OfferedService[];
  productDecisions: ProductDecisionId[];
}

const BY_WISH: Readonly<Record<(typeof SERVICE_WISHES)[number], readonly ServiceCode[]>> = {
  work: ['JOB_SEARCH_COACHING', 'JOB_MATCHING', 'APPLICATION_FOLLOW_UP'],
  training: ['TRAINING_OFFERS', 'TRAINING_SUBSIDY'],
  business: ['STARTUP_TRAINING', 'STARTUP_ADVICE', 'STARTUP_FINANCE', 'STARTUP_GUARANTEED_LOAN'],
};

/**
 * R1.6.1 (Z §三(一)1): registration, information, policy and case-handling services for everyone registered.
 * R1.6.2 (Z §三(一)2): hardship people also get a personal plan (一人一案) and, as a last resort, a public-welfare
 * post. R1.6.3 (Z §三(二)): services by wish (job, training, business incl. 创业担保贷款), unemployment insurance
 * handled with the registration, and guidance to apply for hardship recognition. Catalogue order, no duplicates.
 * @productDecision SERVICE_CATALOGUE_ALL_REGIONS
 */
export function servicesFor(raw: ServicesForInput): ServicesFor {
  const input = servicesForInputSchema.parse(raw);
  const codes = new Set<ServiceCode>(['REGISTRATION', 'INFORMATION', 'POLICY_APPLICATION', 'CASE_HANDLING']);
  if (input.hardship === 'recognised') {
    codes.add('ONE_PERSON_ONE_PLAN');
    codes.add('PUBLIC_WELFARE_POST');
  }
  for (const wish of input.wishes) for (const code of BY_WISH[wish]) codes.add(code);
  if (input.eligibleForUnemploymentInsurance) codes.add('UNEMPLOYMENT_INSURANCE_WITH_REGISTRATION');
  if (input.hardship === 'may_qualify') codes.add('HARDSHIP_APPLICATION_GUIDANCE');
  const catalogue: readonly ServiceCode[] = Object.keys(SERVICE_CATALOGUE).filter((k): k is ServiceCode => k in SERVICE_CATALOGUE);
  const services = catalogue
    .filter((code) => codes.has(code))
    .map((code): OfferedService => ({
      code,
      level: SERVICE_CATALOGUE[code].level,
      source: SERVICE_CATALOGUE[code].source,
      lastResort: code === 'PUBLIC_WELFARE_POST',
      conditional: code === 'STARTUP_GUARANTEED_LOAN',
    }));
  return { services, productDecisions: ['SERVICE_CATALOGUE_ALL_REGIONS'] };
}
