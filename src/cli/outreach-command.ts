// `jiuyebang outreach tick [--now ISO]`: one scheduler tick (plan, then deliver), one JSON line
// {"planned":N,"sent":N,"deferred":N,"failed":N,"unconfirmed":N}. `jiuyebang outreach plan --person <id>`: that person's rows,
// each with its clause as the real document and section.
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config/app-config.ts';
import { serviceDateOf } from '../config/service-time-zone.ts';
import { createLocalizer, readLocaleResources } from '../conversation/localizer.ts';
import { toLocale } from '../conversation/locales.ts';
import { openDatabase } from '../persistence/database.ts';
import { createOutreachRepository } from '../persistence/outreach-repository.ts';
import { startService } from '../main.ts';

type Io = { out(s: string): void; err(s: string): void };
const USAGE = 'usage: jiuyebang outreach tick [--now 2026-11-22T09:00:00+08:00] | outreach plan --person <id> [--lang en]';

export async function runOutreachCommand(argv: string[], io: Io, config: AppConfig): Promise<number> {
  let parsed: { command: string; now: Date; person: string; lang: string };
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { now: { type: 'string' }, person: { type: 'string' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
    const command = positionals[0] ?? '';
    if (!['tick', 'plan'].includes(command) || positionals.length !== 1) throw new Error(USAGE);
    const now = values.now ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time (got "${values.now}")`);
    if (command === 'plan' && !values.person) throw new Error('outreach plan needs --person <id>');
    parsed = { command, now, person: (values.person ?? '').slice(0, 100), lang: values.lang ?? 'zh-CN' };
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (parsed.command === 'plan') return printPlan(parsed.person, parsed.lang, io, config);
  const service = await startService({ ...config, PORT: 0, HOST: '127.0.0.1', SCHEDULER_ENABLED: false, LOG_LEVEL: 'error' }, { leaveDemoAccount: true });
  try {
    io.out(JSON.stringify(await service.tick(parsed.now)));
    return 0;
  } finally {
    await service.stop();
  }
}

async function printPlan(personId: string, lang: string, io: Io, config: AppConfig): Promise<number> {
  const database = openDatabase(config.DATABASE_URL);
  try {
    await database.ready;
    const rows = await createOutreachRepository(database.prisma).listForJobSeeker(personId);
    const localizer = createLocalizer(readLocaleResources());
    const locale = toLocale(lang);
    if (rows.length === 0) {
      io.err(localizer.t(locale, 'outreach.plan.none'));
      return 1;
    }
    io.out(localizer.t(locale, 'outreach.plan.title', { count: rows.length }));
    for (const r of rows) {
      io.out(localizer.t(locale, 'outreach.plan.row', {
        date: serviceDateOf(r.dueAt),
        kind: localizer.has(locale, `outreach.plan.kinds.${r.kind}`) ? localizer.t(locale, `outreach.plan.kinds.${r.kind}`) : r.kind,
        status: localizer.has(locale, `outreach.plan.statuses.${r.status}`) ? localizer.t(locale, `outreach.plan.statuses.${r.status}`) : r.status,
        source: r.clause ?? '',
      }));
    }
    return 0;
  } finally {
    await database.close();
  }
}
