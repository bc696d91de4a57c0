// 就业困难人员预审: separate consent for sensitive data → the next fact the person's region pack still needs
// (nextHardshipField, one at a time, no branching written here) → the result per category with its clause →
// filed for a caseworker if the person wants, and only once we know who to call back: the person this
// conversation is linked to, or name + ID number + phone given with consent (issue 9 item 5). Regions whose
// pack lists no categories skip straight to the offer to file.
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
import { idNumberAnswer, nameAnswer, phoneAnswer } from '../src/conversation/answers/identity-answers.ts';
import { FILER_ASK, FILER_LINKED, FILER_SLOT } from '../src/conversation/identity/who-files-check.ts';
import { HARDSHIP_DATE_FIELDS, HARDSHIP_PROFILE_FIELDS, type HardshipProfileField } from '../src/domain/hardship/hardship-profile.ts';

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

type Answering = Pick<DialogStep, 'parse' | 'choices' | 'sensitive' | 'freeText' | 'check'>;
const DATE_FIELDS: readonly string[] = HARDSHIP_DATE_FIELDS;

/** How each kind of profile fact is answered: the ID number, the post type, a date, or yes / no / not sure. */
function answeringOf(field: HardshipProfileField): Answering {
  if (field === 'idNumber') {
    // An ID number on file for someone this conversation is not linked to stops here (code or caseworker offered).
    return { parse: hardshipIdNumberAnswer, choices: [{ value: SKIP_ANSWER, label: 'hardship.answers.skip' }], sensitive: true, freeText: true, check: 'identity.registered' };
  }
  if (field === 'retirementCategory') return { parse: retirementCategoryAnswer, choices: retirementChoices };
  if (DATE_FIELDS.includes(field)) return { parse: spellStartAnswer, choices: unknownChoice, freeText: true };
  return { parse: yesNoUnknownAnswer, choices: yesNoChoices };
}

/** After any answer: the next field the pack still needs, else the result. */
const toNextQuestion = (slots: Slots, env: DialogEnv): StepJump => ({ goto: nextHardshipField(slots, env) ?? 'file' });

/** One step per profile field, asked only while the pack still needs it (`hardship.ask.<field>`). */
const question = (field: HardshipProfileField): DialogStep => ({
  id: field,
  prompt: `hardship.ask.${field}`,
  when: (slots, env) => nextHardshipField(slots, env) === field,
  next: toNextQuestion,
  ...answeringOf(field),
});

/** "不用了" ends with nothing kept; "提交" files at once for a linked person, else asks who is filing first. */
const fileJump = (slots: Slots): StepJump | undefined => {
  if (slots.file !== 'file' && slots.fileAnyway !== 'file') return { end: 'hardship.notFiled' };
  return slots[FILER_SLOT] === FILER_LINKED ? { finish: true } : undefined;
};
const collectingContact = (slots: Slots): boolean => slots[FILER_SLOT] === FILER_ASK;

/** The result step, or the offer to file where the pack lists no categories; both ask who files. */
const offerToFile = (id: 'fileAnyway' | 'file', prompt: string, promptParams: DialogStep['promptParams'], withCategories: boolean): DialogStep => ({
  id,
  prompt,
  promptParams,
  when: (_slots, env) => packHasCategories(env) === withCategories,
  choices: fileChoices,
  parse: fileRequestAnswer,
  check: 'filing.whoFiles',
  next: fileJump,
});

export const hardshipDialog: DialogDefinition = {
  id: 'hardship',
  title: 'hardship.title',
  finish: 'hardship.file',
  steps: [
    offerToFile('fileAnyway', 'hardship.noCategories.ask', noCategoriesParams, false),
    {
      id: 'consent',
      prompt: 'hardship.consent.ask',
      choices: consentChoices,
      when: (_slots, env) => packHasCategories(env),
      next: (slots, env) => (slots.consent === 'decline' ? { end: 'hardship.consent.declined' } : toNextQuestion(slots, env)),
    },
    ...HARDSHIP_PROFILE_FIELDS.map(question),
    offerToFile('file', 'hardship.result.ask', hardshipResultParams, true),
    {
      id: 'contactConsent',
      prompt: 'hardship.contact.consent',
      choices: consentChoices,
      when: collectingContact,
      next: (slots) => (slots.contactConsent === 'decline' ? { end: 'hardship.contact.declined' } : undefined),
    },
    { id: 'contactName', prompt: 'hardship.contact.name', parse: nameAnswer, when: collectingContact },
    {
      id: 'contactIdNumber',
      prompt: 'hardship.contact.idNumber',
      parse: idNumberAnswer,
      check: 'identity.registered',
      sensitive: true,
      // An ID number already given for the age question is not asked twice.
      when: (slots) => collectingContact(slots) && typeof slots.idNumber !== 'string',
    },
    { id: 'contactPhone', prompt: 'hardship.contact.phone', parse: phoneAnswer, sensitive: true, when: collectingContact },
  ],
};
