// 撤回授权: the person no longer wants the bureau to contact them. One message says what stops (and that the
// registration does not change), buttons confirm; only a conversation linked to the person is asked.
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';

export const withdrawConsentDialog: DialogDefinition = {
  id: 'withdrawConsent',
  title: 'consent.withdraw.title',
  precondition: 'consent.given',
  finish: 'consent.withdraw',
  steps: [
    {
      id: 'confirm',
      prompt: 'consent.withdraw.ask',
      choices: [
        { value: 'withdraw', label: 'consent.withdraw.choices.withdraw' },
        { value: 'keep', label: 'consent.withdraw.choices.keep' },
      ],
    },
  ],
};
