// "Edit a field" from the summary: the choices are the steps that declare an edit label, in form order, and
// a pick is refused when that question does not apply to the person (a man's job type).
import type { DialogStep, ParseContext, ParseResult, StepChoice } from '../dialog-types.ts';
import { fieldStepsOf, stepApplies } from './form-steps.ts';

export function editChoicesOf(steps: readonly DialogStep[]): StepChoice[] {
  return fieldStepsOf(steps).flatMap((step) => (step.field.edit ? [{ value: step.id, label: step.field.edit }] : []));
}

/** Parses the picked field; `notApplicable` is the locale key that says the field does not apply. */
export function editFieldParser(steps: readonly DialogStep[], notApplicable: string): (input: string, ctx: ParseContext) => ParseResult {
  return (input, ctx) => {
    const step = fieldStepsOf(steps).find((s) => s.id === input && s.field.edit !== undefined);
    if (!step) return { ok: false, error: 'engine.pickAChoice' };
    return stepApplies(step, ctx.slots, ctx) ? { ok: true, value: input } : { ok: false, error: notApplicable };
  };
}
