// What a finished form stores: every field step's `stores` entries, `details.x` nested under `details`.
// Null when a step that applies was never answered (the form is incomplete).
import type { DialogEnv, DialogStep, Slots, StoredValue } from '../dialog-types.ts';
import { fieldStepsOf, stepApplies } from './form-steps.ts';

export type FormRecord = Record<string, StoredValue | Record<string, StoredValue>>;

const NESTED = /^([A-Za-z]\w*)\.([A-Za-z]\w*)$/;

export function formRecordOf(steps: readonly DialogStep[], slots: Slots, env: DialogEnv): FormRecord | null {
  const record: FormRecord = {};
  const groups = new Map<string, Record<string, StoredValue>>();
  for (const step of fieldStepsOf(steps)) {
    const applies = stepApplies(step, slots, env);
    if (applies && !(step.id in slots)) return null;
    for (const [target, valueOf] of Object.entries(step.field.stores)) {
      const value = valueOf(slots, applies);
      const nested = NESTED.exec(target);
      if (!nested?.[1] || !nested[2]) {
        record[target] = value;
        continue;
      }
      const group = groups.get(nested[1]) ?? {};
      group[nested[2]] = value;
      groups.set(nested[1], group);
    }
  }
  for (const [name, group] of groups) record[name] = group;
  return record;
}
