// The conversation engine: one turn in, replies out. Loads and saves state per conversation (guarded by a
// version so two instances never both write), records every message, and audits what it decided.
import type { DialogAction, DialogPrecondition } from './actions/action-types.ts';
import { freshDialogState, parseDialogState, type DialogState } from './dialog-state.ts';
import type { DialogDefinition, DialogEnv, Params, PolicyContext, SlotValue } from './dialog-types.ts';
import { normalizeInput } from './global-commands.ts';
import type { Localizer } from './localizer.ts';
import { LOCALES } from './locales.ts';
import type { AuditLog, ConversationStore, HandoffDesk, PeopleDirectory, TranscriptLog } from './ports.ts';
import { renderReplies, resolveChoice } from './reply-renderer.ts';
import { decideTurn, type DeciderDeps } from './turn-decider.ts';
import type { IntentClassifier } from './intent/intent-classifier.ts';
import { conversationKeyOf, type InboundTurn, type OutboundMessage } from './turn-types.ts';
import { maskPersonalNumbers } from '../logging/mask-personal-numbers.ts';
import type { StepCheck } from './step-checks.ts';
import { maskTypedCode } from '../domain/identity/one-time-code-policy.ts';
import { isOverLong, MAX_TURN_TEXT_CHARS, transcriptTextOf } from './turn-limits.ts';

export interface EngineDeps {
  store: ConversationStore;
  transcript: TranscriptLog;
  audit: AuditLog;
  handoffs: HandoffDesk;
  /** Who a channel address belongs to and their language: a new conversation starts with both. */
  people?: PeopleDirectory;
  localizer: Localizer;
  dialogs: Readonly<Record<string, DialogDefinition>>;
  actions: Readonly<Record<string, DialogAction>>;
  checks?: Readonly<Record<string, StepCheck>>;
  /** Checks a dialog names as its precondition (optional: without them every dialog starts). */
  preconditions?: Readonly<Record<string, DialogPrecondition>>;
  /** Today's date (YYYY-MM-DD) in the service's time zone. */
  today(at: Date): string;
  /** The region pack and calendar that apply on a day. */
  policy(today: string): PolicyContext;
  idleHours: number;
  resumeReminderMinutes?: number;
  /** The intent layer (optional: an engine without it understands exact words and buttons only). */
  intents?: IntentClassifier;
}

export interface ConversationEngine {
  handle(turn: InboundTurn): Promise<OutboundMessage[]>;
}

const MAX_ATTEMPTS = 3;

export function createConversationEngine(deps: EngineDeps): ConversationEngine {
  const decider: DeciderDeps = {
    localizer: deps.localizer,
    dialogs: deps.dialogs,
    actions: deps.actions,
    ...(deps.checks ? { checks: deps.checks } : {}),
    handoffs: deps.handoffs,
    transcript: deps.transcript,
    ...(deps.people ? { people: deps.people } : {}),
    env: (state, at) => dialogEnv(deps, state, at),
    idleMs: deps.idleHours * 3_600_000,
    resumeReminderMs: (deps.resumeReminderMinutes ?? 60) * 60_000,
    ...(deps.intents ? { intents: deps.intents } : {}),
    ...(deps.preconditions ? { preconditions: deps.preconditions } : {}),
  };

  return {
    async handle(turn) {
      if (turn.kind === 'other') return [];
      const key = conversationKeyOf(turn);
      if (turn.kind === 'message') {
        const fresh = await deps.transcript.append({ conversationKey: key, direction: 'in', activityId: turn.activityId, sender: turn.userKey, text: transcriptTextOf(maskTypedCode(turn.text), maskPersonalNumbers) });
        if (!fresh && !turn.resumable) return [];
      }
      if (isOverLong(turn)) return tooLong(deps, key);
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const stored = await deps.store.load(key);
        const state = stored ? parseDialogState(stored.state) : await firstState(deps, turn);
        // A resumable turn decided before a crash: its replies again, never a second decision.
        if (turn.resumable && turn.activityId !== undefined && state.lastTurn?.activityId === turn.activityId) return state.lastTurn.replies;
        const mode = stored?.mode ?? 'bot';
        const text = normalizeInput(resolveChoice(turn.value ?? turn.text, state.offered, (choice) => wordsOfChoice(deps.localizer, choice.label)));
        const decision = await decideTurn(decider, turn, text, state, mode, key);
        const { messages, offered } = renderReplies(decision.replies, decision.state.locale, deps.localizer, turn.buttons, turn.maxButtons);
        const lastTurn = turn.resumable && turn.activityId !== undefined ? { activityId: turn.activityId, replies: messages } : null;
        const next: DialogState = { ...decision.state, offered, lastTurn };
        const saved = await deps.store.save(key, stored?.version ?? -1, { mode: decision.mode, state: JSON.stringify(next), jobSeekerId: next.jobSeekerId });
        if (!saved) continue;
        await deps.transcript.appendReplies(key, messages.map((m) => maskPersonalNumbers(m.text)));
        await deps.audit.record({
          actor: 'bot',
          action: 'turn',
          subjectType: 'conversation',
          subjectId: key,
          details: { replies: decision.replies.map((r) => r.key), dialog: next.active?.dialog ?? null, step: next.active?.step ?? null, mode: decision.mode },
        });
        return messages;
      }
      return [{ text: deps.localizer.t('zh-CN', 'engine.busy'), choices: [] }];
    },
  };
}

/** An over-long turn is answered before any matching runs; the dialog stays where it was. */
async function tooLong(deps: EngineDeps, key: string): Promise<OutboundMessage[]> {
  const stored = await deps.store.load(key);
  const locale = stored ? parseDialogState(stored.state).locale : 'zh-CN';
  const text = deps.localizer.t(locale, 'engine.tooLong', { max: MAX_TURN_TEXT_CHARS });
  await deps.transcript.appendReplies(key, [text]);
  await deps.audit.record({ actor: 'bot', action: 'turn', subjectType: 'conversation', subjectId: key, details: { replies: ['engine.tooLong'], refused: 'too_long' } });
  return [{ text, choices: [] }];
}

/**
 * What may be typed for a choice besides its number: its title in every language and the words a bureau lists
 * under `choiceSynonyms.<label key>` ("跟户籍一样" for "与户籍地相同", "大专" for an education level).
 */
function wordsOfChoice(localizer: Localizer, label: string | undefined): string[] {
  if (!label) return [];
  return LOCALES.flatMap((l) => [localizer.t(l, label), ...localizer.list(l, `choiceSynonyms.${label}`)]);
}

/** A new conversation from an address already linked to a person starts as that person, in their language. */
async function firstState(deps: EngineDeps, turn: InboundTurn): Promise<DialogState> {
  const known = await deps.people?.findByAddress(turn.channel, turn.userKey);
  const fresh = freshDialogState();
  return known ? { ...fresh, jobSeekerId: known.jobSeekerId, locale: known.locale } : fresh;
}

/** The environment dialog steps and actions see: the day, the language, the policy, display helpers. */
export function dialogEnv(deps: Pick<EngineDeps, 'today' | 'policy' | 'localizer'>, state: DialogState, at: Date): DialogEnv {
  const today = deps.today(at);
  return {
    today,
    locale: state.locale,
    policy: deps.policy(today),
    mask: (_slot: string, value: SlotValue) => maskPersonalNumbers(String(value ?? '')),
    label: (key: string, params?: Params) => deps.localizer.t(state.locale, key, params),
    cite: (ref: string) => deps.localizer.cite(state.locale, ref),
    phrases: (key: string) => LOCALES.flatMap((l) => deps.localizer.list(l, key)),
  };
}
