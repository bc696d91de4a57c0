// The service as a bureau runs it: `jiuyebang serve` in its own process, stopped with SIGTERM mid-turn,
// and `jiuyebang outreach tick --now` from a timer, idempotent.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { createRepositories } from '../../src/persistence/repositories.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { loadPiiKey } from '../../src/config/load-pii-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'jyb-serve-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'db.sqlite')}`, PII_KEY_FILE: join(dir, 'pii.key'), HOST: '127.0.0.1', LOG_LEVEL: 'info', SCHEDULER_ENABLED: 'false' };
const children: ChildProcess[] = [];

afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function serve(port: number): Promise<{ child: ChildProcess; logs: string[] }> {
  const child = spawn(process.execPath, ['bin/jiuyebang.mjs', 'serve', '--demo'], { env: { ...env, PORT: String(port) } });
  children.push(child);
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start: ${logs.join('')}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      logs.push(chunk.toString());
      if (chunk.toString().includes('listening on')) {
        clearTimeout(timer);
        resolve({ child, logs });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('jiuyebang serve and outreach tick', () => {
  const port = 31000 + Math.floor(Math.random() * 2000);

  it('prints the demo caseworker at start-up and stops cleanly on SIGTERM, finishing the turn in flight', async () => {
    const first = await serve(port);
    expect(first.logs.join('')).toContain('demo caseworker');
    const client = await connect(`http://127.0.0.1:${port}`);
    await ask(client, '登记');
    await ask(client, '同意');
    await client.say('张三');
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(first.logs.join('')).toContain('"msg":"stopped"');
    client.end();

    const second = await serve(port);
    const resumed = await connect(`http://127.0.0.1:${port}`, { conversationId: client.conversationId, token: client.token });
    await resumed.waitFor((a) => a.type === 'message' && a.from.role === 'bot' && String(a.text ?? '').includes('身份证号码'), 15_000);
    resumed.end();
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  });

  it('plans outreach once, however often the tick runs, and prints one JSON line', { timeout: 180_000 }, async () => {
    const database = openDatabase(env.DATABASE_URL);
    const repos = createRepositories(database.prisma, createPiiCipher(loadPiiKey({ PII_KEY: undefined, PII_KEY_FILE: env.PII_KEY_FILE })), '440800');
    await repos.registrations.submit({
      submission: { name: '李四', idNumber: '330302199005151235', phone: '13812345678', birthDate: '1990-05-15', sex: 'M', reason: 'lost_job' },
      locale: 'zh-CN', conversationKey: 'cli:1', channel: 'cli', userKey: 'u1', reference: '{}', at: new Date('2026-11-20T02:00:00Z'),
    });
    await database.close();
    const tick = () => spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'outreach', 'tick', '--now', '2026-11-23T09:00:00+08:00'], { env, encoding: 'utf8', timeout: 60_000 });
    const first = tick();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    // 2026-11-23 09:00 Monday: first contact (due 11-23) goes out on the web chat address '{}' cannot reach: undeliverable.
    const counts = JSON.parse(first.stdout);
    expect(Object.keys(counts)).toEqual(['planned', 'sent', 'deferred', 'failed', 'unconfirmed']);
    expect(counts.planned).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(tick().stdout)).toMatchObject({ planned: 0, sent: 0 });
    const plan = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'outreach', 'plan', '--person', 'nobody'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(plan.status).toBe(1);
    expect(plan.stderr).toContain('没有这个人的服务计划');
    const bad = spawnSync(process.execPath, ['bin/jiuyebang.mjs', 'outreach', 'tick', '--now', 'yesterday'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--now must be an ISO date-time');
  });
});
