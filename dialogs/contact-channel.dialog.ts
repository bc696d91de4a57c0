// 联系方式: where the bureau's messages should reach the person from now on: here (the channel they are writing
// from) or wherever they last wrote from. Only a conversation linked to the person is asked (and the action checks again).
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';

export const contactChannelDialog: DialogDefinition = {
  id: 'contactChannel',
  title: 'contactChannel.title',
  precondition: 'contactChannel.linked',
  finish: 'contactChannel.set',
  steps: [
    {
      id: 'choice',
      prompt: 'contactChannel.ask',
      choices: [
        { value: 'here', label: 'contactChannel.choices.here' },
        { value: 'latest', label: 'contactChannel.choices.latest' },
      ],
    },
  ],
};
