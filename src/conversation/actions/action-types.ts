// The named actions dialogs finish with; they reach persistence and policy only through ports.
import type { DialogEnv, DialogStep, Slots } from '../dialog-types.ts';
import type { Locale } from '../locales.ts';
import type { Reply } from '../reply.ts';
import type { InboundTurn } from '../turn-types.ts';

export interface ActionContext {
  slots: Slots;
  turn: InboundTurn;
  conversationKey: string;
  locale: Locale;
  jobSeekerId: string | null;
  /** The day, language and policy the dialog ran with; always set by the engine. */
  env?: DialogEnv;
  /** The steps of the dialog that finished, which say what each answer is on the form; set by the engine. */
  steps?: readonly DialogStep[];
}

export interface ActionResult {
  replies: Reply[];
  /** Set when the action created or found the person this conversation belongs to. */
  jobSeekerId?: string;
}

export type DialogAction = (ctx: ActionContext) => Promise<ActionResult>;

/**
 * Checked before a dialog's first question: null lets it start; a result ends it at once with its replies
 * (e.g. "报告近况" without any registration to report on).
 */
export type DialogPrecondition = (ctx: ActionContext) => Promise<ActionResult | null>;
