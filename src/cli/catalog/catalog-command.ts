// `jiuyebang catalog import <file.csv|file.json> [--dry-run] [--json]`: checks the whole file, then writes it in one
// transaction (a bad row writes nothing), new and changed rows only, so the same file twice changes nothing. A
// progress bar on a terminal, a plain line otherwise. Exit 0 imported, 2 refused file or bad arguments, 1 failure.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { readCatalogFile } from '../../config/read-catalog-file.ts';
import { openDatabase } from '../../persistence/database.ts';
import { applyMigrations } from '../../persistence/migrations/apply-migrations.ts';
import { createCatalogueImporter } from '../../persistence/catalogue-repository.ts';
import { catalogRefusal, catalogText, inBothLanguages, type CatalogIo } from './catalog-cli-io.ts';

export interface CatalogCliContext { databaseUrl: string; now(): Date; tty: boolean }

const OPTIONS = { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } } as const;

/** Runs `catalog ...argv`; returns the exit code. */
export async function runCatalogCommand(argv: string[], io: CatalogIo, context: CatalogCliContext): Promise<number> {
  let parsed: { values: { 'dry-run'?: boolean; json?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch {
    parsed = { values: {}, positionals: [] };
  }
  const [command, file, ...extra] = parsed.positionals;
  if (command !== 'import' || file === undefined || extra.length > 0) {
    io.err(inBothLanguages((locale) => [catalogText(locale, 'usage')]));
    return 2;
  }
  return importCatalog(file, { dryRun: parsed.values['dry-run'] === true, json: parsed.values.json === true }, io, context);
}

async function importCatalog(file: string, options: { dryRun: boolean; json: boolean }, io: CatalogIo, context: CatalogCliContext): Promise<number> {
  const read = readCatalogFile(file);
  if (!read.ok) {
    const refusal = catalogRefusal(read, file);
    if (options.json) io.out(`${JSON.stringify({ file, imported: false, problem: read.problem, errors: refusal.errors })}\n`);
    io.err(refusal.text);
    // As `calendar import`: 1 for a file refused, 2 for bad arguments.
    return 1;
  }
  await applyMigrations(context.databaseUrl);
  const database = openDatabase(context.databaseUrl);
  try {
    await database.ready;
    const total = read.items.length;
    const bar = context.tty ? new cliProgress.SingleBar({ format: `${catalogText('zh-CN', 'progress')} [{bar}] {percentage}% {value}/{total}` }, cliProgress.Presets.shades_classic) : null;
    bar?.start(total, 0);
    let lastTenth = 0;
    const onProgress = (done: number) => {
      bar?.update(done);
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (!bar && tenth > lastTenth) {
        lastTenth = tenth;
        io.err(`catalog import: ${done}/${total}\n`);
      }
    };
    const counts = await createCatalogueImporter(database.prisma).importItems(read.items, context.now(), { dryRun: options.dryRun, file: basename(file), onProgress });
    bar?.stop();
    if (options.json) io.out(`${JSON.stringify({ file, imported: !options.dryRun, dryRun: options.dryRun, ...counts })}\n`);
    else io.out(inBothLanguages((locale) => [catalogText(locale, options.dryRun ? 'dryRun' : 'done', { file: basename(file), ...counts })]));
    return 0;
  } finally {
    await database.close();
  }
}
