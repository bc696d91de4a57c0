// The hardship pre-screen result: the domain's assessment of the answers (assessHardship on the person's region
// pack), as the lines the person reads and as the record a caseworker gets (ID number masked, never raw).
import { z } from 'zod';
import { assessHardship, type HardshipAssessment } from '../../domain/hardship/assess-hardship.ts';
import { HARDSHIP_CATEGORY_CODES } from '../../domain/hardship/hardship-rule.ts';
import { HARDSHIP_PROFILE_FIELDS } from '../../domain/hardship/hardship-profile.ts';
import { maskIdNumber } from '../../domain/identity/id-number.ts';
import type { DialogEnv, ParseContext, ParseResult, Params, Slots } from '../dialog-types.ts';
import { hardshipProfileOf, unknownAnswersOf } from './hardship-answers.ts';
import { citeParams } from '../cite-clause.ts';

const statusSchema = z.enum(['met', 'not_met', 'unknown']);

/** What is filed for the caseworker (HandoffCase.details): the assessment the person saw, and their answers. */
export const HardshipPrescreenSchema = z.strictObject({
  pack: z.string(),
  asOf: z.string(),
  categories: z.array(z.strictObject({ code: z.enum(HARDSHIP_CATEGORY_CODES), status: statusSchema, source: z.string(), reasons: z.array(z.string()) })),
  categoriesSource: z.string(),
  publicNoticeExempt: z.boolean(),
  publicNoticeSource: z.string(),
  registrationPrecondition: z.strictObject({ status: z.enum(['met', 'unknown']), source: z.string() }).nullable(),
  needsConfirmation: z.boolean(),
  /** The answers given; the ID number only masked. */
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  unknownAnswers: z.array(z.enum(HARDSHIP_PROFILE_FIELDS)),
});
export type HardshipPrescreen = z.infer<typeof HardshipPrescreenSchema>;

function assessmentOf(slots: Slots, env: DialogEnv): HardshipAssessment {
  return assessHardship(env.policy.pack, hardshipProfileOf(slots), env.today);
}

/** The record to file: the assessment of these answers on this pack and day, without the raw ID number. */
export function hardshipPrescreenOf(slots: Slots, env: DialogEnv): HardshipPrescreen {
  const assessment = assessmentOf(slots, env);
  const profile = hardshipProfileOf(slots);
  const answers = Object.fromEntries(Object.entries(profile).map(([field, value]) => [field, field === 'idNumber' && typeof value === 'string' ? maskIdNumber(value) : value]));
  return {
    pack: env.policy.pack.code,
    asOf: env.today,
    categories: assessment.categories.map((c) => ({ code: c.code, status: c.status, source: c.source, reasons: c.reasons.map((r) => r.code) })),
    categoriesSource: env.policy.pack.hardship.categoriesSource,
    publicNoticeExempt: assessment.publicNoticeExempt,
    publicNoticeSource: assessment.publicNoticeSource,
    registrationPrecondition: assessment.registrationPrecondition,
    needsConfirmation: assessment.needsConfirmation,
    answers: HardshipPrescreenSchema.shape.answers.parse(answers),
    unknownAnswers: unknownAnswersOf(slots),
  };
}

/**
 * Category codes the caseworker should look at (HandoffCase.reason): met first, then unknown; when there are
 * none, why: the pack lists no categories, or none is met or open.
 */
export function prescreenReasonCodes(prescreen: HardshipPrescreen): string[] {
  const of = (status: string) => prescreen.categories.filter((c) => c.status === status).map((c) => c.code);
  const codes = [...of('met'), ...of('unknown')];
  if (codes.length > 0) return codes;
  return [prescreen.categories.length === 0 ? 'NO_CATEGORIES_IN_PACK' : 'NONE_MET'];
}

const STATUS_ORDER = ['met', 'unknown', 'not_met'] as const;

/**
 * The result the person reads before deciding to file: one line per category (met, then to check, then not
 * met) with its clause (said once on top when all share one), then registration, public notice and caveats.
 */
export function hardshipResultParams(slots: Slots, env: DialogEnv): Params {
  const assessment = assessmentOf(slots, env);
  const say = (key: string, params: Params = {}) => fill(env.label(key), citeParams(params, env.cite));
  const sources = new Set(assessment.categories.map((c) => c.source));
  const [shared] = sources.size === 1 ? [...sources] : [];
  const lines = shared === undefined ? [] : [say('hardship.result.allFrom', { source: shared })];
  for (const status of STATUS_ORDER) {
    for (const c of assessment.categories.filter((x) => x.status === status)) {
      const source = shared === undefined ? say('hardship.result.source', { source: c.source }) : '';
      lines.push(fill(env.label(`hardship.result.line.${status}`), { name: env.label(`hardship.categories.${c.code}`), source }));
    }
  }
  const precondition = assessment.registrationPrecondition;
  if (precondition) lines.push(say(precondition.status === 'met' ? 'hardship.result.registered' : 'hardship.result.needsRegistration', { source: precondition.source }));
  const notice = assessment.publicNoticeExempt ? 'hardship.result.noticeExempt' : 'hardship.result.noticeRequired';
  lines.push(say(notice, { source: assessment.publicNoticeSource }));
  if (assessment.needsConfirmation) lines.push(say('hardship.result.packUnconfirmed'));
  return { lines: lines.join('\n') };
}

/** `env.label` takes no values: the placeholders it leaves (i18next keeps unknown `{{x}}`) are filled here. */
function fill(text: string, params: Params): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Params of the "no categories in this region" message: where the region's rules live. */
export function noCategoriesParams(_slots: Slots, env: DialogEnv): Params {
  return { source: env.policy.pack.hardship.categoriesSource };
}

/** "提交给工作人员" records the assessment the person just saw (slot `prescreen`); "不用了" files nothing. */
export function fileRequestAnswer(input: string, ctx: ParseContext): ParseResult {
  const text = input.normalize('NFKC').trim();
  if (text === 'skip') return { ok: true, value: 'skip' };
  if (text !== 'file') return { ok: false, error: 'engine.pickAChoice' };
  return { ok: true, value: 'file', derived: { prescreen: JSON.stringify(hardshipPrescreenOf(ctx.slots, ctx)) } };
}
