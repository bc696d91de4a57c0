// The resumable state of one conversation, stored as JSON (encrypted at rest) and parsed with zod on load.
import { z } from 'zod';
import { LOCALES } from './locales.ts';

const slotValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ActiveDialogSchema = z.object({
  dialog: z.string(),
  step: z.string(),
  slots: z.record(z.string(), slotValue),
  failures: z.number().int().min(0),
  history: z.array(z.string()),
  startedAt: z.string(),
});

export const DialogStateSchema = z.object({
  locale: z.enum(LOCALES).default('zh-CN'),
  active: ActiveDialogSchema.nullable().default(null),
  /** Choices last offered, so "2" on a channel without buttons means the second one. */
  offered: z.array(z.object({ title: z.string(), value: z.string(), label: z.string().optional() })).default([]),
  lastActiveAt: z.string().nullable().default(null),
  jobSeekerId: z.string().nullable().default(null),
});

export type ActiveDialog = z.infer<typeof ActiveDialogSchema>;
export type DialogState = z.infer<typeof DialogStateSchema>;

export function freshDialogState(): DialogState {
  return DialogStateSchema.parse({});
}

/** A state that fails to parse (old format, tampering) starts fresh rather than crashing the turn. */
export function parseDialogState(json: string | null): DialogState {
  if (!json) return freshDialogState();
  try {
    const parsed = DialogStateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : freshDialogState();
  } catch {
    return freshDialogState();
  }
}
