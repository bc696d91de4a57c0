// Shared shape of a `jiuyebang policy <command>` subcommand and of the output sink it writes to.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findRegionPack, loadRegionPacks } from '../../config/load-region-packs.ts';
import type { RegionPack } from '../../domain/regions/region-pack.ts';
import { createLocalizer, readLocaleResources, type Localizer } from '../../conversation/localizer.ts';

/** Where a command writes: exactly one JSON object on `out`, one-line messages on `err`. */
export interface PolicyIo { out(s: string): void; err(s: string): void }

/** One subcommand: `run` returns the process exit code (0 ok, 2 bad arguments). */
export interface PolicySubcommand {
  usage: string;
  run(args: string[], io: PolicyIo): Promise<number>;
}

/** Thrown for bad or missing arguments; the dispatcher prints its message and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type StringOptions = NonNullable<ParseArgsConfig['options']>;

/** Strict flag parsing with node:util parseArgs; unknown flags and positionals become UsageErrors. */
export function parseFlags(args: string[], options: StringOptions): Record<string, string | undefined> {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    const flags: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(values)) flags[key] = typeof value === 'string' ? value : undefined;
    return flags;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The flag's value, or a UsageError naming the missing flag. */
export function requireFlag(flags: Record<string, string | undefined>, name: string, usage: string): string {
  const value = flags[name];
  if (value === undefined || value.trim() === '') throw new UsageError(`missing --${name} (usage: ${usage})`);
  return value;
}

/** Writes one JSON object as a single line. */
export function printJson(io: PolicyIo, value: object): void {
  io.out(`${JSON.stringify(value)}\n`);
}

/** The pack named by `--region` (exact, or a unique `<code>-` prefix); a UsageError lists the known packs. */
export function regionPackFlag(code: string): RegionPack {
  const packs = loadRegionPacks();
  const pack = findRegionPack(packs, code);
  if (pack === undefined) throw new UsageError(`unknown --region ${JSON.stringify(code)}: one of ${packs.map((p) => p.code).join(', ')}`);
  return pack;
}

let words: Localizer | undefined;

/** A clause reference as a caseworker reads it (Chinese): document and section, or "本地设定，参照……". */
export function citation(ref: string): string {
  words ??= createLocalizer(readLocaleResources());
  return words.cite('zh-CN', ref);
}
