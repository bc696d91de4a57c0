// Finds the PII key: PII_KEY if set, else the key file, created with a fresh random key on first start.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { ConfigError, type AppConfig } from './app-config.ts';

export function loadPiiKey(config: Pick<AppConfig, 'PII_KEY' | 'PII_KEY_FILE'>): Buffer {
  if (config.PII_KEY) return Buffer.from(config.PII_KEY, 'base64');
  const file = config.PII_KEY_FILE;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // A second instance starting at the same moment wrote it first: use theirs.
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ConfigError(`Configuration error: PII_KEY_FILE ${file} must hold 32 bytes in base64`);
  return key;
}
