// The steps of a dialog that are fields of a form, and whether each applies to the person answering.
import type { DialogEnv, DialogStep, FormField, Slots } from '../dialog-types.ts';

export type FieldStep = DialogStep & { field: FormField };

/** The steps that fill a stored field, in form order. */
export function fieldStepsOf(steps: readonly DialogStep[]): FieldStep[] {
  return steps.flatMap((step) => (step.field ? [{ ...step, field: step.field }] : []));
}

/** A step applies unless its `when` says otherwise for these slots (a woman's job type, the unemployment path). */
export function stepApplies(step: DialogStep, slots: Slots, env: DialogEnv): boolean {
  return !step.when || step.when(slots, env);
}
