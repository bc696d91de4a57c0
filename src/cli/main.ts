// `jiuyebang <command>`: serve | db ... | policy ... | outreach tick|plan | seed demo | outreach plan --person <id> | seed demo --people N | calendar import|status | catalog import <file>. Configuration errors
// print one line naming the variable and exit 1; bad arguments exit 2.
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config.ts';
import { resolveCalendarOverridesPath } from '../config/load-calendar-overrides.ts';
import { runCalendarCommand } from './calendar/calendar-command.ts';
import { runCatalogCommand } from './catalog/catalog-command.ts';
import { runDbCommand } from './db-command.ts';
import { runPolicyCommand } from './policy/policy-command.ts';
import { runOutreachCommand } from './outreach-command.ts';
import { runServeCommand } from './serve-command.ts';
import { runWecomCommand } from './wecom-command.ts';
import { runSeedCommand } from './seed/seed-command.ts';

const USAGE = 'usage: jiuyebang serve [--demo] | db <migrate|status|diff|create> | policy <command> | outreach tick [--now ISO] | outreach plan --person <id> | seed demo --people N | calendar <import <notice.txt>|status> | catalog import <file.csv|file.json> [--dry-run] [--json] | wecom link <username> <wecom-userid>';
const io = { out: (s: string) => void process.stdout.write(s.endsWith('\n') ? s : `${s}\n`), err: (s: string) => void process.stderr.write(s.endsWith('\n') ? s : `${s}\n`) };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'policy':
      return runPolicyCommand(rest, io);
    case 'db':
      return runDbCommand(rest, io, { databaseUrl: config().DATABASE_URL });
    case 'outreach':
      return runOutreachCommand(rest, io, config());
    case 'calendar': {
      const { CALENDAR_OVERRIDES_FILE, REGION } = config();
      return runCalendarCommand(rest, io, { overridesFile: resolveCalendarOverridesPath(CALENDAR_OVERRIDES_FILE), region: REGION, now: () => new Date() });
    }
    case 'catalog':
      return runCatalogCommand(rest, io, { databaseUrl: config().DATABASE_URL, now: () => new Date(), tty: Boolean(process.stderr.isTTY) });
    case 'wecom':
      return runWecomCommand(rest, io, config());
    case 'seed':
      return runSeedCommand(rest, io, config());
    case 'serve':
      return runServeCommand(rest, rest.includes('--demo') ? demoConfig() : config());
    default:
      io.err(USAGE);
      return 2;
  }
}

/** `serve --demo`: the demo caseworker, listening on loopback unless HOST says otherwise. */
function demoConfig(): AppConfig {
  return loadConfig({ HOST: '127.0.0.1', ...process.env, DEMO_DATA: 'true' });
}

function config(): AppConfig {
  return loadConfig(process.env);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
