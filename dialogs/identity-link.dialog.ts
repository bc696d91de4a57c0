// 核实身份: an ID number already on file was given in a conversation not linked to that person. Knowing an ID
// number proves nothing, so the person either types back a one-time code sent to the phone on file, or asks a
// caseworker to confirm (also the way to say "someone else may be using my ID"). Nothing is shown or changed
// until then. Entered only from the registration's ID step (slots `person`, `phoneMask`).
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';
import { oneTimeCodeAnswer } from '../src/conversation/answers/one-time-code-answer.ts';
import { ONE_TIME_CODE } from '../src/domain/identity/one-time-code-policy.ts';

const phone = (slots: Record<string, unknown>) => ({ phone: String(slots.phoneMask ?? ''), minutes: ONE_TIME_CODE.ttlMinutes });

export const identityLinkDialog: DialogDefinition = {
  id: 'identityLink',
  title: 'identity.title',
  finish: 'identity.link',
  enteredFrom: 'registration.idNumber',
  steps: [
    {
      id: 'method',
      prompt: 'identity.offer',
      promptParams: phone,
      choices: [
        { value: 'code', label: 'identity.choices.code' },
        { value: 'caseworker', label: 'identity.choices.caseworker' },
      ],
      check: 'identity.sendCode',
      next: (slots) => (slots.method === 'caseworker' ? { finish: true } : undefined),
    },
    { id: 'code', prompt: 'identity.code.ask', promptParams: phone, parse: oneTimeCodeAnswer, check: 'identity.verifyCode', sensitive: true },
  ],
};
