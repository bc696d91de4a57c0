// Moves one dialog forward by one answer: validate, store the slot, pick the next step, or re-ask.
import type { ActiveDialog } from './dialog-state.ts';
import type { DialogDefinition, DialogEnv, DialogStep, ParseContext, ParseResult, Slots } from './dialog-types.ts';
import { reply, type Reply } from './reply.ts';

/** After this many wrong answers to one question the bot offers a person instead of asking again. */
export const MAX_FAILURES = 3;

export type StepOutcome =
  | { kind: 'ask'; active: ActiveDialog; replies: Reply[] }
  | { kind: 'finish'; slots: Slots; replies: Reply[] }
  | { kind: 'end'; replies: Reply[] }
  | { kind: 'stuck'; active: ActiveDialog; replies: Reply[] };

export function startDialog(def: DialogDefinition, startedAt: string, env: DialogEnv, slots: Slots = {}): StepOutcome {
  const first = nextApplicable(def, -1, slots, env);
  if (!first) return { kind: 'finish', slots, replies: [] };
  const active: ActiveDialog = { dialog: def.id, step: first.id, slots, failures: 0, history: [], startedAt };
  return { kind: 'ask', active, replies: [prompt(first, slots, env)] };
}

export function answerStep(def: DialogDefinition, active: ActiveDialog, input: string, env: DialogEnv): StepOutcome {
  const ctx: ParseContext = { ...env, slots: active.slots };
  const step = stepOf(def, active.step);
  const result = parseAnswer(step, input, ctx);
  if (!result.ok) {
    const failures = active.failures + 1;
    const error = reply(result.error, result.params);
    if (failures >= MAX_FAILURES) return { kind: 'stuck', active: { ...active, failures }, replies: [error, reply('engine.tooManyTries')] };
    return { kind: 'ask', active: { ...active, failures }, replies: [error, prompt(step, active.slots, env)] };
  }
  const slots: Slots = { ...active.slots, ...(result.derived ?? {}), [step.id]: result.value };
  const jump = step.next?.(slots, env);
  if (jump && 'end' in jump) return { kind: 'end', replies: [reply(jump.end)] };
  if (jump && 'finish' in jump) return { kind: 'finish', slots, replies: [] };
  const target = jump && 'goto' in jump ? stepOf(def, jump.goto) : nextApplicable(def, indexOf(def, step.id), slots, env);
  if (!target) return { kind: 'finish', slots, replies: [] };
  const cleared = jump && 'goto' in jump ? withoutSlot(slots, target.id) : slots;
  const next: ActiveDialog = { ...active, step: target.id, slots: cleared, failures: 0, history: [...active.history, step.id] };
  return { kind: 'ask', active: next, replies: [prompt(target, cleared, env)] };
}

/** Goes back one answered step; at the first step there is nothing to undo and the question is repeated. */
export function backStep(def: DialogDefinition, active: ActiveDialog, env: DialogEnv): StepOutcome {
  const previous = active.history[active.history.length - 1];
  if (!previous) return { kind: 'ask', active, replies: [reply('engine.nothingToUndo'), prompt(stepOf(def, active.step), active.slots, env)] };
  const slots = withoutSlot(active.slots, previous);
  const next: ActiveDialog = { ...active, step: previous, slots, failures: 0, history: active.history.slice(0, -1) };
  return { kind: 'ask', active: next, replies: [prompt(stepOf(def, previous), slots, env)] };
}

export function repeatStep(def: DialogDefinition, active: ActiveDialog, env: DialogEnv): Reply {
  return prompt(stepOf(def, active.step), active.slots, env);
}


function prompt(step: DialogStep, slots: Slots, env: DialogEnv): Reply {
  return reply(step.prompt, step.promptParams?.(slots, env), step.choices);
}

function parseAnswer(step: DialogStep, input: string, ctx: ParseContext): ParseResult {
  if (step.parse) return step.parse(input, ctx);
  const choice = step.choices?.find((c) => c.value === input);
  return choice ? { ok: true, value: choice.value } : { ok: false, error: 'engine.pickAChoice' };
}

function stepOf(def: DialogDefinition, id: string): DialogStep {
  const step = def.steps.find((s) => s.id === id);
  if (!step) throw new Error(`dialog ${def.id} has no step ${id}`);
  return step;
}

function indexOf(def: DialogDefinition, id: string): number {
  return def.steps.findIndex((s) => s.id === id);
}

function nextApplicable(def: DialogDefinition, fromIndex: number, slots: Slots, env: DialogEnv): DialogStep | undefined {
  return def.steps.slice(fromIndex + 1).find((s) => !s.when || s.when(slots, env));
}

function withoutSlot(slots: Slots, id: string): Slots {
  return Object.fromEntries(Object.entries(slots).filter(([k]) => k !== id));
}
