// `jiuyebang db migrate | status | diff [--provider p] | create <name> [--provider p]`: the database
// maintenance commands, offline (schema engine wasm). Exit codes: 0 ok, 1 diff found changes, 2 error.
import { z } from 'zod';
import type { DatabaseKind } from '../persistence/database.ts';
import { databaseKindOf } from '../persistence/database.ts';
import { applyMigrations } from '../persistence/migrations/apply-migrations.ts';
import { migrationStatus } from '../persistence/migrations/migration-status.ts';
import {
  diffSchemaFromMigrations,
  DEFAULT_POSTGRES_SERVER,
} from '../persistence/migrations/diff-schema-from-migrations.ts';
import { createMigration } from '../persistence/migrations/create-migration.ts';

export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
}

export const DB_USAGE =
  'usage: jiuyebang db migrate | status | diff [--provider sqlite|postgres] | create <name> [--provider sqlite|postgres]';

const Provider = z.enum(['sqlite', 'postgres']);

const Parsed = z.object({
  command: z.enum(['migrate', 'status', 'diff', 'create']),
  positional: z.array(z.string()),
  provider: Provider.optional(),
  serverUrl: z.string().optional(),
});
type Parsed = z.infer<typeof Parsed>;

class UsageError extends Error {}

/** Runs one `db` subcommand; never throws: errors become one line on stderr and exit code 2. */
export async function runDbCommand(argv: string[], io: CommandIo, env: { databaseUrl: string }): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'migrate': {
        const { applied } = await applyMigrations(env.databaseUrl);
        io.out(applied.length === 0 ? 'database is up to date' : `applied ${applied.length}: ${applied.join(', ')}`);
        return 0;
      }
      case 'status':
        io.out(JSON.stringify(await migrationStatus(env.databaseUrl), null, 2));
        return 0;
      case 'diff':
        return await diff(args, io, env);
      case 'create':
        return await create(args, io, env);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`db: ${firstLine(message)}${error instanceof UsageError ? ` (${DB_USAGE})` : ''}`);
    return 2;
  }
}

async function diff(args: Parsed, io: CommandIo, env: { databaseUrl: string }): Promise<number> {
  let changed = false;
  for (const kind of providersOf(args)) {
    const sql = await diffSchemaFromMigrations(kind, { serverUrl: serverUrlFor(args, env) });
    if (sql === '') continue;
    changed = true;
    io.out(`-- ${kind}: the committed migrations differ from the schema by:\n${sql}`);
  }
  return changed ? 1 : 0;
}

async function create(args: Parsed, io: CommandIo, env: { databaseUrl: string }): Promise<number> {
  const [name] = args.positional;
  if (name === undefined) throw new UsageError('create needs a migration name');
  const now = new Date();
  for (const kind of providersOf(args)) {
    const created = await createMigration(kind, name, { now, serverUrl: serverUrlFor(args, env) });
    io.out(created === null ? `${kind}: no changes, nothing written` : `${kind}: wrote ${created.path}`);
  }
  return 0;
}

function providersOf(args: Parsed): DatabaseKind[] {
  return args.provider === undefined ? ['sqlite', 'postgres'] : [args.provider];
}

/** PostgreSQL diffs need a server for the temporary shadow database: --server-url, DATABASE_URL, or local. */
function serverUrlFor(args: Parsed, env: { databaseUrl: string }): string {
  if (args.serverUrl !== undefined) return args.serverUrl;
  return safeKind(env.databaseUrl) === 'postgres' ? env.databaseUrl : DEFAULT_POSTGRES_SERVER;
}

function safeKind(url: string): DatabaseKind | undefined {
  try {
    return databaseKindOf(url);
  } catch {
    return undefined;
  }
}

function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? '';
    const flag = /^--(provider|server-url)(?:=(.*))?$/.exec(arg);
    if (flag === null) {
      if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    const value = flag[2] ?? rest[(i += 1)];
    if (value === undefined) throw new UsageError(`--${flag[1]} needs a value`);
    flags[flag[1] ?? ''] = value;
  }
  const parsed = Parsed.safeParse({ command, positional, provider: flags['provider'], serverUrl: flags['server-url'] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${issue?.path.join('.') || 'command'}: ${issue?.message ?? 'invalid arguments'}`);
  }
  return parsed.data;
}

function firstLine(message: string): string {
  return (message.split('\n').find((line) => line.trim() !== '') ?? message).trim();
}
