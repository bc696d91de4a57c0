// 联系方式: where the bureau's messages should reach the person from now on: here (the channel they are writing
// from) or wherever they last wrote from. The action checks the conversation is linked to them first.
import type { DialogDefinition } from '../src/conversation/dialog-types.ts';

export const contactChannelDialog: DialogDefinition = {
  id: 'contactChannel',
  title: 'contactChannel.title',
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
