// `jiuyebang <command>`: serve | db ... | policy ... | outreach tick|plan | seed demo | outreach plan --person <id> | seed demo --people N | calendar import|status | catalog import <file>. Configuration errors
// print one line naming the variable and exit 1; bad arguments exit 2. Each command is imported when it runs: the
// whole service (serve) took ~300 MB and seconds to load before a one-line command could start.
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config.ts';
import { resolveCalendarOverridesPath } from '../config/load-calendar-overrides.ts';

const USAGE = 'usage: jiuyebang serve [--demo] | db <migrate|status|diff|create> | policy <command> | outreach tick [--now ISO] | outreach plan --person <id> | seed demo --people N | calendar <import <notice.txt>|status> | catalog import <file.csv|file.json> [--dry-run] [--json] | wecom link <username> <wecom-userid>';
const io = { out: (s: string) => void process.stdout.write(s.endsWith('\n') ? s : `${s}\n`), err: (s: string) => void process.stderr.write(s.endsWith('\n') ? s : `${s}\n`) };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'policy':
      return (await import('./policy/policy-command.ts')).runPolicyCommand(rest, io);
    case 'db':
      return (await import('./db-command.ts')).runDbCommand(rest, io, { databaseUrl: config().DATABASE_URL });
    case 'outreach':
      return (await import('./outreach-command.ts')).runOutreachCommand(rest, io, config());
    case 'calendar': {
      const { CALENDAR_OVERRIDES_FILE, REGION } = config();
      return (await import('./calendar/calendar-command.ts')).runCalendarCommand(rest, io, { overridesFile: resolveCalendarOverridesPath(CALENDAR_OVERRIDES_FILE), region: REGION, now: () => new Date() });
    }
    case 'catalog':
      return (await import('./catalog/catalog-command.ts')).runCatalogCommand(rest, io, { databaseUrl: config().DATABASE_URL, now: () => new Date(), tty: Boolean(process.stderr.isTTY) });
    case 'wecom':
      return (await import('./wecom-command.ts')).runWecomCommand(rest, io, config());
    case 'seed':
      return (await import('./seed/seed-command.ts')).runSeedCommand(rest, io, config());
    case 'serve':
      return (await import('./serve-command.ts')).runServeCommand(rest, rest.includes('--demo') ? demoConfig() : config());
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
