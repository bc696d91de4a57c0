// 失业登记: consent → name → ID number → phone → reason for job loss → confirmation → submitted for review.
import type { DialogDefinition, StepChoice } from '../src/conversation/dialog-types.ts';
import { idNumberAnswer, nameAnswer, phoneAnswer } from '../src/conversation/answers/identity-answers.ts';
import { JOB_LOSS_REASONS } from '../src/domain/registration/job-loss-reasons.ts';

const consentChoices: readonly StepChoice[] = [
  { value: 'agree', label: 'registration.consent.agree' },
  { value: 'decline', label: 'registration.consent.decline' },
];

const reasonChoices: readonly StepChoice[] = JOB_LOSS_REASONS.map((value) => ({ value, label: `reasons.${value}` }));

const confirmChoices: readonly StepChoice[] = [
  { value: 'submit', label: 'registration.confirm.submit' },
  { value: 'redo', label: 'registration.confirm.redo' },
];

export const registrationDialog: DialogDefinition = {
  id: 'registration',
  title: 'registration.title',
  finish: 'registration.submit',
  steps: [
    {
      id: 'consent',
      prompt: 'registration.consent.ask',
      choices: consentChoices,
      next: (slots) => (slots.consent === 'decline' ? { end: 'registration.consent.declined' } : undefined),
    },
    { id: 'name', prompt: 'registration.name.ask', parse: nameAnswer },
    { id: 'idNumber', prompt: 'registration.idNumber.ask', parse: idNumberAnswer, sensitive: true },
    { id: 'phone', prompt: 'registration.phone.ask', parse: phoneAnswer, sensitive: true },
    { id: 'reason', prompt: 'registration.reason.ask', choices: reasonChoices },
    {
      id: 'confirm',
      prompt: 'registration.confirm.ask',
      promptParams: (slots, h) => ({
        name: String(slots.name ?? ''),
        idNumber: h.mask('idNumber', slots.idNumber ?? null),
        phone: h.mask('phone', slots.phone ?? null),
        reason: h.label(`reasons.${String(slots.reason)}`),
      }),
      choices: confirmChoices,
      next: (slots) => (slots.confirm === 'submit' ? { finish: true } : { goto: 'name' }),
    },
  ],
};
