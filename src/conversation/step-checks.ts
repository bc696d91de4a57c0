// Asynchronous checks on an accepted answer, for the few steps whose answer must be compared with what is on
// file (an ID number already registered, a one-time code). The dialog names the check; the engine runs it.
import type { ActiveDialog } from './dialog-state.ts';
import type { DialogDefinition, DialogEnv, Params, Slots, SlotValue } from './dialog-types.ts';
import { answerStep, repeatStep, startDialog, type StepOutcome } from './dialog-runner.ts';
import type { Locale } from './locales.ts';
import { reply } from './reply.ts';
import type { InboundTurn } from './turn-types.ts';

export interface StepCheckContext {
  value: SlotValue;
  slots: Slots;
  turn: InboundTurn;
  conversationKey: string;
  /** The person this conversation is already linked to (by its own registration or a verified code). */
  jobSeekerId: string | null;
  locale: Locale;
  env: DialogEnv;
}

export type StepCheckResult =
  /** The answer stands; `derived` slots are stored with it. */
  | { kind: 'accept'; derived?: Slots }
  /** Said, then the same question again; the check keeps its own count of tries. */
  | { kind: 'reject'; error: string; params?: Params }
  /** The dialog ends with this message. */
  | { kind: 'end'; key: string; params?: Params }
  /** This message, then another dialog starts with these slots (e.g. "already registered: prove it is you"). */
  | { kind: 'divert'; dialog: string; slots: Slots; key: string; params?: Params };

export type StepCheck = (ctx: StepCheckContext) => Promise<StepCheckResult>;

export interface CheckedAnswer {
  def: DialogDefinition;
  active: ActiveDialog;
  input: string;
  env: DialogEnv;
  checks: Readonly<Record<string, StepCheck>>;
  dialogs: Readonly<Record<string, DialogDefinition>>;
  context: Omit<StepCheckContext, 'value' | 'slots' | 'env'>;
}

/** Like `answerStep`, but a step with a `check` has its parsed answer checked before it is accepted. */
export async function answerCheckedStep(a: CheckedAnswer): Promise<StepOutcome> {
  const step = a.def.steps.find((s) => s.id === a.active.step);
  if (!step?.check) return answerStep(a.def, a.active, a.input, a.env);
  const check = a.checks[step.check];
  if (!check) throw new Error(`step ${a.def.id}.${step.id} names unknown check ${step.check}`);
  const parsed = step.parse ? step.parse(a.input, { ...a.env, slots: a.active.slots }) : null;
  const choice = step.choices?.find((c) => c.value === a.input);
  const value = parsed ? (parsed.ok ? parsed.value : undefined) : choice?.value;
  if (value === undefined) return answerStep(a.def, a.active, a.input, a.env);
  const derived = parsed?.ok ? (parsed.derived ?? {}) : {};
  const result = await check({ ...a.context, value, slots: { ...a.active.slots, ...derived }, env: a.env });
  switch (result.kind) {
    case 'accept':
      return answerStep(a.def, a.active, a.input, a.env, { ok: true, value, derived: { ...derived, ...(result.derived ?? {}) } });
    case 'reject':
      return { kind: 'ask', active: a.active, replies: [reply(result.error, result.params), repeatStep(a.def, a.active, a.env)] };
    case 'end':
      return { kind: 'end', replies: [reply(result.key, result.params)] };
    case 'divert': {
      const target = a.dialogs[result.dialog];
      if (!target) throw new Error(`check ${step.check} diverts to unknown dialog ${result.dialog}`);
      const started = startDialog(target, a.context.turn.at.toISOString(), a.env, result.slots);
      return { ...started, replies: [reply(result.key, result.params), ...started.replies] };
    }
  }
}
