// 就业困难人员预审: separate consent for sensitive data → only the questions the person's region pack still
// needs (nextHardshipQuestions, asked one at a time) → the result per category with its clause → filed for a
// caseworker if the person wants. Regions whose pack lists no categories skip straight to the offer to file.
import type { DialogEnv, DialogStep, Slots, StepChoice, StepJump } from '../src/conversation/dialog-types.ts';
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';
import {
  hardshipIdNumberAnswer,
  nextHardshipField,
  packHasCategories,
  retirementCategoryAnswer,
  SKIP_ANSWER,
  spellStartAnswer,
  UNKNOWN_ANSWER,
  yesNoUnknownAnswer,
} from '../src/conversation/answers/hardship-answers.ts';
import { fileRequestAnswer, hardshipResultParams, noCategoriesParams } from '../src/conversation/answers/hardship-prescreen.ts';
import { HARDSHIP_DATE_FIELDS, HARDSHIP_FLAG_FIELDS } from '../src/domain/hardship/hardship-profile.ts';

const consentChoices: readonly StepChoice[] = [
  { value: 'agree', label: 'hardship.consent.agree' },
  { value: 'decline', label: 'hardship.consent.decline' },
];
const yesNoChoices: readonly StepChoice[] = [
  { value: 'yes', label: 'hardship.answers.yes' },
  { value: 'no', label: 'hardship.answers.no' },
  { value: UNKNOWN_ANSWER, label: 'hardship.answers.unknown' },
];
const unknownChoice: readonly StepChoice[] = [{ value: UNKNOWN_ANSWER, label: 'hardship.answers.unknown' }];
const retirementChoices: readonly StepChoice[] = [
  { value: 'FEMALE_55', label: 'hardship.answers.FEMALE_55' },
  { value: 'FEMALE_50', label: 'hardship.answers.FEMALE_50' },
  { value: UNKNOWN_ANSWER, label: 'hardship.answers.unknown' },
];
const fileChoices: readonly StepChoice[] = [
  { value: 'file', label: 'hardship.file.yes' },
  { value: 'skip', label: 'hardship.file.no' },
];

/** After any answer: the next field the pack still needs, else the result. */
const toNextQuestion = (slots: Slots, env: DialogEnv): StepJump => ({ goto: nextHardshipField(slots, env) ?? 'file' });
const isNext = (field: string) => (slots: Slots, env: DialogEnv) => nextHardshipField(slots, env) === field;

const question = (field: string, rest: Pick<DialogStep, 'parse' | 'choices' | 'sensitive' | 'freeText'>): DialogStep => ({
  id: field,
  prompt: `hardship.ask.${field}`,
  when: isNext(field),
  next: toNextQuestion,
  ...rest,
});

const fileJump = (slots: Slots): StepJump => (slots.file === 'file' || slots.fileAnyway === 'file' ? { finish: true } : { end: 'hardship.notFiled' });

export const hardshipDialog: DialogDefinition = {
  id: 'hardship',
  title: 'hardship.title',
  finish: 'hardship.file',
  steps: [
    {
      id: 'fileAnyway',
      prompt: 'hardship.noCategories.ask',
      promptParams: noCategoriesParams,
      when: (_slots, env) => !packHasCategories(env),
      choices: fileChoices,
      parse: fileRequestAnswer,
      next: fileJump,
    },
    {
      id: 'consent',
      prompt: 'hardship.consent.ask',
      choices: consentChoices,
      when: (_slots, env) => packHasCategories(env),
      next: (slots, env) => (slots.consent === 'decline' ? { end: 'hardship.consent.declined' } : toNextQuestion(slots, env)),
    },
    question('idNumber', { parse: hardshipIdNumberAnswer, choices: [{ value: SKIP_ANSWER, label: 'hardship.answers.skip' }], sensitive: true, freeText: true }),
    question('retirementCategory', { parse: retirementCategoryAnswer, choices: retirementChoices }),
    ...HARDSHIP_DATE_FIELDS.map((field) => question(field, { parse: spellStartAnswer, choices: unknownChoice, freeText: true })),
    ...HARDSHIP_FLAG_FIELDS.map((field) => question(field, { parse: yesNoUnknownAnswer, choices: yesNoChoices })),
    {
      id: 'file',
      prompt: 'hardship.result.ask',
      promptParams: hardshipResultParams,
      when: (_slots, env) => packHasCategories(env),
      choices: fileChoices,
      parse: fileRequestAnswer,
      next: fileJump,
    },
  ],
};
