// One vitest fixture for the set-up tests used to copy: a migrated temporary database (SQLite, or PostgreSQL with
// `test.override({ provider: 'postgres' })`), its repositories, the engine harness, the whole service, a fake clock.
// Each is built only when a test names it, and closed after the test (or the file, for `fileDatabase`, `service`).
import { randomBytes } from 'node:crypto';
import { test as base } from 'vitest';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createPiiCipher, type PiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createRepositories, type Repositories } from '../../src/persistence/repositories.ts';
import type { RunningService } from '../../src/main.ts';
import { createEngineHarness, HARNESS_START, type EngineHarness, type EngineHarnessOptions } from './engine-harness.ts';
import { migratedDatabase, type DatabaseProvider } from './temp-database.ts';
import { startTestService, tempServiceConfig } from './test-service.ts';

/** An open migrated database with a fresh PII key; `reposFor` builds the repositories of one region. */
export interface TestDatabase {
  url: string;
  database: Database;
  cipher: PiiCipher;
  reposFor(regionCode: string): Repositories;
}

/** A clock that only moves when told to. */
export interface FakeClock {
  now(): Date;
  set(at: Date): void;
  advance(ms: number): Date;
}

export function fakeClock(start: Date = HARNESS_START): FakeClock {
  let current = start;
  return {
    now: () => current,
    set: (at) => void (current = at),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}

async function openTestDatabase(provider: DatabaseProvider, onCleanup: (fn: () => Promise<void>) => void): Promise<TestDatabase> {
  const made = await migratedDatabase(provider);
  const database = openDatabase(made.url);
  await database.ready;
  onCleanup(async () => {
    await database.close();
    await made.remove();
  });
  const cipher = createPiiCipher(randomBytes(32));
  return { url: made.url, database, cipher, reposFor: (regionCode) => createRepositories(database.prisma, cipher, regionCode) };
}

export const test = base
  .extend('provider', 'sqlite' as DatabaseProvider)
  /** How the `harness` fixture builds its engine (region, first conversation id, changed dialogs or words). */
  .extend('harnessOptions', {} as EngineHarnessOptions)
  // Vitest reads each fixture's dependencies from its first argument, which must be a (here empty) pattern.
  // eslint-disable-next-line no-empty-pattern
  .extend('clock', ({}) => fakeClock())
  /** A migrated database that no other test sees (the URL only: for tests that open several connections). */
  .extend('databaseUrl', async ({ provider }, { onCleanup }) => {
    const made = await migratedDatabase(provider);
    onCleanup(made.remove);
    return made.url;
  })
  .extend('testDatabase', async ({ provider }, { onCleanup }) => openTestDatabase(provider, onCleanup))
  /** One SQLite database for a whole file, for tests that seed once in `test.beforeAll`. */
  // eslint-disable-next-line no-empty-pattern
  .extend('fileDatabase', { scope: 'file' }, async ({}, { onCleanup }) => openTestDatabase('sqlite', onCleanup))
  .extend('harness', async ({ harnessOptions }, { onCleanup }) => {
    const harness: EngineHarness = await createEngineHarness(harnessOptions);
    onCleanup(() => harness.close());
    return harness;
  })
  /** The whole service (composition root) on a port of its own, once per file, stopped after the file. */
  // eslint-disable-next-line no-empty-pattern
  .extend('service', { scope: 'file' }, async ({}, { onCleanup }) => {
    const service: RunningService = await startTestService(tempServiceConfig());
    onCleanup(() => service.stop());
    return service;
  });

export { describe, expect } from 'vitest';
