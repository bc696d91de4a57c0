// Reads a catalogue file at the edge (files, not domain): its extension says CSV or JSON, it must be UTF-8 and
// under MAX_CATALOG_BYTES, and its rows are checked by the domain (parseCatalogRows) before anything is written.
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalogRows, type CatalogError } from '../domain/catalogue/parse-catalog-rows.ts';
import type { CatalogItemInput } from '../domain/catalogue/catalog-row.ts';

/** Larger than any real catalogue (5,000 rows of 1 KB); a bigger file is refused before it is read. */
export const MAX_CATALOG_BYTES = 5 * 1024 * 1024;

/** The demo catalogue `seed demo` and `serve --demo` import. */
export const DEMO_CATALOGUE_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'demo', 'catalogue.json');

export type CatalogFileResult =
  | { ok: true; items: CatalogItemInput[] }
  | { ok: false; problem: 'cannot_read' | 'wrong_extension' | 'too_large' | 'not_utf8' }
  | { ok: false; problem: 'bad_rows'; errors: CatalogError[] };

export function readCatalogFile(path: string): CatalogFileResult {
  const extension = extname(path).toLowerCase();
  const format = extension === '.csv' ? 'csv' : extension === '.json' ? 'json' : null;
  if (format === null) return { ok: false, problem: 'wrong_extension' };
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_CATALOG_BYTES) return { ok: false, problem: 'too_large' };
    bytes = readFileSync(path);
  } catch {
    return { ok: false, problem: 'cannot_read' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'not_utf8' };
  }
  const { items, errors } = parseCatalogRows(text, format);
  return errors.length > 0 ? { ok: false, problem: 'bad_rows', errors } : { ok: true, items };
}
