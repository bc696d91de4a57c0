// Decides one turn: global commands first, then the active dialog step, else the menu. No I/O of its own
// beyond the actions and the handoff desk it is given.
import type { DialogAction, DialogPrecondition } from './actions/action-types.ts';
import type { DialogState } from './dialog-state.ts';
import type { DialogDefinition, DialogEnv } from './dialog-types.ts';
import { answerStep, backStep, repeatStep, startDialog, takesTypedText, type StepOutcome } from './dialog-runner.ts';
import { detectGlobalCommand, localeOfCommand, type GlobalCommand } from './global-commands.ts';
import type { Localizer } from './localizer.ts';
import { matchMenuIntent, welcomeMenu } from './main-menu.ts';
import type { IntentClassifier } from './intent/intent-classifier.ts';
import { answerIntent } from './intent/answer-intent.ts';
import { understandMessage } from './intent/understand-message.ts';
import type { HandoffDesk, PeopleDirectory, TranscriptLog } from './ports.ts';
import { reply, type Reply } from './reply.ts';
import { answerCheckedStep, type StepCheck } from './step-checks.ts';
import { handoffOpenedReply } from './handoff-reply.ts';
import type { ConversationMode, InboundTurn } from './turn-types.ts';

export interface DeciderDeps {
  localizer: Localizer;
  dialogs: Readonly<Record<string, DialogDefinition>>;
  actions: Readonly<Record<string, DialogAction>>;
  preconditions?: Readonly<Record<string, DialogPrecondition>>;
  handoffs: HandoffDesk;
  transcript: TranscriptLog;
  /** Asynchronous checks dialog steps name (an ID already on file, a one-time code). */
  checks?: Readonly<Record<string, StepCheck>>;
  /** Remembers a person's language across conversations; optional so bare engines still run. */
  people?: PeopleDirectory;
  /** The dialog environment of this turn: day, language, policy, display helpers. */
  env(state: DialogState, at: Date): DialogEnv;
  /** A dialog untouched for longer than this starts fresh. */
  idleMs: number;
  /** A dialog paused for longer than this gets a "welcome back" before its question. */
  resumeReminderMs: number;
  /** The intent layer: reads what a message means when no exact command word or button matches. */
  intents?: IntentClassifier;
}

export interface Decision {
  state: DialogState;
  mode: ConversationMode;
  replies: Reply[];
}

const STUCK_CHOICES = [
  { value: 'human', label: 'menu.buttons.human' },
  { value: 'cancel', label: 'menu.buttons.cancel' },
] as const;

export async function decideTurn(deps: DeciderDeps, turn: InboundTurn, text: string, loaded: DialogState, mode: ConversationMode, key: string): Promise<Decision> {
  // Past the idle limit the answers are dropped whatever the person says first (they are told so).
  const expired = mode === 'bot' && loaded.active !== null && !idleSafe(deps, loaded) && isIdle(deps, loaded, turn.at);
  const state: DialogState = expired ? { ...loaded, active: null } : loaded;
  const now = turn.at.toISOString();
  const keep = (replies: Reply[], next: DialogState = state, nextMode = mode): Decision => ({ state: { ...next, lastActiveAt: now }, mode: nextMode, replies });
  const command = detectGlobalCommand(text, deps.localizer) ?? (mode === 'bot' && text ? await commandAtFreeTextStep(deps, text, state) : null);

  if (mode !== 'bot') {
    if (command === 'cancel') {
      await deps.handoffs.cancelOpen(key);
      const back = withFreshTries({ ...state, handedOff: false });
      return keep([reply('handoff.cancelled'), ...resumeOrMenu(deps, back, turn.at)], back, 'bot');
    }
    return keep(mode === 'awaiting_caseworker' ? [reply('handoff.waiting')] : [], state, mode);
  }
  if (loaded.handedOff) {
    // The caseworker closed the case: say so and ask again what the person was asked before.
    const back = withFreshTries({ ...state, handedOff: false });
    return keep([reply('handoff.returned'), ...(expired ? [reply('engine.idleReset')] : []), ...resumeOrMenu(deps, back, turn.at)], back);
  }
  if (expired) {
    if (!command && turn.kind !== 'join') return keep([reply('engine.idleReset'), welcomeMenu('menu.again')]);
    const decision = command ? await runCommand(deps, command, turn, state, key, keep) : keep([welcomeMenu()]);
    return { ...decision, replies: [reply('engine.idleReset'), ...decision.replies] };
  }
  if (turn.kind === 'join') return keep(state.active ? [welcomeBack(deps, state), ...resumeOrMenu(deps, state, turn.at)] : [welcomeMenu()]);
  if (command) return runCommand(deps, command, turn, state, key, keep);
  if (!text) return keep([reply('engine.empty'), ...resumeOrMenu(deps, state, turn.at)]);

  const active = state.active;
  if (active) {
    const def = deps.dialogs[active.dialog];
    if (!def) return keep([reply('engine.idleReset'), welcomeMenu('menu.again')], { ...state, active: null });
    if (!def.idleSafe && pausedMs(state, turn.at) > deps.resumeReminderMs) return keep([welcomeBack(deps, state), repeatStep(def, active, deps.env(state, turn.at))]);
    const env = deps.env(state, turn.at);
    const context = { turn, conversationKey: key, jobSeekerId: state.jobSeekerId, locale: state.locale };
    const outcome = await answerCheckedStep({ def, active, input: text, env, checks: deps.checks ?? {}, dialogs: deps.dialogs, context });
    if (refused(outcome, active)) {
      // A choice step did not take it: it may be a command in other words ("我要找人工").
      const understood = await understandMessage(deps.intents, text, true);
      if (understood.kind === 'command') return runCommand(deps, understood.command, turn, state, key, keep);
    }
    return applyOutcome(deps, def, outcome, turn, state, key, keep);
  }
  const direct = /^answer:([^:]+):(.+)$/u.exec(text);
  if (direct?.[1] && direct[2]) return begin(deps, direct[1], turn, state, key, keep, undefined, direct[2]);
  const exact = matchMenuIntent(text, deps.localizer);
  // "找到工作了" both opens the follow-up dialog and answers its first question.
  if (exact) return begin(deps, exact, turn, state, key, keep, undefined, text);
  const understood = await understandMessage(deps.intents, text, false);
  if (understood.kind === 'command') return runCommand(deps, understood.command, turn, state, key, keep);
  if (understood.kind === 'dialog') return begin(deps, understood.dialog, turn, state, key, keep, undefined, text);
  const answer = understood.kind === 'other' ? answerIntent(understood.intent, deps.env(state, turn.at)) : null;
  return keep(answer ?? [welcomeMenu('menu.unknown')]);
}

/**
 * A command said in other words ("人工客服" at the name question) before a free-text step takes it as the
 * answer (also at a choice step that takes typed text, such as the residence). Pure choice steps read their
 * own answers first (see `refused`); the menu reads intents last.
 */
async function commandAtFreeTextStep(deps: DeciderDeps, text: string, state: DialogState): Promise<GlobalCommand | null> {
  const active = state.active;
  const step = active ? deps.dialogs[active.dialog]?.steps.find((s) => s.id === active.step) : undefined;
  if (!step || (step.choices && !takesTypedText(step))) return null;
  const understood = await understandMessage(deps.intents, text, true);
  return understood.kind === 'command' ? understood.command : null;
}

/** The step asked again (or gave up) instead of taking the answer. */
function refused(outcome: StepOutcome, before: NonNullable<DialogState['active']>): boolean {
  return outcome.kind === 'stuck' || (outcome.kind === 'ask' && outcome.active.step === before.step && outcome.active.failures > before.failures);
}

function idleSafe(deps: DeciderDeps, state: DialogState): boolean {
  return state.active ? deps.dialogs[state.active.dialog]?.idleSafe === true : false;
}

function withFreshTries(state: DialogState): DialogState {
  return state.active ? { ...state, active: { ...state.active, failures: 0 } } : state;
}

function pausedMs(state: DialogState, at: Date): number {
  return state.lastActiveAt ? at.getTime() - Date.parse(state.lastActiveAt) : 0;
}

function isIdle(deps: DeciderDeps, state: DialogState, at: Date): boolean {
  return pausedMs(state, at) > deps.idleMs;
}

type Keep = (replies: Reply[], next?: DialogState, nextMode?: ConversationMode) => Decision;

async function runCommand(deps: DeciderDeps, command: GlobalCommand, turn: InboundTurn, state: DialogState, key: string, keep: Keep): Promise<Decision> {
  const locale = localeOfCommand(command);
  if (locale) {
    const next = { ...state, locale };
    if (state.jobSeekerId) await deps.people?.setLocale(state.jobSeekerId, locale);
    return keep([reply('engine.languageSwitched'), ...resumeOrMenu(deps, next, turn.at)], next);
  }
  const active = state.active;
  const def = active ? deps.dialogs[active.dialog] : undefined;
  switch (command) {
    case 'help':
      return keep([reply('engine.help'), ...resumeOrMenu(deps, state, turn.at)]);
    case 'human': {
      const excerpt = (await deps.transcript.recent(key, 10)).map((m) => `${m.direction === 'in' ? '>' : '<'} ${m.text}`);
      const reason = active ? `dialog:${active.dialog}:${active.step}` : 'user_request';
      await deps.handoffs.open({ conversationKey: key, jobSeekerId: state.jobSeekerId, reason, excerpt, reference: turn.reference });
      const said = handoffOpenedReply(deps.env(state, turn.at), turn.at, deps.localizer, state.locale);
      return keep([said], { ...state, handedOff: true }, 'awaiting_caseworker');
    }
    case 'back':
      if (active && def) return applyOutcome(deps, def, backStep(def, active, deps.env(state, turn.at)), turn, state, key, keep);
      return keep([welcomeMenu()]);
    case 'restart':
      if (active && def) return begin(deps, def.id, turn, { ...state, active: null }, key, keep, 'engine.restarted');
      return keep([welcomeMenu()]);
    case 'cancel':
    case 'menu':
      return keep([...(active ? [reply('engine.cancelled')] : []), welcomeMenu('menu.again')], { ...state, active: null });
    default:
      return keep([welcomeMenu()]);
  }
}

/**
 * Starts a dialog. `preset` is tried as the answer to a first question with choices (a button value such as
 * `answer:followUp:resume_monthly`, or the words that opened the dialog); if the step rejects it, it is asked.
 */
async function begin(deps: DeciderDeps, dialogId: string, turn: InboundTurn, state: DialogState, key: string, keep: Keep, intro?: string, preset?: string): Promise<Decision> {
  const def = deps.dialogs[dialogId];
  if (!def) return keep([welcomeMenu()]);
  const env = deps.env(state, turn.at);
  const check = def.precondition ? deps.preconditions?.[def.precondition] : undefined;
  const blocked = check ? await check({ slots: {}, turn, conversationKey: key, locale: state.locale, jobSeekerId: state.jobSeekerId, env }) : null;
  if (blocked) return keep(blocked.replies, { ...state, active: null, jobSeekerId: blocked.jobSeekerId ?? state.jobSeekerId });
  const started = startDialog(def, turn.at.toISOString(), env);
  const first = started.kind === 'ask' ? def.steps.find((s) => s.id === started.active.step) : undefined;
  const answered = started.kind === 'ask' && preset !== undefined && first?.choices && !first.check ? answerStep(def, started.active, preset, env) : null;
  const accepted = answered && !(answered.kind === 'stuck' || (answered.kind === 'ask' && answered.active.failures > 0));
  const outcome = answered && accepted ? answered : started;
  const decision = await applyOutcome(deps, def, outcome, turn, state, key, keep);
  return intro ? { ...decision, replies: [reply(intro), ...decision.replies] } : decision;
}

async function applyOutcome(deps: DeciderDeps, def: DialogDefinition, outcome: StepOutcome, turn: InboundTurn, state: DialogState, key: string, keep: Keep): Promise<Decision> {
  switch (outcome.kind) {
    case 'ask':
      return keep(outcome.replies, { ...state, active: outcome.active });
    case 'stuck':
      return keep([...outcome.replies.slice(0, -1), reply('engine.tooManyTries', undefined, STUCK_CHOICES)], { ...state, active: outcome.active });
    case 'end':
      return keep([...outcome.replies, welcomeMenu('menu.again')], { ...state, active: null });
    case 'finish': {
      const action = deps.actions[def.finish];
      if (!action) throw new Error(`dialog ${def.id} finishes with unknown action ${def.finish}`);
      const env = deps.env(state, turn.at);
      const result = await action({ slots: outcome.slots, turn, conversationKey: key, locale: state.locale, jobSeekerId: state.jobSeekerId, env, steps: def.steps });
      return keep([...outcome.replies, ...result.replies], { ...state, active: null, jobSeekerId: result.jobSeekerId ?? state.jobSeekerId });
    }
  }
}

function resumeOrMenu(deps: DeciderDeps, state: DialogState, at: Date): Reply[] {
  const active = state.active;
  const def = active ? deps.dialogs[active.dialog] : undefined;
  return active && def ? [repeatStep(def, active, deps.env(state, at))] : [welcomeMenu('menu.again')];
}

function welcomeBack(deps: DeciderDeps, state: DialogState): Reply {
  const def = state.active ? deps.dialogs[state.active.dialog] : undefined;
  return reply('engine.welcomeBack', { title: def ? deps.localizer.t(state.locale, def.title) : '' });
}
