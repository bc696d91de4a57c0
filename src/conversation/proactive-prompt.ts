// Starts a dialog from our side (the monthly follow-up prompt): puts the conversation at the dialog's first
// question and returns the messages to send, so a delivery worker can send them through any channel and the
// person's reply lands in that dialog like any other answer.
import { z } from 'zod';
import { dialogEnv, type EngineDeps } from './conversation-engine.ts';
import { freshDialogState, parseDialogState, type DialogState } from './dialog-state.ts';
import { startDialog } from './dialog-runner.ts';
import { LOCALES } from './locales.ts';
import { renderReplies } from './reply-renderer.ts';
import type { OutboundMessage } from './turn-types.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';

export const ProactivePromptSchema = z.object({
  conversationKey: z.string().min(1),
  dialogId: z.string().min(1),
  at: z.date(),
  /** Whether the channel shows buttons; without them choices go out as numbered lines. */
  buttons: z.boolean().default(true),
  /** For a conversation the engine has not stored yet: whose it is and their language. */
  jobSeekerId: z.string().nullable().default(null),
  locale: z.enum(LOCALES).optional(),
});
export type ProactivePrompt = z.input<typeof ProactivePromptSchema>;

export type ProactivePromptDeps = Pick<EngineDeps, 'store' | 'transcript' | 'audit' | 'localizer' | 'dialogs' | 'today' | 'policy'>;

export interface ProactivePrompter {
  /**
   * The messages to send, or none when the conversation must not be interrupted: a caseworker has it,
   * or the person is in the middle of another dialog (the worker tries again later).
   */
  prompt(request: ProactivePrompt): Promise<OutboundMessage[]>;
}

const MAX_ATTEMPTS = 3;

export function createProactivePrompter(deps: ProactivePromptDeps): ProactivePrompter {
  return {
    async prompt(request) {
      const p = ProactivePromptSchema.parse(request);
      const def = deps.dialogs[p.dialogId];
      if (!def) throw new Error(`no dialog ${p.dialogId}`);
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const stored = await deps.store.load(p.conversationKey);
        const state: DialogState = stored
          ? parseDialogState(stored.state)
          : { ...freshDialogState(), jobSeekerId: p.jobSeekerId, ...(p.locale ? { locale: p.locale } : {}) };
        const mode = stored?.mode ?? 'bot';
        const busy = state.active !== null && state.active.dialog !== def.id;
        if (mode !== 'bot' || busy) {
          await deps.audit.record({ actor: 'bot', action: 'proactive.deferred', subjectType: 'conversation', subjectId: p.conversationKey, details: { dialog: def.id, mode, busy } });
          return [];
        }
        const outcome = startDialog(def, p.at.toISOString(), dialogEnv(deps, state, p.at));
        if (outcome.kind !== 'ask') throw new Error(`dialog ${def.id} has no question to prompt with`);
        const { messages, offered } = renderReplies(outcome.replies, state.locale, deps.localizer, p.buttons);
        const next: DialogState = { ...state, active: outcome.active, offered, lastActiveAt: p.at.toISOString() };
        const saved = await deps.store.save(p.conversationKey, stored?.version ?? -1, { mode, state: JSON.stringify(next), jobSeekerId: next.jobSeekerId });
        if (!saved) continue;
        await deps.transcript.appendReplies(p.conversationKey, messages.map((m) => maskPersonalNumbers(m.text)));
        await deps.audit.record({ actor: 'bot', action: 'proactive.prompted', subjectType: 'conversation', subjectId: p.conversationKey, details: { dialog: def.id, step: outcome.active.step } });
        return messages;
      }
      return [];
    },
  };
}
