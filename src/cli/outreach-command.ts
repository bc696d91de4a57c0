// `jiuyebang outreach tick [--now ISO]`: one scheduler tick, e.g. from a system timer or a test.
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config/app-config.ts';
import { startService } from '../main.ts';

export async function runOutreachCommand(argv: string[], io: { out(s: string): void; err(s: string): void }, config: AppConfig): Promise<number> {
  let now: Date;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { now: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals[0] !== 'tick' || positionals.length !== 1) throw new Error('usage: jiuyebang outreach tick [--now 2026-11-22T09:00:00+08:00]');
    now = values.now ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time (got "${values.now}")`);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const service = await startService({ ...config, PORT: 0, HOST: '127.0.0.1', SCHEDULER_ENABLED: false, LOG_LEVEL: 'error' }, { leaveDemoAccount: true });
  try {
    io.out(JSON.stringify(await service.tick(now)));
    return 0;
  } finally {
    await service.stop();
  }
}
