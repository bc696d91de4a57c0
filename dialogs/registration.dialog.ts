// 失业登记 (SPEC §1.12): consent → name → ID (→ last job type for women) → eligibility (under 16: explained;
// past the own statutory age: 求职登记 instead) → places → phone → job loss (graduates: a hardship family?) →
// education, skills, wishes → follow-up preference → papers (→ credit promise) → summary, with "edit a field"
// returning to the summary.
// Each question declares its place on the form (`field`): the summary, "edit a field", what is stored and the
// caseworker's view follow from the step list, so a new question is one step here and its locale keys.
import type { DialogDefinition, DialogEnv, DialogStep, FormField, SlotValue, Slots, StepChoice, StoredValue } from '../src/conversation/dialog-types.ts';
import { formSummaryLines } from '../src/conversation/form/form-summary.ts';
import { editChoicesOf, editFieldParser } from '../src/conversation/form/form-edit.ts';
import { idNumberAnswer, nameAnswer, phoneAnswer } from '../src/conversation/answers/identity-answers.ts';
import { assumedDateNotice, freeTextAnswer, placeAnswer, residenceAnswer, unemployedSinceAnswer } from '../src/conversation/answers/registration-answers.ts';
import { ageSourceOf, creditPromiseOf, isJobSeekerPath, JOB_TYPES, registrationEligibility, submitAnswer } from '../src/conversation/answers/registration-eligibility.ts';
import { followUpAfterRefusal } from '../src/domain/registration/follow-up-after-refusal.ts';
import { EDUCATION_LEVELS } from '../src/domain/registration/education-levels.ts';
import { JOB_LOSS_REASONS } from '../src/domain/registration/job-loss-reasons.ts';

const choices = (prefix: string, values: readonly string[]): readonly StepChoice[] => values.map((value) => ({ value, label: `${prefix}.${value}` }));
const yesNo = choices('registration.answer', ['yes', 'no']);

const unemployment = (slots: Slots, env: DialogEnv): boolean => !isJobSeekerPath(slots, env);

/** Under 16 ends the dialog with an explanation and its clause (R1.1.1); the menu after it offers a person. */
function underAge(slots: Slots, env: DialogEnv) {
  const result = registrationEligibility(slots, env);
  if (result.outcome !== 'under_working_age') return undefined;
  return { end: 'registration.eligibility.underAge', params: { minAge: env.policy.pack.registration.minAgeYears, source: ageSourceOf(result) } };
}

type Store = (slots: Slots, applies: boolean) => StoredValue;
/** The answer as given, or null where the question did not apply. */
const answer = (id: string): Store => (slots, applies) => (applies ? (slots[id] ?? null) : null);
const yes = (id: string): Store => (slots, applies) => (applies ? slots[id] === 'yes' : null);
/** The answer's own label: `registration.answer.yes` for `yes`. */
const labelled = (prefix: string) => (value: SlotValue, _slots: Slots, env: DialogEnv): string => env.label(`${prefix}.${String(value ?? '')}`);

/** An editable question's field: its summary line, its "edit a field" choice, and where it is stored. */
function editable(id: string, stores: FormField['stores'], show?: FormField['show']): FormField {
  return { summary: `registration.summary.${id}`, edit: `registration.fields.${id}`, stores, ...(show ? { show } : {}) };
}

/** Women's retirement track from the last job type; null = never employed / flexible, a caseworker confirms. */
const retirementCategory: Store = (slots) => (slots.sex === 'M' ? 'MALE' : slots.jobType === 'FEMALE_55' || slots.jobType === 'FEMALE_50' ? slots.jobType : null);

const creditPromise: Store = (slots, applies) =>
  applies && slots.papers === 'no' && slots.creditPromise === 'promise' && typeof slots.promiseDueBy === 'string' && typeof slots.promisedOn === 'string'
    ? { promisedOn: slots.promisedOn, dueBy: slots.promiseDueBy, provisional: slots.promiseProvisional === true, source: String(slots.promiseSource ?? '') }
    : null;

/** The questions of the form, in order; `buildRegistrationDialog` adds the summary and "edit a field". */
export const REGISTRATION_QUESTIONS: readonly DialogStep[] = [
  {
    id: 'consent',
    prompt: 'registration.consent.ask',
    choices: choices('registration.consent', ['agree', 'decline']),
    display: 'buttons',
    next: (slots) => (slots.consent === 'decline' ? { end: 'registration.consent.declined' } : undefined),
  },
  { id: 'name', prompt: 'registration.name.ask', parse: nameAnswer, display: 'text', field: editable('name', { name: answer('name') }) },
  // An ID already on file for someone else stops here (not after the whole form): see identity-link.dialog.ts.
  {
    id: 'idNumber',
    prompt: 'registration.idNumber.ask',
    parse: idNumberAnswer,
    check: 'identity.registered',
    sensitive: true,
    display: 'text',
    next: underAge,
    // Birth date and sex come with the ID number (derived slots); storage keeps them only inside the sealed number.
    field: editable('idNumber', { idNumber: answer('idNumber'), birthDate: (slots) => slots.birthDate ?? null, sex: (slots) => slots.sex ?? null }),
  },
  {
    id: 'jobType',
    prompt: 'registration.jobType.ask',
    choices: choices('registration.jobType', JOB_TYPES),
    display: 'buttons',
    when: (slots) => slots.sex === 'F',
    notice: (slots) => (slots.jobType === 'unknown' ? { key: 'registration.jobType.caseworkerConfirms' } : undefined),
    field: editable('jobType', { 'details.retirementCategory': retirementCategory }, labelled('registration.jobType')),
  },
  {
    id: 'jobSeekerOffer',
    prompt: 'jobSeeker.offer',
    promptParams: (slots, env) => {
      const result = registrationEligibility(slots, env);
      return { source: ageSourceOf(result), jobSeekerSource: result.jobSeekerSource ?? '' };
    },
    choices: choices('jobSeeker', ['accept', 'decline']),
    display: 'buttons',
    when: isJobSeekerPath,
    next: (slots) => (slots.jobSeekerOffer === 'decline' ? { end: 'jobSeeker.declined' } : undefined),
  },
  { id: 'household', prompt: 'registration.household.ask', parse: placeAnswer, display: 'text', field: editable('household', { 'details.household': answer('household') }) },
  {
    id: 'residence',
    prompt: 'registration.residence.ask',
    choices: [{ value: 'same', label: 'registration.residence.same' }],
    parse: residenceAnswer,
    freeText: true,
    display: 'text',
    field: editable(
      'residence',
      { 'details.residence': (slots) => (slots.residence === 'same' ? (slots.household ?? null) : (slots.residence ?? null)), 'details.residenceSameAsHousehold': (slots) => slots.residence === 'same' },
      (value, slots) => (value === 'same' ? String(slots.household ?? '') : String(value ?? '')),
    ),
  },
  { id: 'phone', prompt: 'registration.phone.ask', parse: phoneAnswer, sensitive: true, display: 'text', field: editable('phone', { phone: answer('phone') }) },
  {
    id: 'unemployedSince',
    prompt: 'registration.unemployedSince.ask',
    parse: unemployedSinceAnswer,
    display: 'text',
    when: unemployment,
    notice: assumedDateNotice,
    field: editable('unemployedSince', { 'details.unemployedSince': answer('unemployedSince') }),
  },
  {
    id: 'reason',
    prompt: 'registration.reason.ask',
    choices: choices('reasons', JOB_LOSS_REASONS),
    display: 'buttons',
    when: unemployment,
    // Job-seeker registrations do not ask it and store `other`.
    field: editable('reason', { reason: (slots, applies) => (applies ? (slots.reason ?? null) : 'other') }, labelled('reasons')),
  },
  {
    // R1.4.3: graduates from hardship families (困难家庭离校未就业高校毕业生) are contacted more often.
    id: 'hardshipFamily',
    prompt: 'registration.hardshipFamily.ask',
    choices: yesNo,
    display: 'buttons',
    when: (slots, env) => unemployment(slots, env) && slots.reason === 'graduated',
    field: editable('hardshipFamily', { hardshipFamily: yes('hardshipFamily') }, labelled('registration.answer')),
  },
  { id: 'education', prompt: 'registration.education.ask', choices: choices('education', EDUCATION_LEVELS), display: 'buttons', field: editable('education', { 'details.education': answer('education') }, labelled('education')) },
  { id: 'skills', prompt: 'registration.skills.ask', parse: freeTextAnswer, display: 'text', field: editable('skills', { 'details.skills': answer('skills') }) },
  { id: 'jobWanted', prompt: 'registration.jobWanted.ask', parse: freeTextAnswer, display: 'text', field: editable('jobWanted', { 'details.jobWanted': answer('jobWanted') }) },
  { id: 'training', prompt: 'registration.training.ask', choices: yesNo, display: 'buttons', field: editable('training', { 'details.wantsTraining': yes('training') }, labelled('registration.answer')) },
  { id: 'business', prompt: 'registration.business.ask', choices: yesNo, display: 'buttons', field: editable('business', { 'details.wantsBusiness': yes('business') }, labelled('registration.answer')) },
  {
    id: 'followUp',
    prompt: 'registration.followUp.ask',
    choices: choices('registration.followUp', ['monthly', 'refused']),
    display: 'buttons',
    when: unemployment,
    notice: (slots, env) => {
      if (slots.followUp !== 'refused') return undefined;
      const after = followUpAfterRefusal(env.policy.pack);
      return after.cadence === 'every_n_months'
        ? { key: 'registration.followUp.everyNMonths', params: { months: after.everyMonths, source: after.source } }
        : { key: 'registration.followUp.stillMonthly', params: { source: after.source } };
    },
    field: editable('followUp', { followUpPreference: (slots, applies) => (applies ? (slots.followUp ?? null) : 'monthly') }, labelled('registration.followUp')),
  },
  {
    id: 'papers',
    prompt: 'registration.papers.ask',
    choices: choices('registration.papers', ['yes', 'no']),
    display: 'buttons',
    when: unemployment,
    notice: (slots, env) => (slots.papers === 'no' && creditPromiseOf(env) === null ? { key: 'registration.papers.bringLater' } : undefined),
    field: editable('papers', { 'details.papersComplete': yes('papers') }, labelled('registration.papers')),
  },
  {
    id: 'creditPromise',
    prompt: 'registration.creditPromise.ask',
    promptParams: (_slots, env) => {
      const due = creditPromiseOf(env);
      return { date: due?.date ?? '', source: due?.source ?? '' };
    },
    choices: choices('registration.creditPromise', ['promise', 'decline']),
    display: 'buttons',
    when: (slots, env) => unemployment(slots, env) && slots.papers === 'no' && creditPromiseOf(env) !== null,
    notice: (slots) => (slots.creditPromise === 'decline' ? { key: 'registration.creditPromise.bringPapers' } : undefined),
    // Follows from the papers answer: shown in the summary, changed by editing the papers.
    field: { summary: 'registration.summary.creditPromise', show: labelled('registration.creditPromise'), stores: { 'details.creditPromise': creditPromise } },
  },
];

/**
 * The registration dialog over a list of questions: the summary lists their fields, "edit a field" offers
 * the editable ones, and submitting stores what each declares (`submit` also fixes which registration it is).
 */
export function buildRegistrationDialog(questions: readonly DialogStep[]): DialogDefinition {
  const steps: readonly DialogStep[] = [
    ...questions,
    {
      id: 'confirm',
      prompt: 'registration.confirm.ask',
      promptParams: (slots, env) => {
        const kind = isJobSeekerPath(slots, env) ? 'jobSeeker.title' : 'registration.title';
        return { lines: [`${env.label('registration.summary.kind')}${env.label(kind)}`, ...formSummaryLines(questions, slots, env)].join('\n') };
      },
      choices: choices('registration.confirm', ['submit', 'edit']),
      display: 'buttons',
      parse: submitAnswer,
      next: (slots) => (slots.confirm === 'submit' ? { finish: true } : { goto: 'editField' }),
      field: { stores: { kind: (slots) => slots.kind ?? null } },
    },
    {
      id: 'editField',
      prompt: 'registration.edit.ask',
      choices: editChoicesOf(questions),
      display: 'list',
      parse: editFieldParser(questions, 'registration.edit.notApplicable'),
      next: (slots) => ({ goto: String(slots.editField), returnTo: 'confirm' }),
    },
  ];
  return { id: 'registration', title: 'registration.title', finish: 'registration.submit', steps };
}

export const registrationDialog: DialogDefinition = buildRegistrationDialog(REGISTRATION_QUESTIONS);
