// Reads a whole catalogue file (CSV with a header row, or a JSON array of objects) into checked items, or the list
// of what is wrong with it, each with its line: a file is imported whole or not at all, so every problem is shown.
import type { z } from 'zod';
import { readCsvRecords } from './csv-records.ts';
import { jsonElementLines } from './json-element-lines.ts';
import { CATALOG_COLUMNS, REQUIRED_COLUMNS, catalogRowSchema, toCatalogItem, type CatalogItemInput, type CatalogRow } from './catalog-row.ts';

export const CATALOG_FORMATS = ['csv', 'json'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];
/** More rows than a catalogue of a city's offices plausibly has; a file beyond it is refused as a whole. */
export const MAX_CATALOG_ROWS = 5000;

/** Reason codes; the CLI words them from locales (catalogCli.errors.*), Chinese first. */
export type CatalogErrorCode =
  | 'empty_file' | 'too_many_rows' | 'bad_json' | 'not_an_array' | 'not_an_object' | 'unclosed_quote' | 'text_after_quote'
  | 'unknown_column' | 'missing_column' | 'field_count' | 'missing' | 'invalid' | 'unknown_field'
  | 'expires_before_effective' | 'age_range' | 'needs_link_or_place' | 'place_needs_time' | 'district_outside_region' | 'duplicate_key';

export interface CatalogError { line: number; code: CatalogErrorCode; params?: Record<string, string | number> }
export type CatalogParseResult = { items: CatalogItemInput[]; errors: CatalogError[] };

const EVENT_KINDS: ReadonlySet<string> = new Set(['guidance', 'training']);

interface RawRow { line: number; value: unknown }

function csvRows(text: string): { rows: RawRow[]; errors: CatalogError[] } {
  const read = readCsvRecords(text);
  if (!read.ok) return { rows: [], errors: [{ line: read.line, code: read.code }] };
  const [header, ...records] = read.records;
  if (!header) return { rows: [], errors: [{ line: 1, code: 'empty_file' }] };
  const columns = header.fields.map((f) => f.trim());
  const known = new Set<string>(CATALOG_COLUMNS);
  const errors: CatalogError[] = [
    ...columns.filter((c) => !known.has(c)).map((column): CatalogError => ({ line: header.line, code: 'unknown_column', params: { field: column } })),
    ...REQUIRED_COLUMNS.filter((c) => !columns.includes(c)).map((column): CatalogError => ({ line: header.line, code: 'missing_column', params: { field: column } })),
  ];
  if (errors.length > 0) return { rows: [], errors };
  const rows: RawRow[] = [];
  for (const record of records) {
    if (record.fields.length !== columns.length) {
      errors.push({ line: record.line, code: 'field_count', params: { count: record.fields.length, expected: columns.length } });
      continue;
    }
    rows.push({ line: record.line, value: Object.fromEntries(columns.map((c, i) => [c, record.fields[i]])) });
  }
  return { rows, errors };
}

function jsonRows(text: string): { rows: RawRow[]; errors: CatalogError[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { rows: [], errors: [{ line: 1, code: 'bad_json' }] };
  }
  if (!Array.isArray(parsed)) return { rows: [], errors: [{ line: 1, code: 'not_an_array' }] };
  const lines = jsonElementLines(text);
  const rows: RawRow[] = [];
  const errors: CatalogError[] = [];
  parsed.forEach((value: unknown, i) => {
    const line = lines[i] ?? 1;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) errors.push({ line, code: 'not_an_object' });
    else rows.push({ line, value });
  });
  return { rows, errors };
}

function issueErrors(line: number, issues: readonly z.core.$ZodIssue[], value: unknown): CatalogError[] {
  const seen = new Set<string>();
  const errors: CatalogError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ line, code: 'unknown_field', params: { field: key } });
      continue;
    }
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    const given = typeof value === 'object' && value !== null ? Object.entries(value).find(([k]) => k === field)?.[1] : undefined;
    const absent = given === undefined || given === null || (typeof given === 'string' && given.trim() === '');
    errors.push({ line, code: absent ? 'missing' : 'invalid', params: { field } });
  }
  return errors;
}

function crossFieldErrors(line: number, row: CatalogRow): CatalogError[] {
  const errors: CatalogError[] = [];
  if (row.expiresOn < row.effectiveFrom) errors.push({ line, code: 'expires_before_effective' });
  if (row.minAge !== undefined && row.maxAge !== undefined && row.minAge > row.maxAge) errors.push({ line, code: 'age_range' });
  if (row.link === undefined && row.place === undefined) errors.push({ line, code: 'needs_link_or_place' });
  // Sessions and courses happen at a time; a policy's office or a vacancy's workplace is a place without one.
  if (EVENT_KINDS.has(row.kind) && row.place !== undefined && row.startsAt === undefined && row.link === undefined) errors.push({ line, code: 'place_needs_time' });
  if (row.district !== undefined && !row.district.startsWith(row.region)) errors.push({ line, code: 'district_outside_region', params: { district: row.district, region: row.region } });
  return errors;
}

/** Every item of the file, or every problem (then no items: nothing of a bad file is imported). */
export function parseCatalogRows(text: string, format: CatalogFormat): CatalogParseResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { items: [], errors: [{ line: 1, code: 'empty_file' }] };
  const { rows, errors } = format === 'csv' ? csvRows(body) : jsonRows(body);
  if (rows.length + errors.length > MAX_CATALOG_ROWS) return { items: [], errors: [{ line: 1, code: 'too_many_rows', params: { max: MAX_CATALOG_ROWS } }] };
  const items: CatalogItemInput[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, value } of rows) {
    const parsed = catalogRowSchema.safeParse(value);
    if (!parsed.success) {
      errors.push(...issueErrors(line, parsed.error.issues, value));
      continue;
    }
    const rowErrors = crossFieldErrors(line, parsed.data);
    const item = toCatalogItem(parsed.data);
    const first = firstLineOf.get(item.id);
    if (first !== undefined) rowErrors.push({ line, code: 'duplicate_key', params: { key: item.key, first } });
    else firstLineOf.set(item.id, line);
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else items.push(item);
  }
  errors.sort((a, b) => a.line - b.line);
  return errors.length > 0 ? { items: [], errors } : { items, errors };
}
