import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests without a service, database, browser or child process (rules, tables, wording, layering, and dialogs on
 * the in-memory engine harness) share one module graph per worker (none relies on fresh module state), as most of a
 * fresh worker's time would go to importing the same modules and loading the intent models again (test/domain:
 * 14 s -> 3 s CPU; test/conversation: 169 s -> 55 s CPU). Everything else keeps a fresh worker per file.
 */
const SHARED_WORKER = ['test/domain/**/*.test.ts', 'test/locales/**/*.test.ts', 'test/logging/**/*.test.ts', 'test/policy/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/conversation/**/*.test.ts'];

/**
 * At least two test files run at once. Vitest's default (cores - 1) runs one at a time on a 2-core machine, where
 * most tests wait on a child process, a browser, a socket or a timer: 1038 s for the suite one at a time, 724 s two
 * at a time, all passing (measured on 2 cores, December 2026).
 */
const WORKERS = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: WORKERS,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'pure', include: SHARED_WORKER, isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: SHARED_WORKER } },
    ],
  },
});
