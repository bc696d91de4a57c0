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
  /** Set while one field is being edited: the step to go back to (e.g. the summary) once it is answered. */
  returnTo: z.string().optional(),
});

export const DialogStateSchema = z.object({
  locale: z.enum(LOCALES).default('zh-CN'),
  active: ActiveDialogSchema.nullable().default(null),
  /** Choices last offered, so "2" on a channel without buttons means the second one. */
  offered: z.array(z.object({ title: z.string(), value: z.string(), label: z.string().optional() })).default([]),
  lastActiveAt: z.string().nullable().default(null),
  jobSeekerId: z.string().nullable().default(null),
  /** Set while a person (转人工) has the conversation, so the bot says it is back when the case closes. */
  handedOff: z.boolean().default(false),
  /** The last resumable turn decided and its replies, saved with the state so a re-run after a crash repeats them. */
  lastTurn: z
    .object({
      activityId: z.string(),
      replies: z.array(z.object({ text: z.string(), choices: z.array(z.object({ title: z.string(), value: z.string() })), locale: z.string().optional() })),
    })
    .nullable()
    .default(null),
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
