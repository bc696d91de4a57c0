// `jiuyebang seed demo --people N`: N realistic demo registrants, in batches (bounded memory), with a progress bar when
// stderr is a terminal (the JSON result on stdout may go to a file) and a plain progress line otherwise. A second run
// adds N more after the first. The demo catalogue comes with them (imported again: unchanged).
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { AppConfig } from '../../config/app-config.ts';
import { loadPiiKey } from '../../config/load-pii-key.ts';
import { serviceDateOf } from '../../config/service-time-zone.ts';
import { openDatabase } from '../../persistence/database.ts';
import { createDemoRegistrants } from '../../persistence/demo-registrants.ts';
import { applyMigrations } from '../../persistence/migrations/apply-migrations.ts';
import { createPiiCipher } from '../../persistence/pii-cipher.ts';
import { demoPerson } from './demo-people.ts';
import { loadDemoCatalogue } from '../../caseworker/demo-catalogue.ts';
import { createCatalogueImporter } from '../../persistence/catalogue-repository.ts';

type Io = { out(s: string): void; err(s: string): void };
const BATCH = 1000;
const MAX_PEOPLE = 10_000_000;

export async function runSeedCommand(argv: string[], io: Io, config: AppConfig, tty = Boolean(process.stderr.isTTY), clock: () => Date = () => new Date()): Promise<number> {
  let people: number;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { people: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals[0] !== 'demo' || positionals.length !== 1) throw new Error('usage: jiuyebang seed demo --people N');
    people = Number(values.people ?? '');
    if (!Number.isInteger(people) || people < 1 || people > MAX_PEOPLE) throw new Error(`--people must be a whole number from 1 to ${MAX_PEOPLE}`);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  await applyMigrations(config.DATABASE_URL);
  const database = openDatabase(config.DATABASE_URL);
  await database.ready;
  const demo = createDemoRegistrants(database.prisma, createPiiCipher(loadPiiKey(config)), config.DATABASE_URL);
  try {
    const start = await demo.count();
    const now = clock();
    const today = serviceDateOf(now);
    const bar = tty ? new cliProgress.SingleBar({ format: '生成演示登记人员 [{bar}] {percentage}% {value}/{total}' }, cliProgress.Presets.shades_classic) : null;
    bar?.start(people, 0);
    let lastTenth = 0;
    for (let done = 0; done < people; done += BATCH) {
      const size = Math.min(BATCH, people - done);
      await demo.insert(Array.from({ length: size }, (_, k) => demoPerson(start + done + k, today)), now);
      bar?.update(done + size);
      const tenth = Math.floor(((done + size) * 10) / people);
      if (!bar && tenth > lastTenth) {
        lastTenth = tenth;
        io.err(`seed demo: ${done + size}/${people}`);
      }
    }
    bar?.stop();
    const catalogue = await loadDemoCatalogue(createCatalogueImporter(database.prisma), now);
    // RSS now and at its peak, both in MiB (resourceUsage reports KiB): the figure for "bounded memory".
    io.out(JSON.stringify({ created: people, catalogue, rssMb: Math.round(process.memoryUsage().rss / 1_048_576), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    return 0;
  } finally {
    await demo.close();
    await database.close();
  }
}
