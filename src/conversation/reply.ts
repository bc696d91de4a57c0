// A reply before it has words: a locale key, its values and the choices to offer.
import type { Params, StepChoice } from './dialog-types.ts';

export interface Reply {
  key: string;
  params?: Params;
  choices?: readonly StepChoice[];
  /** The question also takes a typed answer (a date, an ID number), so the choices are only shortcuts. */
  acceptsText?: boolean;
}

export function reply(key: string, params?: Params, choices?: readonly StepChoice[]): Reply {
  return { key, ...(params ? { params } : {}), ...(choices ? { choices } : {}) };
}
