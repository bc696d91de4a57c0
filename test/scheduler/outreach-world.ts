// A demo city for outreach tests: a migrated temporary SQLite file, registrants written straight into the tables,
// a loopback channel that records every message with the fake clock's time, and the tick wired as main.ts does.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';
import { loadRegionPacks } from '../../src/config/load-region-packs.ts';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import type { OutboundChannel, OutboundText, SendOutcome } from '../../src/conversation/ports.ts';
import type { ProactivePrompter } from '../../src/conversation/proactive-prompt.ts';
import type { DeliveryTask } from '../../src/delivery/delivery-ports.ts';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { applyMigrations } from '../../src/persistence/migrations/apply-migrations.ts';
import { createOutreachDeliveryRepository } from '../../src/persistence/outreach-delivery-repository.ts';
import { createOutreachFactRepository } from '../../src/persistence/outreach-fact-repository.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createRepositories, type Repositories } from '../../src/persistence/repositories.ts';
import { createOutreachTick } from '../../src/scheduler/create-outreach-tick.ts';
import type { TickResult } from '../../src/scheduler/outreach-tick.ts';

export const SETTINGS = { OUTREACH_SEND_FROM: '09:00', OUTREACH_SEND_UNTIL: '20:00', OUTREACH_HORIZON_DAYS: 35, OUTREACH_LEASE_SECONDS: 300, OUTREACH_MAX_ATTEMPTS: 6 };
export const packs = loadRegionPacks();
export const calendar = loadWorkCalendar();
export const localizer = createLocalizer(readLocaleResources());

export interface Sent { address: string; key: string; text: string; at: Date }

/** A channel that takes every message and remembers it (and which idempotency keys it has seen). */
export function loopChannel(clock: () => Date, name = 'loop'): OutboundChannel & { sent: Sent[]; fail?: (address: string) => SendOutcome | null } {
  const sent: Sent[] = [];
  const channel: OutboundChannel & { sent: Sent[]; fail?: (address: string) => SendOutcome | null } = {
    channel: name,
    sent,
    async send(address: string, message: OutboundText) {
      const failure = channel.fail?.(address) ?? null;
      if (failure) return failure;
      sent.push({ address, key: message.idempotencyKey ?? '', text: message.text, at: clock() });
      return { ok: true, providerMessageId: `${name}-${sent.length}` };
    },
  };
  return channel;
}

/** Check-ins are asked by the follow-up dialog; here a fixed question stands in for it (the web chat test uses the real one). */
export const fixedPrompter: ProactivePrompter = { prompt: async () => [{ text: '您好！想了解一下您最近的情况：', choices: [{ title: '还在找工作', value: 'looking' }] }] };

export interface World {
  database: Database;
  repos: Repositories;
  url: string;
  close(): Promise<void>;
}

export async function openWorld(): Promise<World> {
  // In memory-backed /dev/shm where there is one: a year of sends is thousands of commits.
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, 'jyb-outreach-'));
  const url = `file:${join(dir, 'outreach.db')}`;
  await applyMigrations(url);
  const database = openDatabase(url);
  await database.ready;
  const repos = createRepositories(database.prisma, createPiiCipher(randomBytes(32)), '440800');
  return {
    database, repos, url,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Registrant { id: string; registrationId: string; regionCode: string; registeredAt: Date; reason: string; hardship: boolean; refused: boolean }

/** `n` registrants over two regions (Zhanjiang with the 12333 quota, Wenzhou with 6-monthly after a refusal), registering over `spreadDays`. */
export function makeCity(n: number, firstDay: Date, spreadDays: number): Registrant[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${String(i).padStart(5, '0')}`,
    registrationId: `r${String(i).padStart(5, '0')}`,
    regionCode: i % 2 === 0 ? '440802' : '330302',
    registeredAt: new Date(firstDay.getTime() + (i % spreadDays) * 86_400_000 + ((i * 37) % 600) * 60_000),
    reason: i % 10 === 3 ? 'graduated' : 'lost_job',
    hardship: i % 10 === 5,
    refused: i % 10 === 7,
  }));
}

/** Writes registrants as the intake would have (person, registration, a channel address). */
export async function insertRegistrants(world: World, people: readonly Registrant[]): Promise<void> {
  const db = world.database.prisma;
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    await db.jobSeeker.createMany({ data: chunk.map((p) => ({ id: p.id, regionCode: p.regionCode, locale: p.id.endsWith('9') ? 'en' : 'zh-CN', consentAt: p.registeredAt })) });
    await db.registration.createMany({
      data: chunk.map((p) => ({
        id: p.registrationId, jobSeekerId: p.id, regionCode: p.regionCode, status: 'registered', registeredAt: p.registeredAt, reason: p.reason,
        followUpPreference: p.refused ? 'refused' : 'monthly', hardshipConfirmedAt: p.hardship ? p.registeredAt : null,
      })),
    });
    await db.channelAddress.createMany({ data: chunk.map((p) => ({ id: `a${p.id}`, channel: 'loop', userKey: `u${p.id}`, conversationId: `loop:${p.id}`, reference: '{}', jobSeekerId: p.id })) });
  }
}

export function tickOf(world: World, channels: readonly OutboundChannel[], options: { owner?: string; onClaimed?: (task: DeliveryTask) => Promise<void>; prompter?: ProactivePrompter; facts?: boolean; leaseClock?: () => Date; leaseSeconds?: number } = {}): (now: Date) => Promise<TickResult> {
  return createOutreachTick({
    plans: world.repos.outreach, deliveries: createOutreachDeliveryRepository(world.database.prisma), contacts: world.repos.ledger, audit: world.repos.audit, packs, calendar,
    channels, buttonChannels: [], prompter: options.prompter ?? fixedPrompter, localizer, settings: options.leaseSeconds ? { ...SETTINGS, OUTREACH_LEASE_SECONDS: options.leaseSeconds } : SETTINGS,
    ...(options.facts ? { facts: createOutreachFactRepository(world.database.prisma) } : {}),
    ...(options.owner ? { owner: options.owner } : {}), ...(options.leaseClock ? { leaseClock: options.leaseClock } : {}), ...(options.onClaimed ? { onClaimed: options.onClaimed } : {}),
  });
}

/** Beijing wall-clock time on a date, as an instant. */
export function beijingAt(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}
