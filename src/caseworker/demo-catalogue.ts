// The demo catalogue (demo/catalogue.json) for `seed demo` and `serve --demo`: imported like any catalogue file,
// so a second start changes nothing; a broken demo file is a bug of this repository and stops the start.
import { DEMO_CATALOGUE_PATH, readCatalogFile } from '../config/read-catalog-file.ts';
import type { CatalogItemInput } from '../domain/catalogue/catalog-row.ts';
import type { Logger } from '../logging/logger.ts';

export interface CatalogueWriter {
  importItems(items: readonly CatalogItemInput[], at: Date, options: { dryRun: boolean; file: string }): Promise<{ created: number; changed: number; unchanged: number }>;
}

export async function loadDemoCatalogue(writer: CatalogueWriter, at: Date, logger?: Logger): Promise<{ created: number; changed: number; unchanged: number }> {
  const read = readCatalogFile(DEMO_CATALOGUE_PATH);
  if (!read.ok) throw new Error(`demo/catalogue.json is not a valid catalogue: ${read.problem === 'bad_rows' ? JSON.stringify(read.errors.slice(0, 3)) : read.problem}`);
  const counts = await writer.importItems(read.items, at, { dryRun: false, file: 'demo/catalogue.json' });
  logger?.info(counts, 'demo catalogue imported');
  return counts;
}
