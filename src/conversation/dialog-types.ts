// The declarative shape of a dialog: steps that collect slots, locale keys for every word, parsers from
// the domain for every answer, and a named action when the steps are done.
import type { Locale } from './locales.ts';
import type { RegionPack } from '../domain/regions/region-pack.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';

export type SlotValue = string | number | boolean | null;
export type Slots = Record<string, SlotValue>;
export type Params = Record<string, string | number>;

export type ParseResult =
  | { ok: true; value: SlotValue; derived?: Slots }
  | { ok: false; error: string; params?: Params };

/** The policy a dialog may ask for facts: the person's region pack on the day, and the working-day calendar. */
export interface PolicyContext {
  pack: RegionPack;
  calendar: WorkCalendar;
}

/** What every step callback may use: the day, the language, the policy, and safe ways to show slots. */
export interface DialogEnv {
  /** Today in the service's time zone, YYYY-MM-DD. */
  today: string;
  locale: Locale;
  policy: PolicyContext;
  mask(slot: string, value: SlotValue): string;
  /** The text of a locale key in the conversation's language, with values filled in. */
  label(key: string, params?: Params): string;
  /** A clause reference (a pack's `source`) as the person reads it: document short name and section. */
  cite(ref: string): string;
  /** A list of phrases under a locale key, in every language (what people may type to mean one thing). */
  phrases?(key: string): string[];
}

export interface ParseContext extends DialogEnv {
  slots: Slots;
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
  promptParams?: (slots: Slots, env: DialogEnv) => Params;
  choices?: readonly StepChoice[];
  /** Validates and converts the answer. Choice steps without a parser accept only their choices. */
  parse?: (input: string, ctx: ParseContext) => ParseResult;
  /** Skip the step unless this holds. */
  when?: (slots: Slots, env: DialogEnv) => boolean;
  /** After this step, go elsewhere than the next step: another step ("edit a field"), finish, or end with a message. */
  next?: (slots: Slots, env: DialogEnv) => StepJump | undefined;
  /** The choices are shortcuts beside a typed answer (a date, an ID, a place): said so on channels without buttons. */
  freeText?: boolean;
  /**
   * How the question is shown: `buttons` (the default for choices), `text` (typed answer; choices are only
   * shortcuts, as `freeText`) or `list` (a long list: numbered lines on a channel whose button limit it exceeds).
   */
  display?: StepDisplay;
  /** What the answer is on the form: its summary line, whether it can be edited, which stored field it fills. */
  field?: FormField;
  /** Never echoed back: the summary shows it masked. */
  sensitive?: boolean;
  /** Name of an asynchronous check (src/conversation/step-checks.ts) the parsed answer must pass first. */
  check?: string;
  /** A message said once the answer is accepted, before the next question (e.g. what a refusal means). */
  notice?: (slots: Slots, env: DialogEnv) => { key: string; params?: Params } | undefined;
}

export type StepDisplay = 'buttons' | 'text' | 'list';

/** A value as the form stores it: an answer, or a small record of answers (a credit promise with its dates). */
export type StoredValue = SlotValue | { readonly [key: string]: SlotValue };

/**
 * One question's place on a form (src/conversation/form/): the summary, "edit a field", the stored record and
 * the caseworker's view all read these, so adding a question is adding one step and its locale keys.
 */
export interface FormField {
  /**
   * Locale key of the field's line in the summary ("姓名：") and its label on the caseworker's view; absent for
   * what the form derives rather than asks (which registration it is).
   */
  summary?: string;
  /** Locale key of the field's choice in "edit a field"; absent: it cannot be changed from the summary. */
  edit?: string;
  /** How the answer reads in the summary; default: as given (a `sensitive` step is masked whatever this says). */
  show?: (value: SlotValue, slots: Slots, env: DialogEnv) => string;
  /**
   * The stored fields it fills (`name`, `details.skills`, ...), each with its value from the slots;
   * `applies` is false when the step did not apply to this person (its stored value is then usually null).
   */
  stores: Readonly<Record<string, (slots: Slots, applies: boolean) => StoredValue>>;
}

/**
 * `goto` with `returnTo`: ask that step (e.g. a field picked from the summary), then any step that has become
 * needed and is still unanswered, then go straight back to `returnTo` instead of walking on.
 */
export type StepJump = { goto: string; returnTo?: string } | { finish: true } | { end: string; params?: Params };

/** @deprecated name kept for readability at call sites: prompt helpers are the dialog env. */
export type PromptHelpers = DialogEnv;

export interface DialogDefinition {
  id: string;
  /** Locale key of a one-line title shown when the dialog resumes after a pause. */
  title: string;
  steps: readonly DialogStep[];
  /** Name of a check (src/conversation/actions) that must pass before the first question is asked. */
  precondition?: string;
  /** Name of the action (src/conversation/actions) that runs when the last step is answered. */
  finish: string;
  /** Set when the dialog is never opened from the menu, only by another dialog's step check (which one). */
  enteredFrom?: string;
  /** Holds nothing private, so a late answer (to a monthly prompt days later) still counts, without "welcome back". */
  idleSafe?: boolean;
}
