// The demo caseworker (public password) exists only with --demo, listens on loopback by default, and is
// refused on a public interface unless DEMO_ALLOW_PUBLIC=true says it is on purpose.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/app-config.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'jyb-demo-'));
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${join(dir, 'db.sqlite')}`, PII_KEY_FILE: join(dir, 'pii.key'), SCHEDULER_ENABLED: 'false', PORT: '0' };
delete env.HOST;
delete env.DEMO_DATA;
delete env.DEMO_ALLOW_PUBLIC;

describe('the demo caseworker', () => {
  it('is refused on a public HOST unless DEMO_ALLOW_PUBLIC=true', () => {
    expect(() => loadConfig({ DEMO_DATA: 'true', HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEMO_DATA: 'true', HOST: '0.0.0.0' })).toThrow(/^Configuration error: DEMO_ALLOW_PUBLIC /);
    expect(loadConfig({ DEMO_DATA: 'true', HOST: '0.0.0.0', DEMO_ALLOW_PUBLIC: 'true' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ DEMO_DATA: 'true', HOST: '127.0.0.1' }).DEMO_DATA).toBe(true);
  });

  it('`serve --demo` on HOST=0.0.0.0 exits 1 with one line', () => {
    const run = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'serve', '--demo'], { env: { ...env, HOST: '0.0.0.0' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DEMO_ALLOW_PUBLIC must be true .* HOST 0\.0\.0\.0; use HOST=127\.0\.0\.1/);
  });

  it('`serve --demo` without HOST listens on 127.0.0.1 (npm start keeps working)', async () => {
    const child = spawn(process.execPath, ['bin/jiuyebang.mjs', 'serve', '--demo'], { env });
    const logs: string[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not started: ${logs.join('')}`)), 30_000);
        child.stderr.on('data', (c: Buffer) => logs.push(c.toString()));
        child.stdout.on('data', (c: Buffer) => {
          logs.push(c.toString());
          if (logs.join('').includes('listening on')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      expect(logs.join('')).toContain('"host":"127.0.0.1"');
      expect(logs.join('')).toContain('demo caseworker');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('no longer logs in once the service runs without --demo', async () => {
    const withDemo = tempServiceConfig();
    const first = await startTestService(withDemo);
    const login = (url: string) =>
      fetch(`${url.replace('localhost', '127.0.0.1')}/api/caseworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo', password: 'jiuyebang-demo' }) });
    expect((await login(first.url)).status).toBe(200);
    await first.stop();
    const second = await startTestService({ ...withDemo, DEMO_DATA: false });
    expect((await login(second.url)).status).toBe(401);
    await second.stop();
  });
});
