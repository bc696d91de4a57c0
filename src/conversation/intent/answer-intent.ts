// What the bot says to an understood message that opens no dialog and is no command: greetings, thanks,
// goodbyes, "I don't know", complaints, and the common questions, answered from the person's region pack.
import { reply, type Reply } from '../reply.ts';
import { welcomeMenu } from '../main-menu.ts';
import type { DialogEnv, StepChoice } from '../dialog-types.ts';
import type { FaqTopic } from '../../domain/faq/answer-faq.ts';
import { faqReplies } from '../faq/faq-replies.ts';
import type { Intent } from './intent-examples.ts';

const HUMAN_OR_MENU: readonly StepChoice[] = [
  { value: 'human', label: 'menu.buttons.human' },
  { value: 'menu', label: 'menu.buttons.menu' },
];

/** The common questions the intent layer knows, and the pack topic that answers each. */
const FAQ_TOPIC_OF: Partial<Record<Intent, FaqTopic>> = {
  faqWhoCanRegister: 'whoCanRegister',
  faqPapers: 'papers',
  faqContactFrequency: 'contactFrequency',
  faqQuota: 'quota',
  faqHardship: 'hardship',
  faqDeregistration: 'deregistration',
  faqBenefit: 'benefit',
  faqWhere: 'where',
};

/** Replies for a conversational intent at the menu; null for intents that start a dialog or run a command. */
export function answerIntent(intent: Intent, env: DialogEnv): Reply[] | null {
  const topic = FAQ_TOPIC_OF[intent];
  if (topic) return faqReplies(topic, env);
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
    default:
      return null;
  }
}
