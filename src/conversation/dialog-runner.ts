// Moves one dialog forward by one answer: validate, store the slot, pick the next step, or re-ask.
import type { ActiveDialog } from './dialog-state.ts';
import type { DialogDefinition, DialogEnv, DialogStep, ParseContext, ParseResult, Slots, StepJump } from './dialog-types.ts';
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

/** `checked`: the answer as an asynchronous step check already accepted it (see step-checks.ts). */
export function answerStep(def: DialogDefinition, active: ActiveDialog, input: string, env: DialogEnv, checked?: ParseResult): StepOutcome {
  const ctx: ParseContext = { ...env, slots: active.slots };
  const step = stepOf(def, active.step);
  const result = checked ?? parseAnswer(step, input, ctx);
  if (!result.ok) {
    const failures = active.failures + 1;
    const error = reply(result.error, result.params);
    if (failures >= MAX_FAILURES) return { kind: 'stuck', active: { ...active, failures }, replies: [error, reply('engine.tooManyTries')] };
    return { kind: 'ask', active: { ...active, failures }, replies: [error, prompt(step, active.slots, env)] };
  }
  const slots: Slots = { ...active.slots, ...(result.derived ?? {}), [step.id]: result.value };
  const said = step.notice?.(slots, env);
  const notices = said ? [reply(said.key, said.params)] : [];
  const jump = step.next?.(slots, env);
  if (jump && 'end' in jump) return { kind: 'end', replies: [...notices, reply(jump.end, jump.params)] };
  if (jump && 'finish' in jump) return { kind: 'finish', slots, replies: notices };
  const { target, returnTo } = nextTarget(def, step, jump, active.returnTo, slots, env);
  if (!target) return { kind: 'finish', slots, replies: notices };
  const cleared = jump && 'goto' in jump ? withoutSlot(slots, target.id) : target.id === active.returnTo ? withoutSlot(slots, target.id) : slots;
  const next: ActiveDialog = { ...withoutReturn(active), step: target.id, slots: cleared, failures: 0, history: [...active.history, step.id], ...(returnTo ? { returnTo } : {}) };
  return { kind: 'ask', active: next, replies: [...notices, prompt(target, cleared, env)] };
}

/**
 * Where to go after an answer: an explicit jump; while editing (`returnTo` set), the next step that applies
 * and is still unanswered before the return point, else the return point itself; otherwise the next step.
 */
function nextTarget(def: DialogDefinition, step: DialogStep, jump: StepJump | undefined, pending: string | undefined, slots: Slots, env: DialogEnv): { target: DialogStep | undefined; returnTo: string | undefined } {
  if (jump && 'goto' in jump) return { target: stepOf(def, jump.goto), returnTo: jump.returnTo ?? pending };
  if (pending === undefined) return { target: nextApplicable(def, indexOf(def, step.id), slots, env), returnTo: undefined };
  const stop = indexOf(def, pending);
  const needed = def.steps.slice(indexOf(def, step.id) + 1, stop).find((s) => !(s.id in slots) && (!s.when || s.when(slots, env)));
  return needed ? { target: needed, returnTo: pending } : { target: stepOf(def, pending), returnTo: undefined };
}

function withoutReturn(active: ActiveDialog): ActiveDialog {
  const { returnTo: _dropped, ...rest } = active;
  return rest;
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
  const question = reply(step.prompt, step.promptParams?.(slots, env), step.choices);
  return takesTypedText(step) ? { ...question, acceptsText: true } : question;
}

/** The step's choices are only shortcuts beside a typed answer. */
export function takesTypedText(step: DialogStep): boolean {
  return step.freeText === true || (step.display === 'text' && step.choices !== undefined);
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
