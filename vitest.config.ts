import { defineConfig } from 'vitest/config';

/**
 * Pure tests (rules, tables, wording, layering) share one module graph per worker: no service, database, browser
 * or child process, nothing kept between files, and most of a fresh worker's time would be importing the same
 * modules again (test/domain: ~46 s alone, ~6 s shared). Everything else keeps a fresh worker per file.
 */
const SHARED_WORKER = ['test/domain/**/*.test.ts', 'test/locales/**/*.test.ts', 'test/logging/**/*.test.ts', 'test/policy/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/channels/sms/**/*.test.ts', 'test/conversation/answers/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'pure', include: SHARED_WORKER, isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: SHARED_WORKER } },
    ],
  },
});
