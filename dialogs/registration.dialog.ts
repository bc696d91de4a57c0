// 失业登记 (SPEC §1.12): consent → name → ID (→ last job type for women) → eligibility (under 16: explained;
// past the own statutory age: 求职登记 instead) → places → phone → job loss → education, skills, wishes →
// follow-up preference → papers (→ credit promise) → summary, with "edit a field" returning to the summary.
import type { DialogDefinition, DialogEnv, DialogStep, ParseContext, ParseResult, Slots, StepChoice } from '../src/conversation/dialog-types.ts';
import { idNumberAnswer, nameAnswer, phoneAnswer } from '../src/conversation/answers/identity-answers.ts';
import { assumedDateNotice, freeTextAnswer, placeAnswer, residenceAnswer, unemployedSinceAnswer } from '../src/conversation/answers/registration-answers.ts';
import { ageSourceOf, creditPromiseOf, isJobSeekerPath, JOB_TYPES, registrationEligibility, submitAnswer } from '../src/conversation/answers/registration-eligibility.ts';
import { followUpAfterRefusal } from '../src/domain/registration/follow-up-after-refusal.ts';
import { EDUCATION_LEVELS } from '../src/domain/registration/education-levels.ts';
import { JOB_LOSS_REASONS } from '../src/domain/registration/job-loss-reasons.ts';

const choices = (prefix: string, values: readonly string[]): readonly StepChoice[] => values.map((value) => ({ value, label: `${prefix}.${value}` }));
const yesNo = choices('registration.answer', ['yes', 'no']);

/** Fields a person may change from the summary, in form order; each is the id of the step that asks it. */
const EDITABLE = ['name', 'idNumber', 'jobType', 'household', 'residence', 'phone', 'unemployedSince', 'reason', 'education', 'skills', 'jobWanted', 'training', 'business', 'followUp', 'papers'] as const;

const unemployment = (slots: Slots, env: DialogEnv): boolean => !isJobSeekerPath(slots, env);

/** Under 16 ends the dialog with an explanation and its clause (R1.1.1); the menu after it offers a person. */
function underAge(slots: Slots, env: DialogEnv) {
  const result = registrationEligibility(slots, env);
  if (result.outcome !== 'under_working_age') return undefined;
  return { end: 'registration.eligibility.underAge', params: { minAge: env.policy.pack.registration.minAgeYears, source: ageSourceOf(result) } };
}

function shown(step: string, value: Slots[string], slots: Slots, env: DialogEnv): string {
  const text = String(value ?? '');
  switch (step) {
    case 'idNumber':
    case 'phone':
      return env.mask(step, value ?? null);
    case 'jobType':
      return env.label(`registration.jobType.${text}`);
    case 'residence':
      return text === 'same' ? String(slots.household ?? '') : text;
    case 'reason':
      return env.label(`reasons.${text}`);
    case 'education':
      return env.label(`education.${text}`);
    case 'training':
    case 'business':
      return env.label(`registration.answer.${text}`);
    case 'followUp':
    case 'papers':
    case 'creditPromise':
      return env.label(`registration.${step}.${text}`);
    default:
      return text;
  }
}

/** The summary lines: one per answered field that applies, ID and phone masked. */
function summaryLines(slots: Slots, env: DialogEnv): string {
  const kind = isJobSeekerPath(slots, env) ? 'jobSeeker.title' : 'registration.title';
  const fields = [...EDITABLE, 'creditPromise'].filter((id) => id in slots && applies(id, slots, env));
  return [`${env.label('registration.summary.kind')}${env.label(kind)}`, ...fields.map((id) => `${env.label(`registration.summary.${id}`)}${shown(id, slots[id] ?? null, slots, env)}`)].join('\n');
}

function applies(id: string, slots: Slots, env: DialogEnv): boolean {
  const step = registrationDialog.steps.find((s) => s.id === id);
  return step !== undefined && (!step.when || step.when(slots, env));
}

function editFieldAnswer(input: string, ctx: ParseContext): ParseResult {
  if (!EDITABLE.some((id) => id === input)) return { ok: false, error: 'engine.pickAChoice' };
  return applies(input, ctx.slots, ctx) ? { ok: true, value: input } : { ok: false, error: 'registration.edit.notApplicable' };
}

const steps: readonly DialogStep[] = [
  {
    id: 'consent',
    prompt: 'registration.consent.ask',
    choices: choices('registration.consent', ['agree', 'decline']),
    next: (slots) => (slots.consent === 'decline' ? { end: 'registration.consent.declined' } : undefined),
  },
  { id: 'name', prompt: 'registration.name.ask', parse: nameAnswer },
  // An ID already on file for someone else stops here (not after the whole form): see identity-link.dialog.ts.
  { id: 'idNumber', prompt: 'registration.idNumber.ask', parse: idNumberAnswer, check: 'identity.registered', sensitive: true, next: underAge },
  {
    id: 'jobType',
    prompt: 'registration.jobType.ask',
    choices: choices('registration.jobType', JOB_TYPES),
    when: (slots) => slots.sex === 'F',
    notice: (slots) => (slots.jobType === 'unknown' ? { key: 'registration.jobType.caseworkerConfirms' } : undefined),
  },
  {
    id: 'jobSeekerOffer',
    prompt: 'jobSeeker.offer',
    promptParams: (slots, env) => {
      const result = registrationEligibility(slots, env);
      return { source: ageSourceOf(result), jobSeekerSource: result.jobSeekerSource ?? '' };
    },
    choices: choices('jobSeeker', ['accept', 'decline']),
    when: isJobSeekerPath,
    next: (slots) => (slots.jobSeekerOffer === 'decline' ? { end: 'jobSeeker.declined' } : undefined),
  },
  { id: 'household', prompt: 'registration.household.ask', parse: placeAnswer },
  { id: 'residence', prompt: 'registration.residence.ask', choices: [{ value: 'same', label: 'registration.residence.same' }], parse: residenceAnswer, freeText: true },
  { id: 'phone', prompt: 'registration.phone.ask', parse: phoneAnswer, sensitive: true },
  { id: 'unemployedSince', prompt: 'registration.unemployedSince.ask', parse: unemployedSinceAnswer, when: unemployment, notice: assumedDateNotice },
  { id: 'reason', prompt: 'registration.reason.ask', choices: choices('reasons', JOB_LOSS_REASONS), when: unemployment },
  { id: 'education', prompt: 'registration.education.ask', choices: choices('education', EDUCATION_LEVELS) },
  { id: 'skills', prompt: 'registration.skills.ask', parse: freeTextAnswer },
  { id: 'jobWanted', prompt: 'registration.jobWanted.ask', parse: freeTextAnswer },
  { id: 'training', prompt: 'registration.training.ask', choices: yesNo },
  { id: 'business', prompt: 'registration.business.ask', choices: yesNo },
  {
    id: 'followUp',
    prompt: 'registration.followUp.ask',
    choices: choices('registration.followUp', ['monthly', 'refused']),
    when: unemployment,
    notice: (slots, env) => {
      if (slots.followUp !== 'refused') return undefined;
      const after = followUpAfterRefusal(env.policy.pack);
      return after.cadence === 'every_n_months'
        ? { key: 'registration.followUp.everyNMonths', params: { months: after.everyMonths, source: after.source } }
        : { key: 'registration.followUp.stillMonthly', params: { source: after.source } };
    },
  },
  {
    id: 'papers',
    prompt: 'registration.papers.ask',
    choices: choices('registration.papers', ['yes', 'no']),
    when: unemployment,
    notice: (slots, env) => (slots.papers === 'no' && creditPromiseOf(env) === null ? { key: 'registration.papers.bringLater' } : undefined),
  },
  {
    id: 'creditPromise',
    prompt: 'registration.creditPromise.ask',
    promptParams: (_slots, env) => {
      const due = creditPromiseOf(env);
      return { date: due?.date ?? '', source: due?.source ?? '' };
    },
    choices: choices('registration.creditPromise', ['promise', 'decline']),
    when: (slots, env) => unemployment(slots, env) && slots.papers === 'no' && creditPromiseOf(env) !== null,
    notice: (slots) => (slots.creditPromise === 'decline' ? { key: 'registration.creditPromise.bringPapers' } : undefined),
  },
  {
    id: 'confirm',
    prompt: 'registration.confirm.ask',
    promptParams: (slots, env) => ({ lines: summaryLines(slots, env) }),
    choices: choices('registration.confirm', ['submit', 'edit']),
    parse: submitAnswer,
    next: (slots) => (slots.confirm === 'submit' ? { finish: true } : { goto: 'editField' }),
  },
  {
    id: 'editField',
    prompt: 'registration.edit.ask',
    choices: choices('registration.fields', EDITABLE),
    parse: editFieldAnswer,
    next: (slots) => ({ goto: String(slots.editField), returnTo: 'confirm' }),
  },
];

export const registrationDialog: DialogDefinition = {
  id: 'registration',
  title: 'registration.title',
  finish: 'registration.submit',
  steps,
};
