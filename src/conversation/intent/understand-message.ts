// How the engine uses the intent layer: which intents count where, and how sure the model must be.
import type { GlobalCommand } from '../global-commands.ts';
import type { Intent } from './intent-examples.ts';
import type { IntentClassifier } from './intent-classifier.ts';
import { isNegatedRequest } from './negated-request.ts';

/** Confidence needed at the menu, where nothing else would read the message. */
export const ACCEPT_SCORE = 0.5;
/** Confidence needed inside a free-text step, where the message is most likely the answer itself. */
export const STEP_SCORE = 0.85;

const COMMAND_INTENTS: Readonly<Partial<Record<Intent, GlobalCommand>>> = {
  help: 'help', cancel: 'cancel', back: 'back', human: 'human', restart: 'restart', menu: 'menu', english: 'english', chinese: 'chinese',
};

const DIALOG_INTENTS: Readonly<Partial<Record<Intent, string>>> = {
  registration: 'registration', hardship: 'hardship', status: 'status', followUp: 'followUp',
};

export type Understanding =
  | { kind: 'command'; command: GlobalCommand }
  | { kind: 'dialog'; dialog: string }
  | { kind: 'other'; intent: Intent }
  | { kind: 'none' };

/**
 * What a message means to the intent layer. Inside a step (`inStep`) only a command counts, and only when the
 * model is very sure: there the message is most likely the answer itself. A negated request ("我不想登记")
 * never opens the dialog it names: it is read as "cancel", which at the menu shows the menu again.
 */
export async function understandMessage(classifier: IntentClassifier | undefined, text: string, inStep: boolean): Promise<Understanding> {
  const understood = classifier ? await classifier.classify(text) : null;
  if (!understood || understood.score < (inStep ? STEP_SCORE : ACCEPT_SCORE)) return { kind: 'none' };
  const command = COMMAND_INTENTS[understood.intent];
  if (command) return { kind: 'command', command };
  if (inStep) return { kind: 'none' };
  const dialog = DIALOG_INTENTS[understood.intent];
  if (dialog && isNegatedRequest(text)) return { kind: 'command', command: 'cancel' };
  return dialog ? { kind: 'dialog', dialog } : { kind: 'other', intent: understood.intent };
}
