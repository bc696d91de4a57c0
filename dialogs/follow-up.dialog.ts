// 报告近况: the answer to the monthly follow-up (also from the menu): still looking, found a job, self-employed,
// in school, joined the military, other, no service needed this time (不需要服务); or stop the monthly messages.
// Without a current registration it says so and offers one before any question. Nothing private is asked, so a
// reply days after the prompt still counts.
import type { DialogDefinition, StepChoice } from '../src/conversation/dialog-types.ts';
import { FOLLOW_UP_SITUATIONS, followUpAnswer } from '../src/conversation/answers/follow-up-answers.ts';

const situationChoices: readonly StepChoice[] = [
  ...FOLLOW_UP_SITUATIONS.map((value) => ({ value, label: `followUp.choices.${value}` })),
  { value: 'stop_monthly', label: 'followUp.choices.stop_monthly' },
];

export const followUpDialog: DialogDefinition = {
  id: 'followUp',
  title: 'followUp.title',
  precondition: 'followUp.registered',
  finish: 'followUp.record',
  idleSafe: true,
  steps: [{ id: 'situation', prompt: 'followUp.ask', choices: situationChoices, parse: followUpAnswer }],
};
