// The summary a person checks before submitting: one line per answered field that applies, in form order,
// each with its step's summary label; ID and phone (sensitive steps) masked.
import type { DialogEnv, DialogStep, Slots } from '../dialog-types.ts';
import { fieldStepsOf, stepApplies } from './form-steps.ts';

export function formSummaryLines(steps: readonly DialogStep[], slots: Slots, env: DialogEnv): string[] {
  return fieldStepsOf(steps).flatMap((step) => {
    const { summary, show } = step.field;
    if (summary === undefined || !(step.id in slots) || !stepApplies(step, slots, env)) return [];
    const value = slots[step.id] ?? null;
    const text = step.sensitive ? env.mask(step.id, value) : show ? show(value, slots, env) : String(value ?? '');
    return [`${env.label(summary)}${text}`];
  });
}
