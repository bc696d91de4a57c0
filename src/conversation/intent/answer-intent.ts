// What the bot says to an understood message that opens no dialog and is no command: greetings, thanks,
// goodbyes, "I don't know", complaints, and common questions it cannot yet answer from the region's notice.
import { reply, type Reply } from '../reply.ts';
import { welcomeMenu } from '../main-menu.ts';
import type { StepChoice } from '../dialog-types.ts';
import type { Intent } from './intent-examples.ts';

const HUMAN_OR_MENU: readonly StepChoice[] = [
  { value: 'human', label: 'menu.buttons.human' },
  { value: 'menu', label: 'menu.buttons.menu' },
];

/** Replies for a conversational intent at the menu; null for intents that start a dialog or run a command. */
export function answerIntent(intent: Intent): Reply[] | null {
  switch (intent) {
    case 'greeting':
      return [welcomeMenu('intent.greeting')];
    case 'thanks':
      return [reply('intent.thanks', undefined, HUMAN_OR_MENU)];
    case 'goodbye':
      return [reply('intent.goodbye')];
    case 'dontKnow':
      return [reply('intent.dontKnow', undefined, HUMAN_OR_MENU)];
    case 'complaint':
      return [reply('intent.complaint', undefined, HUMAN_OR_MENU)];
    case 'faqWhoCanRegister':
    case 'faqPapers':
    case 'faqContactFrequency':
    case 'faqQuota':
    case 'faqHardship':
    case 'faqDeregistration':
    case 'faqBenefit':
    case 'faqWhere':
      return [reply('intent.questionForPerson', undefined, HUMAN_OR_MENU)];
    default:
      return null;
  }
}
