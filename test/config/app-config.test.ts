// Configuration fails fast: a bad or missing value stops start-up with one line naming the variable.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/app-config.ts';

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('file:./data/jiuyebang.db');
    expect(config.REGION).toBe('440800');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REGION', 'zhanjiang'],
    ['LOG_LEVEL', 'loud'],
    ['PII_KEY', 'short'],
    ['DEMO_DATA', 'maybe'],
  ])('%s=%s is refused with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Configuration error: ${name} `));
  });

  it('never prints the PII key it refuses', () => {
    expect(() => loadConfig({ PII_KEY: 'secret-value' })).not.toThrow(/secret-value/);
  });

  it('stops `jiuyebang serve` with exit 1 and one stderr line naming the variable', () => {
    const run = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'serve'], { env: { ...process.env, PORT: 'not-a-port' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: PORT /);
  });
});
