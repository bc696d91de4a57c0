// Starts the real service (composition root) on an ephemeral port with a temp SQLite database and key.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../src/config/app-config.ts';
import { startService, type RunningService } from '../../src/main.ts';
import { createLogger } from '../../src/logging/logger.ts';

export function tempServiceConfig(overrides: Record<string, string> = {}): AppConfig {
  const dir = mkdtempSync(join(tmpdir(), 'jyb-e2e-'));
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'jiuyebang.db')}`,
    PII_KEY_FILE: join(dir, 'pii.key'),
    DEMO_DATA: 'true',
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

export function startTestService(config: AppConfig, options: Parameters<typeof startService>[1] = {}): Promise<RunningService> {
  return startService(config, { logger: createLogger('silent'), ...options });
}

/** A clock that starts on a working Tuesday at 10:00 in Beijing (office hours) and runs on from there. */
export function officeHoursClock(startIso = '2026-03-03T02:00:00.000Z'): () => Date {
  const start = Date.parse(startIso);
  const realStart = Date.now();
  return () => new Date(start + (Date.now() - realStart));
}
