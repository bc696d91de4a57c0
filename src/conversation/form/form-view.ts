// The caseworker's view of a stored form: one entry per field step that has a summary line, in form order,
// labelled as the person's summary is, with what was stored for it (ID and phone come masked from storage).
import type { DialogStep } from '../dialog-types.ts';
import { fieldStepsOf } from './form-steps.ts';

export interface FormFieldView {
  /** The step that asked it. */
  field: string;
  label: string;
  /** What was stored for each stored field the step fills (`details.skills` → its value). */
  stored: Record<string, unknown>;
}

/** `record`: the stored registration, `details.x` read from its `details`; `label` turns a locale key into words. */
export function formViewOf(steps: readonly DialogStep[], record: Readonly<Record<string, unknown>>, label: (key: string) => string): FormFieldView[] {
  return fieldStepsOf(steps).flatMap((step) => {
    const { summary, stores } = step.field;
    if (summary === undefined) return [];
    const stored = Object.fromEntries(Object.keys(stores).map((target) => [target, valueAt(record, target)]));
    return [{ field: step.id, label: label(summary).replace(/[:：]\s*$/u, ''), stored }];
  });
}

function valueAt(record: Readonly<Record<string, unknown>>, target: string): unknown {
  const [group, key] = target.split('.');
  if (key === undefined || group === undefined) return record[target] ?? null;
  const nested = record[group];
  return nested && typeof nested === 'object' && key in nested ? (Object.entries(nested).find(([k]) => k === key)?.[1] ?? null) : null;
}
