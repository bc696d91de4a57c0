// 恢复授权: a person who withdrew consent lets the bureau contact them again; buttons confirm.
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';

export const restoreConsentDialog: DialogDefinition = {
  id: 'restoreConsent',
  title: 'consent.restore.title',
  precondition: 'consent.withdrawn',
  finish: 'consent.restore',
  steps: [
    {
      id: 'confirm',
      prompt: 'consent.restore.ask',
      choices: [
        { value: 'restore', label: 'consent.restore.choices.restore' },
        { value: 'keep', label: 'consent.restore.choices.keep' },
      ],
    },
  ],
};
