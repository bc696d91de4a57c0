// A real conversation engine over a migrated temporary SQLite file, with a fake clock: tests say things and
// read back the bot's messages, then look at what was stored. `restart()` builds a second engine on the same
// database file and PII key, as a redeploy or a second instance would.
import { randomBytes } from 'node:crypto';
import { loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';
import { loadRegionPacks } from '../../src/config/load-region-packs.ts';
import { regionPolicy } from '../../src/config/region-policy.ts';
import { createEngine } from '../../src/conversation/create-engine.ts';
import type { ConversationEngine } from '../../src/conversation/conversation-engine.ts';
import { createLocalizer, readLocaleResources, type LocaleResources, type Localizer } from '../../src/conversation/localizer.ts';
import type { Locale } from '../../src/conversation/locales.ts';
import type { DialogDefinition, Params } from '../../src/conversation/dialog-types.ts';
import type { ConversationMode, OutboundMessage } from '../../src/conversation/turn-types.ts';
import type { OutboundChannel, OutboundText, SendOutcome } from '../../src/conversation/ports.ts';
import { openDatabase, type Database, type Db } from '../../src/persistence/database.ts';
import { createPiiCipher, type PiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createRepositories, type Repositories } from '../../src/persistence/repositories.ts';
import { createFirstContactPolicy } from '../../src/scheduler/first-contact-policy.ts';
import { migratedDatabase } from './temp-database.ts';

export const HARNESS_REGION = '440800';
export const HARNESS_CHANNEL = 'test';
/** Default start of the fake clock: Tuesday 2025-03-11 10:00 Beijing time. */
export const HARNESS_START = new Date('2025-03-11T02:00:00.000Z');

export interface SayOptions {
  /** Whether the channel shows buttons (default true); without them choices come as numbered lines. */
  buttons?: boolean;
  /** The turn's time; default: one minute after the previous turn. */
  at?: Date;
  conversationId?: string;
  activityId?: string;
  /** A pressed button's value, sent alongside the text. */
  value?: string;
  kind?: 'message' | 'join';
  /** Who is talking (default `user-<conversationId>`); the same key in two conversations is the same person. */
  userKey?: string;
}

export interface EngineHarness {
  readonly url: string;
  readonly key: Buffer;
  readonly db: Db;
  readonly repos: Repositories;
  readonly cipher: PiiCipher;
  readonly engine: ConversationEngine;
  readonly localizer: Localizer;
  /** The conversation a `say` without `conversationId` goes to. */
  readonly conversationId: string;
  /** Text messages the engine sent outside the chat (one-time codes by SMS), oldest first. */
  readonly outbox: { to: string; message: OutboundText }[];
  /** The SMS channel refuses every send with this outcome (null: sends again). */
  refuseSms(outcome: SendOutcome | null): void;
  /** Time of the last turn (the fake clock). */
  now(): Date;
  say(text: string, options?: SayOptions): Promise<OutboundMessage[]>;
  /** Text of a locale key, to compare the bot's words with. */
  t(locale: Locale, key: string, params?: Params): string;
  conversationKey(conversationId?: string): string;
  mode(conversationId?: string): Promise<ConversationMode | null>;
  /** Decrypted dialog state of a conversation, parsed. */
  state(conversationId?: string): Promise<unknown>;
  /** A second engine over the same database file and key; this one stays usable but should be closed. */
  restart(options?: { idleHours?: number }): Promise<EngineHarness>;
  close(): Promise<void>;
}

const packs = loadRegionPacks();
const calendar = loadWorkCalendar();
const sharedLocalizer = createLocalizer(readLocaleResources());

export interface EngineHarnessOptions {
  idleHours?: number;
  conversationId?: string;
  /** The GB/T 2260 code whose region pack the engine uses (default HARNESS_REGION, Zhanjiang). */
  regionCode?: string;
  /** Dialogs to run instead of dialogs/index.ts (a changed copy of one). */
  dialogs?: Readonly<Record<string, DialogDefinition>>;
  /** Words instead of locales/*.json (with keys a changed dialog needs); `t` reads them too. */
  locales?: LocaleResources;
}

type HarnessSetup = { clock: Date; idleHours: number; conversationId: string; regionCode: string; dialogs?: Readonly<Record<string, DialogDefinition>>; localizer: Localizer };

export async function createEngineHarness(options: EngineHarnessOptions = {}): Promise<EngineHarness> {
  const { url } = await migratedDatabase('sqlite', 'jyb-engine-');
  return openHarness(url, randomBytes(32), {
    clock: HARNESS_START, idleHours: options.idleHours ?? 72, conversationId: options.conversationId ?? 'c1', regionCode: options.regionCode ?? HARNESS_REGION,
    ...(options.dialogs ? { dialogs: options.dialogs } : {}), localizer: options.locales ? createLocalizer(options.locales) : sharedLocalizer,
  });
}

function openHarness(url: string, key: Buffer, setup: HarnessSetup): EngineHarness {
  const database: Database = openDatabase(url);
  const cipher = createPiiCipher(key);
  const repos = createRepositories(database.prisma, cipher, setup.regionCode);
  const firstContact = createFirstContactPolicy(packs, calendar, setup.regionCode);
  const outbox: { to: string; message: OutboundText }[] = [];
  let smsRefusal: SendOutcome | null = null;
  const sms: OutboundChannel = {
    channel: 'sms',
    async send(to, message) {
      if (smsRefusal) return smsRefusal;
      outbox.push({ to, message });
      return { ok: true, providerMessageId: `test-${outbox.length}` };
    },
  };
  const engine = createEngine({ repos, firstContact, idleHours: setup.idleHours, policy: regionPolicy(setup.regionCode, packs, calendar), sms, localizer: setup.localizer, ...(setup.dialogs ? { dialogs: setup.dialogs } : {}) });
  let clock = setup.clock;
  let counter = 0;
  const keyOf = (id?: string) => `${HARNESS_CHANNEL}:${id ?? setup.conversationId}`;

  const harness: EngineHarness = {
    url, key, db: database.prisma, repos, cipher, engine, localizer: setup.localizer,
    conversationId: setup.conversationId,
    outbox,
    refuseSms: (outcome) => void (smsRefusal = outcome),
    now: () => clock,
    async say(text, o = {}) {
      clock = o.at ?? new Date(clock.getTime() + 60_000);
      counter += 1;
      const conversationId = o.conversationId ?? setup.conversationId;
      return engine.handle({
        channel: HARNESS_CHANNEL,
        conversationId,
        userKey: o.userKey ?? `user-${conversationId}`,
        kind: o.kind ?? 'message',
        text,
        ...(o.value ? { value: o.value } : {}),
        activityId: o.activityId ?? `${clock.getTime()}-${counter}-${randomBytes(4).toString('hex')}`,
        // Shaped like botbuilder's ConversationReference: where a proactive message or a link goes.
        reference: JSON.stringify({ channelId: HARNESS_CHANNEL, conversation: { id: conversationId }, user: { id: o.userKey ?? `user-${conversationId}` } }),
        buttons: o.buttons ?? true,
        at: clock,
      });
    },
    t: (locale, k, params) => setup.localizer.t(locale, k, params),
    conversationKey: keyOf,
    async mode(id) {
      return (await repos.conversations.load(keyOf(id)))?.mode ?? null;
    },
    async state(id) {
      const stored = await repos.conversations.load(keyOf(id));
      return stored ? JSON.parse(stored.state) : null;
    },
    async restart(o = {}) {
      return openHarness(url, key, { ...setup, clock, idleHours: o.idleHours ?? setup.idleHours });
    },
    close: () => database.close(),
  };
  return harness;
}

/** All texts of one turn's messages, joined by newlines, for `toContain` checks. */
export function textOf(messages: readonly OutboundMessage[]): string {
  return messages.map((m) => m.text).join('\n');
}

/** Titles of the buttons offered in one turn. */
export function buttonsOf(messages: readonly OutboundMessage[]): string[] {
  return messages.flatMap((m) => m.choices.map((c) => c.title));
}
