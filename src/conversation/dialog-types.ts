// The declarative shape of a dialog: steps that collect slots, locale keys for every word, parsers from
// the domain for every answer, and a named action when the steps are done.
import type { Locale } from './locales.ts';

export type SlotValue = string | number | boolean | null;
export type Slots = Record<string, SlotValue>;
export type Params = Record<string, string | number>;

export type ParseResult =
  | { ok: true; value: SlotValue; derived?: Slots }
  | { ok: false; error: string; params?: Params };

export interface ParseContext {
  /** Today in the service's time zone, YYYY-MM-DD. */
  today: string;
  slots: Slots;
  locale: Locale;
}

export interface StepChoice {
  value: string;
  /** Locale key of the button title. */
  label: string;
}

export interface DialogStep {
  /** Step id, also the slot it fills. */
  id: string;
  /** Locale key of the question. */
  prompt: string;
  /** Values for the question's placeholders, computed from slots (e.g. a summary). */
  promptParams?: (slots: Slots, helpers: PromptHelpers) => Params;
  choices?: readonly StepChoice[];
  /** Validates and converts the answer. Choice steps without a parser accept only their choices. */
  parse?: (input: string, ctx: ParseContext) => ParseResult;
  /** Skip the step unless this holds. */
  when?: (slots: Slots) => boolean;
  /** After this step, go elsewhere than the next step: another step ("edit a field"), finish, or end with a message. */
  next?: (slots: Slots) => StepJump | undefined;
  /** Never echoed back: the summary shows it masked. */
  sensitive?: boolean;
}

export type StepJump = { goto: string } | { finish: true } | { end: string };

export interface PromptHelpers {
  mask(slot: string, value: SlotValue): string;
  label(key: string): string;
}

export interface DialogDefinition {
  id: string;
  /** Locale key of a one-line title shown when the dialog resumes after a pause. */
  title: string;
  steps: readonly DialogStep[];
  /** Name of the action (src/conversation/actions) that runs when the last step is answered. */
  finish: string;
}
